/// Turns a tokenized sentence into hashed features for the tagger.
///
/// Per token: the word and its neighbours (±2), word shape and neighbouring shapes, prefixes and
/// suffixes (1–4 bytes), sentence position, gazetteer membership, and what the unlabeled corpus
/// says about the word (its distributional cluster and how often it is capitalised mid-sentence).
/// Features that depend on earlier decisions (previous tags) are added by the decoder.
struct FeatureExtractor: Sendable {
    /// Name lists (for membership features).
    let gazetteer: Gazetteer
    /// Word statistics from unlabeled text.
    let lexicon: WordLexicon
    /// Lexicon info and person-name code of each word, in one table.
    let words: WordFacts
    /// `lexicon.info(0)`: what every punctuation token reads (looked up once).
    let punctuationInfo: UInt32

    /// Creates an extractor over name lists and word statistics.
    init(gazetteer: Gazetteer, lexicon: WordLexicon) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        words = WordFacts(lexicon: Array(zip(lexicon.keys, lexicon.values)), personNames: gazetteer.personNameEntries)
        punctuationInfo = words.get(0).info
    }

    /// What the static features read about one token besides its lowercase hash.
    struct TokenContext {
        /// Hash of the token's bytes as they are.
        var exact: UInt64 = 0
        /// Collapsed word shape (`shape`).
        var shape: UInt64 = 0
        /// Person-name list membership (4 for tokens that are not capitalized).
        var person: UInt64 = 0
        /// Gazetteer phrase code (0 outside phrases, label code + 1 at a start, + 2 inside).
        var gaz: UInt64 = 0
        /// Lexicon info of the word (`WordLexicon`).
        var info: UInt32 = 0
        /// The sentence (`Sentence.stamp`) whose token `exact`, `shape`, `person` and `info`
        /// describe; from another sentence they are stale (`gaz` is always current).
        var stamp: UInt32 = 0
    }

    /// Per-sentence token properties, reused between sentences.
    struct Sentence {
        /// Lowercase token hashes.
        var lower: [UInt64] = []
        /// Per-token properties; the tagger fills them only for tokens it scores and their neighbours.
        /// Kept between sentences (it holds at least as many entries as the sentence has tokens):
        /// a new sentence takes a new `stamp` instead of clearing every entry.
        var context: [TokenContext] = []
        /// Number of the current sentence (never 0 once one has begun).
        var stamp: UInt32 = 0
        var allCaps = false
        /// Share of number tokens, bucketed 0…3 (results tables have many).
        var numeric: UInt64 = 0
        /// Gazetteer phrases found left to right, longest first (`Gazetteer.longestMatchIndex` from
        /// each capitalised token not inside an earlier phrase): first token, end, entry index.
        var phrases: [(start: Int, end: Int, index: Int)] = []
        /// Static feature hashes, `perToken` per token (filled by `prepare`).
        var features: [UInt64] = []
        var perToken = 0

        /// Shape of token i (filled).
        func shape(_ i: Int) -> UInt64 { context[i].shape }
    }

    /// A sentence's tokens and properties in memory, as `staticFeatures` reads them.
    struct View {
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: UnsafeBufferPointer<Token>
        let lower: UnsafeBufferPointer<UInt64>
        let context: UnsafeMutableBufferPointer<TokenContext>
        let allCaps: Bool
        let numeric: UInt64
        /// `Sentence.stamp` of the sentence.
        let stamp: UInt32
    }

    static let bos: UInt64 = 0x5EED_0000_0000_0001
    static let eos: UInt64 = 0x5EED_0000_0000_0002

    /// Fills `s` for `tokens` (with `hashes` their lowercase hashes).
    func prepare(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], into s: inout Sentence) {
        beginSentence(bytes, tokens, hashes, into: &s)
        let n = tokens.count
        var feats = s.features
        s.features = []
        let count = n * Self.staticCount
        if feats.count != count {
            if feats.count > count { feats.removeLast(feats.count - count) } else { feats.append(contentsOf: repeatElement(0, count: count - feats.count)) }
        }
        s.perToken = n == 0 ? 0 : Self.staticCount
        var context = s.context
        s.context = []
        tokens.withUnsafeBufferPointer { tp in
            s.lower.withUnsafeBufferPointer { lp in
                context.withUnsafeMutableBufferPointer { cp in
                    feats.withUnsafeMutableBufferPointer { buf in
                        let view = View(bytes: bytes, tokens: tp, lower: lp, context: cp, allCaps: s.allCaps, numeric: s.numeric, stamp: s.stamp)
                        for i in 0..<n { fill(view, i) }
                        for i in 0..<n { writeStaticFeatures(view, i, to: buf.baseAddress! + i * Self.staticCount) }
                    }
                }
            }
        }
        s.context = context
        s.features = feats
    }

    /// Writes token `i`'s `staticCount` static feature hashes at `target` (tokens i-1…i+1 filled).
    @inline(__always)
    func writeStaticFeatures(_ view: View, _ i: Int, to target: UnsafeMutablePointer<UInt64>) {
        var out = FeatureWriter(target)
        staticFeatures(view, i, into: &out)
        assert(out.position == target + Self.staticCount)
    }

    /// Writes token `i`'s context features at `context`, its own features at `own` and its word ×
    /// sentence features at `word` (none when `own` or `word` is nil); tokens i-1…i+1 filled.
    @inline(__always)
    func writeSplitFeatures(_ view: View, _ i: Int, context: UnsafeMutablePointer<UInt64>, own: UnsafeMutablePointer<UInt64>?,
                            word: UnsafeMutablePointer<UInt64>?) {
        var out = FeatureWriter(context: context, own: own, word: word)
        staticFeatures(view, i, into: &out)
        assert(out.position == context + Self.contextCount)
    }

    /// Starts a sentence: the lowercase hashes, sentence-wide values (all caps, share of numbers)
    /// and gazetteer phrase codes; every token's other properties wait for `fill`.
    func beginSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], into s: inout Sentence) {
        let n = tokens.count
        s.lower = hashes
        // n contexts, in the memory of earlier sentences: a new stamp marks every entry stale, and
        // only the gazetteer codes of the last sentence's phrases need clearing.
        if s.context.count < n {
            s.context.reserveCapacity(n)
            while s.context.count < n { s.context.append(TokenContext()) }
        }
        for p in s.phrases {
            for k in p.start..<p.end { s.context[k].gaz = 0 }
        }
        s.stamp &+= 1
        if s.stamp == 0 {  // wrapped: no entry may carry the new stamp
            s.context.withUnsafeMutableBufferPointer { $0.update(repeating: TokenContext()) }
            s.stamp = 1
        }
        // All caps: no lowercase ASCII letter and at least two uppercase ones.
        var upperLetters = 0
        var allCaps = true
        scan: for t in tokens {
            for k in t.start..<t.end {
                let b = bytes[k]
                if b &- 0x61 < 26 { allCaps = false; break scan }
                if b &- 0x41 < 26 { upperLetters += 1 }
            }
        }
        s.allCaps = allCaps && upperLetters > 1
        var numbers = 0
        for t in tokens where t.kind == .number { numbers += 1 }
        s.numeric = n == 0 ? 0 : UInt64(min(3, (numbers * 8) / n))
        s.phrases.removeAll(keepingCapacity: true)
        var i = 0
        while i < n {
            if tokens[i].kind == .capitalized, let (end, index) = gazetteer.longestMatchIndex(at: i, hashes, limit: n) {
                s.phrases.append((i, end, index))
                let code = gazetteer.labelCodes[index]
                s.context[i].gaz = code &+ 1
                for k in (i + 1)..<end { s.context[k].gaz = code &+ 2 }
                i = end
            } else {
                i += 1
            }
        }
    }

    /// Fills token i's exact hash, shape, person-name code and lexicon info.
    @inline(__always)
    func fill(_ view: View, _ i: Int) {
        let t = view.tokens[i]
        let lower = view.lower[i]
        var exact = lower
        // A tokenizer token with neither uppercase nor non-ASCII bytes is its own lowercase form:
        // its exact hash is its lowercase hash. Other tokens are hashed here.
        if !t.flags.contains(.scanned) || t.flags.contains(.upperOrNonASCII) {
            exact = WordHash.offset
            for k in t.start..<t.end { exact = (exact ^ UInt64(view.bytes[k])) &* WordHash.prime }
        }
        view.context[i].exact = exact
        view.context[i].shape = Self.shape(view.bytes, t)
        if t.kind == .punct {
            view.context[i].info = punctuationInfo
            view.context[i].person = 4
        } else {
            let facts = words.get(lower)
            view.context[i].info = facts.info
            view.context[i].person = t.kind == .capitalized ? UInt64(facts.person) : 4
        }
        view.context[i].stamp = view.stamp
    }

    /// Fills tokens i-1…i+1 when not yet filled (what token i's static features read).
    @inline(__always)
    func fillAround(_ view: View, _ i: Int) {
        if i > 0 && view.context[i - 1].stamp != view.stamp { fill(view, i - 1) }
        if view.context[i].stamp != view.stamp { fill(view, i) }
        if i + 1 < view.tokens.count && view.context[i + 1].stamp != view.stamp { fill(view, i + 1) }
    }

    /// Number of hashes `staticFeatures` writes per token.
    static let staticCount = 46
    /// How many of them depend only on the token's own bytes ("own" features: the word, its shape,
    /// prefixes and suffixes, lexicon clusters, person-name code, and the bias).
    static let ownCount = 19
    /// How many depend only on the token's bytes and the sentence-wide values (all caps, share of
    /// numbers, first position): "word × sentence" features, the same for a word in most sentences.
    static let wordCount = 6
    /// How many depend on neighbours.
    static let contextCount = staticCount - ownCount - wordCount

    /// Writes feature hashes one after another into preallocated memory: all in template order,
    /// or own and word × sentence features apart from the others (or left out, when their sums are
    /// already known).
    struct FeatureWriter {
        /// Next slot for context features (and for own and word features when written in order).
        var position: UnsafeMutablePointer<UInt64>
        /// Next slot for own features when they are written apart.
        var ownPosition: UnsafeMutablePointer<UInt64>?
        /// Next slot for word × sentence features when they are written apart.
        var wordPosition: UnsafeMutablePointer<UInt64>?
        /// Whether own features are written at all.
        let wantsOwn: Bool
        /// Whether word × sentence features are written at all.
        let wantsWord: Bool

        /// Every feature at `p`, in template order.
        init(_ p: UnsafeMutablePointer<UInt64>) {
            position = p
            ownPosition = nil
            wordPosition = nil
            wantsOwn = true
            wantsWord = true
        }

        /// Context features at `context`; own features at `own` and word × sentence features at
        /// `word`, or none when nil.
        init(context: UnsafeMutablePointer<UInt64>, own: UnsafeMutablePointer<UInt64>?, word: UnsafeMutablePointer<UInt64>?) {
            position = context
            ownPosition = own
            wordPosition = word
            wantsOwn = own != nil
            wantsWord = word != nil
        }

        @inline(__always) mutating func word(_ h: @autoclosure () -> UInt64) {
            guard wantsWord else { return }
            if let p = wordPosition {
                p.pointee = h()
                wordPosition = p + 1
            } else {
                append(h())
            }
        }

        @inline(__always) mutating func append(_ h: UInt64) {
            position.pointee = h
            position += 1
        }

        @inline(__always) mutating func own(_ h: @autoclosure () -> UInt64) {
            guard wantsOwn else { return }
            if let p = ownPosition {
                p.pointee = h()
                ownPosition = p + 1
            } else {
                append(h())
            }
        }
    }

    @inline(__always) func f(_ template: UInt64, _ value: UInt64) -> UInt64 { WordHash.mix(template &* 0x9E37_79B9_7F4A_7C15, value) }

    /// A fixed number of features per token (missing context uses BOS/EOS values).
    @inline(__always)
    private func staticFeatures(_ s: View, _ i: Int, into out: inout FeatureWriter) {
        let n = s.tokens.count
        let bytes = s.bytes
        let w0 = s.lower[i]
        let wm1 = i > 0 ? s.lower[i - 1] : Self.bos, wm2 = i > 1 ? s.lower[i - 2] : Self.bos
        let wp1 = i + 1 < n ? s.lower[i + 1] : Self.eos, wp2 = i + 2 < n ? s.lower[i + 2] : Self.eos
        let c0 = s.context[i]
        let cm1 = i > 0 ? s.context[i - 1] : TokenContext(), cp1 = i + 1 < n ? s.context[i + 1] : TokenContext()
        let sh0 = c0.shape
        let shm1 = i > 0 ? cm1.shape : Self.bos, shp1 = i + 1 < n ? cp1.shape : Self.eos
        let info = c0.info
        let infom1 = cm1.info, infop1 = cp1.info
        let caps: UInt64 = s.allCaps ? 1 : 0
        out.own(f(1, 0))
        out.own(f(2, w0))
        out.append(f(3, wm1))
        out.append(f(4, wp1))
        out.append(f(5, wm2))
        out.append(f(6, wp2))
        out.own(f(7, sh0))
        out.append(f(8, shm1))
        out.append(f(9, shp1))
        out.append(f(10, WordHash.mix(shm1, sh0)))
        out.append(f(11, WordHash.mix(sh0, shp1)))
        let t = s.tokens[i]
        var prefix = WordHash.offset  // lowercase hash of the first min(k, length) bytes, extended byte by byte
        for k in 1...4 where out.wantsOwn {
            let len = min(k, t.length)
            if k <= t.length {
                var b = bytes[t.start + k - 1]
                if b &- 0x41 < 26 { b |= 0x20 }
                prefix = (prefix ^ UInt64(b)) &* WordHash.prime
            }
            out.own(f(11 + UInt64(k), prefix))
            out.own(f(15 + UInt64(k), WordHash.lower(bytes, t.end - len, t.end)))
        }
        out.append(f(20, WordHash.mix(wm1, w0)))
        out.append(f(21, WordHash.mix(w0, wp1)))
        out.word(f(22, WordHash.mix(i == 0 ? 1 : 0, sh0)))
        let c1024 = UInt64(info >> 22), c256 = UInt64((info >> 14) & 0xFF), c64 = UInt64((info >> 8) & 0x3F)
        out.own(f(23, c64 | (info == 0 ? 0x100 : 0)))
        out.own(f(24, c256))
        out.own(f(25, c1024))
        out.own(f(26, WordHash.mix(c256, sh0)))
        out.append(f(27, UInt64((infom1 >> 14) & 0xFF)))
        out.append(f(28, UInt64((infop1 >> 14) & 0xFF)))
        out.own(f(29, WordHash.mix(UInt64(info & 0xFF), sh0)))
        out.append(f(30, c0.gaz))
        out.append(f(31, i > 0 ? cm1.gaz : 7))
        out.append(f(32, i + 1 < n ? cp1.gaz : 7))
        out.own(f(33, c0.exact))
        out.word(f(34, WordHash.mix(caps, w0)))
        out.word(f(35, WordHash.mix(caps, sh0)))
        out.append(f(36, WordHash.mix(UInt64(infom1 & 0xFF), UInt64(info & 0xFF))))
        out.append(f(37, WordHash.mix(wm1, sh0)))
        out.append(f(38, WordHash.mix(sh0, wp1)))
        out.word(f(39, WordHash.mix(s.numeric, sh0)))
        out.word(f(46, WordHash.mix(s.numeric, c256)))
        out.word(f(47, WordHash.mix(s.numeric &+ caps &* 4, w0)))
        out.append(f(48, WordHash.mix(UInt64((infom1 >> 14) & 0xFF), c256)))
        let p0 = c0.person
        let pm1 = i > 0 ? cm1.person : 8, pp1 = i + 1 < n ? cp1.person : 8
        out.own(f(49, p0))
        out.append(f(50, pm1 &* 16 &+ p0))
        out.append(f(51, p0 &* 16 &+ pp1))
        out.own(f(52, WordHash.mix(p0, sh0)))
    }

    /// Number of features from `dynamicFeatures`.
    static let dynamicCount = 6

    /// Feature hashes that depend on earlier decisions: the previous two tags, and the type this
    /// word was most often given earlier in the document (`memory`, 0 when never).
    @inline(__always)
    func dynamicFeatures(_ lower: UInt64, _ shape: UInt64, prev: Int, prev2: Int, memory: UInt64, into out: inout [UInt64]) {
        let p = UInt64(prev), p2 = UInt64(prev2)
        out[0] = f(40, p)
        out[1] = f(41, p2 &* 31 &+ p)
        out[2] = f(42, WordHash.mix(p, lower))
        out[3] = f(43, WordHash.mix(p, shape))
        out[4] = f(44, memory)
        out[5] = f(45, WordHash.mix(memory, shape))
    }

    /// Word shape with runs collapsed: "Moon" → "Xx", "Jae-in" → "Xx-x", "2019" → "d", "U.S." → "X.X.".
    static func shape(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> UInt64 {
        var h = WordHash.offset
        var last: UInt8 = 0
        var count = 0
        var k = t.start
        while k < t.end {
            let b = bytes[k]
            let c: UInt8
            if b &- 0x41 < 26 { c = 0x58 } else if b &- 0x61 < 26 { c = 0x78 } else if b &- 0x30 < 10 { c = 0x64 }
            else if b >= 0xC0 { c = 0x75 } else if b >= 0x80 { k += 1; continue } else { c = b }
            if c != last {
                h = (h ^ UInt64(c)) &* WordHash.prime
                last = c
                count += 1
            }
            k += 1
        }
        // Short words keep their length: "X" (initial) differs from "Xx".
        let len = UInt64(min(t.length, 5))
        return (h ^ len) &* WordHash.prime
    }
}
