import DocPipe
import Foundation
import Testing

/// The "hostile content" rows of docs/reliability.md, end to end through `docpipe run`.
@Suite(.serialized) struct HostileContentTests {
    /// Every regular file below a folder of the fixture, as relative paths.
    func files(_ f: CLIFixture, under folder: String = "") -> [String] {
        var out: [String] = []
        let base = folder.isEmpty ? f.root.path : f.root.appendingPathComponent(folder).path
        DirectoryWalker.walk(base) { e in
            if !e.isDirectory { out.append(e.relativePath) }
            return true
        }
        return out.sorted()
    }

    @Test func hostileIDsAndFileNamesNeverWriteOutsideTheOutputFolder() async throws {
        let f = try CLIFixture(seeds: [])
        let ids = ["../../escape", "/etc/passwd-docpipe", "a/b/../../c", "..", ".", "nul\u{0}byte", "line\nbreak\r\ttab", "\u{1B}[31mred",
                   "back\\slash", "~/home", String(repeating: "../", count: 80) + "deep"]
        let jsonl = ids.map { id in JSONWriter().string(.object(["id": .string(id), "text": .string("Text of \(id.count) about Geneva.")])) }
        try f.write("seeds/records.jsonl", jsonl.joined(separator: "\n") + "\n")
        // File names with control characters, a backslash and a leading dash.
        for name in ["new\nline.txt", "bell\u{7}.txt", "back\\slash.txt", "-dash.txt", "tab\there.txt"] {
            try f.write("seeds/\(name)", "A file named \(name.debugDescription) about Paris.")
        }
        let before = Set(files(f))
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        let created = Set(files(f)).subtracting(before)
        let outside = created.filter { !$0.hasPrefix("out/") && !$0.hasPrefix(".docpipe/") && $0 != "docpipe.lock" }
        #expect(outside.isEmpty, "files written outside out/: \(outside.sorted())")
        #expect(!FileManager.default.fileExists(atPath: "/etc/passwd-docpipe.json"))
        for path in created where path.hasPrefix("out/") {
            #expect(!path.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" }, "unsafe output name \(path.debugDescription)")
            #expect(!path.split(separator: "/").contains { $0 == ".." || $0 == "." }, "unsafe output name \(path.debugDescription)")
        }
        // Every record and file came out, keeping its original id inside the JSON.
        let docs = files(f, under: "out/documents")
        #expect(docs.count == ids.count + 5, "\(docs)")
        let kept = try docs.map { try JSONParser.parse(f.read("out/documents/\($0)")!)["source"]?["path"]?.stringValue ?? "" }
        #expect(kept.filter { $0 == "records.jsonl" }.count == ids.count)
        #expect(kept.contains("new\nline.txt"))
    }

    @Test func htmlAndScriptInDocumentsLandEscapedInEveryHTMLOutput() async throws {
        let f = try CLIFixture(seeds: [])
        let record: JSONValue = .object([
            "id": "<script>alert('id')</script>",
            "title": "<script>alert('title')</script> Report",
            "author": "<img src=x onerror=alert('author')>",
            "url": "javascript:alert('url')",
            "text": .string("Dr. <script>alert('text')</script> met the United Nations in Geneva on 5 May 2019. "
                + "Spending rose 80% to $8 million, officials said. &lt;script&gt;alert('entity')&lt;/script&gt; was quoted. "
                + "<iframe src=\"http://evil.example\"></iframe> \"<b onmouseover=alert('attr')>\" in Paris."),
        ])
        try f.write("seeds/evil.jsonl", JSONWriter().string(record) + "\n")
        try f.write("seeds/page.html", "<html><head><title>&lt;script&gt;alert('html-title')&lt;/script&gt;</title></head><body>"
            + "<p>The &lt;script&gt;alert('html-body')&lt;/script&gt; in France.</p><script>alert('stripped')</script></body></html>")
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        let pages = files(f, under: "out").filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 3, "\(pages)")
        for page in pages {
            let html = f.read("out/\(page)") ?? ""
            for needle in ["<script>alert", "<img src=x", "<iframe", "<b onmouseover", "href=\"javascript:"] {
                #expect(!html.contains(needle), "out/\(page) holds unescaped \(needle)")
            }
        }
        let all = pages.map { f.read("out/\($0)") ?? "" }.joined()
        #expect(all.contains("&lt;script&gt;alert("), "the text should still be shown, escaped")
    }

    @Test func csvCellsThatLookLikeFormulasAreGuarded() async throws {
        let f = try CLIFixture(seeds: [])
        let record: JSONValue = .object([
            "id": "=1+1", "title": "=HYPERLINK(\"http://evil.example\",\"click\")", "author": ["@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3"],
            "text": .string("=HYPERLINK(\"http://evil.example\") said the United Nations in Geneva. +44 more countries agreed. "
                + "@Germany said 80% of the $8 million was spent. -5 was the lowest figure in 2019."),
        ])
        try f.write("seeds/formula.jsonl", JSONWriter().string(record) + "\n")
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        let tables = files(f, under: "out").filter { $0.hasSuffix(".csv") }
        #expect(tables.count >= 3, "\(tables)")
        var guarded = 0
        for table in tables {
            for (row, cells) in parseCSV(f.read("out/\(table)") ?? "").enumerated() {
                for cell in cells {
                    if cell.hasPrefix("'") { guarded += 1 }
                    guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                    #expect(Double(cell) != nil, "out/\(table) row \(row + 1): unguarded formula cell \(cell.debugDescription)")
                }
            }
        }
        #expect(guarded >= 3, "expected guarded cells (with a leading ') in \(tables)")
    }
}

/// Parses RFC 4180 CSV into rows of cells (quoted cells may hold commas, quotes and line breaks).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { cell.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
            } else { cell.unicodeScalars.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(cell); cell = ""
        } else if c == "\r" || c == "\n" {
            if c == "\r", chars.first == "\n" { chars.removeFirst() }
            row.append(cell); cell = ""
            rows.append(row); row = []
        } else {
            cell.unicodeScalars.append(c)
        }
    }
    if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
    return rows
}
