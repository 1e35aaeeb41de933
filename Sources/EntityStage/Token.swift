/// One token of a sentence: a byte range of the document's UTF-8 text and its character class.
struct Token: Sendable, Equatable {
    /// First byte.
    var start: Int
    /// One past the last byte.
    var end: Int
    /// What the token looks like.
    var kind: Kind
    /// What the tokenizer saw in the token's bytes; empty for tokens made elsewhere (whose bytes
    /// are then scanned where it matters).
    var flags: Flags = []

    /// Facts about a token's bytes, recorded while tokenizing so later passes need not rescan.
    struct Flags: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        /// The other flags are known.
        static let scanned = Flags(rawValue: 1 << 0)
        /// A hyphen (0x2D) is among the bytes.
        static let hyphen = Flags(rawValue: 1 << 1)
        /// An uppercase ASCII letter or a byte ≥ 0x80 is among the bytes.
        static let upperOrNonASCII = Flags(rawValue: 1 << 2)
    }

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
