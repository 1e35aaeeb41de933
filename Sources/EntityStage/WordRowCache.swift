/// Per-word sums of the tagger's "own" feature rows: the `FeatureExtractor.ownCount` features
/// that depend only on a token's bytes (word, shape, prefixes, suffixes, lexicon clusters,
/// person-name code, bias), and of its `FeatureExtractor.wordCount` word × sentence rows as they
/// are in a common sentence (not all caps, no numbers, not the first token). A word seen before
/// costs two cache lines instead of 19 (or 25) random rows of the weight table.
///
/// Direct-mapped (a new word replaces the old one in its slot), keyed by the token's bytes (up to
/// 16, compared exactly) and kind. The sums are integer sums of the same rows, so scores are
/// exactly those of adding the rows one by one. Belongs to one tagger (its weights).
final class WordRowCache {
    /// One cached word: 96 bytes.
    struct Entry {
        /// Own rows.
        var rows = SIMD8<Int32>(repeating: 0)
        /// Word × sentence rows in a common sentence (valid when `hasCommon`).
        var common = SIMD8<Int32>(repeating: 0)
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// Token length in bytes; 0 marks an empty slot.
        var length: UInt8 = 0
        var kind: UInt8 = 0
        var hasCommon = false
    }

    /// Longest token that is cached.
    static let maxLength = 16

    private let entries: UnsafeMutablePointer<Entry>
    private let count: Int
    private let shift: UInt64
    /// The tagger whose weights the sums are of (held, so its identity cannot be reused).
    private var owner: AnyObject?

    /// An empty cache of `1 << bits` entries.
    init(bits: Int = 13) {
        count = 1 << bits
        // Ordinary memory: 768 KB is 192 pages (well within the TLB), and a huge page would be a
        // 2 MB page zeroed by the kernel for every worker at start-up.
        entries = .allocate(capacity: count)
        entries.initialize(repeating: Entry(), count: count)
        shift = UInt64(64 - bits)
    }

    deinit { entries.deallocate() }

    /// Empties the cache unless it already holds sums of `tagger`'s weights.
    @inline(__always)
    func bind(to tagger: AnyObject) {
        guard owner !== tagger else { return }
        entries.update(repeating: Entry(), count: count)
        owner = tagger
    }

    /// A token's bytes packed into two words (zero-padded); the token is at most `maxLength` bytes.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> (low: UInt64, high: UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        var k = 0
        while k < t.length {
            let b = UInt64(bytes[t.start + k])
            if k < 8 { low |= b << UInt64(8 * k) } else { high |= b << UInt64(8 * (k - 8)) }
            k += 1
        }
        return (low, high)
    }

    /// The slot of a word from its exact hash.
    @inline(__always) func slot(_ exactHash: UInt64) -> Int { Int(truncatingIfNeeded: (exactHash &* 0x9E37_79B9_7F4A_7C15) &>> shift) }

    /// The cached sums for a token, if its slot holds it: its own rows, and its word × sentence
    /// rows in a common sentence when known.
    @inline(__always)
    func find(_ slot: Int, _ key: (low: UInt64, high: UInt64), _ t: Token) -> (rows: SIMD8<Int32>, common: SIMD8<Int32>?)? {
        let e = entries + slot
        guard e.pointee.low == key.low, e.pointee.high == key.high, Int(e.pointee.length) == t.length,
              e.pointee.kind == t.kind.rawValue else { return nil }
        return (e.pointee.rows, e.pointee.hasCommon ? e.pointee.common : nil)
    }

    /// Stores a token's own sums in its slot (its word × sentence sums unknown).
    @inline(__always)
    func store(_ slot: Int, _ key: (low: UInt64, high: UInt64), _ t: Token, rows: SIMD8<Int32>) {
        entries[slot] = Entry(rows: rows, low: key.low, high: key.high, length: UInt8(t.length), kind: t.kind.rawValue)
    }

    /// Adds a token's word × sentence sums in a common sentence, if its slot still holds it.
    @inline(__always)
    func storeCommon(_ slot: Int, _ key: (low: UInt64, high: UInt64), _ t: Token, common: SIMD8<Int32>) {
        let e = entries + slot
        guard e.pointee.low == key.low, e.pointee.high == key.high, Int(e.pointee.length) == t.length,
              e.pointee.kind == t.kind.rawValue else { return }
        e.pointee.common = common
        e.pointee.hasCommon = true
    }
}
