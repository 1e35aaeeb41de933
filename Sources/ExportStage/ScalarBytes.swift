/// The UTF-8 byte offset of every scalar offset of one text, so slicing spans costs no search.
///
/// ASCII text (the common case) needs no table: byte and scalar offsets are equal. Otherwise
/// one `Int32` per scalar is kept for the document being exported.
struct ScalarBytes {
    /// Byte offset of scalar `i` at `[i]`, and the byte count at `[scalarCount]`; empty for ASCII.
    private let table: [Int32]
    /// Number of scalars.
    let scalarCount: Int

    init(_ utf8: [UInt8]) {
        var count = 0
        for b in utf8 where b & 0xC0 != 0x80 { count += 1 }
        scalarCount = count
        guard count != utf8.count else { table = []; return }
        var t = [Int32]()
        t.reserveCapacity(count + 1)
        for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 { t.append(Int32(i)) }
        t.append(Int32(utf8.count))
        table = t
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
