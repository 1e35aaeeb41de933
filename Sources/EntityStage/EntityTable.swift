import DocPipe

/// Entity tables: per document (canonical name, label, mentions) and for the corpus (canonical
/// name, label, mentions, documents). TSV with a header; rows sorted by mentions (descending),
/// then label and canonical name, so the bytes are the same on every run.
public enum EntityTable {
    /// Name of the corpus part the stage appends per document.
    public static let partName = "entity-table.tsv"
    /// Corpus table written by `Entities.finish`.
    public static let corpusFile = "entity-table.tsv"
    /// Folder of per-document tables (`entity-tables/<document id>.tsv`).
    public static let documentFolder = "entity-tables"

    /// One row.
    public struct Row: Sendable, Equatable {
        /// Canonical name.
        public var canonical: String
        /// Label.
        public var label: String
        /// Number of mentions.
        public var mentions: Int
        /// Number of documents (1 in a per-document table).
        public var documents: Int
    }

    /// Rows of one document's entities layer.
    public static func rows(of document: Document) -> [Row] {
        var counts: [Key: Int] = [:]
        for s in document.spans(LayerName.entities) {
            let canonical = s.attributes["canonical"]?.stringValue ?? document.text(of: s)
            counts[Key(canonical: canonical, label: s.type), default: 0] += 1
        }
        return sorted(counts.map { Row(canonical: $0.key.canonical, label: $0.key.label, mentions: $0.value, documents: 1) })
    }

    /// A document's table as TSV (header "canonical label mentions").
    public static func documentTSV(_ rows: [Row]) -> String {
        "canonical\tlabel\tmentions\n" + rows.map { "\(clean($0.canonical))\t\($0.label)\t\($0.mentions)\n" }.joined()
    }

    /// A document's fragment of the corpus part: "canonical label mentions" lines, no header.
    static func partLines(_ rows: [Row]) -> String {
        rows.map { "\(clean($0.canonical))\t\($0.label)\t\($0.mentions)\n" }.joined()
    }

    /// Merges fragments one at a time: memory grows with the distinct entities, not the documents.
    public struct Merger {
        private var acc: [Key: (Int, Int)] = [:]

        /// An empty merger.
        public init() {}

        /// Adds one document's fragment.
        public mutating func add(_ fragment: [UInt8]) {
            for line in String(decoding: fragment, as: UTF8.self).split(separator: "\n") {
                let c = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard c.count == 3, let n = Int(c[2]) else { continue }
                let key = Key(canonical: String(c[0]), label: String(c[1]))
                let old = acc[key] ?? (0, 0)
                acc[key] = (old.0 + n, old.1 + 1)
            }
        }

        /// The corpus rows so far, sorted.
        public var rows: [Row] {
            EntityTable.sorted(acc.map { Row(canonical: $0.key.canonical, label: $0.key.label, mentions: $0.value.0, documents: $0.value.1) })
        }
    }

    /// The corpus table as TSV (header "canonical label mentions documents").
    public static func corpusTSV(_ rows: [Row]) -> String {
        "canonical\tlabel\tmentions\tdocuments\n" + rows.map { "\(clean($0.canonical))\t\($0.label)\t\($0.mentions)\t\($0.documents)\n" }.joined()
    }

    private struct Key: Hashable { var canonical: String; var label: String }

    private static func sorted(_ rows: [Row]) -> [Row] {
        rows.sorted {
            if $0.mentions != $1.mentions { return $0.mentions > $1.mentions }
            if $0.label != $1.label { return $0.label.utf8.lexicographicallyPrecedes($1.label.utf8) }
            return $0.canonical.utf8.lexicographicallyPrecedes($1.canonical.utf8)
        }
    }

    private static func clean(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return s }  // nothing to replace
        return String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}
