import DocPipe

/// The first stage: reads an input file (text, Markdown, HTML, JSON, JSON Lines, SGML/XML, PDF)
/// into documents with text, metadata, a source map and, for PDFs, a "pages" layer.
public struct Ingest: SourceStage {
    public typealias Options = IngestOptions
    /// "ingest".
    public static let id = "ingest"
    /// Bumped when output changes.
    public static let version = 3
    /// One line for `docpipe stages`.
    public static let summary = "Reads .txt .md .html .json .jsonl .sgm .xml .pdf files into documents with metadata"
    /// Text and, for PDFs, pages.
    public static let produces = [Capability.text, LayerName.pages]

    /// The options in use.
    public let options: IngestOptions

    /// Makes the stage.
    public init(options: IngestOptions) throws { self.options = options }

    /// The formats recognised by extension, and their media types.
    public static let formats: [String: String] = [
        "txt": "text/plain", "text": "text/plain", "md": "text/markdown", "markdown": "text/markdown",
        "html": "text/html", "htm": "text/html", "xhtml": "application/xhtml+xml",
        "json": "application/json", "jsonl": "application/jsonl", "ndjson": "application/jsonl",
        "sgm": "application/sgml", "sgml": "application/sgml", "xml": "application/xml", "pdf": "application/pdf",
    ]

    /// JSON, JSON Lines and NDJSON files may hold many documents (records); sharded runs read them
    /// whatever the shard of the file's own id.
    public func mayHoldManyDocuments(_ relativePath: String) -> Bool {
        let lower = relativePath.lowercased()
        return lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
    }

    /// Reads one input file.
    public func ingest(_ input: SourceInput, context: StageContext) async throws -> [IngestResult] {
        let ext = input.fileExtension
        if ext == "pdf" || input.bytes.starts(with: Array("%PDF-".utf8)) {
            return [.document(try pdfDocument(input, context: context))]
        }
        if let kind = FileSniffer.binaryKind(input.bytes) {
            throw StageError(code: "ingest.binary", "binary file (\(kind)), not a supported text format")
        }
        var mediaType = Ingest.formats[ext]
        if mediaType == nil {
            guard options.unknownAsText else {
                throw StageError(code: "ingest.unsupported-format",
                                 "unsupported file type '.\(ext)' (supported: \(Ingest.formats.keys.sorted().joined(separator: ", ")))")
            }
            mediaType = "text/plain"
        }
        let decoded = DecodedSource(input.bytes)
        let diagnostics = decoded.warnings.map { Diagnostic(code: $0.code, message: $0.message, stage: context.instanceName) }
        switch ext {
        case "json":
            return try RecordReader(options: options, input: input, mediaType: mediaType!, stage: context.instanceName).readJSON(decoded.bytes, warnings: diagnostics)
        case "jsonl", "ndjson":
            return RecordReader(options: options, input: input, mediaType: mediaType!, stage: context.instanceName).readLines(decoded.bytes, warnings: diagnostics)
        default:
            break
        }
        let output: ReaderOutput
        switch ext {
        case "md", "markdown": output = MarkdownReader.read(decoded.bytes)
        case "html", "htm", "xhtml": output = MarkupReader(policy: .html).read(decoded.bytes)
        case "sgm", "sgml", "xml": output = MarkupReader(policy: .sgml).read(decoded.bytes)
        default: output = PlainTextReader.read(decoded.bytes)
        }
        var doc = makeDocument(input, mediaType: mediaType!, source: decoded.bytes, output: output, context: context)
        doc.warnings.insert(contentsOf: diagnostics, at: 0)
        if doc.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            // Kept as an empty document (one document per input file), with a warning that says so.
            doc.warn(code: "ingest.empty", input.bytes.isEmpty ? "empty file (0 bytes)" : "no text found in \(input.bytes.count) bytes",
                     stage: context.instanceName)
        }
        if Ingest.formats[ext] == nil {
            doc.warn(code: "ingest.unknown-extension", "unknown extension '.\(ext)': read as plain text", stage: context.instanceName)
        }
        return [.document(doc)]
    }

    private func pdfDocument(_ input: SourceInput, context: StageContext) throws -> Document {
        let reader = PDFReader(options: options)
        let text = try reader.extract(input.bytes)
        let decoded = DecodedSource(text)
        var output = PDFReader.read(decoded.bytes)
        let info = reader.info(input.bytes)
        if let t = info["Title"], !PDFReader.isFileNameTitle(t) { MetadataFields.assign(canonical: "title", value: t, to: &output.metadata) }
        if let a = info["Author"] { MetadataFields.assign(canonical: "authors", value: a, to: &output.metadata) }
        var doc = makeDocument(input, mediaType: "application/pdf", source: decoded.bytes, output: output, context: context)
        // The date printed in the text beats the file's creation date.
        if doc.metadata["date"] == nil, let d = info["CreationDate"] { MetadataFields.assign(canonical: "date", value: d, to: &doc.metadata) }
        for w in decoded.warnings { doc.warn(code: w.code, w.message, stage: context.instanceName) }
        return doc
    }

    private func makeDocument(_ input: SourceInput, mediaType: String, source: [UInt8], output: ReaderOutput,
                              context: StageContext) -> Document {
        // Text that is its source unchanged (plain text) needs no index to map it.
        let unchanged = output.builder.runs.count == 1 && output.builder.runs[0] == .init(out: 0, src: 0, len: source.count)
            && output.builder.count == source.count
        let textIndex = TextIndex(utf8: output.builder.bytes)
        let map = unchanged ? .identity(length: textIndex.scalarCount)
            : output.builder.offsetMap(source: TextIndex(utf8: source), output: textIndex)
        var layers: [String: [Span]] = [:]
        func spans(_ ranges: [Range<Int>], type: String, numbered: Bool) -> [Span] {
            ranges.enumerated().map { i, r in
                Span(start: textIndex.scalarOffset(ofByte: r.lowerBound), end: textIndex.scalarOffset(ofByte: r.upperBound),
                     type: type, attributes: numbered ? ["number": .int(i + 1)] : [:])
            }
        }
        if !output.pages.isEmpty { layers[LayerName.pages] = spans(output.pages, type: "page", numbered: true) }
        if !output.headings.isEmpty { layers[Ingest.headingsLayer] = spans(output.headings, type: "heading", numbered: false) }
        let source = SourceInfo(path: input.relativePath, mediaType: mediaType, byteCount: input.bytes.count, sha256: input.sha256)
        var metadata = output.metadata
        TextHeuristics.fillDate(&metadata, text: output.builder.bytes, relativePath: input.relativePath)
        var doc = Document(id: input.documentID, source: source, text: output.builder.string, metadata: metadata,
                           sourceMap: map)
        for (name, spans) in layers { doc.setLayer(name, spans) }
        for w in output.warnings { doc.warn(code: w.code, w.message, stage: context.instanceName) }
        return doc
    }

    /// The layer of heading hints ingest leaves for normalize (Markdown `#`, HTML `<h1>`…);
    /// normalize turns them into "heading" paragraphs and removes the layer.
    public static let headingsLayer = "headings"
}
