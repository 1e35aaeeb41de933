import DocPipe
import ExportStage
import Foundation
import XCTest

/// Every corpus file read back by Python's standard readers, the way users open them.
final class PythonReaderTests: XCTestCase {
    var folder: URL!

    override func setUp() async throws {
        var options = ExportOptions()
        options.formats = ExportFormat.allCases.map(\.rawValue)
        let run = try await ExportRun.run([Fixtures.brief(), Fixtures.hostile(), Fixtures.plain()], options: options)
        folder = try run.materialize()
    }

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func testEveryCSVReadsBackWithPythonsStrictReaderAndRectangularRows() throws {
        let script = """
        import csv, glob, os, sys
        for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.csv'))):
            with open(path, newline='', encoding='utf-8') as f:
                rows = list(csv.reader(f, strict=True))
            widths = {len(r) for r in rows}
            assert len(widths) == 1, (path, widths)
            print(os.path.basename(path), len(rows) - 1, len(rows[0]))
        with open(os.path.join(sys.argv[1], 'entities.csv'), newline='', encoding='utf-8') as f:
            rows = list(csv.DictReader(f, strict=True))
        print([r['text'] for r in rows if r['document'] == 'hostile'])
        """
        let r = try Python.run(script, [folder.path])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertEqual(r.output, """
            claims.csv 4 15
            documents.csv 3 20
            entities.csv 12 15
            entity-table.csv 11 4
            ['<script>alert(1)</script>', '\\'=HYPERLINK("http://x.example","win")', "'@SUM(A1)"]

            """)
    }

    func testJSONAndJSONLValidateAgainstTheSchemasInDocs() throws {
        try Python.require(module: "jsonschema")
        let script = """
        import json, glob, os, sys, jsonschema
        out, schemas = sys.argv[1], sys.argv[2]
        def validator(name):
            schema = json.load(open(os.path.join(schemas, name + '.schema.json')))
            return jsonschema.Draft202012Validator(schema)
        checked = 0
        for path in sorted(glob.glob(os.path.join(out, 'documents', '*.json'))):
            validator('document').validate(json.load(open(path, encoding='utf-8')))
            checked += 1
        for name, schema in [('documents', 'documents-record'), ('entities', 'entities-record'), ('claims', 'claims-record')]:
            v = validator(schema)
            with open(os.path.join(out, name + '.jsonl'), encoding='utf-8') as f:
                for line in f:
                    v.validate(json.loads(line))
                    checked += 1
        print(checked)
        """
        let r = try Python.run(script, [folder.path, repositoryRoot.appendingPathComponent("docs/schema").path])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertEqual(r.output, "\(3 + 3 + 12 + 4)\n", "3 documents, 3 document records, 12 mentions, 4 claims")
    }

    func testEveryHTMLPageIsWellFormedAndFetchesNothing() throws {
        let script = """
        import glob, os, sys, xml.etree.ElementTree as ET
        for path in sorted(glob.glob(os.path.join(sys.argv[1], 'report', '*.html'))):
            root = ET.parse(path).getroot()
            tags = {el.tag.split('}')[-1] for el in root.iter()}
            assert not tags & {'script', 'link', 'img', 'iframe', 'object', 'embed'}, (path, tags)
            for el in root.iter():
                for k, v in el.attrib.items():
                    assert k not in ('src', 'srcset') and not k.startswith('on'), (path, k)
                    if k == 'href':
                        assert '://' not in v and not v.startswith('//'), (path, v)
            print(os.path.basename(path), len(list(root.iter())))
        """
        let r = try Python.run(script, [folder.path])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertEqual(r.output.split(separator: "\n").map { $0.split(separator: " ")[0] }, ["brief.html", "hostile.html", "index.html", "plain.html"])
    }

    func testAllChecksPassOnTheFixtureCorpus() throws {
        XCTAssertEqual(try OutputChecks.run(on: folder), """
            documents/*.json valid: 3
            documents.jsonl valid records: 3
            entities.jsonl valid records: 12
            claims.jsonl valid records: 4
            claims.csv rows 4
            documents.csv rows 3
            entities.csv rows 12
            entity-table.csv rows 11
            html well-formed: 4
            brat files 3 T annotations checked 16
            conll documents 3

            """)
    }
}

/// The same checks on a real output folder, e.g. after
/// `docpipe run ../shared/corpus/sample` with every format:
/// `DOCPIPE_EXPORT_CHECK_DIR=out swift test --filter ExportStageTests.RealOutputChecks`.
final class RealOutputChecks: XCTestCase {
    func testEveryFileOfAnExportFolderReadsBackWithItsStandardReader() throws {
        guard let dir = ProcessInfo.processInfo.environment["DOCPIPE_EXPORT_CHECK_DIR"] else {
            throw XCTSkip("set DOCPIPE_EXPORT_CHECK_DIR=<output folder> to check a real run's exports")
        }
        print(try OutputChecks.run(on: URL(fileURLWithPath: dir)))
    }
}
