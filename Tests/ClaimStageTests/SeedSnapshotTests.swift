import DocPipe
import DocPipeTestSupport
import Foundation
import Testing
@testable import ClaimStage

/// A readable dump of every sentence of the seed paper as the stage tags it, compared with
/// `Snapshots/seed-claims.txt`. Re-record with `CLAIMS_RECORD_SNAPSHOTS=1 swift test --filter ClaimStageTests`.
@Suite struct SeedSnapshotTests {
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/seed-claims.txt")

    /// One block per sentence: its text, then kinds, hedges, attribution and quotations.
    static func render(_ doc: Document) -> String {
        var out = ""
        for span in doc.spans(LayerName.claims) {
            let a = span.attributes
            out += "» \(doc.text(of: span))\n"
            out += "  isClaim=\(a["isClaim"]?.boolValue ?? false) kinds=\(span.kinds.joined(separator: ","))\n"
            if !span.hedgeTexts.isEmpty { out += "  hedges: \(span.hedgeTexts.joined(separator: " | "))\n" }
            if let at = span.attribution {
                let entity = at["entity"].map { " = \($0["label"]?.stringValue ?? "") \($0["canonical"]?.stringValue ?? "")" } ?? ""
                out += "  attribution(\(at["via"]?.stringValue ?? "")): \(at["text"]?.stringValue ?? "-")\(entity)"
                    + " [cue: \(at["cue"]?["text"]?.stringValue ?? "")]\n"
            }
            for q in span.quotations {
                out += "  quotation: \(q["text"]?.stringValue ?? "") ← \(q["attributedTo"]?.stringValue ?? "?")\n"
            }
            let ents = span.involvedEntities.map { "\($0["label"]?.stringValue ?? "") \($0["canonical"]?.stringValue ?? "")" }
            if !ents.isEmpty { out += "  entities: \(ents.joined(separator: "; "))\n" }
        }
        return out
    }

    @Test func seedPaperMatchesSnapshot() async throws {
        let options = { var o = Claims.Options(); o.allSentences = true; return o }()
        let doc = try await StageHarness.run(Claims(options: options), SeedFixture.seedDocument()).document
        let actual = SeedSnapshotTests.render(doc)
        if ProcessInfo.processInfo.environment["CLAIMS_RECORD_SNAPSHOTS"] != nil {
            try actual.write(to: SeedSnapshotTests.snapshot, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: SeedSnapshotTests.snapshot, encoding: .utf8)
        #expect(actual == expected, "seed output drifted; re-record with CLAIMS_RECORD_SNAPSHOTS=1 if intended")
    }
}
