import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory scaffold-stage --name Topics`
///
/// A thin shim: builds the `docpipe` tool and runs `docpipe scaffold-stage` on this package.
/// The scaffolding logic (and its tests) live in DocPipeCLI's `StageScaffolder`.
@main
struct ScaffoldStagePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "docpipe")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["scaffold-stage"] + arguments + ["--package-dir", context.package.directoryURL.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("docpipe scaffold-stage failed (exit status \(process.terminationStatus))")
            throw ScaffoldFailed()
        }
    }
}

/// The tool reported the problem on stderr already.
struct ScaffoldFailed: Error, CustomStringConvertible {
    var description: String { "scaffolding failed; see the message above" }
}
