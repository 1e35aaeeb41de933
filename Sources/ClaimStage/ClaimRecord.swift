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

    /// The span attributes (see docs/claims.md).
    func attributes(_ index: TextIndex) -> [String: JSONValue] {
        func piece(_ c: ClaimAnalysis.Cue) -> [String: JSONValue] {
            ["start": .int(index.scalarOffset(ofByte: c.start)), "end": .int(index.scalarOffset(ofByte: c.end)),
             "text": .string(index.substring(bytes: c.start..<c.end))]
        }
        func entity(_ e: EntityMention) -> JSONValue {
            var o: [String: JSONValue] = ["start": .int(index.scalarOffset(ofByte: e.start)), "end": .int(index.scalarOffset(ofByte: e.end))]
            o["label"] = .string(e.label)
            o["canonical"] = .string(e.canonical.isEmpty ? index.substring(bytes: e.start..<e.end) : e.canonical)
            if let v = e.value { o["value"] = v }
            return .object(o)
        }
        var kinds = analysis.kinds.sorted()
        if kinds.isEmpty && checkworthiness >= threshold { kinds = [.factual] }
        var attrs: [String: JSONValue] = [
            "isClaim": .bool(isClaim),
            "checkworthiness": .double(roundedScore),
            "checkworthy": .bool(checkworthiness >= threshold),
            "kinds": .array(kinds.map { .string($0.rawValue) }),
        ]
        // Lists are left out when empty, to keep the layer small.
        if !analysis.hedges.isEmpty { attrs["hedges"] = .array(analysis.hedges.map { .object(piece($0)) }) }
        if !analysis.entities.isEmpty { attrs["entities"] = .array(analysis.entities.map(entity)) }
        var speaker: String?
        if let a = analysis.attribution {
            var o: [String: JSONValue] = ["via": .string(a.via), "cue": .object(piece(a.cue))]
            if let s = a.source {
                for (k, v) in piece(s) { o[k] = v }
                speaker = index.substring(bytes: s.start..<s.end)
            }
            if let e = a.entity {
                o["entity"] = entity(e)
                speaker = e.canonical
            }
            attrs["attribution"] = .object(o)
        }
        if !analysis.quotations.isEmpty {
            attrs["quotations"] = .array(analysis.quotations.map { q in
                var o = piece(q)
                if let speaker, analysis.attribution?.via != "self" { o["attributedTo"] = .string(speaker) }
                return .object(o)
            })
        }
        return attrs
    }
}
