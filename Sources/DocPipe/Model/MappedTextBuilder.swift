/// Builds UTF-8 text out of pieces of a decoded source, remembering where every copied piece came
/// from, so the finished text has an `OffsetMap` back to the source.
///
/// Positions are byte offsets while building; `offsetMap(source:)` converts them to the scalar
/// offsets documents store. Copies must start and end on scalar boundaries (cut at ASCII bytes).
public struct MappedTextBuilder: Sendable {
    /// A run of bytes copied unchanged: output offset, source offset, length (all in bytes).
    public struct Run: Equatable, Sendable {
        public var out: Int
        public var src: Int
        public var len: Int
        /// Creates a run.
        public init(out: Int, src: Int, len: Int) { self.out = out; self.src = src; self.len = len }
    }

    /// The text so far.
    public private(set) var bytes: [UInt8] = []
    /// The copied runs so far, in output order.
    public private(set) var runs: [Run] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The last byte written, if any.
    public var last: UInt8? { bytes.last }

    /// Number of bytes written.
    public var count: Int { bytes.count }

    /// Copies `source[range]`.
    public mutating func copy(_ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let out = bytes.count
        bytes.append(contentsOf: source[range])
        addRun(out: out, src: range.lowerBound, len: range.count)
    }

    /// Copies one byte found at `offset` of the source.
    public mutating func copy(byte: UInt8, from offset: Int) {
        let out = bytes.count
        bytes.append(byte)
        addRun(out: out, src: offset, len: 1)
    }

    /// Appends text that is not in the source (a paragraph break, a decoded entity).
    public mutating func insert(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends bytes that are not in the source.
    public mutating func insert(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    /// Appends one byte that is not in the source.
    public mutating func insert(byte: UInt8) { bytes.append(byte) }

    /// Cuts the text back to `count` bytes (dropping trailing spaces, say), runs included.
    public mutating func truncate(to newCount: Int) {
        guard newCount < bytes.count else { return }
        bytes.removeSubrange(newCount...)
        while let r = runs.last, r.out + r.len > newCount {
            if r.out >= newCount { runs.removeLast() } else { runs[runs.count - 1].len = newCount - r.out }
        }
    }

    /// Ensures the text ends with a paragraph break (two newlines) unless it is empty.
    public mutating func paragraphBreak() {
        trimTrailingSpaces()
        guard !bytes.isEmpty else { return }
        if bytes.last != 0x0A { insert(byte: 0x0A) }
        if bytes.count < 2 || bytes[bytes.count - 2] != 0x0A { insert(byte: 0x0A) }
    }

    /// Ensures the text ends with a line break unless it is empty or already at a break.
    public mutating func lineBreak() {
        trimTrailingSpaces()
        guard !bytes.isEmpty, bytes.last != 0x0A else { return }
        insert(byte: 0x0A)
    }

    /// Drops spaces and tabs at the end.
    public mutating func trimTrailingSpaces() {
        var n = bytes.count
        while n > 0, bytes[n - 1] == 0x20 || bytes[n - 1] == 0x09 { n -= 1 }
        truncate(to: n)
    }

    /// Drops trailing whitespace including newlines.
    public mutating func trimTrailingWhitespace() {
        var n = bytes.count
        while n > 0, bytes[n - 1] == 0x20 || bytes[n - 1] == 0x09 || bytes[n - 1] == 0x0A { n -= 1 }
        truncate(to: n)
    }

    private mutating func addRun(out: Int, src: Int, len: Int) {
        if let r = runs.last, r.out + r.len == out, r.src + r.len == src {
            runs[runs.count - 1].len += len
        } else {
            runs.append(Run(out: out, src: src, len: len))
        }
    }

    /// The finished text.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The map from the built text to the source, in scalar offsets.
    public func offsetMap(source: TextIndex, output: TextIndex? = nil) -> OffsetMap {
        let outIndex = output ?? TextIndex(utf8: bytes)
        var map = OffsetMap()
        for r in runs {
            let t = outIndex.scalarOffset(ofByte: r.out)
            let tEnd = outIndex.scalarOffset(ofByte: r.out + r.len)
            map.append(text: t, source: source.scalarOffset(ofByte: r.src), length: tEnd - t)
        }
        return map
    }
}

extension MappedTextBuilder {
    /// Where an offset of the source (bytes) lands in the built text: inside a copied run, its
    /// copy; in a stretch that was removed or replaced, the start of the next copied text — or,
    /// with `startOfReplacement`, the end of the previous one, so a span starting in replaced text
    /// (an NFC-composed word) keeps the replacement.
    public func outputOffset(ofSource src: Int, startOfReplacement: Bool = false) -> Int {
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].src + runs[mid].len <= src { lo = mid + 1 } else { hi = mid }
        }
        if lo < runs.count, src >= runs[lo].src { return runs[lo].out + (src - runs[lo].src) }
        if startOfReplacement { return lo > 0 ? runs[lo - 1].out + runs[lo - 1].len : 0 }
        return lo < runs.count ? runs[lo].out : bytes.count
    }
}
