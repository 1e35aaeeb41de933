/// Capitalised-word candidates used when no trained model is available: runs of capitalised
/// tokens joined by "of", "for", "and", "the", "de" or a possessive, minus common sentence starters.
/// Labels come from the gazetteer and head nouns; two- and three-word unknown names are PERSON.
struct NameHeuristics: Sendable {
    private let connectors: WordSet
    private let starters: WordSet

    /// Builds the word lists.
    init() {
        connectors = WordSet(["of", "for", "the", "de", "'s", "on"])
        starters = WordSet(["the", "a", "an", "in", "on", "at", "this", "that", "these", "those", "it", "he", "she", "they",
                        "we", "i", "you", "our", "his", "her", "their", "its", "if", "yet", "while", "and", "but", "or",
                        "all", "both", "many", "some", "most", "initially", "specifically", "however", "although",
                        "when", "where", "there", "as", "for", "from", "with", "by", "to", "of", "after", "before",
                        "under", "what", "who", "why", "how", "each", "every", "no", "not", "one", "such", "so",
                        "also", "then", "since", "because", "women", "men", "young", "approximately", "mr", "mrs",
                        "ms", "dr", "president", "presidents", "former", "new", "other", "is", "are", "was", "were"])
    }

    /// Appends name candidates of one sentence (labels may be "?" for unknown single words).
    ///
    /// With `knownMultiWordOnly`, only runs of two or more tokens that a gazetteer lists or whose
    /// head noun tells the label (origin `.gazetteer`) are appended (the same runs are found).
    func candidates(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64],
                    gazetteer: Gazetteer, knownMultiWordOnly: Bool = false, into out: inout [Mention]) {
        var i = 0
        let n = tokens.count
        while i < n {
            guard tokens[i].kind == .capitalized, !starters.contains(hashes[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < n {
                if tokens[j].kind == .capitalized && !starters.contains(hashes[j]) { j += 1; continue }
                if connectors.contains(hashes[j]), j + 1 < n, tokens[j + 1].kind == .capitalized,
                   !gazetteer.hasMatch(at: j + 1, hashes, limit: n) { j += 2; continue }
                break
            }
            // A known phrase at the start of a longer run that is not itself a known name or headed
            // by a telling noun ("World Food Programme" is kept whole, "Korea Residents" is not).
            if let (end, _) = gazetteer.longestMatchIndex(at: i, hashes, limit: n) {
                if end > j {
                    j = end  // a listed name the run stopped short of ("Democratic People’s Republic of Korea")
                } else if end < j, gazetteer.entry(i, j, hashes) == nil, gazetteer.headLabel(hashes[j - 1]) == nil {
                    j = end
                }
            }
            if knownMultiWordOnly && j - i < 2 {
                i = j
                continue
            }
            let last = hashes[j - 1]
            var label = "?"
            var origin = Mention.Origin.heuristic
            if let e = gazetteer.entry(i, j, hashes) {
                label = e.label
                origin = .gazetteer
            } else if let h = gazetteer.headLabel(last), j - i > 1 {
                label = h
                origin = .gazetteer
            } else if knownMultiWordOnly {
                i = j
                continue
            } else if j - i >= 2, j - i <= 3, gazetteer.entry(j - 1, j, hashes)?.label == "NORP" {
                label = "NORP"
            } else if j - i >= 2, j - i <= 3 {
                label = "PERSON"
            } else if tokens[i].length >= 2, isAllCaps(bytes, tokens[i]) {
                label = "ORG"
            }
            out.append(Mention(startToken: i, endToken: j, startByte: tokens[i].start, endByte: tokens[j - 1].end,
                               label: label, canonical: nil, iso3: nil, origin: origin))
            i = j
        }
    }

    private func isAllCaps(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        for k in t.start..<t.end where bytes[k] &- 0x61 < 26 { return false }
        return true
    }
}
