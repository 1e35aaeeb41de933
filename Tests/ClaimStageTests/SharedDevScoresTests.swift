import DocPipe
import Foundation
import Testing
@testable import ClaimStage

/// The shipped model still scores its dev splits as its metadata (Resources/checkworthiness.json)
/// says. Needs the licence-restricted gold data in ../shared/eval/claims; skipped without it.
@Suite struct SharedDevScoresTests {
    static let data = SeedFixture.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/claims")
    static let available = FileManager.default.fileExists(atPath: data.appendingPathComponent("claimbuster/train.json").path)

    static func metadata() throws -> JSONValue {
        let url = try #require(Bundle.module.url(forResource: "checkworthiness", withExtension: "json", subdirectory: "Resources"))
        return try JSONParser.parse(Array(try Data(contentsOf: url)))
    }

    @Test(.enabled(if: available, "../shared/eval/claims is not present (gold data is not redistributed)"))
    func claimBusterDevMatchesMetadata() throws {
        let expected = try #require(try Self.metadata()["dev"]?["claimBuster"])
        let report = try ClaimEvaluator().evaluate(goldPath: Self.data.appendingPathComponent("claimbuster/train.json").path, subset: .dev)
        #expect(report.sentences == expected["sentences"]?.intValue)
        #expect(abs(report.f1 - (expected["f1"]?.doubleValue ?? -1)) < 0.00006)
        #expect(abs(report.averagePrecision - (expected["averagePrecision"]?.doubleValue ?? -1)) < 0.00006)
    }

    @Test(.enabled(if: available, "../shared/eval/claims is not present (gold data is not redistributed)"))
    func clefDevMatchesMetadata() throws {
        let expected = try #require(try Self.metadata()["dev"]?["clef"])
        let report = try ClaimEvaluator().evaluate(
            goldPath: Self.data.appendingPathComponent("clef2020-checkthat-task5/training").path, subset: .dev)
        #expect(report.sentences == expected["sentences"]?.intValue)
        #expect(abs(report.averagePrecision - (expected["map"]?.doubleValue ?? -1)) < 0.00006)
        #expect(report.averagePrecision > 0.05, "must beat the TF-IDF baseline's 0.05 MAP")
    }
}
