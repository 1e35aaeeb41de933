import DocPipe
import Foundation
import Testing
@testable import ClaimStage

/// The stage's fast paths give exactly what the plain ones give: the linear logit summed straight
/// from the buckets, the early exit for sentences that cannot be claims, and attribute objects
/// made from templates.
@Suite struct ScoringPathTests {
    static let sentences = [
        "Unemployment has fallen to 4.1 percent, the lowest rate in 17 years.",
        "Thank you very much, it's great to be here tonight.",
        "“We will not accept this,” the minister said, adding that talks would resume in May 2019.",
        "According to the World Bank, poverty fell by half between 1990 and 2015 because of growth.",
        "This paper argues that sanctions should be lifted.",
        "Mr. President,",
        "The the the the the of of of, and and and.",
        "Reportedly, about 3,000 people were displaced, roughly $2 million in damage.",
        "It is estimated that 40% of children may not attend school?",
        "\"Short quote\" here",
        "",
    ]

    @Test func linearLogitFromBucketsEqualsTheFeatureListSum() throws {
        let model = try #require(CheckworthinessModel.bundled)
        let tagger = ClaimTagger(model: model)
        var scratch = ClaimTagger.Scratch()
        for s in ScoringPathTests.sentences {
            let features = tagger.features(sentence: s, scratch: &scratch)
            let bytes = Array(s.utf8)
            let fast = bytes.withUnsafeBufferPointer { b in
                let analysis = tagger.analyze(b, 0..<b.count, entities: nil, keepFeatures: true, scratch: &scratch).0
                return tagger.hasher.linearLogit(tokens: scratch.tokens, bytes: b, analysis: analysis, rows: scratch.rows,
                                                 weights: model.weightTable ?? WeightTable(model.weights), bias: model.bias,
                                                 scratch: &scratch.linear)
            }
            #expect(fast.bitPattern == model.linearLogit(features).bitPattern, "\(s)")
        }
    }

    @Test func scoresAreTheSameWithAndWithoutTheFeatureList() throws {
        let tagger = ClaimTagger()
        var scratch = ClaimTagger.Scratch()
        for s in ScoringPathTests.sentences {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { b in
                let kept = tagger.analyze(b, 0..<b.count, entities: nil, keepFeatures: true, scratch: &scratch).1
                let fast = tagger.analyze(b, 0..<b.count, entities: nil, scratch: &scratch).1
                #expect(kept.bitPattern == fast.bitPattern, "\(s)")
            }
        }
    }

    @Test func denseLogitsInBatchesEqualOneAtATime() throws {
        let model = try #require(CheckworthinessModel.bundled)
        let dense = try #require(model.dense)
        let tagger = ClaimTagger(model: model)
        var scratch = ClaimTagger.Scratch()
        var encodings: [Float] = []
        var single: [Double] = []
        var h: [Float] = []
        for s in ScoringPathTests.sentences + ScoringPathTests.sentences.map({ $0.uppercased() }) {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { b in
                guard case .needsDense = tagger.prepare(b, 0..<b.count, entities: nil, scratch: &scratch).1 else { return }
                encodings += scratch.dense
                single.append(dense.logit(scratch.dense, hiddenScratch: &h))
            }
        }
        // Every count from 1 up, so groups of four end short in every way.
        for count in 1...single.count {
            var out = [Double](repeating: .nan, count: count)
            encodings.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { o in
                    dense.logits(x.baseAddress!, count: count, into: o.baseAddress!, scratch: &h)
                }
            }
            #expect(out.map(\.bitPattern) == single.prefix(count).map(\.bitPattern))
        }
    }

    @Test func onlyPossibleClaimsChangesNoClaim() {
        let tagger = ClaimTagger()
        var scratch = ClaimTagger.Scratch()
        for s in ScoringPathTests.sentences {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { b in
                let (full, score) = tagger.analyze(b, 0..<b.count, entities: nil, scratch: &scratch)
                let (quick, quickScore) = tagger.analyze(b, 0..<b.count, entities: nil, onlyPossibleClaims: true, scratch: &scratch)
                let plain = ClaimRecord(analysis: full, checkworthiness: score, threshold: tagger.threshold)
                let early = ClaimRecord(analysis: quick, checkworthiness: quickScore, threshold: tagger.threshold)
                #expect(plain.isClaim == early.isClaim, "\(s)")
                if plain.isClaim {
                    #expect(score.bitPattern == quickScore.bitPattern)
                    #expect(plain.attributes(TextIndex(s)) == early.attributes(TextIndex(s)))
                }
            }
        }
    }

    @Test func templateObjectsEqualDictionariesBuiltKeyByKey() {
        let template = ObjectTemplate(required: ["start", "end"], optional: ["text", "value"])
        for mask in 0..<4 {
            let t = template.variant(mask)
            var o = t.make()
            t.set(&o, 0, .int(1))
            t.set(&o, 1, .int(2))
            var expected: [String: JSONValue] = ["start": .int(1), "end": .int(2)]
            if mask & 1 != 0 { t.set(&o, 2, .string("x")); expected["text"] = .string("x") }
            if mask & 2 != 0 { t.set(&o, 3, .null); expected["value"] = .null }
            #expect(o == expected)
        }
        // Objects from one variant are independent copies.
        let t = template.variant()
        var a = t.make(), b = t.make()
        t.set(&a, 0, .int(5))
        t.set(&b, 0, .int(6))
        #expect(a["start"] == .int(5) && b["start"] == .int(6) && t.make()["start"] == .null)
    }

    @Test func sentenceRangesAreSortedOnlyWhenNeeded() {
        let spans = [Span(start: 10, end: 20, type: "sentence"), Span(start: 0, end: 10, type: "sentence"),
                     Span(start: 0, end: 5, type: "paragraph"), Span(start: 0, end: 12, type: "sentence")]
        let ranges = Claims.sentenceRanges(spans)
        #expect(ranges.map(\.start) == [0, 0, 10] && ranges.map(\.end) == [12, 10, 20])
        #expect(Claims.isCanonical(spans.sorted(by: Span.canonicalOrder)) && !Claims.isCanonical(spans))
    }
}
