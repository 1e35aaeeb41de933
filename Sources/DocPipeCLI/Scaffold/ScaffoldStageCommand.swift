import Foundation

/// `docpipe scaffold-stage`: creates a stage module in the docpipe package (what the
/// `scaffold-stage` package plugin runs).
enum ScaffoldStageCommand: Command {
    static let name = "scaffold-stage"
    static let summary = "create a new stage module with a test, and register it"
    static let help = """
        USAGE: docpipe scaffold-stage --name NAME [--package-dir DIR]

        Creates Sources/<NAME>Stage/<NAME>.swift (a working stage to edit) and
        Tests/<NAME>StageTests/<NAME>Tests.swift (a passing test), adds "<NAME>Stage" to the
        stageModules line of Package.swift and registers the stage in
        Sources/DocPipeCLI/ScaffoldedStages.swift, so `docpipe stages` lists it after a build.
        From SwiftPM: swift package --allow-writing-to-package-directory scaffold-stage --name NAME

        OPTIONS:
          --name NAME          UpperCamelCase stage name, e.g. Topics (stage id "topics")
          --package-dir DIR    the docpipe package (default: the working directory)
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        let a: Arguments
        do { a = try Arguments(args, flags: [], options: ["--name", "--package-dir"]) } catch {
            env.console.err("error: \(error)")
            return ExitCode.usage
        }
        guard a.positional.isEmpty, let name = a.values["--name"] else {
            env.console.err("error: give the stage's name: docpipe scaffold-stage --name Topics")
            return ExitCode.usage
        }
        let directory = env.resolve(a.values["--package-dir"] ?? ".")
        do {
            let files = try StageScaffolder.scaffold(name: name, packageDirectory: directory)
            for f in files { env.console.out("wrote \(f)") }
            env.console.out("next: swift build && swift run docpipe stages   (then add \"\(StageName(name).id)\" to a pipeline.json)")
            return ExitCode.success
        } catch let e as ScaffoldError {
            env.console.err("error: \(e.message)")
            return ExitCode.usage
        } catch {
            env.console.err("error: \(error)")
            return ExitCode.ioError
        }
    }
}
