import DocPipe
import DocPipeTestSupport
import XCTest
@testable import IngestStage

/// Runs ingest with options over bytes and returns its results.
func ingest(_ path: String, _ bytes: [UInt8], options: IngestOptions = IngestOptions()) async throws -> [IngestResult] {
    try await StageHarness.ingest(try Ingest(options: options), path: path, bytes: bytes)
}

/// Runs ingest over text and returns the single document it must produce.
func ingestOne(_ path: String, _ text: String, options: IngestOptions = IngestOptions(),
               file: StaticString = #filePath, line: UInt = #line) async throws -> Document {
    try await ingestOne(path, Array(text.utf8), options: options, file: file, line: line)
}

/// Runs ingest over bytes and returns the single document it must produce.
func ingestOne(_ path: String, _ bytes: [UInt8], options: IngestOptions = IngestOptions(),
               file: StaticString = #filePath, line: UInt = #line) async throws -> Document {
    let results = try await ingest(path, bytes, options: options)
    guard results.count == 1, case .document(let doc) = results[0] else {
        XCTFail("expected one document, got \(results)", file: file, line: line)
        throw XCTSkip("no document")
    }
    return doc
}

/// The documents among results.
func documents(_ results: [IngestResult]) -> [Document] {
    results.compactMap { if case .document(let d) = $0 { return d } else { return nil } }
}

/// The error ingest throws for bytes, as a StageError.
func ingestError(_ path: String, _ bytes: [UInt8], options: IngestOptions = IngestOptions()) async -> StageError? {
    do {
        _ = try await ingest(path, bytes, options: options)
        return nil
    } catch let e as StageError {
        return e
    } catch {
        return StageError(code: "other", "\(error)")
    }
}

/// The source text a span of the document maps back to.
func sourceText(_ doc: Document, source: String, _ span: Span) -> String {
    let a = doc.sourceMap.sourceOffset(span.start)
    let b = doc.sourceMap.sourceOffset(span.end - 1) + 1
    return TextIndex(source).substring(a, b)
}

/// The shared sample corpus (../shared/corpus/sample next to the repository), or nil.
func sampleFolder() -> URL? {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = repo.deletingLastPathComponent().appendingPathComponent("shared/corpus/sample")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
}
