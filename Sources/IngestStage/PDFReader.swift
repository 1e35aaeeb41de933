import DocPipe
import Foundation

/// Reads PDFs through `pdftotext` (poppler-utils): the program's output is the decoded source,
/// each form feed ends a page, and the pages become spans of the "pages" layer.
struct PDFReader {
    let options: IngestOptions

    /// Converts PDF bytes to text; throws a clear error when pdftotext is missing or fails.
    func extract(_ bytes: [UInt8]) throws -> [UInt8] {
        guard let tool = PDFReader.locate(options.pdftotext) else {
            throw StageError(code: "ingest.pdftotext-missing",
                             "PDF needs the pdftotext program, which was not found: install the Debian/Ubuntu package poppler-utils (apt-get install poppler-utils; macOS: brew install poppler)")
        }
        let dir = FileManager.default.temporaryDirectory
        let file = dir.appendingPathComponent("docpipe-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var args = ["-enc", "UTF-8", "-q"]
        if options.pdfMode == "layout" { args.append("-layout") }
        if options.pdfMode == "raw" { args.append("-raw") }
        args += [file.path, "-"]
        let result = try ProcessRunner.run(tool, args, timeout: Double(options.pdfTimeoutSeconds))
        guard result.status == 0 else {
            let err = String(decoding: result.stderr.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if result.timedOut {
                throw StageError(code: "ingest.pdf-timeout", "pdftotext took longer than \(options.pdfTimeoutSeconds) s", retryable: true)
            }
            throw StageError(code: "ingest.pdf-failed", "pdftotext failed (exit \(result.status))\(err.isEmpty ? "" : ": \(err)")")
        }
        return result.stdout
    }

    /// Builds the text: pages joined by paragraph breaks, page ranges recorded.
    static func read(_ s: [UInt8]) -> ReaderOutput {
        var out = ReaderOutput(builder: MappedTextBuilder(capacity: s.count))
        var pageStart = 0
        var i = 0
        func endPage(_ to: Int, _ out: inout ReaderOutput) {
            let textStart = out.builder.count
            out.builder.copy(s, pageStart..<to)
            out.builder.trimTrailingWhitespace()
            out.pages.append(textStart..<out.builder.count)
            out.builder.insert("\n\n")
        }
        while i < s.count {
            if s[i] == 0x0C {
                endPage(i, &out)
                pageStart = i + 1
            }
            i += 1
        }
        if pageStart < s.count, !s[pageStart...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) { endPage(s.count, &out) }
        out.builder.trimTrailingWhitespace()
        // Trailing empty pages (pdftotext ends with a form feed).
        out.pages = out.pages.map { $0.clamped(to: 0..<out.builder.count) }
        out.metadata["pages"] = .int(out.pages.count)
        return out
    }

    /// Metadata from `pdfinfo` (same package) when it is installed: title, author, dates.
    func info(_ bytes: [UInt8]) -> [String: String] {
        guard let tool = PDFReader.locate("pdfinfo") else { return [:] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docpipe-\(UUID().uuidString).pdf")
        guard (try? Data(bytes).write(to: file)) != nil else { return [:] }
        defer { try? FileManager.default.removeItem(at: file) }
        guard let r = try? ProcessRunner.run(tool, ["-enc", "UTF-8", "-isodates", file.path], timeout: 20), r.status == 0 else { return [:] }
        var out: [String: String] = [:]
        for line in String(decoding: r.stdout, as: UTF8.self).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    /// Titles that word processors put in PDFs instead of a real one ("Microsoft Word - draft.docx").
    static func isFileNameTitle(_ t: String) -> Bool {
        let lower = t.lowercased()
        return lower.hasPrefix("microsoft word") || [".doc", ".docx", ".pdf", ".tex", ".indd", ".rtf"].contains { lower.hasSuffix($0) }
            || lower == "untitled"
    }

    /// The executable for a program name or path, looked up on PATH.
    static func locate(_ program: String) -> String? {
        let fm = FileManager.default
        if program.contains("/") { return fm.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
