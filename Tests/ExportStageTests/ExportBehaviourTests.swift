import DocPipe
import DocPipeTestSupport
import ExportStage
import Foundation
import XCTest

final class ExportBehaviourTests: XCTestCase {
    let all = with { $0.formats = ExportFormat.allCases.map(\.rawValue) }

    func testAnIDThatTriesToEscapeWritesOnlyInsideTheOutputFolder() async throws {
        let doc = Fixtures.brief(id: "../../escape")
        let run = try await ExportRun.run([doc], options: all)
        for path in run.paths {
            XCTAssertFalse(path.split(separator: "/").contains { $0 == ".." || $0.hasPrefix(".") }, path)
        }
        XCTAssertTrue(run.paths.contains("documents/_.__escape.json"), "\(run.paths)")
        let root = try run.materialize()  // the core's OutputFolder refuses unsafe paths
        defer { try? FileManager.default.removeItem(at: root) }
        let written = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
        XCTAssertEqual(written.filter { !$0.hasSuffix("/") }.count, written.count)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("escape.json").path))
        let json = try JSONParser.parse(XCTUnwrap(run.text("documents/_.__escape.json")))
        XCTAssertEqual(json["id"]?.stringValue, "../../escape", "the record keeps its id; only the file name is made safe")
    }

    func testSameInputsGiveTheSameBytesWhateverTheProcessingOrder() async throws {
        let docs = [Fixtures.brief(id: "a"), Fixtures.hostile(), Fixtures.plain(), Fixtures.brief(id: "b")]
        let first = try await ExportRun.run(docs, options: all)
        let second = try await ExportRun.run(docs, options: all, processingOrder: [3, 1, 2, 0])
        XCTAssertEqual(first.paths, second.paths)
        for path in first.paths { XCTAssertEqual(first.files[path], second.files[path], path) }
    }

    func testOnlyTheChosenFormatsAreWritten() async throws {
        let defaults = try await ExportRun.run([Fixtures.brief()])
        XCTAssertEqual(defaults.paths, [
            "claims.csv", "claims.jsonl", "documents.csv", "documents.jsonl", "documents/brief.json", "entities.csv",
            "entities.jsonl", "entity-table.csv", "report/brief.html", "report/index.html",
        ])
        let conllOnly = try await ExportRun.run([Fixtures.brief()], options: with { $0.formats = ["conll"] })
        XCTAssertEqual(conllOnly.paths, ["conll/brief.conll", "entities.conll"])
    }

    func testUnknownFormatsAndBadCountsAreRejectedWithSuggestions() {
        let problems = with {
            $0.formats = ["json", "cvs"]
            $0.reportTopClaims = -1
        }.validate()
        XCTAssertEqual(problems, [
            "unknown export format 'cvs' (did you mean 'csv'?); known formats: json, jsonl, csv, brat, conll, html",
            "reportTopClaims must be between 0 and 10000",
        ])
        XCTAssertEqual(ExportOptions().validate(), [])
    }

    func testOptionsLeftOutTakeTheirDefaults() throws {
        let options = try OptionsCoding.decode(ExportOptions.self, from: ["formats": ["csv"]])
        XCTAssertEqual(options.formats, ["csv"])
        XCTAssertTrue(options.guardFormulas)
        XCTAssertEqual(OptionsCoding.encode(ExportOptions()).objectValue?.keys.sorted(),
                       ["csvByteOrderMark", "formats", "guardFormulas", "reportTopClaims", "reportTopEntities"])
    }

    func testSchemasInTheLibraryMatchTheFilesInDocs() throws {
        let folder = repositoryRoot.appendingPathComponent("docs/schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(ExportSchemas.all.map(\.name), files)
        for (name, json) in ExportSchemas.all {
            let file = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(json + "\n", file, "\(name): ExportSchemas.swift and docs/schema/\(name) differ; copy the file's text into ExportSchemas.swift")
            XCTAssertNoThrow(try JSONParser.parse(json), name)
        }
        XCTAssertEqual(ExportSchemas.named("document"), ExportSchemas.all.first { $0.name == "document.schema.json" }?.json)
    }

    func testSpansPastTheEndOfTheTextOrEmptyDoNotBreakAnyFormat() async throws {
        var doc = StageHarness.document("Short.", id: "odd")
        doc.setLayer(LayerName.sentences, [Span(start: 0, end: 60, type: "sentence")])
        doc.setLayer(LayerName.paragraphs, [Span(start: 0, end: 60, type: "paragraph")])
        doc.setLayer(LayerName.entities, [Span(start: 2, end: 2, type: "ORG"), Span(start: 3, end: 90, type: "ORG"),
                                          Span(start: 70, end: 80, type: "GPE")])
        doc.setLayer(LayerName.claims, [Span(start: 0, end: 99, type: "claim", attributes: ["checkworthiness": 0.95])])
        let run = try await ExportRun.run([doc, StageHarness.document("", id: "empty")], options: all)
        XCTAssertEqual(run.text("conll/empty.conll"), "-DOCSTART- O\n\n")
        XCTAssertEqual(run.text("brat/odd.ann")?.hasPrefix("T1\tORG 3 6\trt.\n"), true, run.text("brat/odd.ann") ?? "")
        XCTAssertNotNil(run.text("report/odd.html"))
        XCTAssertTrue(try OutputChecks.run(on: run.materialize()).contains("html well-formed: 3"))
    }
}
