/// One token of a sentence: a byte range of the document's UTF-8 text and its character class.
struct Token: Sendable, Equatable {
    /// First byte.
    var start: Int
    /// One past the last byte.
    var end: Int
    /// What the token looks like.
    var kind: Kind

    /// The broad shape of a token, computed once by the tokenizer.
    enum Kind: UInt8, Sendable {
        /// Letters, first one uppercase ("Korea", "UNICEF", "McDonald").
        case capitalized
        /// Letters, first one lowercase or non-ASCII lowercase-like.
        case lower
        /// Starts with a digit ("2019", "8,000", "1990s", "3rd").
        case number
        /// Punctuation or a symbol ("$", "%", ",", "“").
        case punct
    }

    /// Number of bytes.
    var length: Int { end - start }
}
