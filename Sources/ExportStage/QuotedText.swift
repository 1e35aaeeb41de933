/// The document text as one JSON string literal (written once for the per-document JSON and
/// documents.jsonl), with where every escape lies, so the literal of any span's text is a
/// slice of it: the JSONL records copy span text instead of escaping it again.
struct QuotedText {
    /// `"…"`: the whole text, escaped as `Bytes.jsonEscaped` escapes it.
    let bytes: [UInt8]
    /// Text byte offsets of the escaped bytes (a U+2028 or U+2029: its first byte), in order.
    private let escapes: [Int]
    /// Bytes the escapes up to and including `escapes[k]` add to the literal.
    private let added: [Int]
    /// Whether the escapes found account for every byte of `bytes` (else spans are escaped as before).
    private let exact: Bool

    /// Escapes `utf8` (valid UTF-8).
    init(_ utf8: [UInt8]) {
        let n = utf8.count
        bytes = ByteBuffer.collect(estimate: n + n / 16 + 2) { out in
            utf8.withUnsafeBufferPointer { Bytes.jsonString($0, 0..<$0.count, &out) }
        }
        guard bytes.count != n + 2 else { (escapes, added, exact) = ([], [], true); return }
        var escapes: [Int] = [], added: [Int] = []
        var total = 0
        utf8.withUnsafeBufferPointer { text in
            let base = text.baseAddress!
            var i = 0
            while i < n {
                if i + 8 <= n {  // the next byte that may need an escape, eight bytes at a time
                    let mask = ByteWords.jsonEscapeMask(ByteWords.load(base + i))
                    if mask == 0 { i += 8; continue }
                    i += ByteWords.first(mask)
                }
                let b = base[i]
                let extra: Int
                switch b {
                case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x08, 0x0C: extra = 1  // \" \\ \n \r \t \b \f
                case 0..<0x20: extra = 5  // \u00XX
                case 0xE2 where i + 2 < n && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9): extra = 3  // \u2028, \u2029
                default: extra = 0
                }
                if extra > 0 {
                    total += extra
                    escapes.append(i)
                    added.append(total)
                }
                i += extra == 3 ? 3 : 1
            }
        }
        (self.escapes, self.added, exact) = (escapes, added, bytes.count == n + 2 + total)
    }

    /// Bytes the escapes before text offset `offset` add.
    @inline(__always) private func addedBefore(_ offset: Int) -> Int {
        var lo = 0, hi = escapes.count  // the number of escapes before `offset`
        while lo < hi {
            let mid = (lo + hi) >> 1
            if escapes[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : added[lo - 1]
    }

    /// Appends the literal of `text[range]` (`range` on scalar boundaries of the text this was made from).
    @inline(__always) func append(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout ByteBuffer) {
        guard exact else { Bytes.jsonString(text, range, &out); return }
        let start = 1 + range.lowerBound + addedBefore(range.lowerBound), end = 1 + range.upperBound + addedBefore(range.upperBound)
        out.append(UInt8(ascii: "\""))
        bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        out.append(UInt8(ascii: "\""))
    }
}
