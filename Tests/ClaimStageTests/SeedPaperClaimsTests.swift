import DocPipe
import DocPipeTestSupport
import Testing
@testable import ClaimStage

/// The claims the issue names in the seed paper, tagged by the stage with the bundled model.
@Suite struct SeedPaperClaimsTests {
    let result: Document

    init() async throws {
        result = try await StageHarness.run(Claims(options: .init()), SeedFixture.seedDocument()).document
    }

    @Test func eightyPercentSentenceIsHedgedAttributedStatistics() throws {
        let claim = try #require(result.claim(containing: "Approximately 80% of female defectors"))
        #expect(claim.kinds.contains("statistical"))
        #expect(claim.kinds.contains("attributed"))
        #expect(claim.hedgeTexts.contains("Approximately"))
        #expect(claim.hedgeTexts.contains("studies have shown"))
        #expect(claim.attribution?["text"]?.stringValue == "studies")
        #expect(claim.attribution?["cue"]?["text"]?.stringValue == "studies have shown")
        let percent = try #require(claim.involvedEntities.first { $0["label"] == "PERCENT" })
        #expect(percent["canonical"] == "80%")
        #expect(claim.checkworthiness >= 0.7)
        #expect(claim.attributes["checkworthy"] == true)
    }

    @Test func buergenthalQuotationIsAttributedToHim() throws {
        let claim = try #require(result.claim(containing: "Thomas Buergenthal, a former International Criminal Court judge"))
        #expect(claim.kinds.contains("quotation"))
        #expect(claim.kinds.contains("attributed"))
        let attribution = try #require(claim.attribution)
        #expect(attribution["text"] == "Thomas Buergenthal")
        #expect(attribution["entity"]?["label"] == "PERSON")
        #expect(attribution["entity"]?["canonical"] == "Thomas Buergenthal")
        let quote = try #require(claim.quotations.first)
        #expect(quote["text"]?.stringValue?.hasPrefix("terrible, or even worse, than Nazi camps") == true)
        #expect(quote["attributedTo"] == "Thomas Buergenthal")
    }

    @Test func incomparableQuotationIsAttributedToTheFormerHighCommissioner() throws {
        let claim = try #require(result.claim(containing: "“incomparable"))
        #expect(claim.kinds.contains("quotation"))
        let attribution = try #require(claim.attribution)
        #expect(attribution["text"] == "A former United Nations high commissioner for human rights")
        #expect(attribution["entity"] == nil)
        let quote = try #require(claim.quotations.first)
        #expect(quote["text"]?.stringValue?.hasPrefix("incomparable") == true)
        #expect(quote["attributedTo"] == "A former United Nations high commissioner for human rights")
    }

    @Test func southKoreaShouldProceedIsARecommendationWithMoney() throws {
        let claim = try #require(result.claim(containing: "South Korea should proceed"))
        #expect(claim.kinds.contains("recommendation"))
        let labelled = claim.involvedEntities.map { "\($0["label"]?.stringValue ?? "") \($0["canonical"]?.stringValue ?? "")" }
        #expect(labelled.contains("GPE South Korea"))
        #expect(labelled.contains("MONEY $8 million"))
        #expect(labelled.contains("PERSON Moon Jae-in"))
        #expect(claim.hedgeTexts.isEmpty, "May 2019 is a month, not the modal 'may'")
    }

    @Test func thisPaperArguesIsTheThesis() throws {
        let claim = try #require(result.claim(containing: "This paper argues"))
        #expect(claim.kinds.contains("thesis"))
        #expect(!claim.kinds.contains("attributed"), "the paper speaking for itself is not a reported claim")
        #expect(claim.attribution?["via"] == "self")
    }

    @Test func trumpMoonSentenceIsAttributedEvaluativeAndHedged() throws {
        let claim = try #require(result.claim(containing: "Donald Trump and Moon Jae-in"))
        #expect(claim.kinds.contains("evaluative"))
        #expect(claim.kinds.contains("attributed"))
        #expect(claim.hedgeTexts == ["apparently"])
        #expect(claim.attribution?["via"] == "stance")
        #expect(claim.attribution?["text"] == "the administrations of Presidents Donald Trump and Moon Jae-in")
    }

    @Test func headingIsNotAClaim() {
        #expect(result.claim(containing: "pacific forum History") == nil)
    }

    @Test func outputIsDeterministic() async throws {
        let again = try await StageHarness.run(Claims(options: .init()), SeedFixture.seedDocument()).document
        #expect(again.canonicalBytes == result.canonicalBytes)
    }
}
