/// Attribute keys that the value writer meets again and again, each with its quoted form (with
/// the colon) and its first eight bytes: writing one is a copy, with no escape test, and ordering
/// two of them never compares strings.
struct KnownKey {
    /// `"key":`.
    let quoted: StaticString
    /// The key's first eight UTF-8 bytes, big-endian, zero-padded (as `ValueWriter.prefix`).
    let prefix: UInt64
    /// The key's position among the known keys in code-point order (0..<`count`): objects whose
    /// keys are all known are ordered by rank, with no comparisons.
    let rank: Int

    /// A key's quoted form and prefix (spelled out; `ByteWritingTests` checks them against
    /// `ValueWriter.prefix`).
    init(_ quoted: StaticString, _ prefix: UInt64, rank: Int) {
        self.quoted = quoted
        self.prefix = prefix
        self.rank = rank
    }

    /// Number of known keys.
    @inline(__always) static var count: Int { 19 }

    /// Every known key (for the tests).
    static let names = ["end", "cue", "text", "iso3", "kind", "start", "label", "kinds", "value", "hedges", "entity", "isClaim", "entities", "canonical", "confidence", "quotations", "checkworthy", "attribution", "checkworthiness"]

    /// The known key `key` is, or nil.
    static func of(_ key: String) -> KnownKey? { lookup(key).known }

    /// `key`'s prefix (`ValueWriter.prefix`) and, when it is a known key, that key: found from its
    /// length and prefix, the bytes after the first eight compared, with its bytes read once.
    @inline(__always) static func lookup(_ key: String) -> (prefix: UInt64, known: KnownKey?) {
        key.withUTF8Bytes { p -> (prefix: UInt64, known: KnownKey?) in
            let n = p.count
            guard let base = p.baseAddress else { return (0, nil) }
            var x: UInt64 = 0
            if n >= 8 {
                x = UInt64(bigEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            } else {
                for i in 0..<n { x |= UInt64(base[i]) << (56 - 8 * UInt64(i)) }
            }
            let known: KnownKey?
            switch (n, x) {
            case (3, 0x656E_6400_0000_0000): known = KnownKey(#""end":"#, 0x656E_6400_0000_0000, rank: 6)
            case (3, 0x6375_6500_0000_0000): known = KnownKey(#""cue":"#, 0x6375_6500_0000_0000, rank: 5)
            case (4, 0x7465_7874_0000_0000): known = KnownKey(#""text":"#, 0x7465_7874_0000_0000, rank: 17)
            case (4, 0x6973_6F33_0000_0000): known = KnownKey(#""iso3":"#, 0x6973_6F33_0000_0000, rank: 11)
            case (4, 0x6B69_6E64_0000_0000): known = KnownKey(#""kind":"#, 0x6B69_6E64_0000_0000, rank: 12)
            case (5, 0x7374_6172_7400_0000): known = KnownKey(#""start":"#, 0x7374_6172_7400_0000, rank: 16)
            case (5, 0x6C61_6265_6C00_0000): known = KnownKey(#""label":"#, 0x6C61_6265_6C00_0000, rank: 14)
            case (5, 0x6B69_6E64_7300_0000): known = KnownKey(#""kinds":"#, 0x6B69_6E64_7300_0000, rank: 13)
            case (5, 0x7661_6C75_6500_0000): known = KnownKey(#""value":"#, 0x7661_6C75_6500_0000, rank: 18)
            case (6, 0x6865_6467_6573_0000): known = KnownKey(#""hedges":"#, 0x6865_6467_6573_0000, rank: 9)
            case (6, 0x656E_7469_7479_0000): known = KnownKey(#""entity":"#, 0x656E_7469_7479_0000, rank: 8)
            case (7, 0x6973_436C_6169_6D00): known = KnownKey(#""isClaim":"#, 0x6973_436C_6169_6D00, rank: 10)
            case (8, 0x656E_7469_7469_6573): known = KnownKey(#""entities":"#, 0x656E_7469_7469_6573, rank: 7)
            case (9, 0x6361_6E6F_6E69_6361): known = KnownKey(#""canonical":"#, 0x6361_6E6F_6E69_6361, rank: 1)
            case (10, 0x636F_6E66_6964_656E): known = KnownKey(#""confidence":"#, 0x636F_6E66_6964_656E, rank: 4)
            case (10, 0x7175_6F74_6174_696F): known = KnownKey(#""quotations":"#, 0x7175_6F74_6174_696F, rank: 15)
            case (11, 0x6368_6563_6B77_6F72): known = KnownKey(#""checkworthy":"#, 0x6368_6563_6B77_6F72, rank: 3)
            case (11, 0x6174_7472_6962_7574): known = KnownKey(#""attribution":"#, 0x6174_7472_6962_7574, rank: 0)
            case (15, 0x6368_6563_6B77_6F72): known = KnownKey(#""checkworthiness":"#, 0x6368_6563_6B77_6F72, rank: 2)
            default: known = nil
            }
            guard let known else { return (x, nil) }
            // Keys longer than eight bytes: the rest must match too.
            if n > 8 {
                let expected = known.quoted.utf8Start + 1
                for i in 8..<n where base[i] != expected[i] { return (x, nil) }
            }
            return (x, known)
        }
    }

    /// The bits (`1 << rank`) of the known keys `names`.
    static func bits(_ names: [String]) -> UInt32 { names.reduce(0) { $0 | 1 << UInt32(of($1)!.rank) } }

    /// Whether known key `a` comes before known key `b` in code-point order.
    @inline(__always) static func less(_ a: KnownKey, _ b: KnownKey) -> Bool { a.rank < b.rank }
}
