import DocPipe
import XCTest
@testable import NormalizeStage

/// A single line of megabytes (no punctuation, no line breaks) must not become one sentence of
/// megabytes: every per-sentence stage after normalize would then work on all of it at once.
/// (The debug suite uses 1 MB; the 5 MB line through the whole release pipeline is measured in
/// docs/reliability.md. The cut does not depend on the length beyond 2000 bytes.)
final class LongLineTests: XCTestCase {
    func testAMegabyteLineIsCutIntoBoundedSentencesThatCoverIt() async throws {
        let words = ["united", "nations", "geneva", "Korea", "said", "that", "percent", "Moon", "Jae-in", "naïve", "日本"]
        var line = ""
        var i = 0
        while line.utf8.count < 1_000_000 { line += words[i % words.count] + " "; i += 1 }
        line.removeLast()
        let doc = try await normalize(line)
        let sentences = texts(doc, LayerName.sentences)
        XCTAssertGreaterThan(sentences.count, 400, "the line should be cut into many sentences")
        let longest = sentences.map(\.utf8.count).max() ?? 0
        XCTAssertLessThanOrEqual(longest, SentenceSplitter.maxBytes, "a sentence of \(longest) bytes")
        // Cut at spaces only: the sentences put back together give the text.
        XCTAssertEqual(sentences.joined(separator: " "), doc.text)
        assertWellFormed(doc)
    }

    func testALongRunWithoutSpacesIsCutAtCharacterBoundaries() {
        let text = Array(String(repeating: "é日a", count: 3_000).utf8)
        let parts = SentenceSplitter.capped([0..<text.count], text, maxBytes: 100)
        XCTAssertEqual(parts.first?.lowerBound, 0)
        XCTAssertEqual(parts.last?.upperBound, text.count)
        for (a, b) in zip(parts, parts.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
        for p in parts {
            XCTAssertLessThanOrEqual(p.count, 100)
            XCTAssertNotNil(String(validating: text[p], as: UTF8.self), "a piece cut inside a UTF-8 sequence")
        }
    }

    func testSentencesUnderTheLimitAreUntouched() {
        let text = Array("Short one. Another short one.".utf8)
        XCTAssertEqual(SentenceSplitter.capped([0..<10, 11..<text.count], text), [0..<10, 11..<text.count])
    }
}
