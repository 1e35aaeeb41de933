/// The UTF-8 byte offset of every scalar offset of one text, so slicing spans costs no search.
///
/// ASCII text (the common case) needs no table: byte and scalar offsets are equal. Otherwise
/// scalars are taken in blocks of 64: each block's first byte offset is kept, and only blocks
/// holding a non-ASCII scalar keep the offsets of their scalars (one byte each, from the block's
/// start: 64 scalars span at most 256 bytes). Mostly-ASCII text so needs little memory, which
/// stays in cache for the lookups every format makes. The passes go eight bytes at a time where
/// they can.
struct ScalarBytes {
    /// Byte offset of scalar `64 * b` at `[b]`, and the byte count last; empty for ASCII.
    private let blockStart: [Int32]
    /// Per block, where its scalars' offsets start in `detail`, or -1 for a block of ASCII only.
    private let detailStart: [Int32]
    /// Offsets of the scalars of non-ASCII blocks from their block's start, 64 per block.
    private let detail: [UInt8]
    /// Number of scalars.
    let scalarCount: Int

    init(_ utf8: [UInt8]) {
        let n = utf8.count
        let highs: UInt64 = 0x8080_8080_8080_8080
        let count = utf8.withUnsafeBufferPointer { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            var continuation = 0
            var i = 0
            while i + 8 <= n {
                let x = ByteWords.load(base + i)
                continuation += (x & ~(x << 1) & highs).nonzeroBitCount  // bytes 10xxxxxx
                i += 8
            }
            while i < n {
                if base[i] & 0xC0 == 0x80 { continuation += 1 }
                i += 1
            }
            return n - continuation
        }
        scalarCount = count
        guard count != n else { (blockStart, detailStart, detail) = ([], [], []); return }
        let blocks = (count + 63) / 64
        var starts = [Int32](repeating: 0, count: blocks + 1)
        var details = [Int32](repeating: -1, count: blocks)
        var used = 0
        // Room for every block's offsets; only the non-ASCII blocks' are kept.
        let offsets = [UInt8](unsafeUninitializedCapacity: blocks * 64) { table, initialized in
            utf8.withUnsafeBufferPointer { bytes in
                let base = bytes.baseAddress!
                let out = table.baseAddress!
                var i = 0  // byte offset of scalar `64 * b`
                for b in 0..<blocks {
                    starts[b] = Int32(i)
                    let scalars = min(64, count - 64 * b)
                    // An ASCII block: its bytes are its scalars.
                    var ascii = i + scalars <= n
                    var k = 0
                    while ascii && k + 8 <= scalars {
                        if ByteWords.load(base + i + k) & highs != 0 { ascii = false }
                        k += 8
                    }
                    while ascii && k < scalars {
                        if base[i + k] >= 0x80 { ascii = false }
                        k += 1
                    }
                    if ascii { i += scalars; continue }
                    details[b] = Int32(used)
                    let row = out + used
                    let blockByte = i
                    var s = 0
                    while s < scalars {
                        // Eight ASCII bytes are eight scalars at consecutive offsets, written at once.
                        if s + 8 <= scalars && i + 8 <= n && ByteWords.load(base + i) & highs == 0 {
                            let first = UInt64(i - blockByte) &* 0x0101_0101_0101_0101
                            UnsafeMutableRawPointer(row + s).storeBytes(of: first &+ 0x0706_0504_0302_0100, as: UInt64.self)
                            i += 8
                            s += 8
                            continue
                        }
                        row[s] = UInt8(truncatingIfNeeded: i - blockByte)
                        i += 1
                        while i < n, base[i] & 0xC0 == 0x80 { i += 1 }
                        s += 1
                    }
                    (row + scalars).initialize(repeating: 0, count: 64 - scalars)
                    used += 64
                }
                starts[blocks] = Int32(n)
            }
            initialized = used
        }
        (blockStart, detailStart, detail) = (starts, details, offsets)
    }

    /// The byte offset of scalar offset `s`, clamped to the text.
    @inline(__always) func byte(_ s: Int) -> Int {
        let c = min(max(s, 0), scalarCount)
        guard !blockStart.isEmpty else { return c }
        if c == scalarCount { return Int(blockStart[blockStart.count - 1]) }  // the byte count
        let b = c >> 6
        let start = Int(blockStart[b]), d = Int(detailStart[b])
        return d < 0 ? start + (c & 63) : start + Int(detail[d + (c & 63)])
    }

    /// The bytes of scalars `start..<end` (clamped; empty when the range is).
    @inline(__always) func range(_ start: Int, _ end: Int) -> Range<Int> {
        let a = byte(start), b = byte(end)
        return a < b ? a..<b : a..<a
    }
}
