/// Where each output lives, relative to the output folder, and the names of corpus parts.
enum ExportPaths {
    /// `documents/<id>.json`.
    static func documentJSON(_ stem: String) -> String { "documents/\(stem).json" }
    /// `brat/<id>.txt`.
    static func bratText(_ stem: String) -> String { "brat/\(stem).txt" }
    /// `brat/<id>.ann`.
    static func bratAnnotations(_ stem: String) -> String { "brat/\(stem).ann" }
    /// `conll/<id>.conll`.
    static func conllDocument(_ stem: String) -> String { "conll/\(stem).conll" }
    /// `report/<id>.html`.
    static func reportPage(_ stem: String) -> String { "report/\(stem).html" }
    /// The page's name relative to `report/` (for links inside the report).
    static func reportLink(_ stem: String) -> String { "\(stem).html" }

    static let documentsJSONL = "documents.jsonl"
    static let entitiesJSONL = "entities.jsonl"
    static let claimsJSONL = "claims.jsonl"
    static let entityTableCSV = "entity-table.csv"
    static let conll = "entities.conll"
    static let bratConfig = "brat/annotation.conf"
    static let bratVisualConfig = "brat/visual.conf"
    static let reportIndex = "report/index.html"

    /// Part: one `["LABEL","canonical",mentions]` line per distinct entity of a document.
    static let entityCountsPart = "entity-counts"
    /// Part: `L<TAB>label` and `K<TAB>kind` lines for brat's annotation.conf.
    static let bratTypesPart = "brat-types"
    /// Part: one JSON line of report statistics per document.
    static let reportStatsPart = "report-stats"
    /// Part: the document's row of the report index table.
    static let reportRowsPart = "report-rows"
}
