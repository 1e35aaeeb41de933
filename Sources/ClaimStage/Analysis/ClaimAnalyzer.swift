/// The tokens inside quotation marks, as the few token ranges of the quotations (no per-token
/// array to allocate for every sentence).
struct QuotedTokens {
    /// Token ranges of the quotations.
    let ranges: [(first: Int, end: Int)]

    /// Whether token `i` is quoted.
    subscript(_ i: Int) -> Bool {
        for r in ranges where r.first <= i && i < r.end { return true }
        return false
    }
}

/// Finds claim kinds, hedges, attribution and quotations in one sentence from its tokens, the
/// cue-phrase matches and the entities inside it. Pure rules over token hashes: no strings, no regexes.
struct ClaimAnalyzer: Sendable {
    /// The cue lexicon.
    let lexicon: CueLexicon

    /// Creates an analyzer over a lexicon.
    init(lexicon: CueLexicon = .english) { self.lexicon = lexicon }

    private static let h = ClaimTokenizer.hash
    private static let auxiliaries: TokenSet = TokenSet([
        "has", "have", "had", "was", "were", "is", "are", "also", "once", "publicly", "recently", "repeatedly",
        "then", "previously", "later", "famously", "himself", "herself", "themselves", "itself", "already",
        "has also", "even", "again", "still", "often", "openly", "explicitly", "reportedly", "not", "never", "finally",
        "first", "later", "subsequently", "immediately", "just", "always", "did", "does", "do",
    ])
    private static let leadingConnectives: TokenSet = TokenSet([
        "and", "but", "yet", "so", "however", "moreover", "meanwhile", "still", "indeed", "also", "furthermore",
        "then", "now", "thus", "instead", "similarly", "likewise", "in", "addition", "as", "well", "for", "example",
        "instance", "at", "the", "same", "time", "or", "nor",
    ])
    private static let articles: TokenSet = TokenSet(["the", "a", "an"])
    private static let firstPerson: TokenSet = TokenSet(["i", "we", "you", "me", "us", "my", "our", "let"])
    private static let willBlockers: TokenSet = TokenSet(["the", "political", "good", "free", "his", "her", "their", "its",
                                                        "of", "own", "popular", "ill", "a"])
    private static let clauseStops: TokenSet = TokenSet([
        "should", "would", "could", "will", "can", "must", "may", "might", "shall", "to", "who", "which", "whom", "whose",
        "when", "while", "if", "because", "although", "though", "where",
    ])
    private static let modifiers: TokenSet = TokenSet(["its", "his", "her", "their", "the", "a", "an", "our", "my", "your",
                                                     "this", "these", "those", "of", "and", "or"])
    private static let idiomAfterModal: TokenSet = TokenSet(["like", "say", "admit", "confess", "add", "thank", "congratulate"])
    private static let coordinators: TokenSet = TokenSet(["and", "or", "then", "but"])
    private static let thanBlockers: TokenSet = TokenSet(["rather", "other"])
    private static let numberHedges: TokenSet = TokenSet(["about", "around", "some", "up", "as"])
    private static let reportingHedges: TokenSet = TokenSet(["reportedly", "allegedly", "purportedly", "supposedly", "it"])
    private static let thesisItVerbs: TokenSet = TokenSet(["argues", "proposes", "contends", "recommends", "suggests",
                                                         "examines", "concludes", "shows", "finds"])
    private static let hThat = h("that"), hIt = h("it"), hMay = h("may"), hThan = h("than"), hWill = h("will")
    private static let hComma = h(","), hSemicolon = h(";"), hColon = h(":"), hQuestion = h("?")
    private static let hPeriod = h("."), hBang = h("!"), hParen = h(")"), hDollar = h("$"), hPercent = h("%")
    private static let hAs = h("as"), hQuote = h("\"")

    /// Analyses one sentence.
    ///
    /// - Parameters:
    ///   - tokens: the sentence's tokens.
    ///   - matches: cue matches over `tokens` (from `lexicon.matches`).
    ///   - entities: entities inside the sentence (byte offsets), in order.
    ///   - shape: `ClaimAnalyzer.shape(tokens)` when the caller has it already.
    func analyze(_ tokens: [ClaimToken], _ matches: [CueLexicon.Match], entities: [EntityMention],
                 shape known: Shape? = nil) -> ClaimAnalysis {
        var a = ClaimAnalysis()
        a.entities = entities
        guard !tokens.isEmpty else { return a }
        let shape = known ?? ClaimAnalyzer.shape(tokens)
        let words = shape.words
        a.wordCount = words
        a.isQuestion = shape.isQuestion
        a.isComplete = shape.isComplete

        // Quotations first: cues inside a quotation belong to the quoted speaker (none without a quotation mark).
        let quoteRanges = shape.hasQuote ? quotations(tokens) : []
        for r in quoteRanges where r.first < r.end {
            a.quotations.append(.init(start: tokens[r.first].start, end: tokens[r.end - 1].end))
        }
        let inQuote = QuotedTokens(ranges: quoteRanges)

        var hedgeMatches: [CueLexicon.Match] = []
        var reportMatch: CueLexicon.Match?
        var evidentialMatch: CueLexicon.Match?
        var accordingMatch: CueLexicon.Match?
        var stanceMatch: CueLexicon.Match?
        var selfMatch: CueLexicon.Match?
        var reportingHedge: CueLexicon.Match?
        for m in matches {
            a.cueBits |= 1 << UInt32(m.category.rawValue)
            let outside = !inQuote[m.first]
            switch m.category {
            case .hedge:
                if isHedge(m, tokens, entities) {
                    hedgeMatches.append(m)
                    if reportingHedge == nil, ClaimAnalyzer.reportingHedges.contains(tokens[m.first].hash), outside,
                       m.end - m.first == 1 || tokens[m.first].hash == ClaimAnalyzer.hIt {
                        reportingHedge = m
                    }
                }
            case .evidential: if outside, evidentialMatch == nil { evidentialMatch = m }
            case .according: if outside, accordingMatch == nil { accordingMatch = m }
            case .reportVerb: if outside, reportMatch == nil { reportMatch = m }
            case .reportVerbThat:
                if outside, reportMatch == nil, m.end < tokens.count,
                   tokens[m.end].hash == ClaimAnalyzer.hThat || tokens[m.end].isQuote || tokens[m.end].hash == ClaimAnalyzer.hColon {
                    reportMatch = m
                }
            case .stance: if outside, stanceMatch == nil { stanceMatch = m }
            case .selfReference: if outside, selfMatch == nil, followedByThesisVerb(m, matches, tokens) { selfMatch = m }
            case .causal: if outside { a.kinds.insert(.causal) }
            case .comparative:
                if tokens[m.first].hash == ClaimAnalyzer.hThan, m.first > 0,
                   ClaimAnalyzer.thanBlockers.contains(tokens[m.first - 1].hash) { break }
                a.kinds.insert(.comparative)
            case .predictive:
                if outside {
                    if tokens[m.first].hash == ClaimAnalyzer.hWill, m.first > 0,
                       ClaimAnalyzer.willBlockers.contains(tokens[m.first - 1].hash) { break }
                    a.kinds.insert(.predictive)
                }
            case .recommendation:
                // "I should like to", "I must say": politeness, not advice.
                if m.end < tokens.count, ClaimAnalyzer.idiomAfterModal.contains(tokens[m.end].hash) { break }
                if outside { a.kinds.insert(.recommendation) }
            case .evaluative: a.kinds.insert(.evaluative)
            case .thesisVerb, .quantity, .negation, .month: break
            }
        }
        a.hedges = longestFirst(hedgeMatches).map { .init(start: tokens[$0.first].start, end: tokens[$0.end - 1].end) }

        // Thesis: "This paper argues", "We contend", or a sentence opening "It proposes".
        if let s = selfMatch {
            a.kinds.insert(.thesis)
            a.attribution = .init(via: "self", source: .init(start: tokens[s.first].start, end: tokens[s.end - 1].end),
                                  cue: cueSpan(tokens, thesisVerbAfter(s, matches)), entity: nil)
        } else if tokens[0].hash == ClaimAnalyzer.hIt, tokens.count > 1, ClaimAnalyzer.thesisItVerbs.contains(tokens[1].hash),
                  tokens.count > 2, tokens[2].hash == ClaimAnalyzer.hThat {
            a.kinds.insert(.thesis)
            a.attribution = .init(via: "self", source: .init(start: tokens[0].start, end: tokens[0].end),
                                  cue: .init(start: tokens[1].start, end: tokens[1].end), entity: nil)
        }

        // Attribution to a source other than the author.
        if a.attribution == nil {
            if let m = accordingMatch {
                var b = m.end
                while b < tokens.count, b - m.end < 2, tokens[b].shape == .punct, tokens[b].first == 0x5B { b += 1 }  // "[" of a link
                var e = b
                while e < tokens.count, e - m.end < 12, tokens[e].isWord { e += 1 }
                let source = e > b ? ClaimAnalysis.Cue(start: tokens[b].start, end: tokens[e - 1].end) : nil
                a.attribution = .init(via: "according", source: source, cue: cueSpan(tokens, m),
                                      entity: source.flatMap { actor(in: $0, entities) })
            } else if let m = evidentialMatch {
                let source = ClaimAnalysis.Cue(start: tokens[m.first].start, end: tokens[m.first].end)
                a.attribution = .init(via: "evidential", source: source, cue: cueSpan(tokens, m), entity: nil)
            } else if let m = reportMatch, let src = subject(before: m.first, tokens, inQuote) {
                a.attribution = .init(via: "reported", source: src, cue: cueSpan(tokens, m), entity: actor(in: src, entities))
            } else if let m = reportMatch, a.quotations.isEmpty == false {
                a.attribution = .init(via: "reported", source: nil, cue: cueSpan(tokens, m), entity: nil)
            } else if let m = stanceMatch, let src = subject(before: m.first, tokens, inQuote),
                      !ClaimAnalyzer.firstPerson.contains(tokenHash(at: src.start, tokens)) {
                a.attribution = .init(via: "stance", source: src, cue: cueSpan(tokens, m), entity: actor(in: src, entities))
            } else if let m = reportingHedge {
                a.attribution = .init(via: "reported", source: nil, cue: cueSpan(tokens, m), entity: nil)
            }
            if let at = a.attribution {
                if let src = at.source, ClaimAnalyzer.firstPerson.contains(tokenHash(at: src.start, tokens)), at.via == "reported",
                   src.end - src.start <= 3 {
                    // "I said", "we think": the speaker's own view, not a reported one.
                    a.attribution = nil
                } else {
                    a.kinds.insert(.attributed)
                }
            }
        }

        // Quotations: a quoted passage of three words or more, or any attributed one.
        if !a.quotations.isEmpty {
            var longest = 0
            for r in quoteRanges {
                var n = 0
                for i in r.first..<r.end where tokens[i].isWord { n += 1 }
                longest = max(longest, n)
            }
            if longest >= 3 || a.attribution != nil { a.kinds.insert(.quotation) }
        }

        // Numbers: a numeric entity, or a number token that is not a year or inside a date.
        if entities.contains(where: \.isNumeric) || hasFreeNumber(tokens, entities) { a.kinds.insert(.statistical) }
        if a.cueBits & (1 << UInt32(CueCategory.quantity.rawValue)) != 0, hasStrongQuantity(matches, tokens) {
            a.kinds.insert(.statistical)
        }

        // Factual: a complete declarative sentence about named things, dates or numbers, that is not
        // only a recommendation, thesis or forecast.
        let reportsFacts = !a.kinds.isDisjoint(with: [.statistical, .attributed, .quotation])
        let onlyOpinion = !a.kinds.isDisjoint(with: [.recommendation, .thesis, .predictive])
        if a.isComplete, !a.isQuestion, words >= 5, !entities.isEmpty || a.kinds.contains(.statistical),
           reportsFacts || !onlyOpinion {
            a.kinds.insert(.factual)
        }
        if a.isQuestion { a.kinds.subtract([.factual, .recommendation, .thesis]) }
        return a
    }

    private func h(_ s: String) -> UInt64 { ClaimTokenizer.hash(s) }

    /// What `shape(_:)` tells of a sentence.
    typealias Shape = (words: Int, isQuestion: Bool, isComplete: Bool, hasQuote: Bool)

    /// What a sentence's tokens alone tell: its word count, whether it ends as a question or
    /// complete (with . ! or ?, before closing quotes and parentheses), and whether it has any
    /// quotation mark.
    static func shape(_ tokens: [ClaimToken]) -> Shape {
        guard !tokens.isEmpty else { return (0, false, false, false) }
        var words = 0, quotes = 0
        for t in tokens {
            if t.isWord { words += 1 }
            if t.isQuote { quotes += 1 }
        }
        var last = tokens.count - 1
        while last > 0, tokens[last].isQuote || tokens[last].hash == ClaimAnalyzer.hParen { last -= 1 }
        let lastHash = tokens[last].hash
        let isQuestion = lastHash == ClaimAnalyzer.hQuestion
        return (words, isQuestion, isQuestion || lastHash == ClaimAnalyzer.hPeriod || lastHash == ClaimAnalyzer.hBang, quotes > 0)
    }

    private func tokenHash(at byte: Int, _ tokens: [ClaimToken]) -> UInt64 {
        tokens.first(where: { $0.start == byte })?.hash ?? 0
    }

    private func cueSpan(_ tokens: [ClaimToken], _ m: CueLexicon.Match) -> ClaimAnalysis.Cue {
        .init(start: tokens[m.first].start, end: tokens[m.end - 1].end)
    }

    /// Drops matches that overlap an earlier or longer one.
    private func longestFirst(_ ms: [CueLexicon.Match]) -> [CueLexicon.Match] {
        let sorted = ms.sorted { $0.first != $1.first ? $0.first < $1.first : $0.end > $1.end }
        var out: [CueLexicon.Match] = []
        for m in sorted {
            if let last = out.last, m.first < last.end { continue }
            out.append(m)
        }
        return out
    }

    /// Whether a hedge match is a hedge here: "May 2019" is a month, "about" hedges only numbers.
    private func isHedge(_ m: CueLexicon.Match, _ tokens: [ClaimToken], _ entities: [EntityMention]) -> Bool {
        let t = tokens[m.first]
        if t.hash == ClaimAnalyzer.hMay {
            if t.shape == .capitalized && m.first > 0 { return false }
            if m.first + 1 < tokens.count, tokens[m.first + 1].shape == .number { return false }
            if entities.contains(where: { $0.isTime && $0.start <= t.start && $0.end >= t.end }) {
                return false
            }
        }
        if m.end - m.first == 1 || (t.hash == h("up") || t.hash == ClaimAnalyzer.hAs),
           ClaimAnalyzer.numberHedges.contains(t.hash) {
            guard m.end < tokens.count else { return false }
            let next = tokens[m.end]
            return next.shape == .number || next.hash == ClaimAnalyzer.hDollar
                || entities.contains(where: { $0.isNumeric && $0.start == next.start })
        }
        return true
    }

    private func followedByThesisVerb(_ m: CueLexicon.Match, _ matches: [CueLexicon.Match], _ tokens: [ClaimToken]) -> Bool {
        thesisVerbMatch(m, matches) != nil
    }

    private func thesisVerbMatch(_ m: CueLexicon.Match, _ matches: [CueLexicon.Match]) -> CueLexicon.Match? {
        matches.first { $0.category == .thesisVerb && $0.first >= m.end && $0.first <= m.end + 1 }
    }

    private func thesisVerbAfter(_ m: CueLexicon.Match, _ matches: [CueLexicon.Match]) -> CueLexicon.Match {
        thesisVerbMatch(m, matches) ?? m
    }

    /// The subject noun phrase of a verb at token `verb`: the clause before it, minus leading
    /// connectives and an appositive ("Thomas Buergenthal, a former judge, described" → "Thomas Buergenthal").
    private func subject(before verb: Int, _ tokens: [ClaimToken], _ inQuote: QuotedTokens) -> ClaimAnalysis.Cue? {
        // "its promised aid", "the reported cases": a participle used as an adjective, not a verb.
        if verb > 0, ClaimAnalyzer.modifiers.contains(tokens[verb - 1].hash) || tokens[verb - 1].isPossessive { return nil }
        var end = verb  // exclusive
        while end > 0, ClaimAnalyzer.auxiliaries.contains(tokens[end - 1].hash) { end -= 1 }
        var begin = end
        while begin > 0 {
            let t = tokens[begin - 1]
            if t.isQuote || inQuote[begin - 1] || t.hash == ClaimAnalyzer.hSemicolon || t.hash == ClaimAnalyzer.hColon
                || t.hash == ClaimAnalyzer.hThat || (t.shape == .punct && t.first == 0xA6)
                || ClaimAnalyzer.clauseStops.contains(t.hash) { break }
            begin -= 1
        }
        while begin < end, ClaimAnalyzer.leadingConnectives.contains(tokens[begin].hash) || !tokens[begin].isWord {
            // Keep an article that opens the noun phrase ("the administrations of…", "A former…").
            if ClaimAnalyzer.articles.contains(tokens[begin].hash), begin + 1 < end, tokens[begin + 1].isWord,
               !ClaimAnalyzer.leadingConnectives.contains(tokens[begin + 1].hash) || tokens[begin + 1].shape == .capitalized {
                break
            }
            begin += 1
        }
        guard begin < end else { return nil }
        // Split by commas.
        var segments: [Range<Int>] = []
        var s = begin
        for i in begin..<end where tokens[i].hash == ClaimAnalyzer.hComma {
            segments.append(s..<i)
            s = i + 1
        }
        segments.append(s..<end)
        var chosen: Range<Int>
        if segments.count >= 2, segments.last!.isEmpty {
            chosen = segments[0]  // "X, an appositive, said"
        } else if segments.count >= 2, let s = segments.last, !s.isEmpty, ClaimAnalyzer.coordinators.contains(tokens[s.lowerBound].hash) {
            chosen = segments[0]  // "He reports…, and finally announces": the verbs share the first subject
        } else {
            chosen = segments.last!
        }
        while !chosen.isEmpty, !tokens[chosen.lowerBound].isWord { chosen = (chosen.lowerBound + 1)..<chosen.upperBound }
        while !chosen.isEmpty, !tokens[chosen.upperBound - 1].isWord { chosen = chosen.lowerBound..<(chosen.upperBound - 1) }
        guard !chosen.isEmpty, chosen.count <= 14 else { return nil }
        return .init(start: tokens[chosen.lowerBound].start, end: tokens[chosen.upperBound - 1].end)
    }

    /// The actor entity a source span is: one that covers it, or one that opens it (after "the").
    private func actor(in source: ClaimAnalysis.Cue, _ entities: [EntityMention]) -> EntityMention? {
        var best: EntityMention?
        for e in entities where e.isActor && e.start >= source.start && e.end <= source.end {
            if e.start == source.start && e.end == source.end { return e }
            if best == nil, e.start == source.start { best = e }
            if best == nil, e.start <= source.start + 4, e.end == source.end { best = e }  // "the United States"
        }
        if best == nil, let covering = entities.first(where: {
            $0.isActor && $0.start <= source.start && $0.end >= source.end
        }) { best = covering }
        return best
    }

    private func quotations(_ tokens: [ClaimToken]) -> [(first: Int, end: Int)] {
        var out: [(Int, Int)] = []
        var open: Int?
        var straightOpen: Int?
        var sawWord = false
        for (i, t) in tokens.enumerated() {
            switch t.shape {
            case .openQuote: if open == nil { open = i }
            case .closeQuote:
                if let o = open { out.append((o + 1, i)); open = nil }
                else if sawWord, out.isEmpty { out.append((0, i)) }  // continues a quotation from the previous sentence
            case .straightQuote:
                if let o = straightOpen { out.append((o + 1, i)); straightOpen = nil } else { straightOpen = i }
            default: if t.isWord { sawWord = true }
            }
        }
        if let o = open ?? straightOpen, o + 1 < tokens.count { out.append((o + 1, tokens.count)) }
        return out.filter { r in (r.0..<r.1).contains { tokens[$0].isWord } }
            .map { r in
                var e = r.1
                while e > r.0, !tokens[e - 1].isWord, tokens[e - 1].hash != ClaimAnalyzer.hPeriod { e -= 1 }
                return (first: r.0, end: e)
            }
    }

    /// A number token outside any date entity that does not look like a year (one pass over both
    /// lists, which are in text order).
    private func hasFreeNumber(_ tokens: [ClaimToken], _ entities: [EntityMention]) -> Bool {
        var k = 0
        for (i, t) in tokens.enumerated() where t.shape == .number {
            while k < entities.count, entities[k].end <= t.start { k += 1 }
            var inDate = false
            var j = k
            while j < entities.count, entities[j].start <= t.start {
                let group = entities[j].group
                if (group == .time || group == .ordinal) && entities[j].end >= t.end { inDate = true; break }
                j += 1
            }
            if inDate { continue }
            let len = t.end - t.start
            if len == 4 && (t.first == 0x31 || t.first == 0x32) { continue }  // 1975, 2019: years
            if i > 0, isMonth(tokens[i - 1]) { continue }
            if i + 1 < tokens.count, isMonth(tokens[i + 1]) { continue }
            return true
        }
        return false
    }

    private func isMonth(_ t: ClaimToken) -> Bool {
        lexicon.startsPhrase(t.hash, of: .month)
    }

    private func hasStrongQuantity(_ matches: [CueLexicon.Match], _ tokens: [ClaimToken]) -> Bool {
        for m in matches where m.category == .quantity {
            let hash = tokens[m.first].hash
            if hash == ClaimAnalyzer.hDollar || hash == ClaimAnalyzer.hPercent { continue }
            return true
        }
        return false
    }
}
