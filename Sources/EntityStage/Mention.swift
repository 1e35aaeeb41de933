/// An entity mention found in one sentence, before it becomes a `Span`.
struct Mention: Sendable, Equatable {
    /// First token (index into the sentence's tokens).
    var startToken: Int
    /// One past the last token.
    var endToken: Int
    /// First byte in the document text.
    var startByte: Int
    /// One past the last byte.
    var endByte: Int
    /// Fine label (PERSON, GPE, …), or a coarse tagger label awaiting refinement.
    var label: String
    /// Canonical name from a gazetteer, when one matched.
    var canonical: String?
    /// ISO 3166-1 alpha-3 code for countries.
    var iso3: String?
    /// Where it came from: tagger, gazetteer, rule or heuristic (decides conflicts).
    var origin: Origin

    /// What produced a mention.
    enum Origin: UInt8, Sendable { case tagger, gazetteer, rule, heuristic }

    /// Whether two mentions share a token.
    func overlaps(_ o: Mention) -> Bool { startToken < o.endToken && o.startToken < endToken }
}
