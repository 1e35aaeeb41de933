/// The UTF-8 byte offset of every scalar offset of one text, so slicing spans costs no search.
///
/// ASCII text (the common case) needs no table: byte and scalar offsets are equal. Otherwise
/// one `Int32` per scalar is kept for the document being exported. Both passes go eight bytes
/// at a time where they can.
struct ScalarBytes {
    /// Byte offset of scalar `i` at `[i]`, and the byte count at `[scalarCount]`; empty for ASCII.
    private let table: [Int32]
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
        guard count != n else { table = []; return }
        table = utf8.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress!
            return [Int32](unsafeUninitializedCapacity: count + 1) { t, filled in
                var k = 0
                var i = 0
                while i < n {
                    if i + 8 <= n, ByteWords.load(base + i) & highs == 0 {
                        for j in 0..<8 { t[k + j] = Int32(i + j) }
                        k += 8
                        i += 8
                        continue
                    }
                    if base[i] & 0xC0 != 0x80 {
                        t[k] = Int32(i)
                        k += 1
                    }
                    i += 1
                }
                t[k] = Int32(n)
                filled = k + 1
            }
        }
    }

    /// The byte offset of scalar offset `s`, clamped to the text.
    @inline(__always) func byte(_ s: Int) -> Int {
        let c = min(max(s, 0), scalarCount)
        return table.isEmpty ? c : Int(table[c])
    }

    /// The bytes of scalars `start..<end` (clamped; empty when the range is).
    @inline(__always) func range(_ start: Int, _ end: Int) -> Range<Int> {
        let a = byte(start), b = byte(end)
        return a < b ? a..<b : a..<a
    }
}
