import DocPipe
#if canImport(Glibc)
import Glibc
#endif

/// Finds an entity's position in `EntityTable` by its key, matching keys exactly as Swift's
/// `String ==` does (canonical equivalence) without building strings for keys already seen.
///
/// A key whose label and name are canonically equivalent to ASCII text (all ASCII, or holding
/// only the three characters whose canonical decomposition is one ASCII character: U+037E, U+1FEF,
/// U+212A) is looked up by those ASCII bytes in an open-addressing table over one byte arena.
/// Any other key cannot equal such a key, and is looked up in a `Dictionary` by its strings.
struct EntityKeyIndex {
    /// Open addressing: a key's hash, where its bytes lie in `arena`, and its entry (-1: empty).
    private var slots: [(hash: UInt64, start: Int32, labelLength: Int32, length: Int32, entry: Int32)] = []
    private var arena: [UInt8] = []
    private var used = 0
    private var others: [EntityTable.Key: Int] = [:]
    /// Scratch for a key's ASCII bytes.
    private var scratch: [UInt8] = []

    /// An empty index with room for about `capacity` keys before it grows.
    init(capacity: Int = 1 << 11) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: (0, 0, 0, 0, -1), count: n)
    }

    /// The entry for an ASCII key (`label` then `canonical` bytes), or nil; `insert` adds one.
    mutating func find(label: UnsafeBufferPointer<UInt8>, canonical: UnsafeBufferPointer<UInt8>) -> (found: Int?, slot: Int, hash: UInt64) {
        let h = Self.hash(canonical, Self.hash(label, 0xcbf2_9ce4_8422_2325))
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let s = slots[i]
            if s.entry < 0 { return (nil, i, h) }
            if s.hash == h && Int(s.labelLength) == label.count && Int(s.length) == label.count + canonical.count
                && arena.withUnsafeBufferPointer({ a in
                    Self.equal(a, Int(s.start), label) && Self.equal(a, Int(s.start) + label.count, canonical)
                }) {
                return (Int(s.entry), i, h)
            }
            i = (i + 1) & mask
        }
    }

    /// A hash of `bytes` continuing from `seed`, eight bytes at a time (kept in memory only, never stored).
    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ seed: UInt64) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = (seed ^ UInt64(bytes.count)) &* k
        guard let p = bytes.baseAddress else { return h }
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) &* k
            h ^= h >> 29
            i += 8
        }
        if i < bytes.count {
            var x: UInt64 = 0
            for j in i..<bytes.count { x |= UInt64(p[j]) << (8 * UInt64(j - i)) }
            h = (h ^ x) &* k
            h ^= h >> 29
        }
        return h
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ at: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count == 0 || memcmp(a.baseAddress! + at, b.baseAddress!, b.count) == 0
    }

    /// Adds an ASCII key at the slot `find` returned.
    mutating func insert(label: UnsafeBufferPointer<UInt8>, canonical: UnsafeBufferPointer<UInt8>, at slot: Int, hash: UInt64, entry: Int) {
        let start = arena.count
        arena.append(contentsOf: label)
        arena.append(contentsOf: canonical)
        slots[slot] = (hash, Int32(start), Int32(label.count), Int32(label.count + canonical.count), Int32(entry))
        used += 1
        if used * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, 0, 0, 0, -1), count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s.entry >= 0 {
            var i = Int(truncatingIfNeeded: s.hash ^ (s.hash >> 29)) & mask
            while slots[i].entry >= 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }

    /// The entry for a key given as strings (any text), adding it with `entry` when new:
    /// returns the existing entry, or nil when it was added.
    mutating func findOrInsert(_ key: EntityTable.Key, entry: Int) -> Int? {
        if Self.asciiEquivalent(key.label, into: &scratch) {
            let labelCount = scratch.count
            if Self.asciiEquivalent(key.canonical, into: &scratch, appending: true) {
                let bytes = scratch
                return bytes.withUnsafeBufferPointer { b in
                    let label = UnsafeBufferPointer(rebasing: b[0..<labelCount])
                    let canonical = UnsafeBufferPointer(rebasing: b[labelCount...])
                    let r = find(label: label, canonical: canonical)
                    if let found = r.found { return found }
                    insert(label: label, canonical: canonical, at: r.slot, hash: r.hash, entry: entry)
                    return nil
                }
            }
        }
        if let found = others[key] { return found }
        others[key] = entry
        return nil
    }

    /// The ASCII text `s` is canonically equivalent to, if any (appended to `out`).
    static func asciiEquivalent(_ s: String, into out: inout [UInt8], appending: Bool = false) -> Bool {
        if !appending { out.removeAll(keepingCapacity: true) }
        for u in s.unicodeScalars {
            switch u.value {
            case 0..<0x80: out.append(UInt8(u.value))
            case 0x037E: out.append(UInt8(ascii: ";"))
            case 0x1FEF: out.append(UInt8(ascii: "`"))
            case 0x212A: out.append(UInt8(ascii: "K"))
            default: return false
            }
        }
        return true
    }
}
