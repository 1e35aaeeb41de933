import DocPipe
import XCTest
@testable import IngestStage

/// Inputs the fuzzers under Fuzz/ found breaking an invariant, kept as they were found
/// (minimized) so the fix stays fixed. docs/reliability.md lists them.
final class FuzzRegressionTests: XCTestCase {
    /// fuzz-html: an SGML heading ending in a tab (`<head>ÿ\t</head>`) was marked up to the tab,
    /// which the final trim then removed, leaving a "headings" span past the end of the text.
    func testSGMLHeadingEndingInATabStaysInsideTheText() async throws {
        let bytes: [UInt8] = Array("<head>".utf8) + [0xFF, 0x09] + Array("<!></head".utf8)
        let reader = MarkupReader(policy: .sgml).read(DecodedSource(bytes).bytes)
        XCTAssertEqual(reader.builder.string, "ÿ")
        XCTAssertEqual(reader.headings, [0..<2])
        let doc = try await ingestOne("doc.sgm", bytes)
        XCTAssertEqual(doc.text, "ÿ")
        XCTAssertEqual(doc.spans(Ingest.headingsLayer).map { $0.start..<$0.end }, [0..<1])
    }
}
