import DocPipe
import DocPipeTestSupport
import Foundation
import Testing
@testable import EntityStage

/// The acceptance test on the project's seed paper (seeds/pacific-forum-nk-human-rights.txt).
@Suite struct SeedPaperTests {
    static func run(useModel: Bool) async throws -> Document {
        let path = SentenceFixture.repoRoot() + "/seeds/pacific-forum-nk-human-rights.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var options = Entities.Options()
        options.useModel = useModel
        return try await StageHarness.run(try Entities(options: options), SentenceFixture.document(text, id: "seed")).document
    }

    @Test(arguments: [true, false]) func findsTheSeedEntities(useModel: Bool) async throws {
        let doc = try await Self.run(useModel: useModel)
        let found = Set(doc.entityList)
        let expected = [
            "PERSON Thomas Buergenthal", "PERSON Donald Trump", "PERSON Moon Jae-in", "PERSON Moon",
            "ORG International Criminal Court", "ORG World Food Programme",
            "ORG UN International Children’s Emergency Fund", "ORG UNICEF", "ORG Pacific Forum",
            "GPE North Korea", "GPE South Korea", "GPE United States", "GPE Pyongyang",
            "NORP North Koreans", "LAW Helsinki Accords", "DATE 1975", "DATE May 2019",
            "MONEY $8 million", "PERCENT 80%",
        ]
        for e in expected {
            #expect(found.contains(e), "missing \(e); found \(doc.entityList)")
        }
    }

    @Test func canonicalNamesJoinShortMentionsAndAcronyms() async throws {
        let doc = try await Self.run(useModel: true)
        #expect(doc.canonical(of: "Moon") == ["Moon Jae-in"])
        #expect(doc.canonical(of: "UNICEF") == ["UN International Children’s Emergency Fund"])
        #expect(doc.canonical(of: "UN International Children’s Emergency Fund") == ["UN International Children’s Emergency Fund"])
        #expect(Set(doc.canonical(of: "United States")) == ["United States"])
        let iso = doc.spans(LayerName.entities).filter { doc.text(of: $0) == "North Korea" }.map { $0.attributes["iso3"] }
        #expect(!iso.isEmpty && iso.allSatisfy { $0 == "PRK" })
    }

    @Test func everySpanHasACanonicalName() async throws {
        let doc = try await Self.run(useModel: true)
        for s in doc.spans(LayerName.entities) {
            #expect(s.attributes["canonical"]?.stringValue?.isEmpty == false, "\(s)")
            #expect(Entities.labels.contains(s.type))
        }
    }
}
