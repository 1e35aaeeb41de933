import DocPipe
import DocPipeTestSupport
import ExportStage
import XCTest

final class BratExportTests: XCTestCase {
    let options = with { $0.formats = ["brat"] }

    func testAnnotationsReadBackAsTheDocumentsEntitiesAndClaims() async throws {
        let brief = Fixtures.brief()
        let run = try await ExportRun.run([brief], options: options)
        XCTAssertEqual(run.text("brat/brief.txt"), brief.text, "brat offsets count scalars of exactly this text")
        let ann = try BratAnnotations(parsing: XCTUnwrap(run.text("brat/brief.ann")))
        let entities = ann.textBounds.filter { $0.type != "Claim" }
        XCTAssertEqual(entities.map { Span(start: $0.start, end: $0.end, type: $0.type) },
                       brief.spans(LayerName.entities).map { Span(start: $0.start, end: $0.end, type: $0.type) })
        for t in ann.textBounds {
            XCTAssertEqual(t.text, TextIndex(brief.text).substring(t.start, t.end), "\(t.id)'s text matches the .txt at its offsets")
        }
        XCTAssertEqual(entities.map { ann.note(of: $0.id) }, brief.spans(LayerName.entities).map { "canonical: " + $0.attributes["canonical"]!.stringValue! })

        let claims = ann.textBounds.filter { $0.type == "Claim" }
        XCTAssertEqual(claims.map(\.start), brief.spans(LayerName.claims).map(\.start))
        let third = try XCTUnwrap(claims.last)
        XCTAssertEqual(ann.attributes(of: third.id).map { [$0.name, $0.value ?? "-"] },
                       [["Kind", "statistical"], ["Hedged", "-"], ["Checkworthiness", "High"]])
        XCTAssertEqual(ann.note(of: third.id),
                       "attribution: officials; checkworthiness: 0.9; hedges: approximately; kinds: statistical; numbers: 4.5%")
    }

    func testASpanAcrossALineBreakBecomesFragmentsBratCanShow() async throws {
        var doc = StageHarness.document("The Korean\nPeninsula is divided.", id: "wrap")
        doc.setLayer(LayerName.entities, [Span(start: 4, end: 20, type: "LOC", attributes: ["canonical": "Korean Peninsula"])])
        let run = try await ExportRun.run([doc], options: options)
        let text = try XCTUnwrap(run.text("brat/wrap.ann"))
        XCTAssertTrue(text.hasPrefix("T1\tLOC 4 10;11 20\tKorean Peninsula\n"), text)
        let t = try XCTUnwrap(BratAnnotations(parsing: text).textBounds.first)
        XCTAssertEqual(t.fragments, [4..<10, 11..<20])
    }

    func testAnnotationConfDeclaresEveryLabelAndKindUsed() async throws {
        var odd = Fixtures.plain(id: "odd")
        odd.setLayer(LayerName.entities, [Span(start: 0, end: 4, type: "TOPIC tag", attributes: ["canonical": "Just"])])
        let run = try await ExportRun.run([Fixtures.brief(), odd], options: options)
        let conf = try XCTUnwrap(run.text("brat/annotation.conf"))
        XCTAssertTrue(conf.contains("\nPERSON\n") && conf.contains("\nTOPIC_tag\nClaim\n"), conf)
        XCTAssertTrue(conf.contains("Kind\tArg:Claim, Value:attributed|factual|predictive|quotation|statistical\n"), conf)
        XCTAssertEqual(try BratAnnotations(parsing: XCTUnwrap(run.text("brat/odd.ann"))).textBounds.first?.type, "TOPIC_tag")
        XCTAssertNotNil(run.text("brat/visual.conf"))
    }

    func testReaderNamesTheLineOfAMalformedAnnotation() {
        XCTAssertThrowsError(try BratAnnotations(parsing: "T1\tPERSON 0 4\tJohn\nT2\tPERSON zero 4\tJohn\n")) { error in
            XCTAssertEqual((error as? BratAnnotations.SyntaxError)?.line, 2)
        }
    }
}
