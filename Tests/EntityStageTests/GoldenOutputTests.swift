import DocPipe
import DocPipeTestSupport
import Foundation
import Testing
@testable import EntityStage

/// The stage's exact output on real texts, recorded from the code before the speed work: every
/// entity span with offsets, label and attributes must stay byte-identical. On a mismatch the
/// actual dump is written to /tmp/docpipe-entities-golden-<name>.txt for diffing; re-record only
/// when an output change is intended (and bump `Entities.version`).
@Suite struct GoldenOutputTests {
    /// One line per span: "start end LABEL «text» key=value …" (attributes in key order).
    static func dump(_ doc: Document) -> String {
        var lines: [String] = []
        for s in doc.spans(LayerName.entities) {
            var line = "\(s.start) \(s.end) \(s.type) «\(doc.text(of: s))»"
            for key in JSONWriter.sortedKeys(s.attributes) {
                line += " \(key)=\(JSONWriter().string(s.attributes[key]!))"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func run(_ text: String, id: String, useModel: Bool = true) async throws -> Document {
        var options = Entities.Options()
        options.useModel = useModel
        return try await StageHarness.run(try Entities(options: options), SentenceFixture.document(text, id: id)).document
    }

    static func seed(_ name: String) throws -> String {
        try String(contentsOfFile: SentenceFixture.repoRoot() + "/seeds/\(name)", encoding: .utf8)
    }

    static func check(_ name: String, _ doc: Document, expected: String) {
        let actual = dump(doc)
        if actual != expected {
            try? actual.write(toFile: "/tmp/docpipe-entities-golden-\(name).txt", atomically: true, encoding: .utf8)
        }
        #expect(actual == expected, "entities of \(name) changed; see /tmp/docpipe-entities-golden-\(name).txt")
    }

    @Test func seedPaperIsUnchanged() async throws {
        let doc = try await Self.run(try Self.seed("pacific-forum-nk-human-rights.txt"), id: "seed")
        Self.check("seed", doc, expected: GoldenDumps.seed)
    }

    @Test func seedPaperWithoutModelIsUnchanged() async throws {
        let doc = try await Self.run(try Self.seed("pacific-forum-nk-human-rights.txt"), id: "seed", useModel: false)
        Self.check("seed-heuristics", doc, expected: GoldenDumps.seedHeuristics)
    }

    @Test func unSpeechIsUnchanged() async throws {
        let doc = try await Self.run(try Self.seed("ungdc_KOR_67_2012.txt"), id: "un")
        Self.check("un", doc, expected: GoldenDumps.un)
    }

    @Test func reutersSGMLIsUnchanged() async throws {
        let doc = try await Self.run(ReutersFixture.text, id: "reuters")
        Self.check("reuters", doc, expected: GoldenDumps.reuters)
    }
}
