/// Per-token buffers of one sentence for the tagger's batched scoring: the feature hashes of the
/// tokens it will score, then their summed rows. Memory is kept between sentences and grows with
/// the longest sentence seen; nothing is allocated per sentence.
///
/// The tagger writes every scored token's hashes first and sums the weight rows afterwards in
/// one tight loop over the sentence, so the cache misses of many tokens overlap instead of
/// waiting behind each token's feature computation.
final class TokenScores {
    /// Hashes written per token: the context features, then `f(45, memory·shape)`, then
    /// `f(42, 0·word)` and `f(43, 0·shape)` (the previous-tag features for a previous O), then the
    /// word × sentence features (at `wordOffset`).
    static let hashesPerToken = FeatureExtractor.contextCount + 3 + FeatureExtractor.wordCount
    /// Where a token's word × sentence hashes start.
    static let wordOffset = FeatureExtractor.contextCount + 3

    /// Token states.
    enum State: UInt8 {
        /// Not prepared (skipped, or scored later if a name precedes it).
        case none
        /// Hashes written; own rows known from the word cache (in `rows`).
        case ownKnown
        /// Hashes written, own feature hashes too (summed with the others).
        case ownHashed
        /// Summed: `rows` holds the static score of tags 0–7, `afterO` the previous-O part.
        case summed
    }

    private(set) var capacity = 0
    /// `hashesPerToken` per token.
    private(set) var hashes: UnsafeMutablePointer<UInt64>
    /// `FeatureExtractor.ownCount` per token (for tokens whose own rows were not cached).
    private(set) var own: UnsafeMutablePointer<UInt64>
    /// Static score of tags 0–7 (own + context + memory features).
    private(set) var rows: UnsafeMutablePointer<SIMD8<Int32>>
    /// Score of the previous-tag word and shape features when the previous tag is O.
    private(set) var afterO: UnsafeMutablePointer<SIMD8<Int32>>
    /// Whether a prepared token's word × sentence rows are known (already in `rows`).
    private(set) var wordKnown: UnsafeMutablePointer<Bool>
    /// The document-memory value of each prepared token.
    private(set) var memory: UnsafeMutablePointer<UInt8>
    private(set) var state: UnsafeMutablePointer<State>

    init() {
        hashes = .allocate(capacity: 0)
        own = .allocate(capacity: 0)
        rows = .allocate(capacity: 0)
        afterO = .allocate(capacity: 0)
        memory = .allocate(capacity: 0)
        state = .allocate(capacity: 0)
        wordKnown = .allocate(capacity: 0)
    }

    deinit { release() }

    private func release() {
        hashes.deallocate()
        own.deallocate()
        rows.deallocate()
        afterO.deallocate()
        memory.deallocate()
        state.deallocate()
        wordKnown.deallocate()
    }

    /// Room for `n` tokens, every state `.none`.
    func reset(count n: Int) {
        if n > capacity {
            release()
            capacity = max(n, 2 * capacity, 64)
            hashes = .allocate(capacity: capacity * Self.hashesPerToken)
            own = .allocate(capacity: capacity * FeatureExtractor.ownCount)
            rows = .allocate(capacity: capacity)
            afterO = .allocate(capacity: capacity)
            memory = .allocate(capacity: capacity)
            state = .allocate(capacity: capacity)
            wordKnown = .allocate(capacity: capacity)
        }
        state.initialize(repeating: .none, count: n)
    }
}
