import DocPipe
import DocPipeTestSupport
import ExportStage
import Foundation

/// Everything one export run wrote: per-document files and corpus files, by relative path.
struct ExportRun {
    var files: [String: [UInt8]]

    /// Runs `Export` with `options` over `documents` (processing them in `processingOrder`, to
    /// show that completion order does not matter), then its finish step.
    static func run(_ documents: [Document], options: ExportOptions = ExportOptions(),
                    processingOrder: [Int]? = nil) async throws -> ExportRun {
        let stage = try Export(options: options)
        var results: [Int: (files: [OutputFile], parts: [OutputPart])] = [:]
        for i in processingOrder ?? Array(documents.indices) {
            let r = try await StageHarness.run(stage, documents[i])
            precondition(r.document == documents[i], "export must return the document unchanged")
            results[i] = (r.files, r.parts)
        }
        var files: [String: [UInt8]] = [:]
        for i in documents.indices { for f in results[i]!.files { files[f.path] = f.bytes } }
        let corpus = MemoryCorpus(documents: documents.indices.map { (documents[$0].id, results[$0]!.parts) })
        try await stage.finish(corpus)
        for (k, v) in corpus.files { files[k] = v }
        return ExportRun(files: files)
    }

    /// A file as text.
    func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    /// Paths written, sorted.
    var paths: [String] { files.keys.sorted() }

    /// Writes every file through the core's `OutputFolder` (which refuses unsafe paths) into
    /// a new temporary folder and returns it.
    func materialize() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("export-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let folder = OutputFolder(root: root)
        for path in paths { try folder.write(path, bytes: files[path]!) }
        return root
    }
}
