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
        typealias T = ClaimRecord.Templates
        // A cue or quotation: start, end, text (and attributedTo).
        func piece(_ c: ClaimAnalysis.Cue, attributedTo speaker: String? = nil) -> JSONValue {
            let t = T.piece.variant(speaker == nil ? 0 : 1)
            var o = t.make()
            t.set(&o, 0, .int(index.scalarOffset(ofByte: c.start)))
            t.set(&o, 1, .int(index.scalarOffset(ofByte: c.end)))
            t.set(&o, 2, .string(index.substring(bytes: c.start..<c.end)))
            if let speaker { t.set(&o, 3, .string(speaker)) }
            return .object(o)
        }
        // An entity, and its canonical name as `details` gives it.
        func entity(_ e: EntityMention) -> (JSONValue, canonical: String) {
            let (canonical, value) = details(e)
            let t = T.entity.variant(value == nil ? 0 : 1)
            var o = t.make()
            t.set(&o, 0, .int(index.scalarOffset(ofByte: e.start)))
            t.set(&o, 1, .int(index.scalarOffset(ofByte: e.end)))
            t.set(&o, 2, .string(e.label))
            t.set(&o, 3, .string(canonical.isEmpty ? index.substring(bytes: e.start..<e.end) : canonical))
            if let value { t.set(&o, 4, value) }
            return (.object(o), canonical)
        }
        let checkworthy = checkworthiness >= threshold
        var kinds: [JSONValue] = []
        for (k, name) in ClaimRecord.kindNames where analysis.kinds.contains(k) { kinds.append(name) }
        if kinds.isEmpty && checkworthy { kinds = [.string(ClaimKind.factual.rawValue)] }
        // Lists are left out when empty, to keep the layer small.
        let a = analysis
        let t = T.claim.variant((a.hedges.isEmpty ? 0 : 1) | (a.entities.isEmpty ? 0 : 2) | (a.attribution == nil ? 0 : 4)
                                | (a.quotations.isEmpty ? 0 : 8))
        var attrs = t.make()
        t.set(&attrs, 0, .bool(isClaim))
        t.set(&attrs, 1, .double(roundedScore))
        t.set(&attrs, 2, .bool(checkworthy))
        t.set(&attrs, 3, .array(kinds))
        if !a.hedges.isEmpty { t.set(&attrs, 4, .array(a.hedges.map { piece($0) })) }
        if !a.entities.isEmpty { t.set(&attrs, 5, .array(a.entities.map { entity($0).0 })) }
        var speaker: String?
        if let at = a.attribution {
            let v = T.attribution.variant((at.source == nil ? 0 : 0b0111) | (at.entity == nil ? 0 : 0b1000))
            var o = v.make()
            v.set(&o, 0, .string(at.via))
            v.set(&o, 1, piece(at.cue))
            if let s = at.source {
                let text = index.substring(bytes: s.start..<s.end)
                v.set(&o, 2, .int(index.scalarOffset(ofByte: s.start)))
                v.set(&o, 3, .int(index.scalarOffset(ofByte: s.end)))
                v.set(&o, 4, .string(text))
                speaker = text
            }
            if let e = at.entity {
                let (value, canonical) = entity(e)
                v.set(&o, 5, value)
                speaker = canonical
            }
            t.set(&attrs, 6, .object(o))
        }
        if !a.quotations.isEmpty {
            let quoted = a.attribution?.via != "self" ? speaker : nil
            t.set(&attrs, 7, .array(a.quotations.map { piece($0, attributedTo: quoted) }))
        }
        return attrs
    }

    /// The shapes of the objects `attributes` makes (keys numbered as `set` uses them).
    enum Templates {
        /// The claim's attributes: 0 isClaim, 1 checkworthiness, 2 checkworthy, 3 kinds; optional 4
        /// hedges, 5 entities, 6 attribution, 7 quotations.
        static let claim = ObjectTemplate(required: ["isClaim", "checkworthiness", "checkworthy", "kinds"],
                                          optional: ["hedges", "entities", "attribution", "quotations"])
        /// A cue or quotation: 0 start, 1 end, 2 text; optional 3 attributedTo.
        static let piece = ObjectTemplate(required: ["start", "end", "text"], optional: ["attributedTo"])
        /// An entity: 0 start, 1 end, 2 label, 3 canonical; optional 4 value.
        static let entity = ObjectTemplate(required: ["start", "end", "label", "canonical"], optional: ["value"])
        /// An attribution: 0 via, 1 cue; optional 2 start, 3 end, 4 text (the source), 5 entity.
        static let attribution = ObjectTemplate(required: ["via", "cue"], optional: ["start", "end", "text", "entity"])
    }

    /// Each kind with its stored name, in the order "kinds" lists them (alphabetical).
    private static let kindNames: [(ClaimKind, JSONValue)] = ClaimKind.alphabetical.map { ($0, .string($0.rawValue)) }
}
