import DocPipe
import DocPipeTestSupport
import ExportStage
import XCTest

final class CoNLLExportTests: XCTestCase {
    func testTokensGetBIOTagsOneSentencePerBlock() async throws {
        let marked = MarkedText("[[PERSON Moon Jae-in]] met [[ORG the U.N.]] in [[GPE Seoul]]'s centre. It rained.")
        var doc = StageHarness.document(marked.text, id: "bio", layers: [LayerName.entities: marked.spans])
        doc.setLayer(LayerName.sentences, [Span(start: 0, end: 43, type: "sentence"), Span(start: 44, end: 54, type: "sentence")])
        let run = try await ExportRun.run([doc], options: with { $0.formats = ["conll"] })
        XCTAssertEqual(run.text("conll/bio.conll"), """
            -DOCSTART- O

            Moon B-PERSON
            Jae-in I-PERSON
            met O
            the B-ORG
            U.N I-ORG
            . I-ORG
            in O
            Seoul B-GPE
            's O
            centre O
            . O

            It O
            rained O
            . O


            """)
        XCTAssertEqual(run.text("entities.conll"), run.text("conll/bio.conll"))
    }

    func testNestedEntitiesKeepTheOuterOneAndAdjacentEntitiesBothStartWithB() async throws {
        let text = "United Nations (UN) Security Council"
        var doc = StageHarness.document(text, id: "nest")
        doc.setLayer(LayerName.entities, [
            Span(start: 0, end: 19, type: "ORG"), Span(start: 16, end: 18, type: "ORG"), Span(start: 20, end: 36, type: "ORG"),
        ])
        let run = try await ExportRun.run([doc], options: with { $0.formats = ["conll"] })
        let tags = try XCTUnwrap(run.text("conll/nest.conll")).split(separator: "\n").dropFirst().map { $0.split(separator: " ").last! }
        XCTAssertEqual(tags, ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "I-ORG"])
    }

    func testTextOutsideSentencesIsCutAtLineBreaksSoNoEntityIsLost() async throws {
        var doc = StageHarness.document("Report on Japan\n\nA sentence.", id: "gap")
        doc.setLayer(LayerName.sentences, [Span(start: 17, end: 28, type: "sentence")])
        doc.setLayer(LayerName.entities, [Span(start: 10, end: 15, type: "GPE")])
        let run = try await ExportRun.run([doc], options: with { $0.formats = ["conll"] })
        XCTAssertEqual(run.text("conll/gap.conll"), "-DOCSTART- O\n\nReport O\non O\nJapan B-GPE\n\nA O\nsentence O\n. O\n\n")
    }
}
