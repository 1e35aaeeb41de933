import DocPipe

/// Marks quoted passages (“…”, "…", «…») as spans of layer "quotes", with the passage's word
/// count; quotes shorter than `minWords` are skipped. Scans UTF-8 bytes and converts offsets
/// to Unicode scalar offsets with `TextIndex`.
public struct Quotes: DocumentStage {
    /// Options from the "options" object of the stage's entry in pipeline.json.
    public struct Options: StageOptions {
        /// The fewest words a quotation must have to be marked.
        public var minWords: Int
        /// The defaults.
        public init() { minWords = 3 }
        /// `minWords` must be at least 1.
        public func validate() -> [String] { minWords < 1 ? ["minWords must be at least 1"] : [] }
    }

    /// The id pipeline.json names.
    public static let id = "quotes"
    /// Bump when the output for the same input changes.
    public static let version = 1
    /// One line for `docpipe stages`.
    public static let summary = "marks quoted passages (layer \"quotes\", attribute words)"
    /// Works on normalized text (straight and curly quotes are both recognised anyway).
    public static let requires = [Capability.text]
    /// The layer it adds.
    public static let produces = ["quotes"]

    let options: Options

    /// Creates a configured instance.
    public init(options: Options) { self.options = options }

    /// Adds the "quotes" layer.
    public func process(_ document: Document, context: StageContext) async throws -> Document {
        let index = TextIndex(document.text)
        let bytes = index.utf8
        var spans: [Span] = []
        var open: (byte: Int, closer: [UInt8])?
        var i = 0
        while i < bytes.count {
            if let o = open, Self.hasPrefix(bytes, at: i, o.closer) {
                let inner = o.byte..<i
                let words = Self.wordCount(bytes[inner])
                if words >= options.minWords {
                    spans.append(Span(start: index.scalarOffset(ofByte: inner.lowerBound), end: index.scalarOffset(ofByte: inner.upperBound),
                                      type: "quote", attributes: ["words": .int(words)]))
                }
                open = nil
                i += o.closer.count
                continue
            }
            if open == nil, let (opener, closer) = Self.pairs.first(where: { Self.hasPrefix(bytes, at: i, $0.0) }) {
                open = (i + opener.count, closer)
                i += opener.count
                continue
            }
            if bytes[i] == 0x0A, i + 1 < bytes.count, bytes[i + 1] == 0x0A { open = nil }  // quotes do not cross paragraphs
            i += 1
        }
        var result = document
        result.setLayer("quotes", spans)
        return result
    }

    /// Opening and closing quote marks, as UTF-8.
    static let pairs: [([UInt8], [UInt8])] = [
        (Array("\u{201C}".utf8), Array("\u{201D}".utf8)),
        (Array("\"".utf8), Array("\"".utf8)),
        (Array("\u{00AB}".utf8), Array("\u{00BB}".utf8)),
    ]

    static func hasPrefix(_ bytes: [UInt8], at i: Int, _ prefix: [UInt8]) -> Bool {
        i + prefix.count <= bytes.count && bytes[i..<(i + prefix.count)].elementsEqual(prefix)
    }

    static func wordCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for b in bytes {
            let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
