import DocPipe
import Foundation

/// `docpipe filter`: stream mode for other engines (Spark's RDD.pipe, shell pipelines).
enum FilterCommand: Command {
    static let name = "filter"
    static let summary = "stream mode: JSON Lines records on stdin → one result line each on stdout"
    static let help = """
        USAGE: docpipe filter [--config FILE] [--jobs N] [--no-cache]

        Reads one JSON record per line on stdin (read like a line of a .jsonl input: "text",
        "title", "date"… fields; "id" names the document, else "line-N") and writes exactly one
        JSON line per input line to stdout, in input order: the processed document (all stages
        except those that write files), or an error record
          {"id": …, "line": N, "error": {"stage", "code", "message", "retryable"}}.
        A failed record never stops the stream. Memory stays bounded whatever the input size.
        Output lines never contain a raw U+2028/U+2029.

        EXIT CODES: 0 every line got its result; 75 some records failed with a retryable error
        (all lines still got a result; retrying may help); 2 invalid pipeline.json; 64 bad usage;
        74 stdout could not be written; 70 internal error.
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: ["--no-cache"], options: ["--config", "--jobs"]) else { return ExitCode.usage }
        let jobs: Int
        do { jobs = try a.int("--jobs") ?? ProcessInfo.processInfo.activeProcessorCount } catch {
            env.console.err("error: \(error)")
            return ExitCode.usage
        }
        guard a.positional.isEmpty else {
            env.console.err("error: 'filter' reads stdin and takes no inputs")
            return ExitCode.usage
        }
        guard let config = env.loadConfig(a.values["--config"]) else { return ExitCode.configError }
        let cache = a.flags.contains("--no-cache") ? nil : config.resolve(config.cacheDirectory)
        let input = env.input
        let report: StreamRunner.Report
        do {
            report = try await StreamRunner(config: config, cacheDirectory: cache, jobs: jobs).run(
                next: { input.readLine() }, emit: { try env.output.write($0 + "\n") })
        } catch let e as OutputStreamError {
            env.console.err("error: cannot write the results: \(e)")
            return ExitCode.ioError
        } catch {
            env.console.err("error: \(error)")
            return ExitCode.internalError
        }
        for w in report.warnings { env.console.err("warning: \(w)") }
        env.console.err("docpipe filter: \(report.lines) lines, \(report.ok) ok, \(report.failed) failed")
        return report.retryable > 0 ? ExitCode.transient : ExitCode.success
    }
}

/// Where stream mode reads lines from.
public protocol LineInput: Sendable {
    /// The next line without its newline, or nil at the end.
    func readLine() -> String?
}

/// Where stream mode writes result lines.
public protocol LineOutput: Sendable {
    /// Writes text; throws `OutputStreamError` when it cannot.
    func write(_ text: String) throws
}

/// Writing the results failed (a closed pipe, a full disk).
public struct OutputStreamError: Error, CustomStringConvertible {
    /// What happened.
    public var description: String
}

/// The process's stdin.
struct StandardInput: LineInput {
    func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}

/// The process's stdout; a closed pipe is an error, not a crash.
struct StandardOutput: LineOutput {
    init() { signal(SIGPIPE, SIG_IGN) }
    func write(_ text: String) throws {
        do { try FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) } catch {
            throw OutputStreamError(description: "\(error)")
        }
    }
}
