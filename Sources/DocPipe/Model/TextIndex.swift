/// Converts between UTF-8 byte offsets and Unicode scalar offsets of one text, and slices it.
///
/// Stages scan `text.utf8` (fast) and export scalar offsets (what users' tools count). For ASCII
/// text both are equal; otherwise a sorted list of the multi-byte scalars makes each conversion
/// a binary search.
public struct TextIndex: Sendable {
    /// The text's bytes.
    public let utf8: [UInt8]
    /// Per multi-byte scalar, in text order: its byte offset and the extra bytes of the wide
    /// scalars up to and including it (the shift of offsets after it; the previous entry's shift
    /// is the one before it), so a conversion is one binary search with no look at the text.
    private let wide: [(byte: Int, shift: Int)]
    /// Number of scalars.
    public let scalarCount: Int

    /// Indexes a text.
    public init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    /// Indexes UTF-8 bytes (assumed valid).
    public init(utf8 bytes: [UInt8]) {
        utf8 = bytes
        var wide: [(byte: Int, shift: Int)] = []
        var extra = 0
        var i = 0
        let n = bytes.count
        bytes.withUnsafeBytes { raw in
            while i < n {
                // ASCII runs eight bytes at a time.
                while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < n else { break }
                let b = raw[i]
                if b < 0x80 { i += 1; continue }
                let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                wide.append((i, extra + len - 1))
                extra += len - 1
                i += len
            }
        }
        self.wide = wide
        scalarCount = n - extra
    }

    /// The scalar offset of a byte offset (which must be on a scalar boundary).
    public func scalarOffset(ofByte b: Int) -> Int {
        // The last wide scalar starting before b gives the shift.
        var lo = 0, hi = wide.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if wide[mid].byte < b { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? b - wide[lo - 1].shift : b
    }

    /// The byte offset of a scalar offset.
    public func byteOffset(ofScalar s: Int) -> Int {
        // The last wide scalar before scalar s gives the shift (a scalar's own offset is its byte
        // offset less the shift of the wide scalars before it).
        var lo = 0, hi = wide.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let scalar = wide[mid].byte - (mid > 0 ? wide[mid - 1].shift : 0)
            if scalar < s { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? s + wide[lo - 1].shift : s
    }

    /// The text between two scalar offsets.
    public func substring(_ start: Int, _ end: Int) -> String {
        let a = byteOffset(ofScalar: max(0, start)), b = byteOffset(ofScalar: min(end, scalarCount))
        guard a < b else { return "" }
        return String(decoding: utf8[a..<b], as: UTF8.self)
    }

    /// The text between two byte offsets.
    public func substring(bytes range: Range<Int>) -> String { String(decoding: utf8[range], as: UTF8.self) }
}
