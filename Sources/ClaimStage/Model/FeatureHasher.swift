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

    private func addCharacterFeatures(_ bytes: UnsafeBufferPointer<UInt8>, _ t: ClaimToken, _ out: inout [Int32]) {
        let n = t.end - t.start
        if groups.contains(.suffixes), n >= 4 {
            for k in 2...3 {
                var h = ClaimTokenizer.fnvBasis
                for i in (t.end - k)..<t.end { h = (h ^ UInt64(ClaimTokenizer.lower(bytes[i]))) &* ClaimTokenizer.fnvPrime }
                out.append(bucket(h, 12 + UInt64(k)))
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
                out.append(bucket(h, 20))
            }
        }
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

    private func raw(tokens: [ClaimToken], bytes: UnsafeBufferPointer<UInt8>, analysis: ClaimAnalysis, rows: [Int32],
                     into out: inout [Int32]) {
        out.removeAll(keepingCapacity: true)
        out.append(bucket(0, 0))  // always-on feature (a second bias)
        var prev: UInt64 = 0x5354_4152_54  // "START"
        var prev2: UInt64 = 0
        var position = 0
        var prevCluster = 0xFFFF
        for (index, t) in tokens.enumerated() {
            if let v = vectors, t.isWord {
                let r = Int(rows[index])
                let c = r >= 0 ? v.coarse(r) : 0xFFFF
                if r >= 0 { out.append(bucket(UInt64(c), 21)); out.append(bucket(UInt64(v.fine(r)), 22)) }
                out.append(bucket(UInt64(prevCluster) << 16 | UInt64(c), 23))
                prevCluster = c
            }
            let w: UInt64 = t.shape == .number ? (t.end - t.start == 4 ? 0x5945_4152 : 0x4E55_4D) : t.hash
            out.append(bucket(w, 1))
            out.append(bucket(prev &* 31 ^ w, 2))
            if groups.contains(.trigrams) { out.append(bucket((prev2 &* 31 ^ prev) &* 31 ^ w, 11)) }
            if t.isWord, t.shape != .number, groups.contains(.charNgrams) || groups.contains(.suffixes) {
                addCharacterFeatures(bytes, t, &out)
            }
            prev2 = prev
            if position < 2 { out.append(bucket(w ^ UInt64(position), 3)) }
            if t.shape == .capitalized && position > 0 { out.append(bucket(7, 4)) }
            prev = w
            position += 1
        }
        out.append(bucket(prev &* 31 ^ 0x454E44, 2))  // "END"
        for c in CueCategory.allCases where analysis.cueBits & (1 << UInt32(c.rawValue)) != 0 {
            out.append(bucket(UInt64(c.rawValue), 5))
        }
        for k in ClaimKind.allCases where analysis.kinds.contains(k) { out.append(bucket(ClaimTokenizer.hash(k.rawValue), 6)) }
        var classes: [String] = analysis.entities.map(\.coarseClass)
        classes.sort()
        var lastClass = ""
        for c in classes where c != lastClass {
            out.append(bucket(ClaimTokenizer.hash(c), 7))
            lastClass = c
        }
        if !analysis.hedges.isEmpty { out.append(bucket(1, 8)) }
        if let a = analysis.attribution { out.append(bucket(ClaimTokenizer.hash(a.via), 9)) }
        out.append(bucket(UInt64(min(analysis.wordCount / 4, 12)), 10))
        if analysis.isQuestion { out.append(bucket(2, 8)) }
    }
}
