import DocPipe
import DocPipeTestSupport
import ExportStage
import XCTest

final class HTMLReportTests: XCTestCase {
    let options = with { $0.formats = ["html"] }

    func testDocumentPageHighlightsEntitiesAndClaimsWithALegendAndMetadata() async throws {
        let run = try await ExportRun.run([Fixtures.brief()], options: options)
        let page = try XCTUnwrap(run.text("report/brief.html"))
        XCTAssertTrue(page.contains("<h1>Findings on the peninsula</h1>"))
        XCTAssertTrue(page.contains("<dt>authors</dt><dd>Kim, A., Lee B.</dd>"))
        XCTAssertTrue(page.contains("<span class=\"chip l0\">GPE 3</span>"), "legend: labels with counts")
        XCTAssertTrue(page.contains("<span class=\"chip claim\">claim 3</span>"))
        XCTAssertTrue(page.contains("<mark id=\"c3\" data-n=\"3\" class=\"claim high\" title=\"claim 3: statistical; check-worthiness 0.90\">"
            + "Unemployment in <span class=\"ent l0\" data-label=\"GPE\" title=\"GPE: Seoul\">Séoul</span> rose"))
        XCTAssertTrue(page.contains("<span class=\"ent l2\" data-label=\"ORG\" title=\"ORG: United Nations\">United Nations ("
            + "<span class=\"ent l2\" data-label=\"ORG\" title=\"ORG: United Nations\">UN</span>)</span>"), "nested mentions nest")
        XCTAssertTrue(page.contains("<h3>Findings</h3>"), "headings from the paragraph layer")
        XCTAssertTrue(page.contains("<html lang=\"en\">"), "the document's language from metadata")
    }

    func testIndexShowsChartsTopEntitiesAndTheMostCheckWorthyClaimsWithLinks() async throws {
        let run = try await ExportRun.run([Fixtures.brief(), Fixtures.plain()], options: with {
            $0.formats = ["html"]
            $0.reportTopClaims = 2
        })
        let index = try XCTUnwrap(run.text("report/index.html"))
        XCTAssertEqual(index.components(separatedBy: "<svg ").count - 1, 3, "labels, kinds and check-worthiness charts")
        XCTAssertTrue(index.contains("<td>United Nations</td>"))
        let claims = index.components(separatedBy: "<h2>Most check-worthy claims</h2>")[1].components(separatedBy: "</table>")[0]
        XCTAssertEqual(claims.components(separatedBy: "<a href=\"brief.html#c").dropFirst().map { $0.prefix(1) }, ["3", "1"])
        XCTAssertTrue(index.contains("<tr><td><a href=\"plain.html\">plain</a></td><td></td><td class=\"num\">28</td>"))
    }

    func testScriptsAndMarkupInTheTextShowAsText() async throws {
        let run = try await ExportRun.run([Fixtures.hostile()], options: options)
        for path in ["report/hostile.html", "report/index.html"] {
            let page = try XCTUnwrap(run.text(path))
            XCTAssertFalse(page.contains("<script"), path)
            XCTAssertFalse(page.contains("<b>Bold"), path)
            XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), path)
        }
        let page = try XCTUnwrap(run.text("report/hostile.html"))
        XCTAssertTrue(page.contains("<title>&lt;b&gt;Bold&lt;/b&gt; &amp; =cmd|&#39; /C calc&#39;!A0</title>"))
        XCTAssertTrue(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""), "CSP forbids fetches")
    }

    func testCrossingSpansAreClosedAndReopenedSoTheMarkupStaysNested() async throws {
        var doc = StageHarness.document("alpha beta gamma", id: "cross")
        doc.setLayer(LayerName.claims, [Span(start: 0, end: 10, type: "claim")])
        doc.setLayer(LayerName.entities, [Span(start: 6, end: 16, type: "ORG")])
        let run = try await ExportRun.run([doc], options: options)
        let page = try XCTUnwrap(run.text("report/cross.html"))
        let ent = "<span class=\"ent l0\" data-label=\"ORG\" title=\"ORG: beta gamma\">"
        XCTAssertTrue(page.contains("<p>") == false && page.contains(
            "<div class=\"gap\"><mark id=\"c1\" data-n=\"1\" class=\"claim\" title=\"claim 1\">alpha \(ent)beta</span></mark>\(ent) gamma</span></div>"), page)
    }

    func testPagesOfAPDFAreMarkedInTheTextAndNumberedInTheCSV() async throws {
        let text = "First page text.\n\nSecond page on Japan."
        var doc = StageHarness.document(text, id: "pdf")
        doc.setLayer(LayerName.pages, [Span(start: 0, end: 18, type: "page", attributes: ["number": 1]),
                                       Span(start: 18, end: 39, type: "page", attributes: ["number": 2])])
        doc.setLayer(LayerName.paragraphs, [Span(start: 0, end: 16, type: "paragraph"), Span(start: 18, end: 39, type: "paragraph")])
        doc.setLayer(LayerName.entities, [Span(start: 33, end: 38, type: "GPE", attributes: ["canonical": "Japan"])])
        let run = try await ExportRun.run([doc], options: with { $0.formats = ["html", "csv"] })
        let page = try XCTUnwrap(run.text("report/pdf.html"))
        XCTAssertTrue(page.contains("<p>First page text.</p>\n<p><span class=\"page\" id=\"p2\" data-page=\"2\"></span>Second page on "), page)
        XCTAssertEqual(run.text("entities.csv")?.components(separatedBy: "\r\n")[1], "pdf,0,GPE,Japan,Japan,33,38,33,38,,2,,,,")
    }
}
