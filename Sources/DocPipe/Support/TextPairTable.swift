#if canImport(Glibc)
import Glibc
#endif

/// Interns pairs of texts (say a label and a name) given as UTF-8 bytes, numbering distinct pairs
/// 0, 1, 2… in first-seen order, and treating two pairs as the same exactly when Swift's `String ==`
/// would (canonical equivalence) — with a few bytes per pair instead of two `String`s in a
/// `Dictionary`, so corpus-wide tables stay small.
///
/// A pair whose texts are canonically equivalent to ASCII text (all ASCII, or holding only the
/// three characters whose canonical decomposition is one ASCII character: U+037E, U+1FEF, U+212A)
/// is found by those ASCII bytes in an open-addressing table; no other pair can equal it. Any other
/// pair is found in a `Dictionary` keyed by its strings. Every pair keeps the bytes it was first
/// seen with (its spelling), which `first(_:)` and `second(_:)` give back.
public struct TextPairTable: Sendable {
    /// Where a pair's spelling lies in `arena`, and its hash (0 for pairs kept in `others`).
    private struct Entry: Sendable {
        var start: Int
        var firstLength: UInt32
        var secondLength: UInt32
        var hash: UInt64
    }
    private var entries: [Entry] = []
    /// The pairs' spellings, back to back.
    private var arena: [UInt8] = []
    /// Open addressing over the ASCII-equivalent pairs: entry number, or -1.
    private var slots = [Int32](repeating: -1, count: 1 << 10)
    private var inSlots = 0
    /// ASCII-equivalent pairs spelled with a non-ASCII character: their ASCII bytes (what the slots compare).
    private var asciiForms: [Int: [UInt8]] = [:]
    /// Pairs that are not ASCII-equivalent, by their strings.
    private var others: [Pair: Int] = [:]
    private struct Pair: Hashable, Sendable { var first: String; var second: String }

    /// An empty table.
    public init() {}

    /// Number of distinct pairs.
    public var count: Int { entries.count }

    /// The number of the pair (`first`, `second`), added as the next number when new.
    public mutating func intern(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> (entry: Int, isNew: Bool) {
        if Self.isASCII(first) && Self.isASCII(second) { return internASCII(first, second, spelling: nil) }
        let a = String(decoding: first, as: UTF8.self), b = String(decoding: second, as: UTF8.self)
        var key: [UInt8] = []
        if Self.asciiEquivalent(a, into: &key) {
            let split = key.count
            if Self.asciiEquivalent(b, into: &key) {
                return key.withUnsafeBufferPointer { k in
                    internASCII(UnsafeBufferPointer(rebasing: k[..<split]), UnsafeBufferPointer(rebasing: k[split...]), spelling: (first, second))
                }
            }
        }
        let pair = Pair(first: a, second: b)
        if let e = others[pair] { return (e, false) }
        others[pair] = entries.count
        append(first, second, hash: 0)
        return (entries.count - 1, true)
    }

    /// The number of the pair (`first`, `second`) given as strings.
    public mutating func intern(_ first: String, _ second: String) -> (entry: Int, isNew: Bool) {
        var a = first, b = second
        return a.withUTF8 { x in b.withUTF8 { y in intern(x, y) } }
    }

    /// The first text of pair `entry` as first seen, as bytes.
    public func withFirst<R>(_ entry: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let e = entries[entry]
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[e.start..<(e.start + Int(e.firstLength))])) }
    }

    /// The second text of pair `entry` as first seen, as bytes.
    public func withSecond<R>(_ entry: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let e = entries[entry]
        let from = e.start + Int(e.firstLength)
        return try arena.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[from..<(from + Int(e.secondLength))])) }
    }

    /// The first text of pair `entry` as first seen.
    public func first(_ entry: Int) -> String { withFirst(entry) { String(decoding: $0, as: UTF8.self) } }
    /// The second text of pair `entry` as first seen.
    public func second(_ entry: Int) -> String { withSecond(entry) { String(decoding: $0, as: UTF8.self) } }

    private mutating func internASCII(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>,
                                      spelling: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)?) -> (entry: Int, isNew: Bool) {
        let hash = Self.hash(first, second)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash >> 7) & mask
        while slots[i] >= 0 {
            let n = Int(slots[i])
            if entries[n].hash == hash && matches(n, first, second) { return (n, false) }
            i = (i + 1) & mask
        }
        slots[i] = Int32(entries.count)
        if let spelling {
            asciiForms[entries.count] = Array(first) + Array(second)
            append(spelling.0, spelling.1, hash: hash)
        } else {
            append(first, second, hash: hash)
        }
        inSlots += 1
        if inSlots * 2 > slots.count { grow() }
        return (entries.count - 1, true)
    }

    /// Whether slot entry `n`'s ASCII form is `first` then `second`.
    private func matches(_ n: Int, _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = entries[n]
        if !asciiForms.isEmpty, let form = asciiForms[n] {
            return form.count == first.count + second.count && form[..<first.count].elementsEqual(first) && form[first.count...].elementsEqual(second)
        }
        guard Int(e.firstLength) == first.count && Int(e.secondLength) == second.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            Self.equal(a, e.start, first) && Self.equal(a, e.start + first.count, second)
        }
    }

    private mutating func append(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        entries.append(Entry(start: arena.count, firstLength: UInt32(first.count), secondLength: UInt32(second.count), hash: hash))
        arena.append(contentsOf: first)
        arena.append(contentsOf: second)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, e) in entries.enumerated() where e.hash != 0 {
            var i = Int(truncatingIfNeeded: e.hash >> 7) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(n)
        }
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ at: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.isEmpty || memcmp(a.baseAddress! + at, b.baseAddress!, b.count) == 0
    }

    /// A hash of the pair that is never 0 (0 marks the `others` pairs): a multiply-xorshift mix of
    /// eight bytes at a time (hashes live only in memory; nothing stored depends on them).
    private static func hash(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = mix(0x9E37_79B9_7F4A_7C15, first)
        h = mix(h ^ UInt64(first.count) &* 0xFF51_AFD7_ED55_8CCD, second)
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h == 0 ? 1 : h
    }

    private static func mix(_ seed: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail ^ UInt64(bytes.count) << 56) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 31)
    }

    /// Whether every byte is below 0x80.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count { high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self); i += 8 }
        while i < bytes.count { high |= UInt64(base[i]); i += 1 }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Appends the ASCII text `s` is canonically equivalent to, if any; false otherwise.
    static func asciiEquivalent(_ s: String, into out: inout [UInt8]) -> Bool {
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
