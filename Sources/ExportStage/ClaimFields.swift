import DocPipe

/// The attributes of one claim the report reads, found in one pass over its attributes.
struct ClaimFields {
    /// `checkworthiness` as a number, when present.
    var score: Double?
    /// `kinds` (an array of strings, or one string), else `kind`.
    var kinds: [String] = []
    /// `hedges` and `attribution`, when present.
    var hedges: JSONValue?
    var attribution: JSONValue?
    /// Whether the claim has attributes the report table shows under "Other".
    var hasOthers = false

    /// Attributes the report's claims table shows in their own columns (or not at all).
    static func shownInReport(_ key: String) -> Bool {
        switch AttributeKey.of(key) {
        case .checkworthiness?, .kinds?, .kind?, .hedges?, .attribution?, .entities?, .isClaim?: return true
        default: return false
        }
    }

    init(_ span: Span) {
        var kinds: JSONValue?, kind: JSONValue?, score: Double?, hedges: JSONValue?, attribution: JSONValue?, hasOthers = false
        span.attributes.forEachMember { k, v in
            switch AttributeKey.of(k) {
            case .checkworthiness?: score = v.doubleValue
            case .kinds?: kinds = v
            case .kind?: kind = v
            case .hedges?: hedges = v
            case .attribution?: attribution = v
            case .entities?, .isClaim?: break
            default: hasOthers = true
            }
        }
        (self.score, self.hedges, self.attribution, self.hasOthers) = (score, hedges, attribution, hasOthers)
        switch kinds ?? kind {
        case .string(let s)?: self.kinds = [s]
        case .array(let a)?: self.kinds = a.compactMap(\.stringValue)
        default: break
        }
    }
}
