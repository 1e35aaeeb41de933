/// Per-word sums of the feature rows a word contributes as the neighbour of a scored token: as
/// its left neighbour (`f(3, word)`, `f(8, shape)`, `f(27, cluster)`) and as its right one
/// (`f(4, …)`, `f(9, …)`, `f(28, …)`). Neighbours are mostly frequent words ("the", "of", ","), so
/// a scored token reads two warm cache entries instead of six random rows of the weight table.
///
/// Direct-mapped, keyed by exactly the values those features are made of (lowercase hash, shape,
/// cluster), so a hit gives exactly the sum of the same rows. Belongs to one tagger (its weights).
final class NeighbourRowCache {
    /// One word: 96 bytes.
    struct Entry {
        var left = SIMD8<Int32>(repeating: 0)
        var right = SIMD8<Int32>(repeating: 0)
        var lower: UInt64 = 0
        var shape: UInt64 = 0
        var cluster: UInt8 = 0
        var hasLeft = false
        var hasRight = false
    }

    private let entries: UnsafeMutablePointer<Entry>
    private let count: Int
    private let shift: UInt64
    /// The tagger whose weights the sums are of (held, so its identity cannot be reused).
    private var owner: AnyObject?

    /// An empty cache of `1 << bits` entries.
    init(bits: Int = 12) {
        count = 1 << bits
        entries = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Entry>.stride, alignment: 64)
            .bindMemory(to: Entry.self, capacity: count)
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

    /// The entry for a word, emptied for it when it held another word.
    @inline(__always)
    func entry(lower: UInt64, shape: UInt64, cluster: UInt8) -> UnsafeMutablePointer<Entry> {
        let slot = Int(truncatingIfNeeded: ((lower ^ (shape &* 0x9E37_79B9_7F4A_7C15)) &* 0xD6E8_FEB8_6659_FD93) &>> shift)
        let e = entries + slot
        if e.pointee.lower != lower || e.pointee.shape != shape || e.pointee.cluster != cluster {
            e.pointee = Entry(lower: lower, shape: shape, cluster: cluster)
        }
        return e
    }
}
