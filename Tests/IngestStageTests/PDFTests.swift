import DocPipe
import XCTest
@testable import IngestStage

/// PDFs through pdftotext (skipped when poppler-utils is not installed).
final class PDFTests: XCTestCase {
    /// A minimal PDF with one line of Helvetica text per page.
    static func makePDF(pages: [[String]]) -> [UInt8] {
        var objects: [String] = []
        let pageIDs = pages.indices.map { 3 + $0 * 2 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        let fontID = 3 + pages.count * 2
        for lines in pages {
            var content = "BT /F1 12 Tf 72 720 Td 14 TL\n"
            for line in lines { content += "(\(line)) Tj T*\n" }
            content += "ET"
            let contentID = objects.count + 2
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(contentID) 0 R /Resources << /Font << /F1 \(fontID) 0 R >> >> >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    func testPagesAreKeptAndCounted() async throws {
        guard PDFReader.locate("pdftotext") != nil else { throw XCTSkip("pdftotext is not installed (Debian/Ubuntu: apt-get install poppler-utils)") }
        let pdf = Self.makePDF(pages: [["Updated April 16, 2026", "First page text."], ["Second page text."]])
        let doc = try await ingestOne("report.pdf", pdf)
        XCTAssertEqual(doc.source.mediaType, "application/pdf")
        XCTAssertEqual(doc.metadata["pages"], 2)
        XCTAssertEqual(doc.metadata["date"], "2026-04-16")
        let pages = doc.spans(LayerName.pages)
        XCTAssertEqual(pages.map { $0.attributes["number"] }, [1, 2])
        XCTAssertEqual(pages.map { doc.text(of: $0) }, ["Updated April 16, 2026\nFirst page text.", "Second page text."])
        // The source map points into pdftotext's output, where a form feed ends each page.
        let output = String(decoding: try PDFReader(options: IngestOptions()).extract(pdf), as: UTF8.self)
        let formFeed = output.unicodeScalars.firstIndex(of: "\u{C}")!
        let afterFirstPage = output.unicodeScalars.distance(from: output.unicodeScalars.startIndex, to: formFeed) + 1
        XCTAssertEqual(doc.sourceMap.sourceOffset(pages[1].start), afterFirstPage)
    }

    func testBrokenPDFFailsWithPdftotextsMessage() async throws {
        guard PDFReader.locate("pdftotext") != nil else { throw XCTSkip("pdftotext is not installed") }
        let e = await ingestError("broken.pdf", Array("%PDF-1.4\nnot really a pdf".utf8))
        XCTAssertEqual(e?.code, "ingest.pdf-failed")
    }
}
