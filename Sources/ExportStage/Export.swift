import DocPipe

/// The export stage: writes what users open (JSON per document, corpus JSONL and CSV, brat
/// standoff, CoNLL BIO, a static HTML report) from the document model.
///
/// `process` writes each document's own files and adds its fragment of every corpus file as a
/// part; `finish` streams the parts into the corpus files in input order and computes the
/// corpus aggregates (entity table, report index) with memory bounded by the number of
/// distinct entities. Everything is a pure function of the document and the options, so the
/// cached results the runner replays give the same bytes.
public struct Export: DocumentStage {
    /// "export".
    public static let id = "export"
    /// Bumped whenever the bytes written for the same input change.
    public static let version = 2
    /// One line for `docpipe stages`.
    public static let summary = "Writes JSON, JSONL, CSV, brat, CoNLL and an HTML report"
    /// Export writes files.
    public static let writesFiles = true

    /// The configured options.
    public let options: ExportOptions
    let formats: Set<ExportFormat>
    var csv: CSVWriter { CSVWriter(guardFormulas: options.guardFormulas, byteOrderMark: options.csvByteOrderMark) }

    /// Makes an instance.
    public init(options: ExportOptions) throws {
        self.options = options
        formats = options.selected
    }

    /// Writes the document's files and corpus fragments; returns the document unchanged.
    public func process(_ document: Document, context: StageContext) async throws -> Document {
        // With the per-document JSON, the attributes are rendered by it (both forms in one walk).
        var prepared = DocumentView(document, claimFields: formats.contains(.html), renderAttributes: !formats.contains(.json))
        let quotedText = formats.contains(.json) || formats.contains(.jsonl) ? prepared.quotedText() : []
        let documentJSON = formats.contains(.json) ? prepared.fullJSON(quotedText: quotedText) : nil
        let view = consume prepared  // from here on read only: passed on without copies
        let stem = view.fileStem
        if let documentJSON {
            context.write(file: ExportPaths.documentJSON(stem), bytes: documentJSON)
        }
        if formats.contains(.jsonl) {
            context.append(part: ExportPaths.documentsJSONL, bytes: view.documentLine(quotedText: quotedText))
            context.append(part: ExportPaths.entitiesJSONL, bytes: view.entityLines())
            context.append(part: ExportPaths.claimsJSONL, bytes: view.claimLines())
        }
        if formats.contains(.csv) {
            context.append(part: CSVTable.documents.file, bytes: CSVTable.documentRow(view, csv))
            context.append(part: CSVTable.entities.file, bytes: CSVTable.entityRows(view, csv))
            context.append(part: CSVTable.claims.file, bytes: CSVTable.claimRows(view, csv))
        }
        let entityCounts = formats.contains(.csv) || formats.contains(.html) ? EntityTable.counts(view) : []
        if formats.contains(.csv) || formats.contains(.html) {
            context.append(part: ExportPaths.entityCountsPart, bytes: EntityTable.documentCounts(entityCounts))
        }
        if formats.contains(.brat) {
            context.write(file: ExportPaths.bratText(stem), bytes: Array(document.text.utf8))
            context.write(file: ExportPaths.bratAnnotations(stem), bytes: Array(BratWriter.annotations(view).utf8))
            context.append(part: ExportPaths.bratTypesPart, bytes: BratTypes.documentPart(view))
        }
        if formats.contains(.conll) {
            let conll = Array(CoNLLWriter.document(view).utf8)
            context.write(file: ExportPaths.conllDocument(stem), bytes: conll)
            context.append(part: ExportPaths.conll, bytes: conll)
        }
        if formats.contains(.html) {
            context.write(file: ExportPaths.reportPage(stem), bytes: DocumentPage(view: view, entityCounts: entityCounts).html())
            context.append(part: ExportPaths.reportStatsPart, bytes: ReportSummary.documentPart(view, topClaims: options.reportTopClaims))
            context.append(part: ExportPaths.reportRowsPart, bytes: Array(IndexPage.row(view).utf8))
        }
        return document
    }

    /// Writes the corpus files. The files that are the parts one after the other are written
    /// while the report's summary and the entity table are read (three tracks, which run at
    /// once when there are cores for them: this step runs after every document, alone).
    public func finish(_ corpus: CorpusContext) async throws {
        async let concatenated: Void = writeConcatenated(corpus)
        async let summary = formats.contains(.html) ? ReportSummary(corpus, topClaims: options.reportTopClaims) : nil
        let table = formats.contains(.csv) || formats.contains(.html) ? try EntityTable(corpus) : EntityTable()
        if formats.contains(.csv) {
            try corpus.write(file: ExportPaths.entityTableCSV, bytes: table.csv(csv))
        }
        if formats.contains(.brat) {
            let types = try BratTypes(corpus)
            try corpus.write(file: ExportPaths.bratConfig, bytes: Array(BratWriter.annotationConfig(labels: types.labels, kinds: types.kinds).utf8))
            try corpus.write(file: ExportPaths.bratVisualConfig, bytes: Array(BratWriter.visualConfig(labels: types.labels).utf8))
        }
        if let summary = try await summary {
            let page = IndexPage(summary: summary, entities: table, topEntities: options.reportTopEntities)
            try corpus.write(file: ExportPaths.reportIndex, header: Array(page.header().utf8), part: ExportPaths.reportRowsPart,
                             footer: Array(IndexPage.footer.utf8))
        }
        try await concatenated
    }

    /// Writes the corpus files that are the documents' parts in order (JSONL, the CSV tables, CoNLL).
    private func writeConcatenated(_ corpus: CorpusContext) throws {
        if formats.contains(.jsonl) {
            for name in [ExportPaths.documentsJSONL, ExportPaths.entitiesJSONL, ExportPaths.claimsJSONL] {
                try corpus.write(file: name, header: [], part: name, footer: [])
            }
        }
        if formats.contains(.csv) {
            for t in [CSVTable.documents, CSVTable.entities, CSVTable.claims] {
                try corpus.write(file: t.file, header: t.header(csv), part: t.file, footer: [])
            }
        }
        if formats.contains(.conll) {
            try corpus.write(file: ExportPaths.conll, header: [], part: ExportPaths.conll, footer: [])
        }
    }
}
