import DocPipe

/// Options of the ingest stage (`"options"` of the `ingest` entry in pipeline.json).
public struct IngestOptions: StageOptions {
    /// Record fields holding the document id, tried in order (dotted paths reach into objects:
    /// "attrs.newid"). Records with none get "L<line>" (JSONL) or "r<index>" (JSON arrays).
    public var idFields: [String] = ["id", "attrs.newid", "doc_id", "uuid"]
    /// Record fields holding the title, tried in order.
    public var titleFields: [String] = ["title", "headline", "name"]
    /// Record fields holding the text, tried in order; the first non-empty one wins. A record with
    /// no text but a title becomes a document whose text is the title (headline-only wires).
    public var textFields: [String] = ["text", "body", "content", "full_text", "abstract"]
    /// Record fields holding the date, tried in order.
    public var dateFields: [String] = ["date", "timestamp", "published", "publication_date", "year"]
    /// Record fields holding the author(s), tried in order (a string or an array of strings).
    public var authorFields: [String] = ["author", "authors", "speaker"]
    /// Record fields holding a source URL, tried in order.
    public var urlFields: [String] = ["url", "source", "link"]
    /// Decode HTML/SGML character references (`&lt;`, `&#3;`) in record titles and texts, as
    /// exports of SGML collections (Reuters-21578 in JSON) carry them.
    public var decodeEntities: Bool = true
    /// Read files with an unknown extension as plain text when they look like text (else they fail).
    public var unknownAsText: Bool = true
    /// How pdftotext orders text: "reading" (its default: columns one after another, hyphens at
    /// line ends removed by pdftotext itself), "raw" (content-stream order, hyphens kept for
    /// normalize to judge) or "layout" (`-layout`: columns side by side, for tables).
    public var pdfMode: String = "reading"
    /// The accepted `pdfMode` values.
    public static let pdfModes = ["layout", "raw", "reading"]
    /// The pdftotext program (a path, or a name looked up on PATH).
    public var pdftotext: String = "pdftotext"
    /// Seconds to wait for pdftotext before giving up on a file.
    public var pdfTimeoutSeconds: Int = 60

    /// The defaults.
    public init() {}

    /// Field lists must not be empty; the timeout must be positive.
    public func validate() -> [String] {
        var problems: [String] = []
        for (name, list) in [("idFields", idFields), ("titleFields", titleFields), ("textFields", textFields)]
        where list.isEmpty || list.contains(where: \.isEmpty) {
            problems.append("\(name) must list at least one non-empty field name")
        }
        if pdfTimeoutSeconds <= 0 { problems.append("pdfTimeoutSeconds must be positive") }
        if pdftotext.isEmpty { problems.append("pdftotext must name a program") }
        if !IngestOptions.pdfModes.contains(pdfMode) {
            problems.append("pdfMode must be one of \(IngestOptions.pdfModes.joined(separator: ", ")), not '\(pdfMode)'")
        }
        return problems
    }
}
