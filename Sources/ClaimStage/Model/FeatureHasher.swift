/// Receives feature buckets one at a time, as `FeatureHasher` produces them.
protocol FeatureSink {
    /// Takes the next bucket.
    mutating func add(_ bucket: Int32)
}

extension Array: FeatureSink where Element == Int32 {
    /// Appends the bucket.
    @inline(__always) mutating func add(_ bucket: Int32) { append(bucket) }
}

/// Turns a sentence's tokens, cue matches, kinds and entity classes into hashed feature indices.
///
/// Features: lowercased word unigrams and bigrams, the first two words, cue categories, claim
/// kinds, coarse entity classes (PERCENT, MONEY, NUMBER, DATE, NAME, ORDINAL), hedge/attribution
/// flags and a length bucket. Each feature is hashed (FNV-1a then a 64-bit mix) into
/// `dimension` buckets; values are binary and the vector is scaled to unit length by the model.
struct FeatureHasher: Sendable {
    /// Optional feature groups, as bits of `FeatureHasher.groups`.
    struct Groups: OptionSet, Sendable, Equatable {
        let rawValue: UInt32
        /// Word trigrams.
        static let trigrams = Groups(rawValue: 1)
        /// Character 3- to 5-grams of each word (with word boundaries).
        static let charNgrams = Groups(rawValue: 2)
        /// Word suffixes (last 2 and 3 letters).
        static let suffixes = Groups(rawValue: 4)
        /// Word clusters (coarse and fine) of each word, and coarse-cluster bigrams (`WordVectors`).
        static let clusters = Groups(rawValue: 8)
    }

    /// Number of buckets (a power of two).
    let dimension: Int
    /// Optional groups in use.
    let groups: Groups

    /// Word vectors whose clusters the `clusters` group uses (nil: no cluster features).
    let vectors: WordVectors?

    /// Creates a hasher with `bits` bits of buckets.
    init(bits: Int, groups: Groups = [], vectors: WordVectors? = nil) {
        dimension = 1 << bits
        self.groups = groups
        self.vectors = groups.contains(.clusters) ? vectors : nil
    }

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) private func bucket(_ x: UInt64, _ namespace: UInt64) -> Int32 {
        Int32(truncatingIfNeeded: FeatureHasher.mix(x ^ (namespace &* 0x100_0000_01B3)) & UInt64(dimension - 1))
    }

    @inline(__always) private func addCharacterFeatures<Sink: FeatureSink>(_ bytes: UnsafeBufferPointer<UInt8>, _ t: ClaimToken, _ out: inout Sink) {
        let n = t.end - t.start
        if groups.contains(.suffixes), n >= 4 {
            for k in 2...3 {
                var h = ClaimTokenizer.fnvBasis
                for i in (t.end - k)..<t.end { h = (h ^ UInt64(ClaimTokenizer.lower(bytes[i]))) &* ClaimTokenizer.fnvPrime }
                out.add(bucket(h, 12 + UInt64(k)))
            }
        }
        guard groups.contains(.charNgrams), n >= 3 else { return }
        // Grams over "<word>" with boundary markers, lengths 3...5.
        let padded = n + 2
        @inline(__always) func byte(_ i: Int) -> UInt8 { i == 0 || i == padded - 1 ? 0x23 : ClaimTokenizer.lower(bytes[t.start + i - 1]) }
        for len in 3...5 where len <= padded {
            for s in 0...(padded - len) {
                var h = ClaimTokenizer.fnvBasis
                for i in s..<(s + len) { h = (h ^ UInt64(byte(i))) &* ClaimTokenizer.fnvPrime }
                out.add(bucket(h, 20))
            }
        }
    }

    /// Each claim kind with the hash of its name, in `ClaimKind.allCases` order.
    private static let kindHashes: [(ClaimKind, UInt64)] = ClaimKind.allCases.map { ($0, ClaimTokenizer.hash($0.rawValue)) }
    /// The coarse entity classes (`EntityMention.coarseClass`), sorted.
    private static let classNames: [String] = Array(Set(EntityMention.LabelGroup.allCases.map(\.coarseClass))).sorted()
    /// The hash of each of `classNames`.
    private static let classHashes: [UInt64] = classNames.map(ClaimTokenizer.hash)
    /// The rank in `classNames` of each label group's class, by `LabelGroup` case order.
    private static let classRanks: [Int] = EntityMention.LabelGroup.allCases.map { classNames.firstIndex(of: $0.coarseClass)! }

    @inline(__always) private static func classRank(_ g: EntityMention.LabelGroup) -> Int {
        classRanks[Int(g.rawValue)]
    }

    /// A small open-addressing set of the buckets already emitted for the current sentence.
    struct Seen {
        var slots: [Int32] = []
    }

    /// Appends the feature buckets of one sentence to `out` (cleared first), each bucket once, in
    /// the order they are first produced.
    /// `rows` holds each token's `WordVectors` row (-1: unknown or not a word); it is read only when
    /// the hasher has vectors.
    func features(tokens: [ClaimToken], bytes: UnsafeBufferPointer<UInt8>, analysis: ClaimAnalysis, rows: [Int32],
                  into out: inout [Int32],
                  seen: inout Seen) {
        out.removeAll(keepingCapacity: true)
        raw(tokens: tokens, bytes: bytes, analysis: analysis, rows: rows, into: &out)
        var size = 64
        while size < out.count * 2 { size *= 2 }
        if seen.slots.count != size { seen.slots = [Int32](repeating: -1, count: size) } else {
            for i in 0..<size { seen.slots[i] = -1 }
        }
        let mask = size - 1
        var w = 0
        seen.slots.withUnsafeMutableBufferPointer { slots in
            for r in 0..<out.count {
                let f = out[r]
                var i = Int(UInt32(bitPattern: f) &* 0x9E37_79B1) & mask
                var fresh = true
                while slots[i] >= 0 {
                    if slots[i] == f { fresh = false; break }
                    i = (i + 1) & mask
                }
                if fresh {
                    slots[i] = f
                    out[w] = f
                    w += 1
                }
            }
        }
        out.removeLast(out.count - w)
    }

    /// The linear model's logit for one sentence, without building its feature list: each bucket
    /// counts once, its weight added in the order buckets are first produced, so the value is
    /// bit for bit `model.linearLogit(features(…))` (`weights` and `bias` are the model's).
    func linearLogit(tokens: [ClaimToken], bytes: UnsafeBufferPointer<UInt8>, analysis: ClaimAnalysis, rows: [Int32],
                     weights: WeightTable, bias: Double, scratch: inout LinearScratch) -> Double {
        precondition(weights.count == dimension, "hasher and model differ in size")
        let words = (dimension + 63) >> 6
        if scratch.seen.count != words { scratch.seen = [UInt64](repeating: 0, count: words) }
        // Upper bound of the buckets one sentence produces (see `raw`).
        var bound = 40 + tokens.count * 10
        if groups.contains(.charNgrams) {
            for t in tokens where t.isWord { bound += 3 * (t.end - t.start + 2) }
        }
        if scratch.fresh.count < bound { scratch.fresh = [Int32](repeating: 0, count: bound * 2) }
        var sink = LinearSink()
        var sum = 0.0
        scratch.seen.withUnsafeMutableBufferPointer { seen in
            scratch.fresh.withUnsafeMutableBufferPointer { fresh in
                sink.seen = seen.baseAddress!
                sink.fresh = fresh.baseAddress!
                raw(tokens: tokens, bytes: bytes, analysis: analysis, rows: rows, into: &sink)
                // The weights in a loop of their own: their loads (mostly cache misses) overlap.
                let w = weights.weights, n = sink.count
                if n <= weights.exactTerms {
                    // Every partial sum is exact (see `WeightTable.exactTerms`), so four running
                    // sums give the bits one does, without waiting on each addition in turn.
                    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                    var k = 0
                    while k + 4 <= n {
                        s0 += Double(w[Int(fresh[k])])
                        s1 += Double(w[Int(fresh[k + 1])])
                        s2 += Double(w[Int(fresh[k + 2])])
                        s3 += Double(w[Int(fresh[k + 3])])
                        k += 4
                    }
                    while k < n { s0 += Double(w[Int(fresh[k])]); k += 1 }
                    sum = (s0 + s1) + (s2 + s3)
                } else {
                    for k in 0..<n { sum += Double(w[Int(fresh[k])]) }
                }
                // Leave the bit set clear for the next sentence.
                for k in 0..<sink.count { seen[Int(fresh[k]) >> 6] = 0 }
            }
        }
        return sink.count == 0 ? bias : sum / Double(sink.count).squareRoot() + bias
    }

    /// Reusable buffers of `linearLogit`: a bit per bucket (all clear between sentences) and the
    /// buckets seen in the current sentence.
    struct LinearScratch {
        var seen: [UInt64] = []
        var fresh: [Int32] = []
    }

    /// Lists the buckets it sees for the first time.
    private struct LinearSink: FeatureSink {
        var seen: UnsafeMutablePointer<UInt64>!
        var fresh: UnsafeMutablePointer<Int32>!
        var count = 0

        @inline(__always) mutating func add(_ bucket: Int32) {
            let word = Int(bucket) >> 6, bit = UInt64(1) << UInt64(bucket & 63)
            let old = seen[word]
            fresh[count] = bucket
            count &+= old & bit == 0 ? 1 : 0
            seen[word] = old | bit
        }
    }

    /// Every feature bucket of a sentence, in order, duplicates included: per token at most 10
    /// (cluster 3, unigram, bigram, trigram, position, capital, suffixes 2) plus the character
    /// n-grams, and at most 40 per sentence.
    private func raw<Sink: FeatureSink>(tokens: [ClaimToken], bytes: UnsafeBufferPointer<UInt8>, analysis: ClaimAnalysis,
                                        rows: [Int32], into out: inout Sink) {
        out.add(bucket(0, 0))  // always-on feature (a second bias)
        var prev: UInt64 = 0x5354_4152_54  // "START"
        var prev2: UInt64 = 0
        var position = 0
        var prevCluster = 0xFFFF
        // The rows' clusters (in their slots) through a pointer: no copy (and retain) of the vectors per token.
        let vectors = self.vectors
        let slots = vectors?.rowSlots
        for (index, t) in tokens.enumerated() {
            if let slots, t.isWord {
                let r = Int(rows[index])
                let c = r >= 0 ? Int(slots[r].info.coarse) : 0xFFFF
                if r >= 0 { out.add(bucket(UInt64(c), 21)); out.add(bucket(UInt64(slots[r].info.fine), 22)) }
                out.add(bucket(UInt64(prevCluster) << 16 | UInt64(c), 23))
                prevCluster = c
            }
            let w: UInt64 = t.shape == .number ? (t.end - t.start == 4 ? 0x5945_4152 : 0x4E55_4D) : t.hash
            out.add(bucket(w, 1))
            out.add(bucket(prev &* 31 ^ w, 2))
            if groups.contains(.trigrams) { out.add(bucket((prev2 &* 31 ^ prev) &* 31 ^ w, 11)) }
            if t.isWord, t.shape != .number, groups.contains(.charNgrams) || groups.contains(.suffixes) {
                addCharacterFeatures(bytes, t, &out)
            }
            prev2 = prev
            if position < 2 { out.add(bucket(w ^ UInt64(position), 3)) }
            if t.shape == .capitalized && position > 0 { out.add(bucket(7, 4)) }
            prev = w
            position += 1
        }
        out.add(bucket(prev &* 31 ^ 0x454E44, 2))  // "END"
        for c in CueCategory.allCases where analysis.cueBits & (1 << UInt32(c.rawValue)) != 0 {
            out.add(bucket(UInt64(c.rawValue), 5))
        }
        for (k, hash) in FeatureHasher.kindHashes where analysis.kinds.contains(k) { out.add(bucket(hash, 6)) }
        // Coarse entity classes, each once, in alphabetical order.
        var classes: UInt32 = 0
        for i in analysis.entities.indices { classes |= 1 << UInt32(FeatureHasher.classRank(analysis.entities[i].group)) }
        for (rank, hash) in FeatureHasher.classHashes.enumerated() where classes & (1 << UInt32(rank)) != 0 {
            out.add(bucket(hash, 7))
        }
        if !analysis.hedges.isEmpty { out.add(bucket(1, 8)) }
        if let via = analysis.attribution?.via { out.add(bucket(ClaimTokenizer.hash(via), 9)) }
        out.add(bucket(UInt64(min(analysis.wordCount / 4, 12)), 10))
        if analysis.isQuestion { out.add(bucket(2, 8)) }
        withExtendedLifetime(vectors) {}
    }
}
