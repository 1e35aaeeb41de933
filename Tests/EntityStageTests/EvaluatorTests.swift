import Foundation
import Testing
@testable import EntityStage

/// `NEREvaluator` runs the stage's extraction over gold sentences and maps spans back to tokens.
@Suite struct EvaluatorTests {
    @Test func predictsMapsAndWritesBIO() throws {
        let gold = try ConllReader.parse("""
            The O
            Helsinki B-MISC
            Accords I-MISC
            of O
            1975 O
            were O
            signed O
            by O
            Gerald B-PER
            Ford I-PER
            in O
            Finland B-LOC
            . O
            """)
        let result = try NEREvaluator().evaluate(gold)
        // LAW → MISC, GPE → LOC, PERSON → PER; the DATE "1975" is dropped.
        #expect(result.predicted[0] == ["O", "B-MISC", "I-MISC", "O", "O", "O", "O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"])
        #expect(result.score.overall.f1 == 100)
        #expect(result.predictionsBIO().hasPrefix("The O O\nHelsinki B-MISC B-MISC\n"))
    }

    @Test func re3dGoldMapKeepsNameLikePhrases() {
        let gold = [ConllSentence(tokens: ["The", "hospital", "and", "the", "Coalition", "in", "2015"],
                                  tags: ["B-Location", "I-Location", "O", "B-Organisation", "I-Organisation", "O", "B-Temporal"])]
        let prepared = NEREvaluator.prepareGold(gold, labels: NEREvaluator.re3dLabelMap, namedOnly: true)
        #expect(prepared[0].tags == ["O", "O", "O", "B-ORG", "I-ORG", "O", "O"])
    }
}
