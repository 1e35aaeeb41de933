/// Reads plain text: the decoded source is the text.
enum PlainTextReader {
    static func read(_ src: [UInt8]) -> ReaderOutput {
        var b = MappedTextBuilder(capacity: src.count)
        b.copy(src, 0..<src.count)
        return ReaderOutput(builder: b)
    }
}
