import Foundation
import Testing
@testable import EntityStage

/// The conlleval-style scorer on a hand-made file with one wrong boundary ("Criminal Court" for
/// "International Criminal Court") and one wrong type ("Moon Jae-in" as LOC).
@Suite struct ScorerTests {
    /// Tests/Fixtures/ner (outside the test target, so SwiftPM does not ask to declare it).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ner")

    func load() throws -> (gold: [ConllSentence], pred: [[String]]) {
        let gold = try ConllReader.read(Self.fixtures.appendingPathComponent("scorer-gold.bio"))
        let pred = try ConllReader.read(Self.fixtures.appendingPathComponent("scorer-pred.bio")).map(\.tags)
        return (gold, pred)
    }

    @Test func countsExactMatchesOnly() throws {
        let (gold, pred) = try load()
        #expect(gold.count == 2 && gold[0].startsDocument)
        let s = ConllScore.score(gold: gold.map(\.tags), predicted: pred)
        #expect(s.overall == ConllScore.Counts(gold: 5, predicted: 5, correct: 3))
        #expect(s.perType["ORG"] == ConllScore.Counts(gold: 2, predicted: 2, correct: 1))
        #expect(s.perType["PER"] == ConllScore.Counts(gold: 2, predicted: 1, correct: 1))
        #expect(s.perType["LOC"] == ConllScore.Counts(gold: 1, predicted: 2, correct: 1))
        #expect(s.errors == ["wrong_boundary": 1, "wrong_type": 1])
        #expect(s.tokens == 17 && s.correctTags == 13)
    }

    @Test func reportMatchesTheReferenceScorerFigures() throws {
        let (gold, pred) = try load()
        let report = ConllScore.score(gold: gold.map(\.tags), predicted: pred).report()
        // Figures printed by `python3 shared/tools/conll_score.py score scorer-gold.bio scorer-pred.bio`.
        #expect(report.contains("processed 17 tokens with 5 phrases; found: 5 phrases; correct: 3."))
        #expect(report.contains("accuracy:  76.47%; precision:  60.00%; recall:  60.00%; FB1:  60.00"))
        #expect(report.contains("ORG        50.00   50.00   50.00      2      2      1"))
    }

    @Test func readsIOB1LikeConlleval() {
        // IOB1: I- opens a phrase after O; B- only separates adjacent phrases of one type.
        #expect(ConllScore.chunks(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]) ==
                [.init(start: 0, end: 2, type: "PER"), .init(start: 3, end: 4, type: "LOC"), .init(start: 4, end: 5, type: "LOC")])
        #expect(NERTags.iob2(NERTags.indices(["I-ORG", "I-ORG", "I-ORG"])) == ["B-ORG", "I-ORG", "I-ORG"])
    }

    @Test func rejectsMalformedTags() {
        #expect(throws: ConllError.self) { try ConllReader.parse("Moon X-PER\n") }
    }
}
