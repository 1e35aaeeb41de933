/// A brat standoff `.ann` file read back: text-bound annotations, attributes and notes.
///
/// Reads the lines docpipe writes (`T`, `A`/`M`, `#`) and skips other brat lines (relations
/// `R`, events `E`, equivalences `*`, normalizations `N`), so files edited in brat still load.
public struct BratAnnotations: Sendable, Equatable {
    /// A `T` line: `T1<TAB>PERSON 0 5;6 9<TAB>text`.
    public struct TextBound: Sendable, Equatable {
        /// "T1".
        public var id: String
        /// The type (entity label, or "Claim").
        public var type: String
        /// Scalar offset ranges, `end` exclusive.
        public var fragments: [Range<Int>]
        /// The covered text as written in the file (fragments joined by a space).
        public var text: String
        /// From the first fragment's start to the last one's end.
        public var start: Int { fragments.first?.lowerBound ?? 0 }
        /// See `start`.
        public var end: Int { fragments.last?.upperBound ?? 0 }
    }

    /// An `A` (or `M`) line: `A1<TAB>Kind T3 statistical`, or a binary one without a value.
    public struct Attribute: Sendable, Equatable {
        /// "A1".
        public var id: String
        /// The attribute name.
        public var name: String
        /// The annotation it is on.
        public var target: String
        /// The value; nil for binary attributes.
        public var value: String?
    }

    /// A `#` line: `#1<TAB>AnnotatorNotes T3<TAB>note`.
    public struct Note: Sendable, Equatable {
        /// "#1".
        public var id: String
        /// The annotation it is on.
        public var target: String
        /// The note.
        public var text: String
    }

    /// Text-bound annotations in file order.
    public var textBounds: [TextBound] = []
    /// Attributes in file order.
    public var attributes: [Attribute] = []
    /// Notes in file order.
    public var notes: [Note] = []

    /// A line that is not brat standoff.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        /// What is wrong.
        public var message: String
        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses an `.ann` file.
    public init(parsing text: String) throws(SyntaxError) {
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let id = fields[0]
            switch id.first {
            case "T":
                guard fields.count == 3 else { throw SyntaxError(line: n + 1, message: "a T line has three tab-separated fields") }
                let head = fields[1].split(separator: " ", maxSplits: 1).map(String.init)
                guard head.count == 2 else { throw SyntaxError(line: n + 1, message: "expected 'TYPE START END' in \(id)") }
                var fragments: [Range<Int>] = []
                for part in head[1].split(separator: ";") {
                    let nums = part.split(separator: " ").compactMap { Int($0) }
                    guard nums.count == 2, nums[0] <= nums[1] else {
                        throw SyntaxError(line: n + 1, message: "bad offsets '\(part)' in \(id)")
                    }
                    fragments.append(nums[0]..<nums[1])
                }
                textBounds.append(TextBound(id: id, type: head[0], fragments: fragments, text: fields[2]))
            case "A", "M":
                guard fields.count >= 2 else { throw SyntaxError(line: n + 1, message: "an attribute line has two fields") }
                let parts = fields[1].split(separator: " ").map(String.init)
                guard parts.count == 2 || parts.count == 3 else {
                    throw SyntaxError(line: n + 1, message: "expected 'NAME TARGET [VALUE]' in \(id)")
                }
                attributes.append(Attribute(id: id, name: parts[0], target: parts[1], value: parts.count == 3 ? parts[2] : nil))
            case "#":
                guard fields.count == 3 else { throw SyntaxError(line: n + 1, message: "a note line has three tab-separated fields") }
                let parts = fields[1].split(separator: " ").map(String.init)
                guard parts.count == 2 else { throw SyntaxError(line: n + 1, message: "expected 'AnnotatorNotes TARGET' in \(id)") }
                notes.append(Note(id: id, target: parts[1], text: fields[2]))
            case "R", "E", "*", "N":
                continue
            default:
                throw SyntaxError(line: n + 1, message: "unknown annotation id '\(id)'")
            }
        }
    }

    /// Attributes on annotation `id`.
    public func attributes(of id: String) -> [Attribute] { attributes.filter { $0.target == id } }

    /// The note on annotation `id`, if any.
    public func note(of id: String) -> String? { notes.first { $0.target == id }?.text }
}
