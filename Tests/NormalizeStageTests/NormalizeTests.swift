import DocPipe
import DocPipeTestSupport
import XCTest
@testable import NormalizeStage

final class NormalizeTests: XCTestCase {
    func testLineEndingsSpacesAndBlankLines() async throws {
        let doc = try await normalize("  First  line\twith   spaces.\r\nSecond line.\r\r\n\n\nNext\u{A0}paragraph.\u{200B}  \n")
        XCTAssertEqual(doc.text, "First line with spaces. Second line.\n\nNext paragraph.")
        XCTAssertEqual(texts(doc, LayerName.paragraphs), ["First line with spaces. Second line.", "Next paragraph."])
        XCTAssertEqual(texts(doc, LayerName.sentences), ["First line with spaces.", "Second line.", "Next paragraph."])
        assertWellFormed(doc)
    }

    func testOldMacLineEndings() async throws {
        let doc = try await normalize("Title Line\r\rFirst sentence here.\rIt goes on.\r\rSecond paragraph.")
        XCTAssertEqual(texts(doc, LayerName.paragraphs), ["Title Line", "First sentence here. It goes on.", "Second paragraph."])
    }

    func testHardWrappedTextIsReflowedIntoParagraphs() async throws {
        // UN General Debate records: wrapped lines, no blank lines; a short line ending a sentence ends a paragraph.
        let text = """
        Allow
        me at the outset to express my sincere congratulations
        to Mr. Vuk Jeremić on his assumption of the presidency
        of the General Assembly at its sixty-seventh session. I
        have every confidence that under his able leadership
        this session will be crowned with great success.
        Humankind continues to advance, drawing on our
        collective wisdom to address challenges throughout
        human history.
        The United Nations, the symbol of our collective
        wisdom, should take greater responsibility.
        """
        let doc = try await normalize(text)
        XCTAssertEqual(texts(doc, LayerName.paragraphs), [
            "Allow me at the outset to express my sincere congratulations to Mr. Vuk Jeremić on his assumption of the presidency of the General Assembly at its sixty-seventh session. I have every confidence that under his able leadership this session will be crowned with great success. Humankind continues to advance, drawing on our collective wisdom to address challenges throughout human history.",
            "The United Nations, the symbol of our collective wisdom, should take greater responsibility.",
        ])
        XCTAssertEqual(texts(doc, LayerName.sentences).count, 4)
        assertWellFormed(doc)
    }

    func testIndentedLinesStartParagraphsInWireText() async throws {
        let text = """
        The Louvre agreement by the Group of Seven
        finance ministers has worked well, he said.
            One of them, sitting astride the Rostam offshore
        oilfield, was hit.
        """
        let doc = try await normalize(text)
        XCTAssertEqual(texts(doc, LayerName.paragraphs), [
            "The Louvre agreement by the Group of Seven finance ministers has worked well, he said.",
            "One of them, sitting astride the Rostam offshore oilfield, was hit.",
        ])
    }

    func testOneParagraphPerLongLine() async throws {
        let a = String(repeating: "This is a long transcript paragraph with many words. ", count: 4)
        let b = String(repeating: "Another long paragraph follows on the next line here. ", count: 4)
        let doc = try await normalize(a + "\n" + b)
        XCTAssertEqual(doc.spans(LayerName.paragraphs).count, 2)
    }

    func testBoilerplateAndHeadings() async throws {
        let text = """
        pacific forum History of Pacific Forum

        Issues & Insights Vol. 19, WP 13: Promoting the Well-Being of North Korea’s Residents and Refugees through US-ROK Cooperation

        Under extreme poverty and political repression, many North Koreans endure violations.

        Hide Overview

        Background

        Iran's nuclear program has generated concern.
        """
        let doc = try await normalize(text)
        XCTAssertFalse(doc.text.contains("pacific forum"))
        XCTAssertFalse(doc.text.contains("Hide Overview"))
        XCTAssertEqual(doc.metadata["title"], "Issues & Insights Vol. 19, WP 13: Promoting the Well-Being of North Korea’s Residents and Refugees through US-ROK Cooperation")
        XCTAssertEqual(doc.metadata["series"], "Issues & Insights")
        XCTAssertEqual(doc.metadata["volume"], "19")
        XCTAssertEqual(doc.metadata["number"], "WP 13")
        XCTAssertEqual(doc.spans(LayerName.paragraphs).map(\.type), ["paragraph", "paragraph", "heading", "paragraph"])
        var options = NormalizeOptions()
        options.boilerplateLines.append("Background")
        options.boilerplatePatterns = ["Under extreme .* violations\\."]
        let custom = try await normalize(text, options: options)
        XCTAssertFalse(custom.text.contains("Background"))
        XCTAssertFalse(custom.text.contains("Under extreme"))
        XCTAssertTrue(custom.text.contains("Iran's nuclear program"))
    }

    func testHeadingHintsFromIngestBecomeHeadingParagraphs() async throws {
        let text = "Overview\n\nSouth Korea is a partner."
        let doc = try await normalize(text, layers: ["headings": [Span(start: 0, end: 8, type: "heading")]])
        XCTAssertEqual(doc.spans(LayerName.paragraphs).map(\.type), ["heading", "paragraph"])
        XCTAssertNil(doc.layers["headings"])
        XCTAssertEqual(texts(doc, LayerName.sentences), ["Overview", "South Korea is a partner."])
    }

    func testHeadingsByShapeButNotTableRows() async throws {
        let wire = try await normalize("NEW YORK, March 3 - Shr 33 cts vs 28 cts\n    Net 1,234,000 vs 1,100,000\n    Pay May One\n    Record April Three")
        XCTAssertEqual(wire.spans(LayerName.paragraphs).map(\.type), ["paragraph", "paragraph", "paragraph", "paragraph"])
        let report = try await normalize("Updated April 9, 2026\n\nFissile Material Production\n\nThe time needed to produce enough weapons-grade HEU is a function of capacity.")
        XCTAssertEqual(report.spans(LayerName.paragraphs).map(\.type), ["paragraph", "heading", "paragraph"])
    }

    func testParagraphNumbersAndStageDirections() async throws {
        let long = String(repeating: "word ", count: 40)
        let text = "28.\tWe meet this morning. \(long)\n\n29.\tThe cease-fire held. \(long)\n\nApplause follows. [Laughter]\n\n[Laughter]"
        let plain = try await normalize(text)
        XCTAssertTrue(plain.text.hasPrefix("We meet this morning."))
        XCTAssertTrue(plain.text.contains("\n\nThe cease-fire held."))
        XCTAssertTrue(plain.text.hasSuffix("[Laughter]"))
        var options = NormalizeOptions()
        options.removeStageDirections = true
        let clean = try await normalize(text, options: options)
        XCTAssertTrue(clean.text.hasSuffix("Applause follows."), clean.text)
    }

    func testTypography() async throws {
        let text = "The “ﬁnal” oﬀer\u{AD}ing — “incomparable . . . anywhere”… it’s e\u{301}te\u{301}\u{2011}long."
        let kept = try await normalize(text)
        XCTAssertEqual(kept.text, "The “final” offering — “incomparable … anywhere”… it’s été-long.")
        var options = NormalizeOptions()
        options.straightenQuotes = true
        options.asciiDashes = true
        options.ellipsis = false
        let plain = try await normalize(text, options: options)
        XCTAssertEqual(plain.text, "The \"final\" offering -- \"incomparable . . . anywhere\"… it's été-long.")
    }

    func testNFCKeepsOffsetsMappedToTheSource() async throws {
        let text = "Cafe\u{301} au lait. Done."
        let doc = try await normalize(text)
        XCTAssertEqual(doc.text, "Café au lait. Done.")
        let done = doc.spans(LayerName.sentences)[1]
        XCTAssertEqual(texts(doc, LayerName.sentences)[1], "Done.")
        XCTAssertEqual(doc.sourceMap.sourceOffset(done.start), 15)
    }

    func testPDFRunningHeadersPageNumbersAndHyphenation() async throws {
        let pages = [
            "U.S.-Mexico Trade Relations\nThe United States shares strong trade and investment ties with Mex-\nico and its government, in a relationship that goes back a long way\nand is of long stand-\ning.\nhttps://crsreports.congress.gov",
            "U.S.-Mexico Trade Relations\nThe government of Mexico has a self-\ngoverning approach to the\nU.S.-\nMexico relationship.\n2\nhttps://crsreports.congress.gov",
            "U.S.-Mexico Trade Relations\nDisclaimer text.\n3\nhttps://crsreports.congress.gov",
        ]
        var text = ""
        var spans: [Span] = []
        for (i, p) in pages.enumerated() {
            if i > 0 { text += "\n\n" }
            let start = text.unicodeScalars.count
            text += p
            spans.append(Span(start: start, end: text.unicodeScalars.count, type: "page", attributes: ["number": .int(i + 1)]))
        }
        let doc = try await normalize(text, layers: ["pages": spans])
        XCTAssertEqual(texts(doc, LayerName.paragraphs), [
            "U.S.-Mexico Trade Relations",
            "The United States shares strong trade and investment ties with Mex- ico and its government, in a relationship that goes back a long way and is of long standing.",
            "The government of Mexico has a self-governing approach to the U.S.-Mexico relationship.",
            "Disclaimer text.",
        ].map { $0.replacingOccurrences(of: "Mex- ico", with: "Mexico") })
        // Pages are carried over to the new text.
        XCTAssertEqual(doc.spans("pages").map { $0.attributes["number"] }, [1, 2, 3])
        XCTAssertTrue(texts(doc, "pages")[1].hasPrefix("The government of Mexico"), texts(doc, "pages")[1])
        assertWellFormed(doc)
    }

    func testOptionsEncodeEveryKeyAndValidate() throws {
        let json = OptionsCoding.encode(NormalizeOptions())
        XCTAssertEqual(json.objectValue?.keys.sorted(), [
            "abbreviations", "asciiDashes", "boilerplateLines", "boilerplatePatterns", "boilerplatePrefixes", "ellipsis", "inferTitle", "joinHyphenation",
            "ligatures", "nfc", "reflow", "removeRunningHeaders", "removeStageDirections", "straightenQuotes", "stripParagraphNumbers",
        ])
        XCTAssertEqual(try OptionsCoding.decode(NormalizeOptions.self, from: json), NormalizeOptions())
        var bad = NormalizeOptions()
        bad.boilerplateLines = [" "]
        bad.abbreviations = ["two words"]
        bad.boilerplatePatterns = ["(unclosed"]
        XCTAssertEqual(bad.validate().count, 3)
    }
}
