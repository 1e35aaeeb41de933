import DocPipe
import DocPipeCLI
import Foundation
import Testing

/// `docpipe scaffold-stage` on a scratch copy of the manifest, and the drift check between
/// Package.swift, the stage folders and the registry of the real package.
@Suite struct ScaffoldTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A scratch package holding a copy of the real Package.swift and registration file.
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docpipe-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Sources/DocPipeCLI"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Package.swift"), to: dir.appendingPathComponent("Package.swift"))
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(StageScaffolder.registrationFile),
                                         to: dir.appendingPathComponent(StageScaffolder.registrationFile))
        return dir
    }

    func read(_ dir: URL, _ path: String) -> String? { try? String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8) }

    @Test func createsTheModuleATestAndTheRegistration() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try #require(read(dir, "Package.swift"))
        let modulesBefore = try #require(ManifestEditor.stageModules(in: before))

        let files = try StageScaffolder.scaffold(name: "KeywordTags", packageDirectory: dir)
        #expect(files == ["Sources/KeywordTagsStage/KeywordTags.swift", "Tests/KeywordTagsStageTests/KeywordTagsTests.swift",
                          "Package.swift", StageScaffolder.registrationFile])
        let source = try #require(read(dir, files[0]))
        #expect(source.contains("public struct KeywordTags: DocumentStage"))
        #expect(source.contains(#"public static let id = "keyword-tags""#))
        #expect(read(dir, files[1])?.contains("import KeywordTagsStage") == true)

        // Package.swift: only the stageModules line changed, by one appended module.
        let after = try #require(read(dir, "Package.swift"))
        #expect(ManifestEditor.stageModules(in: after) == modulesBefore + ["KeywordTagsStage"])
        let changed = zip(before.split(separator: "\n", omittingEmptySubsequences: false), after.split(separator: "\n", omittingEmptySubsequences: false))
            .filter { $0.0 != $0.1 }
        #expect(changed.count == 1)
        #expect(before.split(separator: "\n", omittingEmptySubsequences: false).count == after.split(separator: "\n", omittingEmptySubsequences: false).count)

        let registration = try #require(read(dir, StageScaffolder.registrationFile))
        #expect(StageRegistrationFile.stages(in: registration) == ["KeywordTags"])
        #expect(registration.contains("StageDescriptor(KeywordTags.self),"))

        // A second stage keeps the first and the file stays sorted.
        _ = try StageScaffolder.scaffold(name: "Alpha", packageDirectory: dir)
        #expect(StageRegistrationFile.stages(in: read(dir, StageScaffolder.registrationFile)!) == ["Alpha", "KeywordTags"])
    }

    @Test func refusesExistingAndBadNamesWithoutWritingAnything() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try StageScaffolder.scaffold(name: "Topics", packageDirectory: dir)
        let manifest = read(dir, "Package.swift")
        #expect(throws: ScaffoldError("Sources/TopicsStage already exists; pick another name or remove it")) {
            try StageScaffolder.scaffold(name: "Topics", packageDirectory: dir)
        }
        #expect(throws: ScaffoldError("leave 'Stage' off the name: --name Topics creates the module TopicsStage")) {
            try StageScaffolder.scaffold(name: "TopicsStage", packageDirectory: dir)
        }
        #expect(throws: ScaffoldError.self) { try StageScaffolder.scaffold(name: "topics-2", packageDirectory: dir) }
        #expect(throws: ScaffoldError.self) { try StageScaffolder.scaffold(name: "Document", packageDirectory: dir) }
        #expect(read(dir, "Package.swift") == manifest)
    }

    @Test func aManifestWithoutTheStageModulesLineIsNotEdited() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let odd = read(dir, "Package.swift")!.replacingOccurrences(of: "let stageModules = [", with: "let stageModules: [String] = [")
        try Data(odd.utf8).write(to: dir.appendingPathComponent("Package.swift"))
        #expect(throws: ScaffoldError.self) { try StageScaffolder.scaffold(name: "Topics", packageDirectory: dir) }
        #expect(read(dir, "Package.swift") == odd)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Sources/TopicsStage").path))
    }

    @Test func theCommandPrintsWhatItWrote() async throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rec = RecordingConsole()
        let env = CommandEnvironment(console: rec.console, registry: .builtIn, workingDirectory: dir)
        let code = await DocPipeCLI.run(["scaffold-stage", "--name", "Topics"], env)
        #expect(code == ExitCode.success, "\(rec.stderr)")
        #expect(rec.stdout.contains("wrote Sources/TopicsStage/Topics.swift"))
        #expect(await DocPipeCLI.run(["scaffold-stage"], env) == ExitCode.usage)
    }

    /// Package.swift's stageModules, the Sources/ and Tests/ folders, and the modules the CLI
    /// registers must agree.
    @Test func packageFoldersAndRegistryAgree() throws {
        let root = Self.repository
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let modules = try #require(ManifestEditor.stageModules(in: manifest),
                                   "Package.swift must keep its stage modules on one line: let stageModules = [\"IngestStage\", ...]")
        func folders(_ path: String, suffix: String) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)) ?? []
            return names.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count - "Stage".count)) }.sorted()
        }
        let fix = "run `swift package --allow-writing-to-package-directory scaffold-stage --name NAME` to add a stage, or make Package.swift's stageModules, Sources/*Stage, Tests/*StageTests and the imports in Sources/DocPipeCLI/BuiltInStages.swift and ScaffoldedStages.swift agree"
        #expect(folders("Sources", suffix: "Stage") == modules.sorted(), "Sources/*Stage folders differ from stageModules; \(fix)")
        #expect(folders("Tests", suffix: "StageTests") == modules.sorted(), "Tests/*StageTests folders differ from stageModules; \(fix)")
        var imported: [String] = []
        for file in ["Sources/DocPipeCLI/BuiltInStages.swift", StageScaffolder.registrationFile] {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            imported += text.split(separator: "\n").filter { $0.hasPrefix("import ") && $0.hasSuffix("Stage") }.map { String($0.dropFirst(7)) }
        }
        #expect(imported.sorted() == modules.sorted(), "the CLI does not import exactly the stage modules; \(fix)")
        #expect(StageRegistry.builtIn.ids.count >= modules.count, "a stage module registers no stage in StageRegistry.builtIn; \(fix)")
    }
}
