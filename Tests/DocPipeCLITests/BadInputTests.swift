import DocPipe
import Foundation
import Testing

/// The "bad inputs" rows of docs/reliability.md, end to end through `docpipe run`: each bad file is
/// reported with a message naming it (errors.jsonl, stderr, or a warning on its document), and the
/// good paper next to it still comes out.
@Suite(.serialized) struct BadInputTests {
    static let goodPaper = "pacific-forum-nk-human-rights.txt"

    /// A fixture holding the good paper, with the given extra files written into seeds/.
    func fixture(_ files: [String: [UInt8]] = [:], pipeline: String? = nil) throws -> CLIFixture {
        let f = try CLIFixture(seeds: [BadInputTests.goodPaper], pipeline: pipeline)
        for (name, bytes) in files { try f.write("seeds/\(name)", Data(bytes)) }
        return f
    }

    /// errors.jsonl of the last run, one parsed record per line.
    func errors(_ f: CLIFixture) throws -> [JSONValue] {
        try (f.read("out/errors.jsonl") ?? "").split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    /// The error record for a source file, if any.
    func error(for source: String, in f: CLIFixture) throws -> JSONValue? {
        try errors(f).first { $0["source"]?.stringValue == source }
    }

    /// The written JSON of a document.
    func document(_ id: String, in f: CLIFixture) throws -> Document {
        guard let text = f.read("out/documents/\(id).json") else { throw FileError(path: id, message: "no JSON written for \(id)") }
        return try Document(json: try JSONParser.parse(text))
    }

    func expectGoodPaperDone(_ f: CLIFixture, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(f.exists("out/documents/\(BadInputTests.goodPaper).json"), "the good paper next to the bad file was not processed",
                sourceLocation: sourceLocation)
    }

    @Test func emptyFileBecomesAnEmptyDocumentWithAWarningNamingIt() async throws {
        let f = try fixture(["empty.txt": [], "blank.md": Array("  \n\n\t \n".utf8)])
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        for id in ["empty.txt", "blank.md"] {
            let doc = try document(id, in: f)
            #expect(doc.text.isEmpty, "\(id) should give an empty document")
            #expect(doc.warnings.contains { $0.code == "ingest.empty" }, "\(id): no ingest.empty warning in \(doc.warnings)")
            #expect(doc.source.path == id)
        }
        #expect(try document("empty.txt", in: f).warnings.first { $0.code == "ingest.empty" }?.message == "empty file (0 bytes)")
        #expect(f.read("out/documents.csv")?.contains("empty.txt") == true)
        expectGoodPaperDone(f)
    }

    @Test func binaryFilesOfCommonTypesFailNamingWhatTheyAre() async throws {
        let cases: [(String, [UInt8], String)] = [
            ("figure.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "PNG image"),
            ("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] + Array("JFIF".utf8), "JPEG image"),
            ("paper.docx", [0x50, 0x4B, 0x03, 0x04, 20, 0, 6, 0], "ZIP archive"),
            ("notes.txt.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0], "gzip archive"),
            ("tool.txt", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56), "ELF executable"),
            ("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE2 compound file"),
            ("data.txt", Array("SQLite format 3".utf8) + [0], "SQLite database"),
            ("blob.bin", [0x01, 0x02, 0x00, 0x41, 0x00, 0x03, 0x04, 0x05, 0x06], "binary data"),
        ]
        let f = try fixture(Dictionary(uniqueKeysWithValues: cases.map { ($0.0, $0.1) }))
        let r = await f.run(["run"])
        #expect(r.code == 1)
        for (name, _, kind) in cases {
            let e = try error(for: name, in: f)
            #expect(e?["code"]?.stringValue == "ingest.binary", "\(name): \(String(describing: e))")
            #expect(e?["message"]?.stringValue?.contains(kind) == true, "\(name): expected '\(kind)' in \(String(describing: e))")
            #expect(r.stderr.contains("failed: \(DocumentID.from(relativePath: name))"), "\(name) is not named on stderr")
        }
        expectGoodPaperDone(f)
    }

    @Test func utf16WithoutAByteOrderMarkIsDecodedWithAWarning() async throws {
        let text = "The United Nations met in Geneva in May 2019. Grüße aus Köln."
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let f = try fixture(["le.txt": le, "be.txt": be])
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        for (id, order) in [("le.txt", "UTF-16LE"), ("be.txt", "UTF-16BE")] {
            let doc = try document(id, in: f)
            #expect(doc.text == text, "\(id) decoded as \(doc.text.debugDescription)")
            #expect(doc.warnings.contains { $0.code == "encoding.utf16-no-bom" && $0.message.contains(order) }, "\(id): \(doc.warnings)")
        }
        expectGoodPaperDone(f)
    }

    @Test func aFileOverMaxDocumentBytesIsRefusedUnreadWithItsSizeNamed() async throws {
        let f = try fixture()
        // A sparse 200 MB file: refused by the default limit (100 MiB) from its size alone.
        let huge = f.root.appendingPathComponent("seeds/huge.txt")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let h = try FileHandle(forWritingTo: huge)
        try h.truncate(atOffset: 200 * 1024 * 1024)
        try h.close()
        var r = await f.run(["run"])
        #expect(r.code == 1)
        #expect(try f.runReport()["bytes"] == .int(3388), "only the good paper's bytes should have been read")
        let e = try error(for: "huge.txt", in: f)
        #expect(e?["code"]?.stringValue == "input.too-large")
        #expect(e?["message"]?.stringValue == "huge.txt is 209715200 bytes, over maxDocumentBytes (104857600); raise the limit in pipeline.json to process it")
        expectGoodPaperDone(f)

        // A configured limit applies to every file.
        try FileManager.default.removeItem(at: huge)
        try f.write("pipeline.json", f.read("pipeline.json")!.replacingOccurrences(of: #""output": "out","#,
                                                                                  with: #""output": "out", "maxDocumentBytes": 1000,"#))
        try f.write("seeds/small.txt", "A short note on the United Nations.")
        r = await f.run(["run"])
        #expect(r.code == 1)
        #expect(try error(for: BadInputTests.goodPaper, in: f)?["message"]?.stringValue?.hasPrefix("\(BadInputTests.goodPaper) is 3388 bytes, over maxDocumentBytes (1000)") == true)
        #expect(f.exists("out/documents/small.txt.json"))
    }

    @Test func deeplyNestedAndUnclosedHTMLKeepsItsText() async throws {
        let html = "<html><body>" + String(repeating: "<div><span>", count: 10_000) + "<p>Deep text about the United Nations.</p>"
            + (0..<1_000).map { "<b><i><p>unclosed paragraph \($0) " }.joined() + "<td><tr><table"
        let f = try fixture(["nested.html": Array(html.utf8)])
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        let doc = try document("nested.html", in: f)
        #expect(doc.text.contains("Deep text about the United Nations."), "nested.html lost its text")
        #expect(doc.text.components(separatedBy: "unclosed paragraph").count - 1 == 1_000, "unclosed paragraphs were lost")
        expectGoodPaperDone(f)
    }

    @Test func jsonLinesWithMalformedLinesReportEachWithItsLineNumber() async throws {
        let jsonl = """
            {"id": "a", "text": "The first record is fine."}
            {"id": "b", "text": "no closing brace"
            [1, 2, 3]

            {"id": "d", "text": "The fifth line is fine too."}
            {"text": "unterminated string}
            """
        let f = try fixture(["records.jsonl": Array(jsonl.utf8)])
        let r = await f.run(["run"])
        #expect(r.code == 1)
        let bad = try errors(f).filter { $0["source"]?.stringValue == "records.jsonl" }
        #expect(bad.map { $0["document"]?.stringValue ?? "" } == ["records.jsonl-L2", "records.jsonl-L3", "records.jsonl-L6"])
        for (e, line) in zip(bad, [2, 3, 6]) {
            #expect(e["message"]?.stringValue?.hasPrefix("line \(line): ") == true, "\(e)")
        }
        #expect(f.exists("out/documents/records.jsonl-a.json") && f.exists("out/documents/records.jsonl-d.json"))
        expectGoodPaperDone(f)
    }

    @Test func jsonWithFieldsOfTheWrongTypeNamesTheField() async throws {
        let records = """
            [{"id": "ok", "title": 1999, "text": ["First part.", "Second part."], "date": {"year": 2019}, "authors": [{"name": "X"}]},
             {"id": "bad", "text": {"body": "nested"}},
             {"id": ["x"], "text": "An id that is an array.", "url": ["http://a.example"]}]
            """
        let f = try fixture(["records.json": Array(records.utf8)])
        let r = await f.run(["run"])
        #expect(r.code == 1)
        let e = try error(for: "records.json", in: f)
        #expect(e?["document"]?.stringValue == "records.json-bad")
        #expect(e?["message"]?.stringValue == "record 2: field 'text' holds an object, expected a string or an array of strings")
        let ok = try document("records.json-ok", in: f)
        #expect(ok.text == "First part.\n\nSecond part.")
        #expect(ok.metadata["title"] == "1999")
        #expect(ok.metadata["date"] == nil && ok.metadata["authors"] == nil)
        #expect(ok.warnings.map(\.message).contains("record 1: field 'date' is an object, expected a string; ignored"), "\(ok.warnings)")
        #expect(ok.warnings.map(\.message).contains("record 1: field 'authors' holds an object, expected a string or an array of strings; ignored"))
        let third = try document("records.json-r3", in: f)
        #expect(third.warnings.map(\.message) == ["record 3: field 'id' is an array, expected a string or a number; ignored",
                                                  "record 3: field 'url' is an array, expected a string; ignored"])
        expectGoodPaperDone(f)
    }

    @Test func duplicateDocumentIDsFailTheSecondNamingTheFirst() async throws {
        let jsonl = #"{"id": "x", "text": "One."}"# + "\n" + #"{"id": "x", "text": "Two."}"# + "\n"
        let f = try fixture(["dup a.txt": Array("First.".utf8), "dup_a.txt": Array("Second.".utf8), "twice.jsonl": Array(jsonl.utf8)])
        let r = await f.run(["run"])
        #expect(r.code == 1)
        let files = try error(for: "dup_a.txt", in: f)
        #expect(files?["code"]?.stringValue == "input.duplicate-id")
        #expect(files?["message"]?.stringValue == "document id 'dup_a.txt' is already used by dup a.txt; rename one of the files")
        let records = try error(for: "twice.jsonl", in: f)
        #expect(records?["message"]?.stringValue == "duplicate document id 'twice.jsonl-x' in twice.jsonl; give records distinct ids")
        #expect(try document("dup_a.txt", in: f).text == "First.", "the first file keeps the id")
        #expect(try document("twice.jsonl-x", in: f).text == "One.")
        expectGoodPaperDone(f)
    }

    @Test func namedPipesAndSocketsAreReportedNotReadOrWaitedOn() async throws {
        let f = try fixture()
        let fifo = f.root.appendingPathComponent("seeds/pipe.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let socketPath = f.root.appendingPathComponent("seeds/socket.txt").path
        let fd = try bindUnixSocket(socketPath)
        defer { close(fd) }
        let r = await f.run(["run"])
        #expect(r.code == 1)
        #expect(try error(for: "pipe.txt", in: f)?["message"]?.stringValue == "cannot read pipe.txt: it is a named pipe (FIFO), not a regular file")
        #expect(try error(for: "socket.txt", in: f)?["message"]?.stringValue == "cannot read socket.txt: it is a socket, not a regular file")
        #expect(r.stderr.contains("failed: pipe.txt") && r.stderr.contains("failed: socket.txt"))
        expectGoodPaperDone(f)
    }

    /// Root reads any file whatever its permissions, so this row only runs for other users; the
    /// FIFO and socket test above covers unreadable files when the suite runs as root.
    @Test(.enabled(if: geteuid() != 0, "running as root, which reads files whatever their permissions (the FIFO/socket test covers unreadable files)"))
    func aFileWithoutReadPermissionIsReportedByName() async throws {
        let f = try fixture(["secret.txt": Array("Hidden text.".utf8)])
        #expect(chmod(f.root.appendingPathComponent("seeds/secret.txt").path, 0) == 0)
        let r = await f.run(["run"])
        #expect(r.code == 1)
        #expect(try error(for: "secret.txt", in: f)?["message"]?.stringValue == "cannot read secret.txt: Permission denied")
        expectGoodPaperDone(f)
    }

    @Test func symlinkLoopsInTheInputTreeAreCut() async throws {
        let f = try fixture(["sub/inner.txt": Array("Inner text about Geneva.".utf8)])
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: f.root.appendingPathComponent("seeds/sub/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: f.root.appendingPathComponent("seeds/sub/self.txt").path, withDestinationPath: "self.txt")
        try fm.createSymbolicLink(atPath: f.root.appendingPathComponent("seeds/a-b.txt").path, withDestinationPath: "b-a.txt")
        try fm.createSymbolicLink(atPath: f.root.appendingPathComponent("seeds/b-a.txt").path, withDestinationPath: "a-b.txt")
        try fm.createSymbolicLink(atPath: f.root.appendingPathComponent("seeds/gone.txt").path, withDestinationPath: "missing.txt")
        let r = await f.run(["run"])
        // The folder loop is cut silently (that folder is read once anyway); links that cannot be
        // resolved are named: a loop of file links, or a missing target.
        #expect(r.code == 1)
        let messages = try errors(f).map { $0["message"]?.stringValue ?? "" }
        #expect(messages == ["a-b.txt", "b-a.txt", "gone.txt", "sub/self.txt"].map {
            "\($0): symbolic link that does not resolve (a loop, or its target is missing); skipped"
        })
        let ids = try fm.contentsOfDirectory(atPath: f.root.appendingPathComponent("out/documents").path).sorted()
        #expect(ids == ["\(BadInputTests.goodPaper).json", "sub__inner.txt.json"])
    }

    @Test func theOutputFolderInsideAnInputFolderIsNeverIngested() async throws {
        let f = try fixture()
        try f.write("pipeline.json", f.read("pipeline.json")!.replacingOccurrences(of: #""output": "out""#, with: #""output": "seeds/out""#))
        #expect(await f.run(["run"]).code == 0)
        let second = await f.run(["run"])
        #expect(second.code == 0, "\(second.stderr)")
        #expect(second.stderr.contains("docpipe: 1 documents, 0 failed"), "\(second.stderr)")
        let ids = try FileManager.default.contentsOfDirectory(atPath: f.root.appendingPathComponent("seeds/out/documents").path)
        #expect(ids == ["\(BadInputTests.goodPaper).json"])
    }

    @Test func inputsNamedLikeOptionsAreReadAfterDoubleDash() async throws {
        let f = try fixture()
        try f.write("--jobs", "A paper whose file is called --jobs, about Geneva.")
        try f.write("-x.txt", "A paper whose file is called -x.txt, about Paris.")
        let r = await f.run(["run", "--", "--jobs", "-x.txt"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try document("--jobs", in: f).text.hasPrefix("A paper whose file is called --jobs"))
        #expect(try document("-x.txt", in: f).text.hasPrefix("A paper whose file is called -x.txt"))
        #expect(!f.exists("out/documents/\(BadInputTests.goodPaper).json"), "inputs on the command line replace pipeline.json's")
        // Without "--" they are options, and unknown ones are usage errors that name them.
        let usage = await f.run(["run", "-x.txt"])
        #expect(usage.code == 64)
        #expect(usage.stderr.contains("-x.txt"), "\(usage.stderr)")
    }
}

/// Creates a Unix-domain socket bound at `path` (a file that is neither regular nor readable).
func bindUnixSocket(_ path: String) throws -> Int32 {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw FileError(path: path, message: "socket() failed") }
    var addr = sockaddr_un()
    addr.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { throw FileError(path: path, message: "path too long for a socket") }
    withUnsafeMutableBytes(of: &addr.sun_path) { raw in
        for (i, b) in bytes.enumerated() { raw[i] = b }
    }
    let ok = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard ok == 0 else { close(fd); throw FileError(path: path, message: "bind() failed: \(String(cString: strerror(errno)))") }
    return fd
}
