import DocPipe
import DocPipeTestSupport
import XCTest
@testable import IngestStage
@testable import NormalizeStage

/// Inputs at the edges: empty files, whitespace, markup with no text, UTF-16 JSON.
final class EdgeCaseTests: XCTestCase {
    func run(_ path: String, _ bytes: [UInt8]) async throws -> [Document] {
        let results = try await StageHarness.ingest(try Ingest(options: IngestOptions()), path: path, bytes: bytes)
        var docs: [Document] = []
        for case .document(let d) in results { docs.append(try await normalize(d)) }
        return docs
    }

    func testEmptyAndBlankInputsGiveEmptyDocuments() async throws {
        for (path, text) in [("e.txt", ""), ("w.txt", " \n\t\r\n "), ("e.md", "---\ntitle: X\n---\n"), ("e.html", "<html><head><script>x</script></head></html>"),
                             ("e.sgm", "<REUTERS><TEXT>&#2;&#3;</TEXT></REUTERS>")] {
            let docs = try await run(path, Array(text.utf8))
            XCTAssertEqual(docs.count, 1, path)
            XCTAssertEqual(docs.first?.text, "", path)
            XCTAssertEqual(docs.first?.spans(LayerName.sentences), [], path)
        }
        let none = try await run("e.jsonl", Array("\n\n".utf8))
        XCTAssertEqual(none.count, 0)
    }

    func testUTF16JSONLines() async throws {
        let text = "{\"text\": \"Grüße aus Köln.\"}\n{\"text\": \"Zweite Zeile.\"}\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let docs = try await run("u.jsonl", bytes)
        XCTAssertEqual(docs.map(\.text), ["Grüße aus Köln.", "Zweite Zeile."])
    }

    func testUnterminatedMarkupDoesNotLoseText() async throws {
        let docs = try await run("broken.html", Array("<p>Alpha beta. <b>Gamma <i>delta".utf8))
        XCTAssertEqual(docs.first?.text, "Alpha beta. Gamma delta")
        let lt = try await run("lt.html", Array("<p>3 < 4 and 5 > 2 & so on.</p>".utf8))
        XCTAssertEqual(lt.first?.text, "3 < 4 and 5 > 2 & so on.")
    }

    func testVeryLongLineIsOneParagraph() async throws {
        let sentence = "This sentence repeats in a long single-line record. "
        let docs = try await run("long.txt", Array(String(repeating: sentence, count: 2000).utf8))
        XCTAssertEqual(docs.first?.spans(LayerName.paragraphs).count, 1)
        XCTAssertEqual(docs.first?.spans(LayerName.sentences).count, 2000)
    }
}
