import DocPipe

/// What a format reader makes of a decoded source: text mapped back to it, metadata, and hints.
struct ReaderOutput {
    /// The text, with its map back to the decoded source.
    var builder: MappedTextBuilder
    /// Metadata found in the file (title, authors, date…).
    var metadata: [String: JSONValue] = [:]
    /// Byte ranges of the text that are headings (Markdown `#`, HTML `<h1>`…).
    var headings: [Range<Int>] = []
    /// Byte ranges of pages (PDF), numbered from 1 in order.
    var pages: [Range<Int>] = []
    /// Problems that did not stop reading.
    var warnings: [(code: String, message: String)] = []

    init(builder: MappedTextBuilder = MappedTextBuilder()) { self.builder = builder }

    /// Marks the text written since `start` as a heading, without the trailing whitespace a
    /// later trim may remove (so the heading never ends past the text).
    mutating func markHeading(from start: Int) {
        var end = builder.count
        while end > start, builder.bytes[end - 1] == 0x20 || builder.bytes[end - 1] == 0x0A || builder.bytes[end - 1] == 0x09 { end -= 1 }
        if end > start { headings.append(start..<end) }
    }

    /// Sets a metadata string unless it is already set or empty.
    mutating func setIfAbsent(_ key: String, _ value: String) {
        let v = Whitespace.collapse(value)
        guard !v.isEmpty, metadata[key] == nil else { return }
        metadata[key] = .string(v)
    }
}
