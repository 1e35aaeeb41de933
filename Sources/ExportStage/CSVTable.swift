import DocPipe

/// The corpus CSV files and their columns. Rows are made from the same records as the JSONL
/// files; `docs/outputs.md` describes every column.
struct CSVTable: Sendable {
    /// A column: its header and how a record becomes its cell.
    struct Column: Sendable {
        let name: String
        let cell: @Sendable (JSONValue) -> CSVWriter.Cell

        /// A column showing record member `key`, or a member of the record's `attributes` when
        /// `attribute` is set.
        init(_ name: String, key: String? = nil, attribute: String? = nil) {
            self.name = name
            if let attribute {
                cell = { CSVTable.cell($0["attributes"]?[attribute]) }
            } else {
                let k = key ?? name
                cell = { CSVTable.cell($0[k]) }
            }
        }

        /// A column computed by `cell`.
        init(_ name: String, cell: @escaping @Sendable (JSONValue) -> CSVWriter.Cell) {
            self.name = name
            self.cell = cell
        }
    }

    /// File name in the output folder.
    let file: String
    /// The columns, in order.
    let columns: [Column]

    /// The header record.
    func header(_ writer: CSVWriter) -> [UInt8] { writer.header(columns.map(\.name)) }

    /// Rows for records.
    func rows(_ records: [JSONValue], _ writer: CSVWriter) -> [UInt8] {
        var out: [UInt8] = []
        for r in records { writer.appendRow(columns.map { $0.cell(r) }, to: &out) }
        return out
    }

    /// The usual rendering of a JSON value in a cell: strings as they are, numbers as numbers,
    /// arrays of strings joined with "; ", anything else as compact JSON, null and absent empty.
    static func cell(_ value: JSONValue?) -> CSVWriter.Cell {
        switch value {
        case nil, .null?: return .empty
        case .string(let s)?: return .text(s)
        case .int(let i)?: return .int(i)
        case .double(let d)?: return .number(d)
        case .bool(let b)?: return .text(b ? "true" : "false")
        case .array(let a)? where a.allSatisfy({ $0.stringValue != nil }):
            return a.isEmpty ? .empty : .text(a.compactMap(\.stringValue).joined(separator: "; "))
        case .object(let o)? where o.isEmpty: return .empty
        case let v?: return .text(JSONWriter().string(v))
        }
    }

    /// A value shown as readable text (`AttributeText`), empty when absent.
    static func text(_ value: JSONValue?) -> CSVWriter.Cell {
        guard let value else { return .empty }
        let s = AttributeText.display(value)
        return s.isEmpty ? .empty : .text(s)
    }

    /// Attributes other than the ones shown in their own columns, as compact JSON (empty when none).
    static func otherAttributes(_ shown: Set<String>) -> @Sendable (JSONValue) -> CSVWriter.Cell {
        { record in
            var rest = record["attributes"]?.objectValue ?? [:]
            for k in shown { rest[k] = nil }
            return rest.isEmpty ? .empty : .text(JSONWriter().string(.object(rest)))
        }
    }

    /// documents.csv: one row per document.
    static let documents = CSVTable(file: "documents.csv", columns: [
        Column("id"),
        Column("title"),
        Column("authors") { cell($0["metadata"]?["authors"]) },
        Column("date") { cell($0["metadata"]?["date"]) },
        Column("publisher") { cell($0["metadata"]?["publisher"]) },
        Column("series") { cell($0["metadata"]?["series"]) },
        Column("language") { cell($0["metadata"]?["language"]) },
        Column("url") { cell($0["metadata"]?["url"]) },
        Column("sourcePath") { cell($0["source"]?["path"]) },
        Column("mediaType") { cell($0["source"]?["mediaType"]) },
        Column("sourceBytes") { cell($0["source"]?["bytes"]) },
        Column("sha256") { cell($0["source"]?["sha256"]) },
        Column("characters") { cell($0["counts"]?["characters"]) },
        Column("paragraphs") { cell($0["counts"]?["paragraphs"]) },
        Column("sentences") { cell($0["counts"]?["sentences"]) },
        Column("entities") { cell($0["counts"]?["entities"]) },
        Column("claims") { cell($0["counts"]?["claims"]) },
        Column("pages") { cell($0["counts"]?["pages"]) },
        Column("warnings") { r in
            let codes = (r["warnings"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
            return codes.isEmpty ? .empty : .text(codes.joined(separator: "; "))
        },
        Column("metadata") { cell($0["metadata"]) },
    ])

    /// entities.csv: one row per entity mention.
    static let entities = CSVTable(file: "entities.csv", columns: [
        Column("document"), Column("index"), Column("label"), Column("text"), Column("canonical"),
        Column("start"), Column("end"), Column("sourceStart"), Column("sourceEnd"), Column("sentence"), Column("page"),
        Column("iso3", attribute: "iso3"), Column("value", attribute: "value"), Column("confidence", attribute: "confidence"),
        Column("attributes", cell: otherAttributes(["canonical", "iso3", "value", "confidence"])),
    ])

    /// claims.csv: one row per claim.
    static let claims = CSVTable(file: "claims.csv", columns: [
        Column("document"), Column("index"), Column("start"), Column("end"), Column("sourceStart"), Column("sourceEnd"),
        Column("sentence"), Column("page"),
        Column("checkworthiness", attribute: "checkworthiness"), Column("kinds", attribute: "kinds"),
        Column("hedges") { text($0["attributes"]?["hedges"]) }, Column("attribution") { text($0["attributes"]?["attribution"]) },
        Column("entities") { r in
            let names = (r["entities"]?.arrayValue ?? []).map { e in
                "\(e["label"]?.stringValue ?? ""):\(e["canonical"]?.stringValue ?? "")"
            }
            return names.isEmpty ? .empty : .text(names.joined(separator: "; "))
        },
        Column("text"),
        Column("attributes", cell: otherAttributes(["checkworthiness", "kinds", "hedges", "attribution", "entities"])),
    ])

    /// entity-table.csv: one row per (label, canonical) entity over the corpus.
    static let entityTableHeader = ["label", "canonical", "mentions", "documents"]
}
