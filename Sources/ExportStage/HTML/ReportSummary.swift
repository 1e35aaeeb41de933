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
    /// Once the list is full, the score a claim of a later document must beat to enter it (ties
    /// go to the earlier document).
    private var bar: Double?

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

    /// This document's part: one JSON line, written straight to bytes in key order (`characters`,
    /// `claims`, `entities`, `histogram`, `id`, `kinds`, `stem`, `title`, `top`; a top claim's
    /// `index`, `kinds`, `score`, `text`), the bytes `JSONWriter` gives for the same record.
    static func documentPart(_ view: DocumentView, topClaims: Int) -> [UInt8] {
        var kinds: [(kind: String, count: Int)] = []
        var histogram = [Int](repeating: 0, count: 10)
        for n in view.claimFields.indices {  // fields read in place: no copy to retain and release
            for k in view.claimFields[n].kinds {
                if let i = kinds.firstIndex(where: { $0.kind == k }) { kinds[i].count += 1 } else { kinds.append((k, 1)) }
            }
            if let s = view.claimFields[n].score { histogram[bin(s)] += 1 }
        }
        kinds.sort { JSONWriter.utf8Less($0.kind, $1.kind) }
        var scored: [(score: Double, claim: Int)] = []
        scored.reserveCapacity(view.claims.count)
        for n in view.claimFields.indices { if let s = view.claimFields[n].score { scored.append((s, n)) } }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.claim < $1.claim }

        var out = ByteBuffer(capacity: 1024 + min(topClaims, scored.count) * 400)
        Bytes.raw(#"{"characters":"#, &out)
        Bytes.int(view.scalars.scalarCount, &out)
        Bytes.raw(#","claims":"#, &out)
        Bytes.int(view.claims.count, &out)
        Bytes.raw(#","entities":"#, &out)
        Bytes.int(view.entities.count, &out)
        Bytes.raw(#","histogram":["#, &out)
        for (i, h) in histogram.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Bytes.int(h, &out)
        }
        Bytes.raw(#"],"id":"#, &out)
        Bytes.jsonString(view.id, &out)
        Bytes.raw(#","kinds":{"#, &out)
        for (i, k) in kinds.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Bytes.jsonString(k.kind, &out)
            out.append(UInt8(ascii: ":"))
            Bytes.int(k.count, &out)
        }
        Bytes.raw(#"},"stem":"#, &out)
        Bytes.jsonString(view.fileStem, &out)
        Bytes.raw(#","title":"#, &out)
        Bytes.jsonString(view.title, &out)
        Bytes.raw(#","top":["#, &out)
        view.utf8.withUnsafeBufferPointer { text in
            for (i, t) in scored.prefix(topClaims).enumerated() {
                Bytes.raw(i > 0 ? #",{"index":"# : #"{"index":"#, &out)
                Bytes.int(t.claim, &out)
                Bytes.raw(#","kinds":["#, &out)
                for (j, k) in view.claimFields[t.claim].kinds.enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    Bytes.jsonString(k, &out)
                }
                Bytes.raw(#"],"score":"#, &out)
                Bytes.number(t.score, &out)
                Bytes.raw(#","text":""#, &out)
                // The claim's text cut at 300 scalars with an ellipsis (as `HTMLText.truncated`).
                let c = view.claims[t.claim]
                let scalars = view.scalars
                let first = min(max(c.start, 0), scalars.scalarCount)
                let bytes = scalars.range(c.start, c.end)
                if bytes.isEmpty || min(max(c.end, 0), scalars.scalarCount) - first <= 300 {
                    Bytes.jsonEscaped(UnsafeBufferPointer(rebasing: text[bytes]), &out)
                } else {
                    Bytes.jsonEscaped(UnsafeBufferPointer(rebasing: text[bytes.lowerBound..<scalars.byte(first + 300)]), &out)
                    out.append("…")
                }
                Bytes.raw(#""}"#, &out)
            }
        }
        Bytes.raw("]}\n", &out)
        return out.array()
    }

    static func bin(_ score: Double) -> Int { max(0, min(9, Int((score * 10).rounded(.down)))) }

    /// Reads every document's part, keeping the `limit` best claims. Parts are read with a
    /// `PartReader` (a general JSON parse only for a part it does not recognise); claims that
    /// cannot make the list are skipped without decoding their text, and the candidates are
    /// sorted only when they reach twice the limit, and once at the end.
    init(_ corpus: CorpusContext, topClaims limit: Int) throws {
        var scratch = Scratch()
        try corpus.forEachPart(named: ExportPaths.reportStatsPart) { bytes in
            let read = bytes.withUnsafeBufferPointer { addFast($0, limit: limit, scratch: &scratch) }
            if !read { addParsed(bytes, limit: limit) }
        }
        pruneTopClaims(limit)
    }

    /// Reused buffers for one part.
    private struct Scratch {
        var kinds: [(range: Range<Int>, escaped: Bool, count: Int)] = []
        var top: [(index: Int, score: Double, kinds: Range<Int>, text: (range: Range<Int>, escaped: Bool))] = []
        var topKinds: [(range: Range<Int>, escaped: Bool)] = []
    }

    /// Best first; ties in input order, then position.
    private static func better(_ a: TopClaim, _ b: TopClaim) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.order != b.order { return a.order < b.order }
        return a.index < b.index
    }

    /// Sorts the candidates and keeps the best `limit`.
    private mutating func pruneTopClaims(_ limit: Int) {
        topClaims.sort(by: Self.better)
        if topClaims.count > limit { topClaims.removeSubrange(limit...) }
        if topClaims.count == limit, let last = topClaims.last { bar = last.score }
    }


    /// Reads a part in the shape `documentPart` writes; false (nothing changed) for anything else.
    private mutating func addFast(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int, scratch: inout Scratch) -> Bool {
        var r = PartReader(bytes)
        scratch.kinds.removeAll(keepingCapacity: true)
        scratch.top.removeAll(keepingCapacity: true)
        scratch.topKinds.removeAll(keepingCapacity: true)
        guard r.skip(#"{"characters":"#), let characters = r.int(), r.skip(#","claims":"#), let claims = r.int(),
              r.skip(#","entities":"#), let entities = r.int(), r.skip(#","histogram":["#) else { return false }
        var histogram: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let counted = withUnsafeMutableBytes(of: &histogram) { raw -> Bool in
            let h = raw.bindMemory(to: Int.self)
            for k in 0..<10 {
                guard k == 0 || r.skip(byte: UInt8(ascii: ",")), let v = r.int() else { return false }
                h[k] = v
            }
            return true
        }
        guard counted, r.skip(#"],"id":"#), let id = r.string(), r.skip(#","kinds":{"#) else { return false }
        if !r.skip(byte: UInt8(ascii: "}")) {
            repeat {
                guard let k = r.string(), r.skip(byte: UInt8(ascii: ":")), let n = r.int() else { return false }
                scratch.kinds.append((k.range, k.escaped, n))
            } while r.skip(byte: UInt8(ascii: ","))
            guard r.skip(byte: UInt8(ascii: "}")) else { return false }
        }
        guard r.skip(#","stem":"#), let stem = r.string(), r.skip(#","title":"#), let title = r.string(),
              r.skip(#","top":["#) else { return false }
        if !r.skip(byte: UInt8(ascii: "]")) {
            repeat {
                guard r.skip(#"{"index":"#), let index = r.int(), r.skip(#","kinds":["#) else { return false }
                let firstKind = scratch.topKinds.count
                if !r.skip(byte: UInt8(ascii: "]")) {
                    repeat {
                        guard let k = r.string() else { return false }
                        scratch.topKinds.append(k)
                    } while r.skip(byte: UInt8(ascii: ","))
                    guard r.skip(byte: UInt8(ascii: "]")) else { return false }
                }
                guard r.skip(#","score":"#), let score = r.number(), r.skip(#","text":"#), let text = r.string(),
                      r.skip(byte: UInt8(ascii: "}")) else { return false }
                scratch.top.append((index, score, firstKind..<scratch.topKinds.count, text))
            } while r.skip(byte: UInt8(ascii: ","))
            guard r.skip(byte: UInt8(ascii: "]")) else { return false }
        }
        guard r.skip("}\n"), r.atEnd else { return false }

        // Decode the strings that are kept; any surprise sends the whole part to the JSON parser.
        var kindTexts: [(String, Int)] = []
        kindTexts.reserveCapacity(scratch.kinds.count)
        for k in scratch.kinds {
            guard let text = r.text((k.range, k.escaped)) else { return false }
            kindTexts.append((text, k.count))
        }
        let order = documents
        var entering: [TopClaim] = []
        if limit > 0 {
            var document: (id: String, stem: String, title: String)?
            for t in scratch.top where bar.map({ t.score > $0 }) ?? true {  // not better than the bar: cannot enter
                if document == nil {
                    guard let i = r.text(id), let s = r.text(stem), let h = r.text(title) else { return false }
                    document = (i, s, h)
                }
                var kinds: [String] = []
                kinds.reserveCapacity(t.kinds.count)
                for k in scratch.topKinds[t.kinds] {
                    guard let text = r.text(k) else { return false }
                    kinds.append(text)
                }
                guard let text = r.text(t.text) else { return false }
                entering.append(TopClaim(order: order, document: document!.id, stem: document!.stem, title: document!.title,
                                         index: t.index, score: t.score, text: text, kinds: kinds))
            }
        }
        documents += 1
        self.characters += characters
        self.entities += entities
        self.claims += claims
        for (k, n) in kindTexts { self.kinds[k, default: 0] += n }
        withUnsafeBytes(of: histogram) { raw in
            let h = raw.bindMemory(to: Int.self)
            for k in 0..<10 { self.histogram[k] += h[k] }
        }
        topClaims += entering
        if topClaims.count >= 2 * max(limit, 16) { pruneTopClaims(limit) }
        return true
    }

    /// Reads a part with the general JSON parser (a part this version did not write); skipped
    /// when it is not JSON.
    private mutating func addParsed(_ bytes: [UInt8], limit: Int) {
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
        pruneTopClaims(limit)
    }

    /// Claim kinds by count, most first, then name.
    var rankedKinds: [(kind: String, count: Int)] {
        kinds.map { (kind: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.kind.utf8.lexicographicallyPrecedes($1.kind.utf8)
        }
    }
}
