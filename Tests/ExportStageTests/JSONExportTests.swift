import DocPipe
import DocPipeTestSupport
import ExportStage
import XCTest

final class JSONExportTests: XCTestCase {
    func testEachDocumentGetsPrettySortedJSONThatReadsBackAsTheSameDocument() async throws {
        let brief = Fixtures.brief()
        let run = try await ExportRun.run([brief])
        let text = try XCTUnwrap(run.text("documents/brief.json"))
        XCTAssertTrue(text.hasPrefix("{\n  \"id\": \"brief\",\n"), "pretty, keys sorted")
        XCTAssertTrue(text.hasSuffix("}\n"))
        let json = try JSONParser.parse(text)
        XCTAssertEqual(json["schemaVersion"]?.intValue, Document.schemaVersion)
        XCTAssertEqual(try Document(json: json), brief, "the export is the full model")
    }

    func testEverySpanCarriesItsOffsetsInTheSource() async throws {
        let run = try await ExportRun.run([Fixtures.brief()])
        let json = try JSONParser.parse(XCTUnwrap(run.text("documents/brief.json")))
        let layers = try XCTUnwrap(json["layers"]?.objectValue)
        XCTAssertEqual(layers.keys.sorted(), ["claims", "entities", "paragraphs", "sentences"])
        for (_, spans) in layers {
            for span in spans.arrayValue ?? [] {
                // The fixture's source had 7 more scalars before the text.
                XCTAssertEqual(span["sourceStart"]?.intValue, span["start"]!.intValue! + 7)
                XCTAssertEqual(span["sourceEnd"]?.intValue, span["end"]!.intValue! + 7)
            }
        }
    }

    func testSourceEndComesFromTheLastScalarSoMarkupAfterASpanIsLeftOut() async throws {
        // Source "<p>Hello</p> <p>world</p>" became text "Hello\n\nworld": two copied runs.
        var doc = StageHarness.document("Hello\n\nworld", id: "html")
        doc.sourceMap = OffsetMap(segments: [.init(text: 0, source: 3, length: 5), .init(text: 7, source: 16, length: 5)])
        doc.setLayer(LayerName.sentences, [Span(start: 0, end: 5, type: "sentence"), Span(start: 7, end: 12, type: "sentence"),
                                           Span(start: 0, end: 7, type: "with-break")])
        let run = try await ExportRun.run([doc], options: with { $0.formats = ["json"] })
        let spans = try XCTUnwrap(JSONParser.parse(XCTUnwrap(run.text("documents/html.json")))["layers"]?["sentences"]?.arrayValue)
        let ranges = spans.map { [$0["sourceStart"]!.intValue!, $0["sourceEnd"]!.intValue!] }
        XCTAssertEqual(ranges, [[3, 8], [3, 8], [16, 21]], "Hello is 3..<8 and world 16..<21 in the source")
    }

    func testAPipelineOfIngestAndExportAloneStillWritesEveryFormat() async throws {
        var options = ExportOptions()
        options.formats = ExportFormat.allCases.map(\.rawValue)
        let run = try await ExportRun.run([Fixtures.plain()], options: options)
        let doc = try JSONParser.parse(XCTUnwrap(run.text("documents/plain.json")))
        XCTAssertEqual(doc["layers"], .object([:]))
        XCTAssertEqual(run.text("entities.csv")?.components(separatedBy: "\r\n").count, 2, "header only")
    }
}

/// Options changed by `body`.
func with(_ body: (inout ExportOptions) -> Void) -> ExportOptions {
    var o = ExportOptions()
    body(&o)
    return o
}
