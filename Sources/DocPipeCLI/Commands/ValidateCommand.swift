import DocPipe

/// `docpipe validate`: checks pipeline.json without running anything.
enum ValidateCommand: Command {
    static let name = "validate"
    static let summary = "check pipeline.json and report every problem"
    static let help = """
        USAGE: docpipe validate [--config FILE]

        Parses and checks the pipeline file: JSON syntax, known keys, stage ids, option names and
        types, and that every stage's requirements are produced by an earlier stage. Lists every
        problem with file:line:column and the JSON path; exits 2 when there are any.

        OPTIONS:
          --config FILE   the pipeline file (default: pipeline.json)
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: [], options: ["--config"]) else { return ExitCode.usage }
        guard a.positional.isEmpty else {
            env.console.err("error: 'validate' takes no arguments (did you mean --config \(a.positional[0])?)")
            return ExitCode.usage
        }
        guard let config = env.loadConfig(a.values["--config"]) else { return ExitCode.configError }
        env.console.out("\(config.file): ok: \(config.stages.map(\.name).joined(separator: " → "))")
        return ExitCode.success
    }
}
