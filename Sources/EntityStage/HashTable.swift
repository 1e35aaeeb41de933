/// An open-addressing table from already-hashed 64-bit keys (FNV word hashes) to 32-bit values:
/// a lookup is a multiply, a mask and a probe or two, several times faster than `Dictionary`
/// (which rehashes with SipHash). Read-only after building; key 0 is reserved for empty slots.
struct HashTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt32]
    private let mask: Int

    /// A table for `entries` (later keys replace earlier equal ones).
    init(_ entries: [(UInt64, UInt32)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [UInt32](repeating: 0, count: capacity)
        mask = capacity - 1
        for (k, v) in entries {
            let key = k == 0 ? 1 : k
            var i = Self.slot(key, mask)
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
            keys[i] = key
            values[i] = v
        }
    }

    @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The value for a key, or nil.
    @inline(__always) func get(_ k: UInt64) -> UInt32? {
        let key = k == 0 ? 1 : k
        var i = Self.slot(key, mask)
        while true {
            let x = keys[i]
            if x == key { return values[i] }
            if x == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}
