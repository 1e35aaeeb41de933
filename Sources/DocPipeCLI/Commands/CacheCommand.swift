import DocPipe
import Foundation

/// `docpipe cache`: inspect and maintain the on-disk cache.
enum CacheCommand: Command {
    static let name = "cache"
    static let summary = "cache stats | gc --max-size SIZE | verify | clear"
    static let help = """
        USAGE: docpipe cache stats [--json] [--config FILE]
               docpipe cache gc [--max-size SIZE] [--config FILE]
               docpipe cache verify [--config FILE]
               docpipe cache clear [--config FILE]

        stats   objects and bytes, in all and by stage
        gc      evict least recently used objects until the cache holds at most SIZE
                ("500MB", "2GiB", bytes; default: the config's cache.maxSize)
        verify  re-hash every object; remove and list the corrupt ones (exit 1 if any)
        clear   remove every object

        The cache folder is the config's "cache" (default .docpipe/cache).
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: ["--json"], options: ["--config", "--max-size"]) else { return ExitCode.usage }
        guard a.positional.count == 1, let verb = a.positional.first, ["stats", "gc", "verify", "clear"].contains(verb) else {
            env.console.err("error: expected one of stats, gc, verify, clear\n\n\(help)")
            return ExitCode.usage
        }
        guard let config = env.loadConfig(a.values["--config"]) else { return ExitCode.configError }
        let maintenance = CacheMaintenance(cache: ArtifactCache(directory: config.resolve(config.cacheDirectory)))
        switch verb {
        case "stats":
            let s = maintenance.stats()
            if a.flags.contains("--json") {
                env.console.out(JSONWriter(pretty: true).string(s.json))
            } else {
                env.console.out("\(s.objects) objects, \(format(s.bytes)) in \(config.cacheDirectory)")
                for id in s.byStage.keys.sorted() {
                    let v = s.byStage[id]!
                    env.console.out("  \(id): \(v.objects) objects, \(format(v.bytes))")
                }
            }
        case "gc":
            guard let limit = a.values["--max-size"].map(CacheMaintenance.parseSize) ?? config.cacheMaxBytes else {
                env.console.err("error: give --max-size SIZE (e.g. 500MB), or set cache.maxSize in \(config.file)")
                return ExitCode.usage
            }
            let (removed, freed) = maintenance.gc(maxBytes: limit)
            env.console.out("removed \(removed) objects (\(format(freed))); the cache now holds \(format(maintenance.stats().bytes))")
        case "verify":
            let (checked, corrupt) = maintenance.verify()
            for c in corrupt { env.console.out("corrupt, removed: \(c)") }
            env.console.out("verified \(checked) objects: \(corrupt.count) corrupt")
            return corrupt.isEmpty ? ExitCode.success : ExitCode.documentsFailed
        default:
            do { try maintenance.clear() } catch {
                env.console.err("error: \(error)")
                return ExitCode.ioError
            }
            env.console.out("cache cleared")
        }
        return ExitCode.success
    }

    static func format(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : bytes >= 1000 ? String(format: "%.1f kB", Double(bytes) / 1e3) : "\(bytes) B"
    }
}
