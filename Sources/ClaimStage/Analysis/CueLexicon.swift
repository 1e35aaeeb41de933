/// The cue phrases of each `CueCategory`, matched over token hashes.
///
/// Phrases are written in lowercase and tokenised like text, so "studies have shown" matches
/// three tokens. Matching is exact on whole tokens; `*` is not supported (inflections are listed).
struct CueLexicon: Sendable {
    /// A phrase and its categories.
    struct Phrase: Sendable {
        var hashes: [UInt64]
        var categories: [CueCategory]
    }

    /// Phrases by the hash of their first token.
    private(set) var byFirst: [UInt64: [Phrase]] = [:]
    /// Open-addressing table from first-token hash to the run of `entries` of the phrases starting
    /// with it (fast path of `matches`).
    private var slots: [Slot] = []
    private var mask = 0
    /// Every phrase, grouped by first token: where its hashes and categories are in `hashes` and
    /// `categories`.
    private var entries: [Entry] = []
    private var hashes: [UInt64] = []
    private var categories: [CueCategory] = []
    /// One bit per value of a hash's low `filterBits` bits, set when a phrase starts with such a
    /// hash: most tokens start no phrase, and this 2 KB filter says so without the table.
    private var filter: [UInt64] = []
    private static let filterBits = 14

    /// A slot: the first-token hash and the run of `entries` (count 0: empty). The whole hash is
    /// in the slot, so telling a token that starts no phrase reads no other table (the tables are
    /// out of cache at the start of each document); 16 bytes, at most half the slots used.
    private struct Slot: Sendable {
        var key: UInt64
        var first: UInt16
        var count: UInt16
    }

    private struct Entry: Sendable {
        var hashStart: Int32
        var hashCount: Int32
        var categoryStart: Int32
        var categoryCount: Int32
    }

    /// The built-in English lexicon.
    static let english = CueLexicon(CueLexicon.englishPhrases)

    /// Builds a lexicon from (phrases, category) pairs.
    init(_ lists: [(CueCategory, [String])]) {
        var merged: [String: [CueCategory]] = [:]
        var order: [String] = []
        for (category, phrases) in lists {
            for p in phrases {
                if merged[p] == nil { order.append(p) }
                merged[p, default: []].append(category)
            }
        }
        var firstOrder: [UInt64] = []
        for p in order {
            let hashes = p.split(separator: " ").map { ClaimTokenizer.hash(String($0)) }
            if byFirst[hashes[0]] == nil { firstOrder.append(hashes[0]) }
            byFirst[hashes[0], default: []].append(Phrase(hashes: hashes, categories: merged[p]!))
        }
        filter = [UInt64](repeating: 0, count: (1 << CueLexicon.filterBits) / 64)
        for key in firstOrder {
            let f = Int(truncatingIfNeeded: key) & ((1 << CueLexicon.filterBits) - 1)
            filter[f >> 6] |= 1 << UInt64(f & 63)
        }
        var size = 16
        while size < firstOrder.count * 2 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: Slot(key: 0, first: 0, count: 0), count: size)
        for key in firstOrder {
            var i = Int(truncatingIfNeeded: FeatureHasher.mix(key)) & mask
            while slots[i].count > 0 { i = (i + 1) & mask }
            let group = byFirst[key]!
            precondition(entries.count + group.count <= Int(UInt16.max), "too many cue phrases")
            slots[i] = Slot(key: key, first: UInt16(entries.count), count: UInt16(group.count))
            for phrase in group {
                entries.append(Entry(hashStart: Int32(hashes.count), hashCount: Int32(phrase.hashes.count),
                                     categoryStart: Int32(categories.count), categoryCount: Int32(phrase.categories.count)))
                hashes += phrase.hashes
                categories += phrase.categories
            }
        }
    }

    /// The slot of the phrases starting with a token hash, or nil.
    @inline(__always) private func slot(_ key: UInt64) -> Slot? {
        var i = Int(truncatingIfNeeded: FeatureHasher.mix(key)) & mask
        while true {
            let s = slots[i]
            if s.count == 0 { return nil }
            if s.key == key { return s }
            i = (i + 1) & mask
        }
    }

    /// The phrases starting with a token hash.
    func phrases(startingWith key: UInt64) -> [Phrase]? {
        slot(key) == nil ? nil : byFirst[key]
    }

    /// Whether a phrase of `category` starts with a token hash.
    func startsPhrase(_ key: UInt64, of category: CueCategory) -> Bool {
        guard let s = slot(key) else { return false }
        for e in entries[Int(s.first)..<Int(s.first) + Int(s.count)] {
            for c in categories[Int(e.categoryStart)..<Int(e.categoryStart + e.categoryCount)] where c == category { return true }
        }
        return false
    }

    /// One matched phrase: categories and the token range it covers.
    struct Match: Sendable, Equatable {
        var category: CueCategory
        var first: Int
        var end: Int
    }

    /// All phrase matches in a token sequence, in token order.
    func matches(_ tokens: [ClaimToken], into out: inout [Match]) {
        out.removeAll(keepingCapacity: true)
        let n = tokens.count
        let filterMask = (1 << CueLexicon.filterBits) - 1
        // Through buffer pointers: no array slice (and retain) per matching token.
        tokens.withUnsafeBufferPointer { tokens in
            filter.withUnsafeBufferPointer { filter in
                entries.withUnsafeBufferPointer { entries in
                    hashes.withUnsafeBufferPointer { hashes in
                        categories.withUnsafeBufferPointer { categories in
                            for i in 0..<n {
                                let f = Int(truncatingIfNeeded: tokens[i].hash) & filterMask
                                guard filter[f >> 6] & (1 << UInt64(f & 63)) != 0, let s = slot(tokens[i].hash) else { continue }
                                for e in entries[Int(s.first)..<Int(s.first) + Int(s.count)] {
                                    let length = Int(e.hashCount), at = Int(e.hashStart)
                                    guard i + length <= n else { continue }
                                    var k = 1
                                    while k < length, tokens[i + k].hash == hashes[at + k] { k += 1 }
                                    guard k == length else { continue }
                                    for c in Int(e.categoryStart)..<Int(e.categoryStart + e.categoryCount) {
                                        out.append(Match(category: categories[c], first: i, end: i + length))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static let englishPhrases: [(CueCategory, [String])] = [
        (.hedge, [
            "approximately", "apparently", "reportedly", "allegedly", "purportedly", "supposedly", "seemingly",
            "may", "might", "could", "possibly", "perhaps", "probably", "likely", "unlikely", "presumably",
            "arguably", "roughly", "nearly", "almost", "about", "around", "some", "estimated", "an estimated",
            "up to", "as many as", "as much as", "more or less", "seems", "seem", "seemed", "appears to",
            "appear to", "appeared to", "suggests", "suggest", "suggested", "it is believed", "is thought to",
            "are thought to", "is believed to", "are believed to", "is said to", "are said to", "is estimated",
            "are estimated", "it is estimated", "reported", "unconfirmed", "rumored", "rumoured", "somewhat",
            "in part", "partly", "largely", "generally", "tend to", "tends to", "potentially", "conceivably",
            "studies have shown", "studies show", "studies suggest", "research shows", "research has shown",
            "research suggests", "experts say", "experts believe", "analysts say", "observers say", "critics say",
            "some say", "many believe", "it is said", "it has been reported", "reports suggest",
        ]),
        (.evidential, [
            "studies have shown", "studies show", "studies suggest", "studies have found", "studies find",
            "research shows", "research has shown", "research suggests", "research has found", "surveys show",
            "experts say", "experts believe", "experts estimate", "analysts say", "analysts believe",
            "observers say", "critics say", "critics argue", "officials say", "officials said", "reports suggest",
            "reports say", "sources say", "polls show", "data show", "data shows", "estimates suggest",
            "scientists say", "economists say", "historians say", "witnesses said", "defectors say",
            "defectors report", "defectors have reported",
        ]),
        (.reportVerb, [
            "said", "says", "say", "told", "tells", "stated", "claimed", "argued", "described", "describes",
            "noted", "warned", "warns", "added", "announced", "announces", "insisted", "explained", "explains",
            "wrote", "writes", "declared", "testified", "acknowledged", "acknowledges", "admitted", "admits",
            "asserted", "asserts", "stressed", "stresses", "emphasized", "emphasised", "contended", "maintained",
            "observed", "remarked", "concluded", "concludes", "estimated", "reported", "called", "calls",
            "characterized", "characterised", "labeled", "labelled", "denied", "denies", "confirmed", "confirms",
            "alleged", "alleges", "predicted", "predicts", "promised", "promises", "pledged", "vowed", "vows",
            "recalled", "recalls", "argue", "argues", "contends", "claim",
        ]),
        (.reportVerbThat, [
            "claims", "reports", "notes", "estimates", "states", "found", "finds", "showed", "shows", "shown",
            "believes", "believe", "believed", "thinks", "think", "thought",
        ]),
        (.stance, [
            "have chosen to", "has chosen to", "had chosen to", "chose to", "choose to", "chooses to",
            "decided to", "decide to", "decides to", "refused to", "refuses to", "refuse to", "intends to",
            "intend to", "plans to", "planned to", "wants to", "want to", "wanted to",
            "fears", "feared", "believes", "believe", "insists", "insist", "opposes", "opposed", "supports",
            "supported", "rejects", "rejected", "have sought to", "has sought to", "sought to", "seeks to",
        ]),
        (.according, ["according to", "as reported by", "in the words of", "cited by", "quoted by"]),
        (.causal, [
            "because", "because of", "due to", "owing to", "as a result", "as a result of", "result in",
            "results in", "resulted in", "resulting in", "lead to", "leads to", "led to", "leading to", "cause",
            "causes", "caused", "causing", "therefore", "thus", "hence", "consequently", "thereby",
            "contribute to", "contributes to", "contributed to", "contributing to", "driven by", "exacerbated by",
            "exacerbate", "exacerbates", "fueled by", "fuelled by", "stems from", "stemming from", "attributed to",
            "responsible for", "out of concern", "since then", "effect of", "impact of",
            "as a consequence", "by developing", "thanks to", "triggered", "prompted", "blamed",
        ]),
        (.comparative, [
            "than", "compared", "compared to", "compared with",
            "relative to", "versus", "higher", "lower", "larger", "smaller", "greater", "bigger", "highest", "lowest", "largest", "smallest", "greatest", "biggest",
            "increase", "increased", "increases", "decrease", "decreased", "decline", "declined", "rose",
            "fell", "doubled", "tripled", "halved", "grew", "shrank", "incomparable", "unprecedented",
            "twice as", "as many as", "the same as", "faster", "slower", "stronger", "weaker",
            "richer", "poorer", "outnumber", "outnumbered", "exceeds", "exceeded",
        ]),
        (.predictive, [
            "will", "'ll", "won't", "shall", "going to", "is expected to", "are expected to", "expected to",
            "is likely to", "are likely to", "is projected to", "are projected to", "projected", "forecast",
            "forecasts", "predict", "predicts", "predicted", "by 2020", "by 2025", "by 2030", "by 2035", "by 2040",
            "by 2050", "in the future", "in the coming", "next year", "in the long term", "in the short term",
            "is set to", "are set to", "is poised to", "would be", "will be", "is on track",
        ]),
        (.recommendation, [
            "should", "shouldn't", "must", "mustn't", "ought to", "need to", "needs to",
            "have to", "has to", "recommend", "recommends", "recommended", "recommendation", "urge", "urges",
            "urged", "call on", "calls on", "called on", "call for", "calls for", "it is essential",
            "it is important", "it is necessary", "it is imperative", "it is vital", "it is crucial",
            "propose", "proposes", "let us", "let's", "we need", "it is time", "is needed",
            "are needed", "required to", "encourage", "encourages", "advocate", "advocates",
        ]),
        (.selfReference, [
            "this paper", "this report", "this study", "this article", "this brief", "this essay", "this chapter",
            "this analysis", "this memo", "this note", "this policy brief", "this working paper", "this book",
            "this review", "this section", "the present paper", "the present study", "this issue brief",
            "the authors", "the author", "we", "i", "our analysis", "our findings", "our study", "our research",
        ]),
        (.thesisVerb, [
            "argue", "argues", "argued", "contend", "contends", "propose", "proposes", "suggest", "suggests",
            "show", "shows", "demonstrate", "demonstrates", "find", "finds", "conclude", "concludes",
            "recommend", "recommends", "maintain", "maintains", "posit", "posits", "hold", "holds", "claim",
            "claims", "examines", "examine", "explores", "assesses", "makes the case", "make the case",
        ]),
        (.evaluative, [
            "deplorable", "terrible", "horrible", "horrific", "horrors", "atrocities", "atrocity", "gross",
            "severe", "enormous", "incomparable", "unacceptable", "outrageous", "shameful", "disastrous",
            "catastrophic", "tragic", "egregious", "appalling", "brutal", "inhumane", "cruel", "dangerous",
            "important", "significant", "crucial", "critical", "vital", "essential", "beneficial", "harmful",
            "successful", "unsuccessful", "failure", "failed", "effective", "ineffective", "good", "bad", "best",
            "worst", "great", "excellent", "poor", "wrong", "unfair", "fair", "remarkable", "impressive",
            "ignore", "ignored", "ignores", "ignoring", "neglect", "neglected", "mistake", "misguided", "flawed",
            "reckless", "irresponsible", "naive", "wise", "unwise", "admirable", "commendable", "laudable",
            "worrying", "alarming", "troubling", "disturbing", "regrettable", "unfortunately", "fortunately",
            "sadly", "clearly", "obviously", "undoubtedly", "certainly", "indeed", "merely", "only", "ruffle",
            "vulnerable", "exploitative", "exploitation", "gross human rights violations", "worse", "better",
            "threat", "coherent", "cooperative", "strong", "weak", "robust", "fragile", "serious", "grave",
        ]),
        (.quantity, [
            "percent", "per cent", "percentage", "million", "millions", "billion", "billions", "trillion",
            "thousand", "thousands", "hundred", "hundreds", "half", "third", "quarter", "majority", "minority",
            "average", "per capita", "dozens", "doubled", "tripled", "halved", "gdp", "tons", "tonnes",
            "barrels", "dollars", "%", "$",
        ]),
        (.negation, ["not", "no", "never", "n't", "neither", "nor", "none", "nobody", "nothing", "without"]),
        (.month, [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]),
    ]
}
