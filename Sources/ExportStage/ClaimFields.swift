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
        // Values are read only for the keys wanted (the others, such as the entities array, are not
        // copied: no retain and release).
        let a = span.attributes
        var i = a.startIndex
        while i != a.endIndex {
            switch AttributeKey.of(a.keys[i]) {
            case .checkworthiness?: score = a.values[i].doubleValue
            case .kinds?: kinds = a.values[i]
            case .kind?: kind = a.values[i]
            case .hedges?: hedges = a.values[i]
            case .attribution?: attribution = a.values[i]
            case .entities?, .isClaim?: break
            default: hasOthers = true
            }
            a.formIndex(after: &i)
        }
        (self.score, self.hedges, self.attribution, self.hasOthers) = (score, hedges, attribution, hasOthers)
        switch kinds ?? kind {
        case .string(let s)?: self.kinds = [s]
        case .array(let a)?: self.kinds = a.compactMap(\.stringValue)
        default: break
        }
    }
}
