import DocPipe
import Foundation
import Testing
@testable import ClaimStage

/// The bundled model, its file format, the metrics and the gold readers.
@Suite struct CheckworthinessTests {
    @Test func bundledModelLoads() throws {
        let model = try #require(CheckworthinessModel.bundled, "Resources/checkworthiness.bin is missing or unreadable")
        #expect(model.bits == 18)
        #expect(model.threshold > 0 && model.threshold < 1)
    }

    @Test func modelBytesRoundTrip() throws {
        var weights = [Float](repeating: 0, count: 1 << 4)
        weights[3] = 1.5
        weights[7] = -0.25
        let model = CheckworthinessModel(bits: 4, featureGroups: 4, weights: weights, bias: -0.5, threshold: 0.4)
        let read = try CheckworthinessModel(bytes: model.bytes)
        #expect(read.bits == 4 && read.featureGroups == 4 && read.bias == -0.5 && read.threshold == 0.4)
        #expect(abs(read.weights[3] - 1.5) < 1e-4 && abs(read.weights[7] + 0.25) < 1e-4)
        #expect(throws: StageModelError.self) { try CheckworthinessModel(bytes: Array("nope".utf8)) }
    }

    @Test func statisticalStatementsOutscoreSmallTalk() {
        let tagger = ClaimTagger()
        let fact = tagger.score(sentence: "Unemployment has fallen to 4.1 percent, the lowest rate in 17 years.")
        let chat = tagger.score(sentence: "Thank you very much, it's great to be here tonight.")
        #expect(fact > tagger.threshold)
        #expect(chat < tagger.threshold)
    }

    @Test func averagePrecisionMatchesTheReferenceDefinition() {
        // Ranked: 0.9 (+), 0.8 (−), 0.7 (+), 0.7 (−, later in input: ranked after), 0.1 (+).
        let items: [(score: Double, label: Bool)] = [(0.8, false), (0.9, true), (0.7, true), (0.7, false), (0.1, true)]
        let ap = RankingMetrics.averagePrecision(items)!
        #expect(abs(ap - (1.0 + 2.0 / 3.0 + 3.0 / 5.0) / 3.0) < 1e-12)
        #expect(RankingMetrics.averagePrecision([(0.5, false)]) == nil)
        let c = RankingMetrics.counts(items, threshold: 0.7)
        #expect(c.tp == 2 && c.fp == 2 && c.fn == 1)
    }

    @Test func portableExpIsAccurate() {
        for x in stride(from: -30.0, through: 30.0, by: 0.37) {
            #expect(abs(PortableMath.exp(x) / Foundation.exp(x) - 1) < 1e-13)
        }
        #expect(abs(PortableMath.log(10) - Foundation.log(10.0)) < 1e-12)
    }

    @Test func goldFormatsAreDetectedAndDevSplitsAreFixed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claims-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("cb.json")
        try #"[{"sentence_id": 6, "label": 1, "text": "Taxes rose 5%."}, {"sentence_id": 7, "label": 0, "text": "Hello."}]"#
            .write(to: json, atomically: true, encoding: .utf8)
        let debates = dir.appendingPathComponent("clef")
        try FileManager.default.createDirectory(at: debates, withIntermediateDirectories: true)
        for day in 1...12 {
            let name = String(format: "201801%02d_debate.tsv", day)
            try "1\tA\tTaxes rose 5%.\t1\n2\tB\tThank you.\t0\n".write(to: debates.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let (cbFormat, cb) = try GoldReader.read(json.path)
        #expect(cbFormat == .claimBuster)
        #expect(cb.map(\.key) == ["6", "7"])
        // Checked with Python: int(sha256(id).hexdigest()[:16], 16) % 10 is 9 for "6" and 0 for "7".
        #expect(cb.map(\.isDev) == [false, true])
        #expect(GoldReader.isClaimBusterDev("10") && !GoldReader.isClaimBusterDev("1"))
        let (clefFormat, clef) = try GoldReader.read(debates.path)
        #expect(clefFormat == .clef)
        #expect(clef.count == 24)
        #expect(clef.first?.key == "20180101_debate.tsv:1")
        #expect(Set(clef.filter(\.isDev).map(\.group)).count == 10)
        #expect(!clef.first!.isDev && clef.last!.isDev)
        let report = ClaimEvaluator().evaluate(clef, format: .clef, name: "toy")
        #expect(report.groupsWithPositives == 12)
        #expect(report.predictionsTSV.hasPrefix("20180101_debate.tsv:1\t"))
        #expect(report.rendered().contains("MAP over debates = "))
    }
}
