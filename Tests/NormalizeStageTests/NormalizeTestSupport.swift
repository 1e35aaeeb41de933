import DocPipe
import DocPipeTestSupport
import XCTest
@testable import NormalizeStage

/// Normalizes text (as a .txt document) with options.
func normalize(_ text: String, options: NormalizeOptions = NormalizeOptions(), layers: [String: [Span]] = [:],
               metadata: [String: JSONValue] = [:]) async throws -> Document {
    try await normalize(StageHarness.document(text, metadata: metadata, layers: layers), options: options)
}

/// Normalizes a document with options.
func normalize(_ document: Document, options: NormalizeOptions = NormalizeOptions()) async throws -> Document {
    try await StageHarness.run(try Normalize(options: options), document).document
}

/// The texts of a layer's spans.
func texts(_ doc: Document, _ layer: String) -> [String] {
    let index = TextIndex(doc.text)
    return doc.spans(layer).map { index.substring($0.start, $0.end) }
}

/// Checks the invariants every normalized document keeps: sentences inside paragraphs, spans
/// trimmed and ordered, paragraphs separated by blank lines.
func assertWellFormed(_ doc: Document, file: StaticString = #filePath, line: UInt = #line) {
    let paragraphs = doc.spans(LayerName.paragraphs)
    let sentences = doc.spans(LayerName.sentences)
    let index = TextIndex(doc.text)
    var p = 0
    for s in sentences {
        while p < paragraphs.count, paragraphs[p].end <= s.start { p += 1 }
        XCTAssertTrue(p < paragraphs.count && paragraphs[p].contains(s), "sentence \(s) outside paragraphs in \(doc.id)", file: file, line: line)
        let t = index.substring(s.start, s.end)
        XCTAssertFalse(t.isEmpty || t.first!.isWhitespace || t.last!.isWhitespace, "untrimmed sentence «\(t)» in \(doc.id)", file: file, line: line)
    }
    for (a, b) in zip(paragraphs, paragraphs.dropFirst()) {
        XCTAssertEqual(index.substring(a.end, b.start), "\n\n", "paragraph gap in \(doc.id)", file: file, line: line)
    }
}
