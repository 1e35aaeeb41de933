import DocPipe
import Foundation

/// The `docpipe` command-line tool as a library, so every command is testable in-process and a
/// downstream package can build its own tool with extra stages:
///
/// ```swift
/// exit(await DocPipeCLI.main(registry: .builtIn.adding([StageDescriptor(MyStage.self)])))
/// ```
public enum DocPipeCLI {
    /// The tool's version.
    public static let version = "0.1.0"

    static let commands: [any Command.Type] = [
        RunCommand.self, StatusCommand.self, FilterCommand.self, MergeCommand.self, StagesCommand.self, SchemaCommand.self, ValidateCommand.self, CacheCommand.self, EvalCommand.self, TrainCommand.self, ScaffoldStageCommand.self,
    ]

    /// Runs the tool with the process's arguments and real console; returns the exit code.
    public static func main(registry: StageRegistry = .builtIn) async -> Int32 {
        MallocArenas.limit()
        var env = CommandEnvironment(console: .standard(), registry: registry,
                                     workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                     externalStages: ExternalStageSupport())
        env.handleSignals = true
        return await run(Array(CommandLine.arguments.dropFirst()), env)
    }

    /// Runs the tool with explicit arguments (without the program name).
    public static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let first = args.first else {
            env.console.err(usage)
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h", "help":
            if args.count > 1, let c = commands.first(where: { $0.name == args[1] }) { env.console.out(c.help) } else { env.console.out(usage) }
            return ExitCode.success
        case "--version", "-V", "version":
            env.console.out("docpipe \(version)")
            return ExitCode.success
        default:
            guard let command = commands.first(where: { $0.name == first }) else {
                env.console.err("error: unknown command '\(first)'\(Suggest.hint(for: first, in: commands.map { $0.name }))\n\n\(usage)")
                return ExitCode.usage
            }
            let rest = Array(args.dropFirst())
            if rest.contains("--help") || rest.contains("-h") {
                env.console.out(command.help)
                return ExitCode.success
            }
            return await command.run(rest, env)
        }
    }

    /// The top-level help.
    public static var usage: String {
        var lines = [
            "docpipe \(version): a plugin-based document pipeline",
            "",
            "USAGE: docpipe <command> [options]",
            "",
            "COMMANDS:",
        ]
        for c in commands { lines.append("  " + c.name.padding(toLength: 12, withPad: " ", startingAt: 0) + c.summary) }
        lines += ["", "Run 'docpipe <command> --help' for a command's options; 'docpipe --version' for the version."]
        return lines.joined(separator: "\n")
    }
}
