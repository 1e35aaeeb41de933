import DocPipe
import DocPipeTestSupport
import ExportStage
import XCTest

final class CSVExportTests: XCTestCase {
    func testEntitiesCSVHasOneRowPerMentionInInputOrderWhateverTheProcessingOrder() async throws {
        let docs = [Fixtures.brief(id: "a"), Fixtures.brief(id: "b")]
        let run = try await ExportRun.run(docs, processingOrder: [1, 0])
        let lines = try XCTUnwrap(run.text("entities.csv")).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "document,index,label,text,canonical,start,end,sourceStart,sourceEnd,sentence,page,iso3,value,confidence,attributes")
        XCTAssertEqual(lines[1], "a,0,GPE,North Korea,North Korea,10,21,17,28,0,,PRK,,,")
        XCTAssertEqual(lines.filter { $0.hasPrefix("a,") }.count, 10 - 1)
        XCTAssertEqual(lines.filter { $0.hasPrefix("b,") }.count, 9)
        XCTAssertEqual(lines.last, "", "every record ends with CRLF")
        XCTAssertLessThan(lines.firstIndex { $0.hasPrefix("a,") }!, lines.firstIndex { $0.hasPrefix("b,") }!)
    }

    func testClaimsCSVShowsKindsScoreHedgesAttributionAndTheEntitiesInside() async throws {
        let run = try await ExportRun.run([Fixtures.brief()])
        let lines = try XCTUnwrap(run.text("claims.csv")).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "document,index,start,end,sourceStart,sourceEnd,sentence,page,checkworthiness,kinds,hedges,attribution,entities,text,attributes")
        XCTAssertEqual(lines[3], "brief,2,149,219,156,226,2,,0.9,statistical,approximately,officials,"
            + "GPE:Seoul; PERCENT:4.5%; DATE:2019,\"Unemployment in Séoul rose approximately 4.5% in 2019, officials said.\",\"{\"\"numbers\"\":[\"\"4.5%\"\"]}\"")
    }

    func testEntityTableCountsMentionsAndDocumentsPerCanonicalEntity() async throws {
        let run = try await ExportRun.run([Fixtures.brief(id: "a"), Fixtures.brief(id: "b"), Fixtures.plain()])
        let lines = try XCTUnwrap(run.text("entity-table.csv")).components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "label,canonical,mentions,documents")
        XCTAssertEqual(lines[1], "ORG,United Nations,4,2", "two mentions in each of two documents")
        XCTAssertEqual(lines.count, 1 + 8 + 1)
    }

    func testFormulaGuardPrefixesCellsSpreadsheetsWouldRunAndCanBeTurnedOff() async throws {
        let guardedRun = try await ExportRun.run([Fixtures.hostile()])
        let guarded = try XCTUnwrap(guardedRun.text("entities.csv"))
        XCTAssertTrue(guarded.contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"win\"\")\","))
        XCTAssertTrue(guarded.contains(",'@SUM(A1),'@SUM(A1),"))
        XCTAssertFalse(guarded.contains(",=") || guarded.contains(",\"=") || guarded.contains(",@"))
        let rawRun = try await ExportRun.run([Fixtures.hostile()], options: with { $0.guardFormulas = false })
        let raw = try XCTUnwrap(rawRun.text("entities.csv"))
        XCTAssertTrue(raw.contains(",@SUM(A1),@SUM(A1),"))
    }

    func testClaimStageAttributeShapesShowAsTextAndNonClaimsAreLeftOut() async throws {
        let run = try await ExportRun.run([Fixtures.claimStageShapes()])
        let lines = try XCTUnwrap(run.text("claims.csv")).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 3, "header, one claim, final CRLF: the isClaim=false sentence is not a claim")
        XCTAssertEqual(lines[1], "shapes,0,0,32,0,32,0,,0.7,attributed; statistical,about,Moon Jae-in,PERSON:Moon Jae-in,"
            + "Moon said exports rose about 3%.,\"{\"\"checkworthy\"\":true,\"\"isClaim\"\":true,\"\"quotations\"\":[]}\"")
        let ann = try await ExportRun.run([Fixtures.claimStageShapes()], options: with { $0.formats = ["brat"] }).text("brat/shapes.ann")
        XCTAssertTrue(try XCTUnwrap(ann).contains("\tattribution: Moon Jae-in; checkworthiness: 0.7; checkworthy: true; hedges: about; kinds: attributed, statistical\n"))
    }

    func testByteOrderMarkForExcelOnlyWhenAsked() async throws {
        let plain = try await ExportRun.run([Fixtures.brief()], options: with { $0.formats = ["csv"] })
        XCTAssertEqual(plain.files["entities.csv"]?.prefix(8), ArraySlice("document".utf8))
        let excel = try await ExportRun.run([Fixtures.brief()], options: with {
            $0.formats = ["csv"]
            $0.csvByteOrderMark = true
        })
        for name in ["documents.csv", "entities.csv", "claims.csv", "entity-table.csv"] {
            XCTAssertEqual(excel.files[name]?.prefix(3), [0xEF, 0xBB, 0xBF], name)
        }
    }
}
