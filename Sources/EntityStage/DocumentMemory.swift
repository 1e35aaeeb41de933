/// What the tagger has decided so far in the current document: for each capitalised word, how
/// often each name type (or none) was given to it. Its majority type is a feature for later mentions
/// ("extended prediction history", Ratinov & Roth 2009), which keeps a name's type consistent
/// across a document. Cleared at each document start.
///
/// Counts live in an open-addressing table keyed by the word's FNV hash (a multiply and a probe
/// instead of `Dictionary`'s SipHash); nothing here is iterated or stored. A word's key and counts
/// sit side by side, so a lookup touches one place in memory, not two arrays.
struct DocumentMemory {
    /// One slot: a word hash (0: empty) and its counts per type.
    private struct Entry {
        var key: UInt64 = 0
        var counts = SIMD8<Int32>(repeating: 0)
    }

    private var entries: [Entry] = []
    private var used = 0
    /// Counts of the word whose hash is 0 (the empty-slot marker).
    private var zeroCounts: SIMD8<Int32>?

    /// Forgets everything (a new document).
    mutating func reset() {
        if used > 0 {
            for i in entries.indices { entries[i].key = 0 }
        }
        used = 0
        zeroCounts = nil
    }

    @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always) private func find(_ word: UInt64) -> SIMD8<Int32>? {
        if word == 0 { return zeroCounts }
        guard !entries.isEmpty else { return nil }
        let mask = entries.count - 1
        var i = Self.slot(word, mask)
        while true {
            let k = entries[i].key
            if k == word { return entries[i].counts }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// The feature value for a word: 0 when never tagged, else 1 + its majority type.
    @inline(__always) func value(_ word: UInt64) -> UInt64 {
        guard let c = find(word) else { return 0 }
        var best = 0
        for k in 1..<5 where c[k] > c[best] { best = k }
        return c[best] > 0 ? UInt64(best + 1) : 0
    }

    /// Records the tags of a sentence's capitalised tokens.
    mutating func record(_ tags: [Int], _ tokens: [Token], _ lower: [UInt64]) {
        for i in tags.indices where tokens[i].kind == .capitalized {
            let k = NERTags.type(tags[i]) ?? 4
            increment(lower[i], k)
        }
    }

    private mutating func increment(_ word: UInt64, _ k: Int) {
        if word == 0 {
            var c = zeroCounts ?? SIMD8<Int32>(repeating: 0)
            c[k] += 1
            zeroCounts = c
            return
        }
        if (used + 1) * 2 > entries.count { grow() }
        let mask = entries.count - 1
        let added = entries.withUnsafeMutableBufferPointer { entries in
            var i = Self.slot(word, mask)
            while entries[i].key != 0 && entries[i].key != word { i = (i + 1) & mask }
            let added = entries[i].key == 0
            if added { entries[i] = Entry(key: word) }
            entries[i].counts[k] += 1
            return added
        }
        if added { used += 1 }
    }

    private mutating func grow() {
        let old = entries
        let capacity = max(64, entries.count * 2)
        entries = [Entry](repeating: Entry(), count: capacity)
        let mask = capacity - 1
        for e in old where e.key != 0 {
            var i = Self.slot(e.key, mask)
            while entries[i].key != 0 { i = (i + 1) & mask }
            entries[i] = e
        }
    }
}
