import Foundation

/// One sentence of a CoNLL/BIO file: tokens and their tags (last column).
public struct ConllSentence: Sendable, Equatable {
    /// Tokens (first column).
    public var tokens: [String]
    /// Tags (last column): "O", "B-PER", "I-LOC", …
    public var tags: [String]
    /// Whether a -DOCSTART- line came right before this sentence.
    public var startsDocument: Bool

    /// Creates a sentence.
    public init(tokens: [String], tags: [String], startsDocument: Bool = false) {
        self.tokens = tokens
        self.tags = tags
        self.startsDocument = startsDocument
    }
}

/// Reads CoNLL-2003-style files: one token per line, whitespace-separated columns, token first,
/// tag last; blank lines and -DOCSTART- lines end sentences. IOB1, IOB2 and IOBES tags are kept
/// as written (the scorer reads them the way conlleval does).
public enum ConllReader {
    /// Parses file contents.
    public static func parse(_ text: String) throws -> [ConllSentence] {
        var out: [ConllSentence] = []
        var tokens: [String] = [], tags: [String] = []
        var docStart = false
        func flush() {
            if !tokens.isEmpty { out.append(ConllSentence(tokens: tokens, tags: tags, startsDocument: docStart)); docStart = false }
            tokens.removeAll(keepingCapacity: true)
            tags.removeAll(keepingCapacity: true)
        }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if parts.isEmpty { flush(); continue }
            if parts[0] == "-DOCSTART-" { flush(); docStart = true; continue }
            guard parts.count >= 2 else { throw ConllError("line \(lineNumber): need at least 'token tag', got '\(line)'") }
            let tag = String(parts[parts.count - 1])
            if tag != "O" {
                let p = tag.split(separator: "-", maxSplits: 1)
                guard p.count == 2, ["B", "I", "E", "S"].contains(p[0]) else { throw ConllError("line \(lineNumber): bad tag '\(tag)'") }
            }
            tokens.append(String(parts[0]))
            tags.append(tag)
        }
        flush()
        return out
    }

    /// Reads a file.
    public static func read(_ url: URL) throws -> [ConllSentence] {
        try parse(String(contentsOf: url, encoding: .utf8))
    }
}

/// A CoNLL file that cannot be read.
public struct ConllError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, with the line number.
    public var description: String
    init(_ d: String) { description = d }
}
