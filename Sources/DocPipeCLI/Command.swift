import DocPipe
import Foundation

/// What every command gets: where to print, which stages exist, and the working directory.
public struct CommandEnvironment: Sendable {
    /// Output.
    public var console: Console
    /// Stage types pipelines may name.
    public var registry: StageRegistry
    /// The working directory relative paths on the command line resolve against.
    public var workingDirectory: URL
    /// Builds external (command) stages, when available.
    public var externalStages: ExternalStageFactory?
    /// Whether `run` turns SIGINT into a graceful stop (the real tool: yes; in-process tests: no).
    public var handleSignals = false
    /// Stream mode's input (stdin by default).
    public var input: any LineInput = StandardInput()
    /// Stream mode's output (stdout by default).
    public var output: any LineOutput = StandardOutput()

    /// Creates an environment.
    public init(console: Console, registry: StageRegistry, workingDirectory: URL, externalStages: ExternalStageFactory? = nil) {
        self.console = console
        self.registry = registry
        self.workingDirectory = workingDirectory
        self.externalStages = externalStages
    }

    /// Resolves a command-line path against the working directory.
    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : workingDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// Loads and validates a pipeline config, printing every problem; nil after printing them.
    func loadConfig(_ path: String?) -> PipelineConfig? {
        let file = path ?? "pipeline.json"
        do {
            return try PipelineConfig.load(file: resolve(file).path, registry: registry, externalStages: externalStages)
                .withDisplayName(file)
        } catch let e as ConfigError {
            for issue in e.issues {
                var shown = issue
                shown.file = file
                console.err("error: \(shown)")
            }
            console.err("\(e.issues.count) problem\(e.issues.count == 1 ? "" : "s") in \(file); nothing was run or written")
            return nil
        } catch {
            console.err("error: \(file): \(error)")
            return nil
        }
    }
}

extension PipelineConfig {
    func withDisplayName(_ name: String) -> PipelineConfig {
        var c = self
        c.file = name
        return c
    }
}

/// One `docpipe` subcommand.
protocol Command: Sendable {
    /// Its name ("run").
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The full `--help` text.
    static var help: String { get }
    /// Runs it with the arguments after its name; returns the exit code.
    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32
}

extension Command {
    /// Parses this command's arguments; on a usage error prints it with the command's help and returns nil.
    static func parseArguments(_ args: [String], _ env: CommandEnvironment, flags: Set<String>, options: Set<String>) -> Arguments? {
        do { return try Arguments(args, flags: flags, options: options) } catch {
            env.console.err("error: \(error)\n\n\(help)")
            return nil
        }
    }
}
