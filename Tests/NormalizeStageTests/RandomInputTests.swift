import DocPipe
import DocPipeTestSupport
import XCTest
@testable import IngestStage
@testable import NormalizeStage

/// Random inputs built from the pieces real files are made of (markup, entities, abbreviations,
/// odd bytes) must never crash either stage, and must keep the layer invariants. Fixed seed.
final class RandomInputTests: XCTestCase {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let pieces: [[UInt8]] = [
        "<p>", "</p>", "<h2>", "</h2>", "<script>", "</script>", "<nav>", "<", ">", "&amp;", "&#3;", "&#x2019;", "&", "&#",
        "Dr.", " U.S. ", "No. 5", "$8.5 million", "...", " . . . ", "”", "“", "’", "—", "-\n", "\n", "\n\n", "\r\n", "\r", "\t",
        "    ", "  ", " ", "The", "word", "Korea", ". ", "? ", "! ", "(Applause.)", "[Laughter]", "1. ", "• ", "# ", "**", "[a](b)",
        "| x | y |", "---", "e\u{301}", "ﬁ", "\u{AD}", "\u{A0}", "\u{200B}", "\u{FEFF}", "28.\t", "<TITLE>", "</TITLE>",
        "{\"text\": \"a\"}", "\\", "\"", "\u{C}", "Updated April 9, 2026", "<![CDATA[", "]]>", "<!--", "-->", "</", "<br>", "<pre>", "</pre>", "<li>", "---\n",
    ].map { Array($0.utf8) } + [[0xFC], [0x93], [0xC3], [0xE2, 0x80], [0x00]]

    func testRandomInputsNeverBreakTheStages() async throws {
        var g = Generator(state: 20261129)
        let ingest = try Ingest(options: IngestOptions())
        var other = NormalizeOptions()
        other.removeStageDirections = true
        other.straightenQuotes = true
        other.reflow = false
        other.asciiDashes = true
        let normalizers = [try Normalize(options: NormalizeOptions()), try Normalize(options: other)]
        var processed = 0
        let extensions = ["txt", "md", "html", "sgm", "jsonl", "xml"]
        for round in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(g.next() % 60) { bytes += g.pick(Self.pieces) }
            let path = "r\(round).\(g.pick(extensions))"
            let results: [IngestResult]
            do { results = try await StageHarness.ingest(ingest, path: path, bytes: bytes) } catch { continue }   // binary: fine
            for case .document(var doc) in results {
                if round % 3 == 0, doc.spans(LayerName.pages).isEmpty, doc.text.unicodeScalars.count > 4 {
                    let n = doc.text.unicodeScalars.count
                    doc.setLayer(LayerName.pages, [Span(start: 0, end: n / 2, type: "page"), Span(start: n / 2, end: n, type: "page")])
                }
                processed += 1
                for (k, normalize) in normalizers.enumerated() {
                    let out = try await StageHarness.run(normalize, doc).document
                    let n = out.text.unicodeScalars.count
                    for s in out.spans(LayerName.sentences) + out.spans(LayerName.paragraphs) + out.spans(LayerName.pages) {
                        XCTAssertTrue(s.start >= 0 && s.start <= s.end && s.end <= n, "\(path): span \(s) outside text of \(n)")
                    }
                    for seg in out.sourceMap.segments { XCTAssertTrue(seg.text + seg.length <= n, "\(path): map beyond text") }
                    if k == 0 { assertWellFormed(out) }
                }
            }
        }
        XCTAssertGreaterThan(processed, 200)
    }
}
