import DocPipe
import XCTest
@testable import IngestStage

final class RecordTests: XCTestCase {
    func testJSONLinesYieldOneDocumentPerLineAndOneFailurePerBadLine() async throws {
        let jsonl = """
        {"author": "George Washington", "title": "Inaugural Address", "timestamp": "1789-04-30", "text": "Fellow-Citizens."}
        {"author": "broken", "text": "no closing brace"

        {"id": "x 7", "text": "Third.", "source": "http://www.presidency.ucsb.edu/ws/?pid=1"}
        """
        let results = try await ingest("tapp/inaugurals.jsonl", Array(jsonl.utf8))
        XCTAssertEqual(results.count, 3)
        guard case .document(let first) = results[0], case .failure(let badID, let message) = results[1],
              case .document(let third) = results[2] else { return XCTFail("\(results)") }
        XCTAssertEqual(first.id, "tapp__inaugurals.jsonl-L1")
        XCTAssertEqual(first.source.record, "line 1")
        XCTAssertEqual(first.text, "Fellow-Citizens.")
        XCTAssertEqual(first.metadata["title"], "Inaugural Address")
        XCTAssertEqual(first.metadata["authors"], ["George Washington"])
        XCTAssertEqual(first.metadata["date"], "1789-04-30")
        XCTAssertEqual(badID, "tapp__inaugurals.jsonl-L2")
        XCTAssertTrue(message.hasPrefix("line 2: not valid JSON"), message)
        XCTAssertEqual(third.id, "tapp__inaugurals.jsonl-x_7")
        XCTAssertEqual(third.source.record, "line 4")
        XCTAssertEqual(third.metadata["url"], "http://www.presidency.ucsb.edu/ws/?pid=1")
    }

    func testJSONArraysUseTheConfiguredFields() async throws {
        let json = """
        [{"attrs": {"newid": "21001"}, "title": "CITYFED CUTS DIVIDEND", "body": "", "date": "19-OCT-1987 15:37:46.03"},
         {"attrs": {"newid": "21002"}, "title": "GM &lt;GM> PLATFORMS", "body": "Huge oil platforms dot the Gulf &amp; Iran.\\n&#3;"},
         {"body": "No id here."},
         {"attrs": {"newid": "21058"}, "title": "", "body": ""},
         "not an object"]
        """
        let results = try await ingest("reut2-021.json", Array(json.utf8))
        let docs = documents(results)
        XCTAssertEqual(docs.map(\.id), ["reut2-021.json-21001", "reut2-021.json-21002", "reut2-021.json-r3", "reut2-021.json-21058"])
        XCTAssertEqual(docs[3].text, "")
        XCTAssertEqual(docs[3].warnings.map(\.code), ["ingest.empty-record"])
        XCTAssertEqual(docs[0].text, "CITYFED CUTS DIVIDEND", "a record without body keeps its headline as text")
        XCTAssertEqual(docs[0].metadata["date"], "1987-10-19T15:37:46")
        XCTAssertEqual(docs[1].text, "Huge oil platforms dot the Gulf & Iran.\n", "character references are decoded")
        XCTAssertEqual(docs[1].metadata["title"], "GM <GM> PLATFORMS")
        XCTAssertEqual(docs[1].sourceMap.sourceOffset(36), 40, "offsets point into the raw field")
        XCTAssertEqual(docs[1].source.record, "record 2")
        guard case .failure(let id, let message) = results[4] else { return XCTFail() }
        XCTAssertEqual(id, "reut2-021.json-r5")
        XCTAssertTrue(message.contains("expected a JSON object"), message)

        var options = IngestOptions()
        options.idFields = ["attrs.oldid"]
        options.textFields = ["title"]
        let renamed = documents(try await ingest("reut2-021.json", Array(json.utf8), options: options))
        XCTAssertEqual(renamed[1].id, "reut2-021.json-r2")
        XCTAssertEqual(renamed[1].text, "GM <GM> PLATFORMS")
    }

    func testAJSONObjectIsOneDocumentWithTheFileID() async throws {
        let doc = try await ingestOne("paper.json", #"{"title": "T", "text": "Body.", "authors": ["A One", "B Two"], "url": "https://x.org"}"#)
        XCTAssertEqual(doc.id, "paper.json")
        XCTAssertNil(doc.source.record)
        XCTAssertEqual(doc.metadata["authors"], ["A One", "B Two"])
    }

    func testInvalidJSONFailsTheFile() async {
        let e = await ingestError("bad.json", Array("{\"a\": ".utf8))
        XCTAssertEqual(e?.code, "ingest.invalid-json")
    }
}
