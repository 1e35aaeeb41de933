import DocPipe
import DocPipeTestSupport
import Testing
@testable import EntityStage

/// DATE, MONEY, PERCENT, … rules, asserted with inline markers.
@Suite struct RuleTests {
    func check(_ marked: String, sourceLine: SourceLocation = #_sourceLocation) async throws {
        let m = MarkedText(marked)
        var options = Entities.Options()
        options.labels = ["DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"]
        let doc = try await StageHarness.run(try Entities(options: options), SentenceFixture.document(m.text)).document
        #expect(MarkedText.render(doc.text, doc.spans(LayerName.entities)) == marked, sourceLocation: sourceLine)
    }

    @Test func amountsAndPercentages() async throws {
        try await check("It pledged [[MONEY $8 million]] and [[MONEY US$2.5 billion]] to them.")
        try await check("About [[PERCENT 80%]] of them, or [[PERCENT 12 per cent]], paid [[MONEY 300 euros]].")
        try await check("Debt rose [[PERCENT 3.5 percent]] to [[MONEY £1,200]].")
    }

    @Test func dates() async throws {
        try await check("The Helsinki Accords of [[DATE 1975]] were signed.")
        try await check("Moon pledged in [[DATE May 2019]] and again on [[DATE May 5, 2019]] and [[DATE 5 June 2020]].")
        try await check("Since [[DATE the 1990s]], and [[DATE last year]], and on [[DATE 1996-08-22]].")
    }

    @Test func numbersOrdinalsQuantities() async throws {
        try await check("[[CARDINAL Three]] men walked [[QUANTITY 20 km]] for the [[ORDINAL first]] time.")
        try await check("About [[CARDINAL three-quarters]] of the [[CARDINAL 1,500]] residents, at [[TIME 10:30 a.m.]]")
    }

    @Test func normalizedValues() async throws {
        let doc = try await StageHarness.run(try Entities(options: Entities.Options()), SentenceFixture.document(
            "South Korea pledged $8 million in May 2019, about 80% of three-quarters of US$2.5 billion, on May 5, 2019.")).document
        var values: [String: JSONValue] = [:]
        for s in doc.spans(LayerName.entities) { if let v = s.attributes["value"] { values[doc.text(of: s)] = v } }
        #expect(values == ["$8 million": 8_000_000, "May 2019": "2019-05", "80%": 80, "three-quarters": 0.75,
                           "US$2.5 billion": 2_500_000_000, "May 5, 2019": "2019-05-05"])
    }

    @Test func pronounOneIsNotANumber() async throws {
        try await check("No one knows which one of them left.")
    }
}
