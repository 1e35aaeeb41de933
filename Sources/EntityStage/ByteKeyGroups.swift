import Foundation

/// Keys of the form "canonical TAB label" grouped on their bytes, in order of first occurrence:
/// one byte arena and an FNV-keyed open-addressing table (no `String` and no `Hasher` per key).
/// The entity tables count mentions per group.
struct ByteKeyGroups {
    /// Every group's key, one after another.
    private(set) var arena: [UInt8] = []
    /// Per group: where its key starts and ends in `arena`, and where its TAB is.
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var tabs: [Int] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    /// Start of the key being added.
    private var mark = 0
    /// Per group: whether its key is ASCII.
    private var asciiKeys: [Bool] = []
    /// Whether every key so far is ASCII.
    private(set) var allASCII = true
    /// Whether some key holds a character whose canonical decomposition is ASCII (U+037E, U+1FEF,
    /// U+212A): the only way a key that is not ASCII can equal an ASCII one as a `String`.
    private(set) var hasASCIIDecomposable = false

    /// An empty set of groups sized for about `expected` keys.
    init(expected: Int = 32) {
        var capacity = 64
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
    }

    /// Number of groups.
    var count: Int { starts.count }

    /// Adds a key made of `canonical`, a TAB and `label`; returns its group.
    mutating func add(canonical: String, label: String) -> Int {
        mark = arena.count
        arena.append(contentsOf: canonical.utf8)
        let tab = arena.count
        arena.append(0x09)
        arena.append(contentsOf: label.utf8)
        return commit(tab: tab)
    }

    /// Adds a key given as bytes (a TAB at `tab`, relative to `key`'s start); returns its group.
    mutating func add(_ key: UnsafeBufferPointer<UInt8>, tab: Int) -> Int {
        mark = arena.count
        arena.append(contentsOf: key)
        return commit(tab: mark + tab)
    }

    private mutating func commit(tab: Int) -> Int {
        let end = arena.count
        let length = end - mark
        var h = WordHash.offset
        var high: UInt8 = 0
        let start = mark
        arena.withUnsafeBufferPointer { a in
            for k in start..<end {
                h = (h ^ UInt64(a[k])) &* WordHash.prime
                high |= a[k]
            }
        }
        let mask = slots.count - 1
        var i = Self.slot(h, mask)
        while slots[i] >= 0 {
            let g = Int(slots[i])
            if hashes[g] == h && ends[g] - starts[g] == length && arena.withUnsafeBufferPointer({ a in
                memcmp(a.baseAddress! + starts[g], a.baseAddress! + start, length) == 0
            }) {
                arena.removeLast(length)
                return g
            }
            i = (i + 1) & mask
        }
        let g = starts.count
        slots[i] = Int32(g)
        starts.append(start)
        ends.append(end)
        tabs.append(tab)
        hashes.append(h)
        asciiKeys.append(high < 0x80)
        if high >= 0x80 {
            allASCII = false
            if !hasASCIIDecomposable { hasASCIIDecomposable = arena.withUnsafeBufferPointer { Self.holdsASCIIDecomposable($0[start..<end]) } }
        }
        if starts.count * 2 > slots.count { grow() }
        return g
    }

    /// Whether UTF-8 bytes hold U+037E (CD BE), U+1FEF (E1 BF AF) or U+212A (E2 84 AA).
    private static func holdsASCIIDecomposable(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var k = b.startIndex
        while k + 1 < b.endIndex {
            if b[k] == 0xCD && b[k + 1] == 0xBE { return true }
            if k + 2 < b.endIndex && (b[k] == 0xE1 && b[k + 1] == 0xBF && b[k + 2] == 0xAF || b[k] == 0xE2 && b[k + 1] == 0x84 && b[k + 2] == 0xAA) {
                return true
            }
            k += 1
        }
        return false
    }

    /// Whether group `g`'s key may equal another group's key as a `String` (canonical
    /// equivalence): never for an ASCII key unless some key holds a character that decomposes to
    /// ASCII, since ASCII strings are equal exactly when their bytes are.
    func mayEqualOtherKeys(_ g: Int) -> Bool { hasASCIIDecomposable || !asciiKeys[g] }

    @inline(__always) private static func slot(_ h: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for g in hashes.indices {
            var i = Self.slot(hashes[g], mask)
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(g)
        }
    }

    /// Bytes of group `g`'s canonical name.
    func canonicalRange(_ g: Int) -> Range<Int> { starts[g]..<tabs[g] }
    /// Bytes of group `g`'s label.
    func labelRange(_ g: Int) -> Range<Int> { (tabs[g] + 1)..<ends[g] }

    /// Group `g`'s canonical name.
    func canonical(_ g: Int) -> String {
        arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[canonicalRange(g)]), as: UTF8.self) }
    }

    /// Group `g`'s label.
    func label(_ g: Int) -> String {
        arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[labelRange(g)]), as: UTF8.self) }
    }

    /// Per group, the first group whose key is equal to its key as a `String` (the spelling a
    /// `Dictionary` keyed by the strings keeps); nil when every group is its own (all keys ASCII).
    func firstEqualKeys() -> [Int]? {
        guard !allASCII else { return nil }
        struct Key: Hashable { var canonical: String; var label: String }
        var first = Array(0..<count)
        var seen: [Key: Int] = [:]
        for g in 0..<count where mayEqualOtherKeys(g) {
            let key = Key(canonical: canonical(g), label: label(g))
            if let f = seen[key] { first[g] = f } else { seen[key] = g }
        }
        return first
    }

    /// The groups (or those of `only`) in table order: by `counts` (descending), then label and
    /// canonical name (byte order), the order of `EntityTable.sorted` on their rows.
    func ranked(by counts: [Int], only: [Int]? = nil) -> [Int] {
        let groups = only ?? Array(0..<count)
        guard groups.count > 1 else { return groups }
        return arena.withUnsafeBufferPointer { a in
            let base = a.baseAddress!
            func precedes(_ x: Range<Int>, _ y: Range<Int>) -> Bool? {
                let c = memcmp(base + x.lowerBound, base + y.lowerBound, min(x.count, y.count))
                if c != 0 { return c < 0 }
                return x.count == y.count ? nil : x.count < y.count
            }
            return groups.sorted { x, y in
                if counts[x] != counts[y] { return counts[x] > counts[y] }
                if let p = precedes(labelRange(x), labelRange(y)) { return p }
                return precedes(canonicalRange(x), canonicalRange(y)) ?? false
            }
        }
    }
}
