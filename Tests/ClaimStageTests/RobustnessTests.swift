import DocPipe
import DocPipeTestSupport
import Testing
@testable import ClaimStage

/// Odd input never crashes the stage and every offset it writes lies inside its sentence.
@Suite struct RobustnessTests {
    /// A deterministic generator (no system randomness in tests).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let pieces = ["The", " ", "said", "“", "”", "\"", "80%", "$", "5", "May", "may", ",", ".", "?", "é", "😀", "’s",
                         "according to", "studies have shown", "\n", "than", "should", "will", "—", "…", "[", "]", "1,000.5",
                         "North Korea", "because", "It proposes that", "in", "approximately", "'"]

    @Test func randomTextKeepsOffsetsInsideSentences() async throws {
        var g = Generator(state: 42)
        for round in 0..<60 {
            var text = ""
            for _ in 0..<(20 + g.next(200)) { text += Self.pieces[g.next(Self.pieces.count)] }
            let n = text.unicodeScalars.count
            var cuts = Set<Int>([0, n])
            for _ in 0..<g.next(8) { cuts.insert(g.next(n + 1)) }
            let bounds = cuts.sorted()
            let sentences = zip(bounds, bounds.dropFirst()).map { Span(start: $0, end: $1, type: "sentence") }
            var entities: [Span] = []
            for _ in 0..<g.next(10) {
                let a = g.next(n + 1), b = g.next(n + 1)
                entities.append(Span(start: min(a, b), end: max(a, b), type: ["PERSON", "MONEY", "DATE", "GPE"][g.next(4)],
                                     attributes: ["canonical": "x"]))
            }
            let doc = StageHarness.document(text, layers: [LayerName.sentences: sentences, LayerName.entities: entities])
            var options = Claims.Options()
            options.allSentences = true
            let out = try await StageHarness.run(Claims(options: options), doc).document
            let claims = out.spans(LayerName.claims)
            #expect(claims.count <= sentences.count, "round \(round)")
            for c in claims {
                for key in ["hedges", "quotations", "entities"] {
                    for item in c.attributes[key]?.arrayValue ?? [] {
                        let s = item["start"]?.intValue ?? -1, e = item["end"]?.intValue ?? -1
                        #expect(s >= c.start && e <= c.end && s <= e, "round \(round): \(key) \(s)..<\(e) outside \(c.start)..<\(c.end)")
                    }
                }
                if let a = c.attributes["attribution"], let s = a["start"]?.intValue, let e = a["end"]?.intValue {
                    #expect(s >= c.start && e <= c.end, "round \(round): attribution outside its sentence")
                }
            }
        }
    }

    @Test func missingEntitiesLayerFallsBackToNumberCues() async throws {
        let doc = StageHarness.document("Exports fell by 12 percent in 2019.",
                                        layers: [LayerName.sentences: [Span(start: 0, end: 35, type: "sentence")]])
        let out = try await StageHarness.run(Claims(options: .init()), doc).document
        let claim = try #require(out.spans(LayerName.claims).first)
        #expect(claim.kinds.contains("statistical"))
        #expect(claim.involvedEntities.map { $0["label"]?.stringValue } == ["PERCENT", "DATE"])
        #expect(claim.involvedEntities.map { $0["canonical"]?.stringValue } == ["12 percent", "2019"])
    }
}
