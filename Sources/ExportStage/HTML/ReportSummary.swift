import DocPipe

/// The corpus figures of the report index, gathered from one small part per document: counts,
/// claim kinds, a check-worthiness histogram and the document's best claims. Only the top
/// claims overall are kept while reading, so memory stays bounded.
struct ReportSummary {
    var documents = 0
    var characters = 0
    var entities = 0
    var claims = 0
    var kinds: [String: Int] = [:]
    var histogram = [Int](repeating: 0, count: 10)
    /// The most check-worthy claims, best first (ties: input order, then position).
    var topClaims: [TopClaim] = []

    /// A claim in the index's top list.
    struct TopClaim {
        var order: Int
        var document: String
        var stem: String
        var title: String
        var index: Int
        var score: Double
        var text: String
        var kinds: [String]
    }

    /// This document's part: one JSON line.
    static func documentPart(_ view: DocumentView, topClaims: Int) -> [UInt8] {
        var kinds: [String: JSONValue] = [:]
        var histogram = [Int](repeating: 0, count: 10)
        for f in view.claimFields {
            for k in f.kinds { kinds[k] = .int((kinds[k]?.intValue ?? 0) + 1) }
            if let s = f.score { histogram[bin(s)] += 1 }
        }
        let scored = view.claims.enumerated().compactMap { n, c in view.claimFields[n].score.map { (n, c, $0) } }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }.prefix(topClaims)
        let top: [JSONValue] = scored.map { n, c, s in
            ["index": .int(n), "score": .double(s), "text": .string(HTMLText.truncated(view.text(of: c), 300)),
             "kinds": .array(view.claimFields[n].kinds.map(JSONValue.string))]
        }
        let record: JSONValue = [
            "id": .string(view.id), "stem": .string(view.fileStem), "title": .string(view.title),
            "characters": .int(view.index.scalarCount), "entities": .int(view.entities.count), "claims": .int(view.claims.count),
            "kinds": .object(kinds), "histogram": .array(histogram.map(JSONValue.int)), "top": .array(top),
        ]
        var out = JSONWriter().bytes(record)
        out.append(0x0A)
        return out
    }

    static func bin(_ score: Double) -> Int { max(0, min(9, Int((score * 10).rounded(.down)))) }

    /// Reads every document's part, keeping the `limit` best claims.
    init(_ corpus: CorpusContext, topClaims limit: Int) throws {
        try corpus.forEachPart(named: ExportPaths.reportStatsPart) { bytes in
            guard let r = try? JSONParser.parse(bytes) else { return }
            let order = documents
            documents += 1
            characters += r["characters"]?.intValue ?? 0
            entities += r["entities"]?.intValue ?? 0
            claims += r["claims"]?.intValue ?? 0
            for (k, v) in r["kinds"]?.objectValue ?? [:] { kinds[k, default: 0] += v.intValue ?? 0 }
            for (i, v) in (r["histogram"]?.arrayValue ?? []).enumerated() where i < 10 { histogram[i] += v.intValue ?? 0 }
            for t in r["top"]?.arrayValue ?? [] {
                topClaims.append(TopClaim(order: order, document: r["id"]?.stringValue ?? "", stem: r["stem"]?.stringValue ?? "",
                                          title: r["title"]?.stringValue ?? "", index: t["index"]?.intValue ?? 0,
                                          score: t["score"]?.doubleValue ?? 0, text: t["text"]?.stringValue ?? "",
                                          kinds: (t["kinds"]?.arrayValue ?? []).compactMap(\.stringValue)))
            }
            topClaims.sort { a, b in
                if a.score != b.score { return a.score > b.score }
                if a.order != b.order { return a.order < b.order }
                return a.index < b.index
            }
            if topClaims.count > limit { topClaims.removeSubrange(limit...) }
        }
    }

    /// Claim kinds by count, most first, then name.
    var rankedKinds: [(kind: String, count: Int)] {
        kinds.map { (kind: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.kind.utf8.lexicographicallyPrecedes($1.kind.utf8)
        }
    }
}
