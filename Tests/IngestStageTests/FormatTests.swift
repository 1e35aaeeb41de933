import DocPipe
import Foundation
import XCTest
@testable import IngestStage

final class FormatTests: XCTestCase {
    func testPlainTextIsItsOwnSource() async throws {
        let doc = try await ingestOne("speeches/a.txt", "Line one.\nLine two.\n")
        XCTAssertEqual(doc.id, "speeches__a.txt")
        XCTAssertEqual(doc.text, "Line one.\nLine two.\n")
        XCTAssertEqual(doc.source.mediaType, "text/plain")
        XCTAssertEqual(doc.sourceMap, .identity(length: 20))
    }

    func testHTMLDropsChromeDecodesEntitiesAndCollectsMetadata() async throws {
        let html = """
        <!DOCTYPE html><html lang="en"><head><title>Page title</title>
        <meta name="citation_title" content="Alliance &amp; Trade">
        <meta name="citation_author" content="Kerr, Paul K.">
        <meta name="citation_author" content="Manyin, Mark E.">
        <meta name="citation_publication_date" content="2026/04/09">
        <meta property="og:url" content="https://example.org/r">
        <style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
        <body><nav><a href="/">Home</a> | <a href="/x">Products</a></nav>
        <header>Site banner</header>
        <h2>Overview</h2>
        <p>Seoul &amp; Washington&#8217;s ties&nbsp;grew.&#3; It&#x2019;s   <b>strong</b>.</p>
        <!-- a comment -->
        <ul><li>First item</li><li>Second item</li></ul>
        <footer>Copyright</footer></body></html>
        """
        let doc = try await ingestOne("r.html", html)
        XCTAssertEqual(doc.text, "Overview\n\nSeoul & Washington’s ties\u{A0}grew. It’s strong.\n\nFirst item\n\nSecond item")
        XCTAssertEqual(doc.metadata["title"], "Alliance & Trade")
        XCTAssertEqual(doc.metadata["authors"], ["Kerr, Paul K.", "Manyin, Mark E."])
        XCTAssertEqual(doc.metadata["date"], "2026-04-09")
        XCTAssertEqual(doc.metadata["url"], "https://example.org/r")
        XCTAssertEqual(doc.metadata["language"], "en")
        XCTAssertEqual(doc.spans(Ingest.headingsLayer).map { doc.text(of: $0) }, ["Overview"])
        // Copied text maps back to the markup it came from.
        let strong = doc.text.range(of: "strong")!
        let start = doc.text.unicodeScalars.distance(from: doc.text.unicodeScalars.startIndex, to: strong.lowerBound)
        XCTAssertEqual(sourceText(doc, source: html, Span(start: start, end: start + 6, type: "x")), "strong")
    }

    func testHTMLFragmentTitleFallsBackToFirstH1() async throws {
        let doc = try await ingestOne("f.htm", "<div><h1>Main &quot;Title&quot;</h1><p>Body text.</p></div>")
        XCTAssertEqual(doc.text, "Main \"Title\"\n\nBody text.")
        XCTAssertEqual(doc.metadata["title"], "Main \"Title\"")
    }

    func testMarkdownFrontMatterHeadingsLinksTablesAndNavigation() async throws {
        let md = """
        ---
        title: "Iran and Nuclear Weapons"
        authors: Kerr, Paul K.
        date: 2026-04-09
        ---
        [Citation](https://x#c)[Subscribe](https://x/get) > [Home](https://x/)

        # Iran and *Nuclear* Weapons

        **Report No.:** IF12106
        **Publication Date:** 04/09/2026

        Iran's program has **long** generated [concern](https://x/c) and `debate`.
        It continues.

        | **Type:** | In Focus |
        |---|---|
        | **Number:** | IF12106 |
        | **Authors:** | Villarreal, M. Angeles; Trachtenberg, Danielle M. |

        - [April 16, 2026 (IF12106 - Version: 11)](https://x/IF12106.11.pdf)
        [Listen](https://app-na.readspeaker.com/x)Iran and Nuclear Weapons

        - first point
        - second point
        """
        let doc = try await ingestOne("r.md", md)
        XCTAssertEqual(doc.metadata["title"], "Iran and Nuclear Weapons")
        XCTAssertEqual(doc.metadata["authors"], ["Kerr, Paul K.", "Villarreal, M. Angeles", "Trachtenberg, Danielle M."])
        XCTAssertEqual(doc.metadata["date"], "2026-04-09")
        XCTAssertEqual(doc.metadata["number"], "IF12106")
        XCTAssertEqual(doc.text, """
        Iran and Nuclear Weapons

        Iran's program has long generated concern and debate.
        It continues.

        Type: In Focus

        first point

        second point
        """)
        XCTAssertEqual(doc.spans(Ingest.headingsLayer).map { doc.text(of: $0) }, ["Iran and Nuclear Weapons"])
        let concern = doc.text.range(of: "concern")!
        let at = doc.text.unicodeScalars.distance(from: doc.text.unicodeScalars.startIndex, to: concern.lowerBound)
        XCTAssertEqual(sourceText(doc, source: md, Span(start: at, end: at + 7, type: "x")), "concern")
    }

    func testSGMLRecordsMapKnownFieldsAndDropCodes() async throws {
        var bytes = Array("""
        <REUTERS NEWID="17980"><DATE> 2-JUN-1987 09:14:36.57</DATE>
        <TOPICS><D>money-fx</D></TOPICS><UNKNOWN>&#5;&#5;RM</UNKNOWN>
        <TEXT>&#2;
        <TITLE>LAWSON SAYS ACCORD SATISFACTORY</TITLE>
        <DATELINE>    LONDON, June 2 - </DATELINE><BODY>The accord worked &lt;well>, Lawson said in M
        """.utf8)
        bytes += [0xFC]
        bytes += Array("nchen.\n REUTER\n&#3;</BODY></TEXT>\n</REUTERS>\n".utf8)
        let doc = try await ingestOne("reut.sgm", bytes)
        XCTAssertEqual(doc.metadata["title"], "LAWSON SAYS ACCORD SATISFACTORY")
        XCTAssertEqual(doc.metadata["date"], "1987-06-02T09:14:36")
        XCTAssertEqual(doc.text, "LAWSON SAYS ACCORD SATISFACTORY\n\nLONDON, June 2 - The accord worked <well>, Lawson said in München.\n REUTER")
        XCTAssertFalse(doc.text.contains("money-fx"))
        XCTAssertFalse(doc.text.contains("RM"))
        XCTAssertEqual(doc.warnings.map(\.code), ["encoding.windows-1252"])
        XCTAssertEqual(doc.source.mediaType, "application/sgml")
    }

    func testGenericXML() async throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE article>
        <article xmlns:dc="http://purl.org/dc/elements/1.1/">
          <title>Alliance Review</title><author>Kim, Min-ji</author><date>2019-03-01</date>
          <section><p>First <i>point</i> here.</p><p><![CDATA[Second & last <point>.]]></p></section>
        </article>
        """
        let doc = try await ingestOne("a.xml", xml)
        XCTAssertEqual(doc.metadata["title"], "Alliance Review")
        XCTAssertEqual(doc.metadata["authors"], ["Kim, Min-ji"])
        XCTAssertEqual(doc.metadata["date"], "2019-03-01")
        XCTAssertEqual(doc.text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) },
                       ["Alliance Review", "First point here.", "Second & last <point>."])
    }

    func testDatesBecomeISO8601() {
        let cases: [(String, String?)] = [
            ("April 9, 2026", "2026-04-09"), ("Updated September 17, 2026", "2026-09-17"), ("04/09/2026", "2026-04-09"),
            ("19-OCT-1987 15:37:46.03", "1987-10-19T15:37:46"), ("1789-04-30", "1789-04-30"), ("9 April 2026", "2026-04-09"),
            ("Sept. 5, 1983", "1983-09-05"), ("2026/04/09", "2026-04-09"), ("March 2019", "2019-03"), ("1965", "1965"),
            ("31/12/2020", "2020-12-31"), ("February 30, 2020", nil), ("soon", nil), ("2026-04-09T10:20:00Z", "2026-04-09T10:20:00"),
        ]
        for (raw, iso) in cases { XCTAssertEqual(DateParser.iso8601(raw), iso, raw) }
    }

    func testOptionsEncodeEveryKeyAndValidate() throws {
        let json = OptionsCoding.encode(IngestOptions())
        XCTAssertEqual(json.objectValue?.keys.sorted(), ["authorFields", "dateFields", "decodeEntities", "idFields", "pdfMode", "pdfTimeoutSeconds",
                                                        "pdftotext", "textFields", "titleFields", "unknownAsText", "urlFields"])
        var bad = IngestOptions()
        bad.textFields = []
        bad.pdfTimeoutSeconds = 0
        bad.pdfMode = "columns"
        XCTAssertEqual(bad.validate().count, 3)
        XCTAssertEqual(try OptionsCoding.decode(IngestOptions.self, from: json), IngestOptions())
    }
}
