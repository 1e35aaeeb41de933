/// One token of a sentence, found on UTF-8 bytes: its byte range in the document text, a hash of
/// its lowercased form (what cue lists and features compare), and a coarse shape.
struct ClaimToken: Sendable, Equatable {
    /// Shape of a token, enough for the cue rules and the shape features.
    enum Shape: UInt8, Sendable {
        /// Lowercase word ("studies").
        case lower
        /// Capitalised word ("Korea").
        case capitalized
        /// A number ("80", "1,000", "3.5").
        case number
        /// An opening quotation mark (“).
        case openQuote
        /// A closing quotation mark (”).
        case closeQuote
        /// A straight double quote, open or close depending on position.
        case straightQuote
        /// Any other punctuation or symbol (, ; % $ …).
        case punct
    }

    /// First byte (in the document's UTF-8).
    var start: Int
    /// One past the last byte.
    var end: Int
    /// FNV-1a hash of the lowercased bytes (’ folded to ').
    var hash: UInt64
    /// Shape.
    var shape: Shape
    /// The first byte of the lowercased token, for quick single-character checks.
    var first: UInt8
    /// Ends in a possessive 's ("Iran's", "Korea’s").
    var isPossessive = false

    /// Whether this is a word or number (not punctuation or a quote).
    var isWord: Bool { shape == .lower || shape == .capitalized || shape == .number }
    /// Whether this is any quotation mark.
    var isQuote: Bool { shape == .openQuote || shape == .closeQuote || shape == .straightQuote }
}
