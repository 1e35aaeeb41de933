import Foundation

/// Creates a new stage module inside the docpipe package and registers it, for
/// `docpipe scaffold-stage` and the `scaffold-stage` package plugin.
///
/// Registration never rewrites hand-written Swift: the scaffolder edits exactly one line of
/// Package.swift (the literal array `let stageModules = [...]`) and regenerates one file it
/// owns, Sources/DocPipeCLI/ScaffoldedStages.swift, which `StageRegistry.builtIn` includes.
public enum StageScaffolder {
    /// The file the scaffolder owns, relative to the package directory.
    public static let registrationFile = "Sources/DocPipeCLI/ScaffoldedStages.swift"

    /// Creates Sources/<Name>Stage/<Name>.swift, Tests/<Name>StageTests/<Name>Tests.swift,
    /// adds "<Name>Stage" to Package.swift's `stageModules` and registers the stage.
    /// Returns the created or edited files (relative paths, in that order). Nothing is written
    /// when a check fails.
    public static func scaffold(name: String, packageDirectory: URL) throws -> [String] {
        if let problem = StageName.problem(with: name) { throw ScaffoldError(problem) }
        let stage = StageName(name)
        let fm = FileManager.default
        let manifestURL = packageDirectory.appendingPathComponent("Package.swift")
        guard let manifestData = fm.contents(atPath: manifestURL.path) else {
            throw ScaffoldError("no Package.swift in \(packageDirectory.path); run this in the docpipe package (or pass --package-dir)")
        }
        let manifest = String(decoding: manifestData, as: UTF8.self)
        let registrationURL = packageDirectory.appendingPathComponent(registrationFile)
        let registered = fm.contents(atPath: registrationURL.path).map { StageRegistrationFile.stages(in: String(decoding: $0, as: UTF8.self)) } ?? []

        let source = "Sources/\(stage.module)/\(stage.typeName).swift"
        let test = "Tests/\(stage.module)Tests/\(stage.typeName)Tests.swift"
        for folder in ["Sources/\(stage.module)", "Tests/\(stage.module)Tests"] where fm.fileExists(atPath: packageDirectory.appendingPathComponent(folder).path) {
            throw ScaffoldError("\(folder) already exists; pick another name or remove it")
        }
        guard !registered.contains(stage.typeName) else { throw ScaffoldError("\(stage.typeName) is already registered in \(registrationFile)") }
        let newManifest = try ManifestEditor.adding(module: stage.module, to: manifest)

        try write(StageTemplate.source(stage), to: packageDirectory.appendingPathComponent(source))
        try write(StageTemplate.test(stage), to: packageDirectory.appendingPathComponent(test))
        try write(newManifest, to: manifestURL)
        try write(StageRegistrationFile.render((registered + [stage.typeName]).sorted()), to: registrationURL)
        return [source, test, "Package.swift", registrationFile]
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}

/// A problem that stops scaffolding, with what to do about it.
public struct ScaffoldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
