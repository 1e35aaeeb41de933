import DocPipe
import DocPipeTestSupport
import Foundation
import XCTest
@testable import IngestStage
@testable import NormalizeStage

/// Spans of the normalized text map back, through both stages, to the decoded source.
final class OffsetMapTests: XCTestCase {
    /// Ingests then normalizes bytes.
    func pipeline(_ path: String, _ bytes: [UInt8]) async throws -> Document {
        let results = try await StageHarness.ingest(try Ingest(options: IngestOptions()), path: path, bytes: bytes)
        guard case .document(let doc) = results.first else { throw XCTSkip("no document") }
        return try await normalize(doc)
    }

    /// The decoded source between the mapped ends of a span.
    func source(_ doc: Document, _ decoded: String, _ span: Span) -> String {
        TextIndex(decoded).substring(doc.sourceMap.sourceOffset(span.start), doc.sourceMap.sourceOffset(span.end - 1) + 1)
    }

    func testHTMLSentencesMapBackToTheirMarkup() async throws {
        let html = "<html><head><title>T</title><script>x()</script></head><body><nav>Home</nav>\n<h2>Overview</h2>\n<p>Seoul &amp; Washington   agreed.\n The <b>deal</b> holds.</p><p>Second&nbsp;paragraph here.</p></body></html>"
        let doc = try await pipeline("a.html", Array(html.utf8))
        XCTAssertEqual(texts(doc, LayerName.sentences), ["Overview", "Seoul & Washington agreed.", "The deal holds.", "Second paragraph here."])
        let spans = doc.spans(LayerName.sentences)
        XCTAssertEqual(source(doc, html, spans[0]), "Overview")
        XCTAssertEqual(source(doc, html, spans[1]), "Seoul &amp; Washington   agreed.")
        XCTAssertEqual(source(doc, html, spans[2]), "The <b>deal</b> holds.")
        XCTAssertEqual(source(doc, html, spans[3]), "Second&nbsp;paragraph here.")
    }

    func testReflowedAndHyphenatedTextMapsBack() async throws {
        let text = "pacific forum History of Pacific Forum\r\n\r\nThe govern-\r\nment of Korea\u{2019}s   people.\r\nIt is e\u{301}nough."
        let doc = try await pipeline("seed.txt", Array(text.utf8))
        XCTAssertEqual(doc.text, "The government of Korea’s people. It is énough.")
        let spans = doc.spans(LayerName.sentences)
        XCTAssertEqual(source(doc, text, spans[0]), "The govern-\r\nment of Korea’s   people.")
        XCTAssertEqual(source(doc, text, spans[1]), "It is e\u{301}nough.")
    }

    func testWindows1252SourceMapsToDecodedCharacters() async throws {
        let bytes: [UInt8] = Array("<REUTERS><TEXT><TITLE>T</TITLE><BODY>Growth in M".utf8) + [0xFC] + Array("nchen rose. Prices fell.</BODY></TEXT></REUTERS>".utf8)
        let doc = try await pipeline("w.sgm", bytes)
        let decoded = DecodedSource(bytes).string
        let spans = doc.spans(LayerName.sentences)
        XCTAssertEqual(texts(doc, LayerName.sentences), ["T", "Growth in München rose.", "Prices fell."])
        XCTAssertEqual(source(doc, decoded, spans[1]), "Growth in München rose.")
        XCTAssertEqual(source(doc, decoded, spans[2]), "Prices fell.")
    }

    /// Over every text-format sample file: each sentence's first and last characters are found at
    /// the source offsets they map to.
    func testSampleSentencesStartAndEndWhereTheirSourceDoes() async throws {
        let folder = try SampleCorpusTests.sampleFolder()
        var checked = 0, matched = 0
        var misses: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        for name in names where !name.hasSuffix(".json") && !name.hasSuffix(".jsonl") {
            let raw = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            let decoded: String
            if name.hasSuffix(".pdf") {
                guard PDFReader.locate("pdftotext") != nil else { continue }
                decoded = DecodedSource(try PDFReader(options: IngestOptions()).extract(raw)).string
            } else {
                decoded = DecodedSource(raw).string
            }
            let source = Array(decoded.unicodeScalars)
            let (docs, _) = await SampleCorpusTests.run(folder.appendingPathComponent(name), relativePath: name)
            for doc in docs {
                let text = Array(doc.text.unicodeScalars)
                for s in doc.spans(LayerName.sentences) {
                    for (t, isEnd) in [(s.start, false), (s.end - 1, true)] {
                        let c = text[t]
                        guard c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || (isEnd && c == ".") else { continue }
                        checked += 1
                        let at = doc.sourceMap.sourceOffset(t)
                        if at < source.count, source[at] == c { matched += 1 } else if misses.count < 10 {
                            misses.append("\(name) @\(t) '\(c)' → \(at)")
                        }
                    }
                }
            }
        }
        print("offset map: \(matched)/\(checked) sentence ends found at their mapped source offsets")
        XCTAssertEqual(matched, checked, misses.joined(separator: "\n"))
    }
}
