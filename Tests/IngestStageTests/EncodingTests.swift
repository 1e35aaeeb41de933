import DocPipe
import XCTest
@testable import IngestStage

final class EncodingTests: XCTestCase {
    func testUTF8WithBOMLosesTheBOM() async throws {
        let doc = try await ingestOne("a.txt", [0xEF, 0xBB, 0xBF] + Array("Allow me".utf8))
        XCTAssertEqual(doc.text, "Allow me")
        XCTAssertTrue(doc.warnings.isEmpty)
    }

    func testUTF16WithBOMIsDecoded() async throws {
        let le: [UInt8] = [0xFF, 0xFE] + "Grüße".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + "Grüße".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let docLE = try await ingestOne("le.txt", le)
        let docBE = try await ingestOne("be.txt", be)
        XCTAssertEqual(docLE.text, "Grüße")
        XCTAssertEqual(docBE.text, "Grüße")
    }

    func testInvalidUTF8IsReadAsWindows1252WithAWarning() async throws {
        // "M\xFCnchen \x93quoted\x94" as Windows-1252 — the Reuters file has such a 0xFC.
        let bytes: [UInt8] = Array("M".utf8) + [0xFC] + Array("nchen ".utf8) + [0x93] + Array("quoted".utf8) + [0x94]
        let doc = try await ingestOne("w.txt", bytes)
        XCTAssertEqual(doc.text, "München “quoted”")
        XCTAssertEqual(doc.warnings.map(\.code), ["encoding.windows-1252"])
        XCTAssertTrue(doc.warnings[0].message.contains("3 bytes"), doc.warnings[0].message)
        XCTAssertTrue(doc.warnings[0].message.contains("0xFC → ü"), doc.warnings[0].message)
    }

    func testValidUTF8AroundABadByteIsKept() async throws {
        let bytes: [UInt8] = Array("Korea’s ".utf8) + [0xE9] + Array(" café".utf8)
        let doc = try await ingestOne("mixed.txt", bytes)
        XCTAssertEqual(doc.text, "Korea’s é café")
        XCTAssertEqual(doc.warnings.count, 1)
    }

    func testBinaryFilesFailSayingWhatTheyLookLike() async throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        let e1 = await ingestError("figure.txt", png)
        XCTAssertEqual(e1?.message, "binary file (PNG image), not a supported text format")
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0]
        let e2 = await ingestError("paper.docx", zip)
        XCTAssertEqual(e2?.code, "ingest.binary")
        XCTAssertTrue(e2?.message.contains("ZIP archive") == true)
        let e3 = await ingestError("blob.bin", [0x01, 0x02, 0x00, 0x41])
        XCTAssertTrue(e3?.message.contains("binary file") == true)
    }

    func testPDFWithoutPdftotextNamesThePackage() async throws {
        var options = IngestOptions()
        options.pdftotext = "/nonexistent/pdftotext"
        let e = await ingestError("report.pdf", Array("%PDF-1.4\n".utf8), options: options)
        XCTAssertEqual(e?.code, "ingest.pdftotext-missing")
        XCTAssertTrue(e?.message.contains("poppler-utils") == true, e?.message ?? "")
    }

    func testUnknownExtensionsAreTextWithAWarningOrRejected() async throws {
        let doc = try await ingestOne("notes.rst", "Some notes.")
        XCTAssertEqual(doc.text, "Some notes.")
        XCTAssertEqual(doc.warnings.map(\.code), ["ingest.unknown-extension"])
        var strict = IngestOptions()
        strict.unknownAsText = false
        let e = await ingestError("notes.rst", Array("Some notes.".utf8), options: strict)
        XCTAssertEqual(e?.code, "ingest.unsupported-format")
    }
}

/// Bad inputs at the ingest level (the end-to-end rows are in DocPipeCLITests/BadInputTests).
final class BadInputIngestTests: XCTestCase {
    func testUTF16WithoutBOMIsRecognisedByItsNULBytes() async throws {
        let text = "Grüße from the United Nations, 2019."
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let docLE = try await ingestOne("le.txt", le)
        let docBE = try await ingestOne("be.txt", be)
        XCTAssertEqual(docLE.text, text)
        XCTAssertEqual(docBE.text, text)
        XCTAssertEqual(docLE.warnings.map(\.code), ["encoding.utf16-no-bom"])
        // Binary data with NUL bytes in no such pattern is still refused.
        let e = await ingestError("blob.txt", [0x41, 0, 0, 0x42, 0x43, 0, 0, 0, 0x44, 0x45, 0x46, 0])
        XCTAssertEqual(e?.code, "ingest.binary")
    }

    func testEmptyAndBlankFilesGiveEmptyDocumentsWithAWarning() async throws {
        let empty = try await ingestOne("e.txt", [UInt8]())
        XCTAssertEqual(empty.warnings.map(\.message), ["empty file (0 bytes)"])
        let blank = try await ingestOne("b.html", "<html><body>  </body></html>")
        XCTAssertEqual(blank.warnings.map(\.message), ["no text found in 28 bytes"])
    }

    func testDeeplyNestedHTMLDoesNotOverflowTheStack() async throws {
        let html = String(repeating: "<div><blockquote><ul><li>", count: 25_000) + "Bottom of the well." + String(repeating: "</li></ul>", count: 3)
        let doc = try await ingestOne("deep.html", html)
        XCTAssertEqual(doc.text.trimmingCharacters(in: .whitespacesAndNewlines), "Bottom of the well.")
    }

    func testJSONFieldsOfTheWrongTypeAreNamed() async throws {
        let results = try await ingest("r.jsonl", Array(#"""
            {"id": {"x": 1}, "text": "Fine text.", "title": ["a"], "author": 7}
            {"id": "n", "text": 42}
            {"id": "o", "text": [{"p": "nested"}]}
            """#.utf8))
        guard results.count == 3, case .document(let first) = results[0], case .document(let second) = results[1],
              case .failure(let id, let message) = results[2] else { return XCTFail("\(results)") }
        XCTAssertEqual(first.id, "r.jsonl-L1", "an id of the wrong type falls back to the line number")
        XCTAssertEqual(first.warnings.map(\.message), ["line 1: field 'id' is an object, expected a string or a number; ignored",
                                                       "line 1: field 'title' is an array, expected a string; ignored"])
        XCTAssertEqual(first.metadata["authors"], ["7"])
        XCTAssertEqual(second.text, "42")
        XCTAssertEqual(id, "r.jsonl-o")
        XCTAssertEqual(message, "line 3: field 'text' holds an object, expected a string or an array of strings")
    }
}
