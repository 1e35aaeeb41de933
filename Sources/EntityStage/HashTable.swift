#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocPipe

/// An open-addressing table from already-hashed 64-bit keys (FNV word hashes) to 32-bit values:
/// a lookup is a multiply, a mask and a probe or two, several times faster than `Dictionary`
/// (which rehashes with SipHash). Keys and values share 16-byte slots, so a lookup touches one
/// cache line. Read-only after building; key 0 is reserved for empty slots.
struct HashTable: Sendable {
    struct Slot: Sendable {
        var key: UInt64 = 0
        var value: UInt32 = 0
    }

    private let storage: SlotStorage<Slot>
    private let mask: Int

    /// A table for `entries` (later keys replace earlier equal ones).
    init(_ entries: [(UInt64, UInt32)]) {
        // At most 60 % full: linear probes stay short and mostly within one cache line.
        var capacity = 16
        while capacity * 3 < entries.count * 5 { capacity <<= 1 }
        let storage = SlotStorage(count: capacity, empty: Slot())
        let mask = capacity - 1
        let s = storage.slots
        for (k, v) in entries {
            let key = k == 0 ? 1 : k
            var i = Self.slot(key, mask)
            while s[i].key != 0 && s[i].key != key { i = (i + 1) & mask }
            s[i] = Slot(key: key, value: v)
        }
        self.storage = storage
        self.mask = mask
    }

    @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The value for a key, or nil.
    @inline(__always) func get(_ k: UInt64) -> UInt32? {
        let key = k == 0 ? 1 : k
        let s = storage.slots
        var i = Self.slot(key, mask)
        while true {
            let x = s[i].key
            if x == key { return s[i].value }
            if x == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}
