import DocPipe
import DocPipeTestSupport
import Testing
@testable import ClaimStage

/// The rules behind kinds, hedges and attribution, one sentence at a time. Entities are marked
/// inline (`[[PERSON …]]`); each test document is one sentence.
@Suite struct ClaimRulesTests {
    /// Tags a one-sentence document written as marked text; returns its claim span (all sentences kept).
    func tag(_ marked: String) async throws -> Span {
        let m = MarkedText(marked)
        let entities = m.spans.map { Span(start: $0.start, end: $0.end, type: $0.type,
                                          attributes: ["canonical": .string(String(m.text.unicodeScalars.dropFirst($0.start).prefix($0.length)))]) }
        let doc = StageHarness.document(m.text, layers: [
            LayerName.sentences: [Span(start: 0, end: m.text.unicodeScalars.count, type: "sentence")],
            LayerName.entities: entities,
        ])
        var options = Claims.Options()
        options.allSentences = true
        let out = try await StageHarness.run(Claims(options: options), doc).document
        return try #require(out.spans(LayerName.claims).first)
    }

    @Test func monthMayIsNotAHedgeButModalMayIs() async throws {
        #expect(try await tag("Aid was pledged in [[DATE May 2019]] by the government.").hedgeTexts.isEmpty)
        #expect(try await tag("The sanctions may weaken the regime within a year.").hedgeTexts == ["may"])
    }

    @Test func aboutHedgesOnlyNumbers() async throws {
        #expect(try await tag("About [[CARDINAL 300]] people were detained last year.").hedgeTexts == ["About"])
        #expect(try await tag("The report is about the famine in the north.").hedgeTexts.isEmpty)
    }

    @Test func accordingToLinksTheSourceEntity() async throws {
        let claim = try await tag("Exports fell by [[PERCENT 12%]], according to the [[ORG World Bank]].")
        #expect(claim.kinds.contains("attributed"))
        #expect(claim.kinds.contains("statistical"))
        #expect(claim.kinds.contains("comparative"))
        #expect(claim.attribution?["via"] == "according")
        #expect(claim.attribution?["text"] == "the World Bank")
        #expect(claim.attribution?["entity"]?["canonical"] == "World Bank")
    }

    @Test func trailingSpeakerAfterAQuotation() async throws {
        let claim = try await tag("“We will never give up our nuclear weapons,” [[PERSON Kim]] said.")
        #expect(claim.kinds.contains("quotation"))
        #expect(claim.attribution?["text"] == "Kim")
        #expect(claim.quotations.first?["text"] == "We will never give up our nuclear weapons")
        #expect(claim.quotations.first?["attributedTo"] == "Kim")
        #expect(!claim.kinds.contains("predictive"), "the forecast is inside the quotation")
    }

    @Test func participleAfterAPossessiveIsNotAReportingVerb() async throws {
        let claim = try await tag("The [[GPE United States]] should free up its promised aid.")
        #expect(claim.attribution == nil)
        #expect(claim.kinds == ["recommendation"])
    }

    @Test func ratherThanIsNotAComparison() async throws {
        let claim = try await tag("They are treated as migrants rather than refugees by the authorities.")
        #expect(!claim.kinds.contains("comparative"))
    }

    @Test func causalAndPredictiveCues() async throws {
        let claim = try await tag("Food prices rose because the harvest failed, and they will rise again next year.")
        #expect(claim.kinds.contains("causal"))
        #expect(claim.kinds.contains("predictive"))
        #expect(claim.kinds.contains("comparative"))
    }

    @Test func questionsAreNotClaimsUnlessScoredCheckWorthy() async throws {
        let claim = try await tag("Should the allies offer more aid to the north?")
        #expect(!claim.kinds.contains("recommendation"))
        #expect(claim.attributes["isClaim"] == .bool(claim.attributes["checkworthy"] == true))
    }

    @Test func firstPersonThesis() async throws {
        let claim = try await tag("We argue that engagement has failed to change the regime's behaviour.")
        #expect(claim.kinds.contains("thesis"))
        #expect(claim.attribution?["via"] == "self")
    }

    @Test func offsetsAreUnicodeScalarOffsets() async throws {
        let claim = try await tag("Café owners said prices rose by [[PERCENT 5%]] in Zürich.")
        let percent = try #require(claim.involvedEntities.first)
        #expect(percent["start"] == 32)
        #expect(percent["end"] == 34)
        #expect(claim.attribution?["text"] == "Café owners")
        #expect(claim.attribution?["start"] == 0)
        #expect(claim.attribution?["end"] == 11)
    }

    @Test func scoresAreRoundedToFourDecimals() async throws {
        let claim = try await tag("Unemployment fell to [[PERCENT 4.1%]] in [[DATE 2018]], the lowest in [[CARDINAL 17]] years.")
        let score = claim.checkworthiness
        #expect((score * 10_000).rounded() == score * 10_000)
        #expect(score >= 0 && score <= 1)
    }
}

extension ClaimRulesTests {
    @Test func politeModalsAreNotRecommendations() async throws {
        let claim = try await tag("I should like to congratulate the [[PERSON President]] on his election.")
        #expect(!claim.kinds.contains("recommendation"))
    }
}
