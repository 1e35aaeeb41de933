import DocPipe

/// `docpipe stages`: lists the stage types a pipeline can use.
enum StagesCommand: Command {
    static let name = "stages"
    static let summary = "list the available stages with their options"
    static let help = """
        USAGE: docpipe stages [--json]

        Lists every stage id a pipeline.json may name, its version, what it requires and produces,
        and its options with their defaults.

        OPTIONS:
          --json   print one JSON object for tools
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: ["--json"], options: []) else { return ExitCode.usage }
        guard a.positional.isEmpty else {
            env.console.err("error: 'stages' takes no arguments")
            return ExitCode.usage
        }
        let descriptors = env.registry.ids.compactMap { env.registry[$0] }
        if a.flags.contains("--json") {
            let value: JSONValue = .array(descriptors.map { d in
                ["id": .string(d.id), "version": .int(d.version), "summary": .string(d.summary),
                 "requires": .array(d.requires.map { .string($0) }), "produces": .array(d.produces.map { .string($0) }),
                 "options": .object(d.defaultOptions)]
            })
            env.console.out(JSONWriter(pretty: true).string(value))
            return ExitCode.success
        }
        for d in descriptors {
            env.console.out("\(d.id) (version \(d.version)): \(d.summary)")
            env.console.out("  requires: \(d.requires.isEmpty ? "-" : d.requires.joined(separator: ", "))")
            env.console.out("  produces: \(d.produces.isEmpty ? "-" : d.produces.joined(separator: ", "))")
            if d.defaultOptions.isEmpty {
                env.console.out("  options: none")
            } else {
                env.console.out("  options:")
                for key in d.defaultOptions.keys.sorted() {
                    env.console.out("    \(key) = \(JSONWriter().string(d.defaultOptions[key]!))")
                }
            }
        }
        return ExitCode.success
    }
}
