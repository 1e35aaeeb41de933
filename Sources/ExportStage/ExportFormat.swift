/// The output formats the export stage writes; their raw values are the names used in `formats`.
public enum ExportFormat: String, CaseIterable, Sendable, Comparable {
    /// `documents/<id>.json`: the full document model per document.
    case json
    /// `documents.jsonl`, `entities.jsonl`, `claims.jsonl`: one record per line.
    case jsonl
    /// `documents.csv`, `entities.csv`, `entity-table.csv`, `claims.csv`.
    case csv
    /// `brat/<id>.txt` and `brat/<id>.ann` standoff annotations, plus `brat/annotation.conf`.
    case brat
    /// `entities.conll`: one token per line with its BIO entity tag, sentences separated by blank lines.
    case conll
    /// `report/index.html` and `report/<id>.html`: a static, self-contained HTML report.
    case html

    /// The formats written when `formats` is not given.
    public static let defaults: [ExportFormat] = [.json, .jsonl, .csv, .html]

    /// Declaration order.
    public static func < (a: ExportFormat, b: ExportFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
