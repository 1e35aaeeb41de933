/// The tagger's BIO tag set over CoNLL's four name types. (BILOU was tried: no dev gain here, and
/// nearly twice the weights and work per token.)
enum NERTags {
    /// Coarse types, in tag order.
    static let types = ["PER", "ORG", "LOC", "MISC"]
    /// Tag names: index 0 is O, 2k+1 is B-type k, 2k+2 is I-type k.
    static let names = ["O"] + types.flatMap { ["B-\($0)", "I-\($0)"] }
    /// Number of tags.
    static let count = names.count

    /// Type index of a tag (nil for O).
    @inline(__always) static func type(_ tag: Int) -> Int? { tag == 0 ? nil : (tag - 1) / 2 }

    /// Whether `tag` may follow `prev` (I-X only after B-X or I-X).
    @inline(__always) static func allowed(prev: Int, _ tag: Int) -> Bool {
        tag == 0 || tag & 1 == 1 || (prev != 0 && (prev + 1) / 2 == tag / 2)
    }

    /// Tag indices of a sentence's IOB1/IOB2/IOBES tags, as IOB2; types not in `types` become O.
    static func indices(_ tags: [String]) -> [Int] {
        var out = [Int](repeating: 0, count: tags.count)
        for c in ConllScore.chunks(tags) {
            guard let k = types.firstIndex(of: c.type) else { continue }
            out[c.start] = 2 * k + 1
            for i in (c.start + 1)..<c.end { out[i] = 2 * k + 2 }
        }
        return out
    }

    /// Name spans (start, end, type) in a tag sequence.
    static func spans(_ tags: [Int]) -> [(start: Int, end: Int, type: Int)] {
        var out: [(Int, Int, Int)] = []
        var i = 0
        while i < tags.count {
            guard let k = type(tags[i]) else { i += 1; continue }
            var j = i + 1
            while j < tags.count, tags[j] == 2 * k + 2 { j += 1 }
            out.append((i, j, k))
            i = j
        }
        return out
    }

    /// IOB2 strings of a tag sequence (for scoring).
    static func iob2(_ tags: [Int]) -> [String] {
        var out = [String](repeating: "O", count: tags.count)
        for s in spans(tags) {
            out[s.start] = "B-" + types[s.type]
            for i in (s.start + 1)..<s.end { out[i] = "I-" + types[s.type] }
        }
        return out
    }
}
