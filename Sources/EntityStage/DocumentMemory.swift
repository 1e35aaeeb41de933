/// What the tagger has decided so far in the current document: for each capitalised word, how
/// often each name type (or none) was given to it. Its majority type is a feature for later mentions
/// ("extended prediction history", Ratinov & Roth 2009), which keeps a name's type consistent
/// across a document. Cleared at each document start.
struct DocumentMemory {
    private var counts: [UInt64: SIMD8<Int32>] = [:]

    /// Forgets everything (a new document).
    mutating func reset() { counts.removeAll(keepingCapacity: true) }

    /// The feature value for a word: 0 when never tagged, else 1 + its majority type.
    @inline(__always) func value(_ word: UInt64) -> UInt64 {
        guard let c = counts[word] else { return 0 }
        var best = 0
        for k in 1..<5 where c[k] > c[best] { best = k }
        return c[best] > 0 ? UInt64(best + 1) : 0
    }

    /// Records the tags of a sentence's capitalised tokens.
    mutating func record(_ tags: [Int], _ tokens: [Token], _ lower: [UInt64]) {
        for i in tags.indices where tokens[i].kind == .capitalized {
            let k = NERTags.type(tags[i]) ?? 4
            counts[lower[i], default: SIMD8<Int32>(repeating: 0)][k] += 1
        }
    }
}
