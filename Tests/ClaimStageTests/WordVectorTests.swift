import DocPipe
import Foundation
import Testing
@testable import ClaimStage

/// Word vectors (learning, file format, lookups) and the neural part of the check-worthiness model.
@Suite struct WordVectorTests {
    /// A tiny corpus in a temporary folder: two topics whose words share contexts.
    static func tinyCorpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claims-vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var lines: [String] = []
        for i in 0..<60 {
            lines.append("taxes rose by \(i) percent last year and spending fell by \(i + 3) percent .")
            lines.append("the senator said the war in the region will end soon , the general said .")
        }
        try lines.joined(separator: "\n").write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "<DOC>taxes fell and spending rose .</DOC>\n".write(to: dir.appendingPathComponent("b.sgm"), atomically: true, encoding: .utf8)
        return dir
    }

    static func smallTrainer() -> WordVectorTrainer {
        var t = WordVectorTrainer()
        t.dimensions = 16
        t.minCount = 2
        t.coarseClusters = 4
        t.fineClusters = 8
        t.epochs = 2
        return t
    }

    @Test func learningIsDeterministicAndRoundTrips() throws {
        let dir = try Self.tinyCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.smallTrainer().train(corpus: [dir.path])
        let b = try Self.smallTrainer().train(corpus: [dir.path])
        #expect(a.bytes == b.bytes, "same corpus and settings must give the same bytes")
        #expect(try WordVectors(bytes: a.bytes) == a)
        #expect(a.dimensions == 16)
        // Every frequent word has a row; numbers share the number key; punctuation-free unknowns have none.
        #expect(a.row(ClaimTokenizer.hash("taxes")) >= 0)
        #expect(a.row(WordVectors.numberKey) >= 0)
        #expect(a.row(ClaimTokenizer.hash("zebra")) == -1)
        let r = a.row(ClaimTokenizer.hash("percent"))
        #expect(a.coarse(r) < 4 && a.fine(r) < 8)
        #expect(throws: StageModelError.self) { try WordVectors(bytes: Array("DPWVxxxx".utf8)) }
    }

    @Test func mergedBagScoresTheMeanLogit() {
        func scorer(_ seed: Float) -> DenseScorer {
            let I = 4, H = 8
            return DenseScorer(inputs: I, hidden: H, center: [0.1, 0, -0.2, 0], inverseSpread: [1, 2, 0.5, 1],
                               w1: (0..<(I * H)).map { Float(($0 * 7 + Int(seed * 10)) % 11) / 10 - 0.5 },
                               b1: (0..<H).map { Float($0) / 20 - seed }, w2: (0..<H).map { Float($0 % 3) - 1 + seed }, b2: seed)
        }
        let a = scorer(0.1), b = scorer(0.3)
        let merged = DenseScorer.merged([a, b])
        #expect(merged.hidden == 16)
        var h: [Float] = []
        let x: [Float] = [0.5, -1, 2, 0.25]
        let mean = (a.logit(x, hiddenScratch: &h) + b.logit(x, hiddenScratch: &h)) / 2
        #expect(abs(merged.logit(x, hiddenScratch: &h) - mean) < 1e-5)
    }

    @Test func modelWithNeuralPartRoundTrips() throws {
        let dense = DenseScorer(inputs: 2, hidden: 8, center: [0, 1], inverseSpread: [1, 1], w1: (0..<16).map { Float($0) / 16 },
                                b1: [Float](repeating: 0.1, count: 8), w2: [Float](repeating: -0.5, count: 8), b2: 0.25)
        var model = CheckworthinessModel(bits: 4, featureGroups: 4, weights: [Float](repeating: 0.5, count: 16), bias: -1, threshold: 0.4)
        model.dense = dense
        model.blend = [0.6, 0.4, 0.1]
        let read = try CheckworthinessModel(bytes: model.bytes)
        #expect(read.dense == dense)
        #expect(read.blend == [0.6, 0.4, 0.1])
        #expect(throws: StageModelError.self) { try CheckworthinessModel(bytes: Array(model.bytes.dropLast(3))) }
    }

    @Test func bundledModelHasItsVectors() throws {
        let model = try #require(CheckworthinessModel.bundled)
        let vectors = try #require(WordVectors.bundled, "Resources/claims-vectors.bin is missing or unreadable")
        #expect(model.vectors == vectors)
        #expect(model.dense?.inputs == 2 * vectors.dimensions)
        // Related words lie closer than unrelated ones.
        func cosine(_ a: String, _ b: String) -> Float {
            let ra = vectors.row(ClaimTokenizer.hash(a)), rb = vectors.row(ClaimTokenizer.hash(b))
            let D = vectors.dimensions
            var dot: Float = 0, na: Float = 0, nb: Float = 0
            for d in 0..<D {
                let x = vectors.component(ra, d), y = vectors.component(rb, d)
                dot += x * y; na += x * x; nb += y * y
            }
            return dot / (na * nb).squareRoot()
        }
        #expect(cosine("billion", "million") > cosine("billion", "tonight"))
        #expect(cosine("unemployment", "inflation") > cosine("unemployment", "thank"))
    }
}
