import DocPipe

/// The entity labels and claim kinds that brat's annotation.conf declares: the built-in labels
/// plus every label and kind the corpus uses, gathered from one small part per document.
struct BratTypes {
    /// The labels of the built-in entity stage.
    static let builtInLabels = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT",
                                "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"]

    /// Labels: the built-in ones in their usual order, then others sorted.
    private(set) var labels: [String]
    /// Claim kinds, sorted.
    private(set) var kinds: [String]

    /// This document's part.
    static func documentPart(_ view: DocumentView) -> [UInt8] {
        var lines = Set<String>()
        for e in view.entities { lines.insert("L\t" + BratWriter.typeName(e.type)) }
        for c in view.claims { for k in DocumentView.kinds(c) { lines.insert("K\t" + BratWriter.typeName(k)) } }
        return Array(lines.sorted().map { $0 + "\n" }.joined().utf8)
    }

    /// Reads the corpus's parts.
    init(_ corpus: CorpusContext) throws {
        var labels = Set<String>(), kinds = Set<String>()
        try corpus.forEachPart(named: ExportPaths.bratTypesPart) { bytes in
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                if line.hasPrefix("L\t") { labels.insert(String(line.dropFirst(2))) }
                if line.hasPrefix("K\t") { kinds.insert(String(line.dropFirst(2))) }
            }
        }
        let builtIn = Set(BratTypes.builtInLabels)
        self.labels = BratTypes.builtInLabels + labels.filter { !builtIn.contains($0) }.sorted()
        self.kinds = kinds.sorted()
    }
}
