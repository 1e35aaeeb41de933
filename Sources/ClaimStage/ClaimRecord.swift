import DocPipe

/// One sentence's claim attributes, ready to store: decides `isClaim` and renders the analysis as
/// JSON with scalar offsets and texts.
struct ClaimRecord {
    /// The analysis (byte offsets).
    let analysis: ClaimAnalysis
    /// Check-worthiness in [0, 1].
    let checkworthiness: Double
    /// The threshold in force.
    let threshold: Double

    /// Kinds that make a sentence a claim whatever its score.
    static let claimKinds: ClaimKinds = [.statistical, .quotation, .attributed, .causal, .comparative, .thesis]
    /// Kinds that make a sentence a claim when it also names an entity ("South Korea should…",
    /// not "We must act").
    static let claimKindsWithEntity: ClaimKinds = [.predictive, .recommendation]

    /// Whether the sentence is reported as a claim: a complete sentence (ends with . ! ? or carries a
    /// quotation) of at least four words that is scored check-worthy; or a declarative one with a
    /// kind of `claimKinds`, or of `claimKindsWithEntity` and an entity. A sentence that is only
    /// factual or evaluative is a claim when it is check-worthy.
    var isClaim: Bool {
        guard ClaimRecord.canBeClaim(analysis) else { return false }
        if checkworthiness >= threshold { return true }
        guard !analysis.isQuestion else { return false }
        if !analysis.kinds.isDisjoint(with: ClaimRecord.claimKinds) { return true }
        return !analysis.entities.isEmpty && !analysis.kinds.isDisjoint(with: ClaimRecord.claimKindsWithEntity)
    }

    /// Whether a sentence can be a claim at all: at least four words, and complete or quoting.
    static func canBeClaim(_ analysis: ClaimAnalysis) -> Bool {
        analysis.wordCount >= 4 && (analysis.isComplete || !analysis.quotations.isEmpty)
    }

    /// The score rounded to four decimals.
    var roundedScore: Double { (checkworthiness * 10_000).rounded() / 10_000 }

    /// The span attributes (see docs/claims.md). `details` gives an entity's canonical name and
    /// value (see `EntityMention.layerIndex`).
    func attributes(_ index: TextIndex,
                    details: (EntityMention) -> (canonical: String, value: JSONValue?) = { ($0.canonical, $0.value) })
        -> [String: JSONValue] {
        // Dictionaries are made with room for all their keys, so none grows while it is filled.
        func piece(_ c: ClaimAnalysis.Cue, room: Int = 3) -> [String: JSONValue] {
            var o = [String: JSONValue](minimumCapacity: room)
            o["start"] = .int(index.scalarOffset(ofByte: c.start))
            o["end"] = .int(index.scalarOffset(ofByte: c.end))
            o["text"] = .string(index.substring(bytes: c.start..<c.end))
            return o
        }
        func entity(_ e: EntityMention) -> JSONValue {
            var o = [String: JSONValue](minimumCapacity: 5)
            o["start"] = .int(index.scalarOffset(ofByte: e.start))
            o["end"] = .int(index.scalarOffset(ofByte: e.end))
            o["label"] = .string(e.label)
            let (canonical, value) = details(e)
            o["canonical"] = .string(canonical.isEmpty ? index.substring(bytes: e.start..<e.end) : canonical)
            if let v = value { o["value"] = v }
            return .object(o)
        }
        let checkworthy = checkworthiness >= threshold
        var kinds: [JSONValue] = []
        for (k, name) in ClaimRecord.kindNames where analysis.kinds.contains(k) { kinds.append(name) }
        if kinds.isEmpty && checkworthy { kinds = [.string(ClaimKind.factual.rawValue)] }
        var attrs = [String: JSONValue](minimumCapacity: 8)
        attrs["isClaim"] = .bool(isClaim)
        attrs["checkworthiness"] = .double(roundedScore)
        attrs["checkworthy"] = .bool(checkworthy)
        attrs["kinds"] = .array(kinds)
        // Lists are left out when empty, to keep the layer small.
        if !analysis.hedges.isEmpty { attrs["hedges"] = .array(analysis.hedges.map { .object(piece($0)) }) }
        if !analysis.entities.isEmpty { attrs["entities"] = .array(analysis.entities.map(entity)) }
        var speaker: String?
        if let a = analysis.attribution {
            var o = [String: JSONValue](minimumCapacity: 6)
            o["via"] = .string(a.via)
            o["cue"] = .object(piece(a.cue))
            if let s = a.source {
                for (k, v) in piece(s) { o[k] = v }
                speaker = index.substring(bytes: s.start..<s.end)
            }
            if let e = a.entity {
                o["entity"] = entity(e)
                speaker = details(e).canonical
            }
            attrs["attribution"] = .object(o)
        }
        if !analysis.quotations.isEmpty {
            attrs["quotations"] = .array(analysis.quotations.map { q in
                var o = piece(q, room: 4)
                if let speaker, analysis.attribution?.via != "self" { o["attributedTo"] = .string(speaker) }
                return .object(o)
            })
        }
        return attrs
    }

    /// Each kind with its stored name, in the order "kinds" lists them (alphabetical).
    private static let kindNames: [(ClaimKind, JSONValue)] = ClaimKind.alphabetical.map { ($0, .string($0.rawValue)) }
}
