/// Finds the entity mentions of one sentence: names from the tagger (or capitalisation
/// heuristics when no model is loaded), gazetteer phrases, and numeric/date rules; then resolves
/// overlaps and refines coarse tagger labels (LOC → GPE/LOC/FAC, MISC → NORP/LAW/EVENT/…).
struct EntityExtractor: Sendable {
    /// Rules for DATE, MONEY, PERCENT, … (word lists built once per process).
    let rules = Self.sharedRules
    /// Name lists.
    let gazetteer: Gazetteer
    /// Fallback name finder.
    let heuristics = Self.sharedHeuristics

    private static let sharedRules = NumericRules()
    private static let sharedHeuristics = NameHeuristics()
    /// The trained tagger, when loaded.
    let tagger: Tagger?

    /// Buffers reused from sentence to sentence.
    struct Scratch {
        var tokens: [Token] = []
        var hashes: [UInt64] = []
        /// Where the tokenizer writes before `tokens` and `hashes` are filled.
        let tokenSpace = TokenSpace()
        var names: [Mention] = []
        var runs: [Mention] = []
        var ruleLists: [NumericRules.Lists] = []
        var ruleMatches: [NumericRules.Match] = []
        /// Gazetteer phrases of the sentence when no tagger found them.
        var phrases: [(start: Int, end: Int, index: Int)] = []
        var tagger = Tagger.Scratch()
        /// Values of rule mentions already seen (`EntityValue.of` by label and text).
        var values = EntityValue.Memo()
        /// (canonical name, label) of every span of the last annotated document, in text order.
        var entities: [(canonical: String, label: String)] = []
    }

    /// Creates an extractor.
    init(gazetteer: Gazetteer, tagger: Tagger?) {
        self.gazetteer = gazetteer
        self.tagger = tagger
    }

    /// Appends the mentions of `bytes[range]` (one sentence) to `out`, in text order.
    func extract(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scratch: inout Scratch, into out: inout [Mention],
                 numeric: Bool = true) {
        scratch.tokens.removeAll(keepingCapacity: true)
        scratch.hashes.removeAll(keepingCapacity: true)
        Tokenizer.tokenize(bytes, range, into: &scratch.tokens, hashes: &scratch.hashes, space: scratch.tokenSpace)
        let tokens = scratch.tokens
        guard !tokens.isEmpty else { return }
        let hashes = scratch.hashes

        scratch.names.removeAll(keepingCapacity: true)
        if let tagger {
            tagger.tag(bytes, tokens, hashes, scratch: &scratch.tagger, into: &scratch.names)
            trimTrailingFunctionWords(tokens, hashes, &scratch.names)
            dropCommonSentenceStarters(tagger, hashes, &scratch.names)
            if !scratch.tagger.sentence.allCaps { widenToKnownNames(bytes, tokens, hashes, &scratch) }
        } else {
            heuristics.candidates(bytes, tokens, hashes, gazetteer: gazetteer, into: &scratch.names)
        }
        var mentions = scratch.names
        scratch.names = []  // keeps `mentions` uniquely referenced; handed back below
        // Gazetteer phrases. With the tagger, its coarse type stands (CoNLL shows that context beats
        // lists: "CHICAGO" in a results table is a team) and a matching phrase only contributes its
        // canonical name and code. Without it, phrases relabel candidates and fill gaps.
        // The phrases the tagger's features found in this sentence, or found here.
        if tagger == nil {
            scratch.phrases.removeAll(keepingCapacity: true)
            var i = 0
            while i < tokens.count {
                if tokens[i].kind == .capitalized, let (end, index) = gazetteer.longestMatchIndex(at: i, hashes, limit: tokens.count) {
                    scratch.phrases.append((i, end, index))
                    i = end
                } else {
                    i += 1
                }
            }
        }
        let phrases = tagger == nil ? scratch.phrases : scratch.tagger.sentence.phrases
        for (i, end, index) in phrases {
            let entry = gazetteer.entries[index]
            let g = Mention(startToken: i, endToken: end, startByte: tokens[i].start, endByte: tokens[end - 1].end,
                            label: entry.label, canonical: entry.canonical, iso3: entry.iso3, origin: .gazetteer)
            if let k = mentions.firstIndex(where: { $0.overlaps(g) }) {
                let m = mentions[k]
                let exact = m.startToken == g.startToken && m.endToken == g.endToken
                if tagger != nil {
                    if exact && Self.compatible(m.label, entry.label) {
                        mentions[k].canonical = entry.canonical
                        mentions[k].iso3 = entry.iso3
                    } else if exact && m.label == "ORG" && entry.label == "GPE" && entry.iso3 != nil {
                        // A listed country the tagger took for an organisation ("PRC"): a country.
                        mentions[k].label = "GPE"
                        mentions[k].canonical = entry.canonical
                        mentions[k].iso3 = entry.iso3
                    }
                } else if exact {
                    mentions[k].label = entry.label
                    mentions[k].canonical = entry.canonical
                    mentions[k].iso3 = entry.iso3
                } else if m.label == "?" && g.startToken <= m.startToken && g.endToken >= m.endToken {
                    mentions[k] = g
                }
            } else if tagger == nil || entry.label == "ORG" && gazetteer.isListedOrganisation(i, end, hashes) {
                mentions.append(g)  // with the tagger, only listed organisations it missed ("ISIL", "Daesh")
            }
        }
        // Numeric rules fill the gaps; dates and amounts win over single-word names inside them ("May 2019").
        if numeric {
            scratch.ruleMatches.removeAll(keepingCapacity: true)
            rules.matches(bytes, tokens, hashes, lists: &scratch.ruleLists, into: &scratch.ruleMatches)
            for r in scratch.ruleMatches {
                let m = Mention(startToken: r.start, endToken: r.end, startByte: tokens[r.start].start, endByte: tokens[r.end - 1].end,
                                label: r.label, canonical: nil, iso3: nil, origin: .rule)
                var clashes = 0, allUnknown = true, allInside = true
                for k in mentions.indices where mentions[k].overlaps(m) {
                    clashes += 1
                    if mentions[k].label != "?" { allUnknown = false }
                    if mentions[k].startToken < m.startToken || mentions[k].endToken > m.endToken { allInside = false }
                }
                if clashes == 0 {
                    mentions.append(m)
                } else if allUnknown || r.label != "CARDINAL" && r.label != "ORDINAL", allInside {
                    mentions.removeAll { $0.overlaps(m) }
                    mentions.append(m)
                }
            }
        }
        mentions.sort { $0.startToken < $1.startToken }
        // Refined in place (no copy of each mention's strings).
        for k in mentions.indices {
            mentions[k].label = refine(mentions[k], tokens, hashes)
            if tagger == nil || mentions[k].label != "?" { out.append(mentions[k]) }
        }
        scratch.names = mentions
    }

    /// Drops a one-word name at the start of a sentence when the unlabeled corpus shows the word
    /// is mostly lowercase mid-sentence ("Young children…", "Initially, …").
    private func dropCommonSentenceStarters(_ tagger: Tagger, _ hashes: [UInt64], _ names: inout [Mention]) {
        guard let first = names.first, first.startToken == 0, first.endToken == 1 else { return }
        let info = tagger.features.words.get(hashes[0]).info
        let capitalisation = (info >> 4) & 0xF  // 0 unknown, 1 + tenths capitalised mid-sentence
        if capitalisation == 1 && info & 0xF >= 6 { names.removeFirst() }
    }

    /// A name does not end in "of", "and", "the", "for", "in" or "on": the greedy tagger sometimes
    /// runs one token too far ("Helsinki Accords of 1975").
    private func trimTrailingFunctionWords(_ tokens: [Token], _ hashes: [UInt64], _ names: inout [Mention]) {
        for k in names.indices.reversed() {
            var end = names[k].endToken
            while end > names[k].startToken, tokens[end - 1].kind == .lower, Self.functionWords.contains(hashes[end - 1]) { end -= 1 }
            if end == names[k].startToken { names.remove(at: k); continue }
            if end < names[k].endToken {
                names[k].endToken = end
                names[k].endByte = tokens[end - 1].end
            }
        }
    }

    static let functionWords = WordSet(["of", "and", "the", "for", "in", "on", "at", "to", "a"])

    /// Replaces tagger names that lie inside a longer capitalised name which a gazetteer lists or
    /// whose head noun tells its label ("Food Programme" inside "World Food Programme", "Helsinki"
    /// inside "Helsinki Accords", "UN International Children’s Emergency Fund").
    private func widenToKnownNames(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64],
                                   _ scratch: inout Scratch) {
        scratch.runs.removeAll(keepingCapacity: true)
        heuristics.candidates(bytes, tokens, hashes, gazetteer: gazetteer, knownMultiWordOnly: true, into: &scratch.runs)
        guard !scratch.runs.isEmpty else { return }  // names unchanged: still in token order
        for run in scratch.runs {
            let inside = scratch.names.indices.filter { scratch.names[$0].overlaps(run) }
            guard inside.allSatisfy({ scratch.names[$0].startToken >= run.startToken && scratch.names[$0].endToken <= run.endToken })
            else { continue }
            if inside.count == 1, scratch.names[inside[0]].startToken == run.startToken,
               scratch.names[inside[0]].endToken == run.endToken, run.label != "LAW" && run.label != "EVENT" {
                continue  // the tagger found the same name: its type stands
            }
            for k in inside.reversed() { scratch.names.remove(at: k) }
            scratch.names.append(run)
        }
        scratch.names.sort { $0.startToken < $1.startToken }
    }

    /// Whether a gazetteer label fits a tagger type (LOC covers GPE, LOC and FAC; MISC covers NORP).
    static func compatible(_ coarse: String, _ fine: String) -> Bool {
        switch coarse {
        case "LOC": return fine == "GPE" || fine == "LOC" || fine == "FAC"
        case "ORG": return fine == "ORG"
        case "MISC": return fine == "NORP"
        default: return false
        }
    }

    /// Turns a coarse CoNLL label into the fine label set.
    func refine(_ m: Mention, _ tokens: [Token], _ hashes: [UInt64]) -> String {
        let head = hashes[m.endToken - 1]
        switch m.label {
        case "PER": return "PERSON"
        case "ORG": return "ORG"
        case "LOC":
            if let e = gazetteer.entry(m.startToken, m.endToken, hashes) { return e.label == "NORP" ? "GPE" : e.label }
            if let h = gazetteer.headLabel(head), h == "LOC" || h == "FAC" || h == "GPE" { return h }
            return "GPE"
        case "MISC":
            if let e = gazetteer.entry(m.startToken, m.endToken, hashes) { return e.label == "GPE" ? "NORP" : e.label }
            if let h = gazetteer.headLabel(head), h == "LAW" || h == "EVENT" { return h }
            if gazetteer.entry(m.endToken - 1, m.endToken, hashes)?.label == "NORP" { return "NORP" }
            if m.endToken - m.startToken == 1 { return "NORP" }
            return "EVENT"
        default: return m.label
        }
    }
}
