import DocPipe
import Foundation

/// The statistical name tagger: an averaged perceptron over hashed features (see
/// `FeatureExtractor`), decoded greedily left to right with the previous two tags and the
/// document's earlier decisions as features, BIO transitions enforced. Weights are 16-bit integers
/// with one scale: rows of tags 0–7 are added with SIMD integer adds, tag 8 (I-MISC) only where it
/// may follow. A class: extractors share one tagger per process without copying its tables.
final class Tagger: Sendable {
    /// File name of the shipped model inside Resources.
    static let modelFileName = "ner-model.bin"
    /// File name of the shipped word lexicon inside Resources.
    static let lexiconFileName = "ner-lexicon.bin"
    static let magic = Array("DPNER002".utf8)

    /// Feature extraction (gazetteer and lexicon).
    let features: FeatureExtractor
    /// The quantized weights, `buckets × 9`, in huge-page-backed memory.
    let table: WeightTable
    /// log2 of the number of hash buckets.
    let bits: Int
    /// Real weight = Int16 × scale.
    let scale: Float
    /// Summed rows of the two previous-tag features (`f(40, prev)`, `f(41, prev2·31 + prev)`),
    /// indexed `prev·9 + prev2`: tags 0–7 and tag 8 apart.
    private let transitionRows: [SIMD8<Int32>]
    private let transitionLast: [Int32]
    /// Rows of the document-memory feature `f(44, memory)`, indexed by memory value (0…7).
    private let memoryRows: [SIMD8<Int32>]
    private let memoryLast: [Int32]

    /// Buffers reused between sentences.
    struct Scratch {
        var sentence = FeatureExtractor.Sentence()
        var tags: [Int] = []
        /// Decisions so far in this document; reset it at a document start.
        var memory = DocumentMemory()
        /// Own-feature row sums of words seen before (valid for one tagger; may outlive a document).
        var words = WordRowCache()
        /// Per-token hashes and sums of the sentence being tagged.
        var scores = TokenScores()
    }

    /// Creates a tagger from its parts.
    convenience init(features: FeatureExtractor, weights: [Int16], bits: Int, scale: Float) {
        self.init(features: features, table: WeightTable.interleaved(weights), bits: bits, scale: scale)
    }

    /// Creates a tagger over a filled weight table.
    init(features: FeatureExtractor, table: WeightTable, bits: Int, scale: Float) {
        self.features = features
        self.table = table
        self.bits = bits
        self.scale = scale
        let shift = UInt64(64 - bits)
        func row(_ h: UInt64) -> (SIMD8<Int32>, Int32) {
            let r = Int(truncatingIfNeeded: h &>> shift)
            return (table.row(r), table.lastWeight(r))
        }
        var tr: [SIMD8<Int32>] = [], tl: [Int32] = []
        for p in 0..<9 {
            for p2 in 0..<9 {
                var d = [UInt64](repeating: 0, count: FeatureExtractor.dynamicCount)
                features.dynamicFeatures(0, 0, prev: p, prev2: p2, memory: 0, into: &d)
                let a = row(d[0]), b = row(d[1])
                tr.append(a.0 &+ b.0)
                tl.append(a.1 &+ b.1)
            }
        }
        var mr: [SIMD8<Int32>] = [], ml: [Int32] = []
        for m in 0..<8 {
            var d = [UInt64](repeating: 0, count: FeatureExtractor.dynamicCount)
            features.dynamicFeatures(0, 0, prev: 0, prev2: 0, memory: UInt64(m), into: &d)
            let a = row(d[4])
            mr.append(a.0)
            ml.append(a.1)
        }
        transitionRows = tr
        transitionLast = tl
        memoryRows = mr
        memoryLast = ml
    }

    /// Loads a model file (mapped, read once into the table) and the lexicon next to it.
    convenience init(contentsOf url: URL, gazetteer: Gazetteer) throws {
        let name = url.lastPathComponent
        let loaded: Result<(WeightTable, Int, Float), EntityResourceError>? = AtomicFile.withMappedFile(path: url.path) { file in
            guard file.count >= 20, file.prefix(8).elementsEqual(Self.magic) else { return .failure(EntityResourceError("\(name) is not a docpipe NER model (v2)")) }
            var r = ByteReader(Array(file.prefix(20)), at: 8)
            let bits = Int(r.u32()), tags = Int(r.u32())
            let scale = Float(bitPattern: r.u32())
            guard tags == NERTags.count, bits >= 10, bits <= 26, file.count == 20 + 2 * (1 << bits) * tags else {
                return .failure(EntityResourceError("\(name) has an unexpected shape"))
            }
            return .success((WeightTable(littleEndian: UnsafeRawBufferPointer(rebasing: file[20...]), bucketCount: 1 << bits), bits, scale))
        }
        guard let loaded else { throw EntityResourceError("cannot read \(url.path)") }
        let (table, bits, scale) = try loaded.get()
        let lexURL = url.deletingLastPathComponent().appendingPathComponent(Self.lexiconFileName)
        let lexicon = FileManager.default.fileExists(atPath: lexURL.path) ? try WordLexicon(bytes: ResourceFile.bytes(lexURL)) : WordLexicon()
        self.init(features: FeatureExtractor(gazetteer: gazetteer, lexicon: lexicon), table: table, bits: bits, scale: scale)
    }

    /// The model file: magic, bits and tag count (UInt32 LE), scale (Float32 LE), then the weights
    /// (Int16 LE).
    static func serialize(weights: [Int16], bits: Int, scale: Float) -> [UInt8] {
        var out = magic
        out.appendLE(UInt32(bits))
        out.appendLE(UInt32(NERTags.count))
        out.appendLE(scale.bitPattern)
        out.reserveCapacity(out.count + 2 * weights.count)
        for w in weights { out.append(UInt8(truncatingIfNeeded: w)); out.append(UInt8(truncatingIfNeeded: w >> 8)) }
        return out
    }

    /// Quantizes float weights linearly to Int16 (weights under 1/10,000 of the largest become 0).
    static func quantize(_ w: [Float]) -> (weights: [Int16], scale: Float) {
        var hi: Float = 0
        for x in w { hi = max(hi, abs(x)) }
        guard hi > 0 else { return ([Int16](repeating: 0, count: w.count), 1) }
        let scale = hi / 32767
        return (w.map { Int16(($0 / scale).rounded()) }, scale)
    }

    /// Tags a sentence; returns tag indices in `scratch.tags`.
    ///
    /// Left to right: a token without any uppercase or non-ASCII letter that follows an O is O
    /// without scoring (names rarely start with a lowercase word, number or symbol: CoNLL dev F1
    /// 90.92 → 90.89, see docs/performance.md), which skips most tokens of running text. Other
    /// tokens sum their static and dynamic feature rows; only they (and their neighbours) get
    /// their per-token feature context filled.
    ///
    /// In three passes, with the same integer sums (so the same tags) as scoring token by token:
    /// 1. the hashes of every token that is scored whatever precedes it (see `TokenScores`);
    /// 2. their rows summed in one loop, so the weight table's cache misses overlap;
    /// 3. the greedy decisions, adding the rows that depend on the previous tags (precomputed
    ///    for a previous O); a token scored only because a name precedes it is done here.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], scratch: inout Scratch) {
        features.beginSentence(bytes, tokens, hashes, into: &scratch.sentence)
        let n = tokens.count
        var tags = scratch.tags
        scratch.tags = []
        tags.removeAll(keepingCapacity: true)
        var context = scratch.sentence.context
        scratch.sentence.context = []  // keeps `context` uniquely referenced
        let allCaps = scratch.sentence.allCaps, numeric = scratch.sentence.numeric
        let words = scratch.words
        words.bind(to: self)
        let scores = scratch.scores
        scores.reset(count: n)
        let memory = scratch.memory  // read-only until `record` below: one copy, not one per token
        tokens.withUnsafeBufferPointer { tp in
            hashes.withUnsafeBufferPointer { hp in
                context.withUnsafeMutableBufferPointer { cp in
                    let view = FeatureExtractor.View(bytes: bytes, tokens: tp, lower: hp, context: cp, allCaps: allCaps, numeric: numeric,
                                                          stamp: scratch.sentence.stamp)
                    // 1. Hashes of the tokens scored after any tag.
                    for i in 0..<n where !Self.cannotStartName(bytes, tp[i]) {
                        prepare(view, i, memory: memory, words: words, scores: scores)
                    }
                    // 2. Their rows.
                    for i in 0..<n where scores.state[i] != .none { sum(view, i, words: words, scores: scores) }
                    // 3. Greedy decisions.
                    var prev = 0, prev2 = 0
                    for i in 0..<n {
                        if scores.state[i] == .none {
                            if prev == 0 {
                                prev2 = prev
                                tags.append(0)
                                continue
                            }
                            prepare(view, i, memory: memory, words: words, scores: scores)
                            sum(view, i, words: words, scores: scores)
                        }
                        var acc = transitionRows[prev &* 9 &+ prev2] &+ scores.rows[i]
                        if prev == 0 {
                            acc &+= scores.afterO[i]
                        } else {
                            let (a, b) = previousTagRows(view, i, prev: prev)
                            acc &+= table.row(a) &+ table.row(b)
                        }
                        var best = 0
                        var bestScore = Int32.min
                        for tag in 0..<8 where acc[tag] > bestScore && NERTags.allowed(prev: prev, tag) {
                            best = tag
                            bestScore = acc[tag]
                        }
                        if NERTags.allowed(prev: prev, 8) && lastScore(view, i, prev: prev, prev2: prev2, scores: scores) > bestScore {
                            best = 8
                        }
                        prev2 = prev
                        prev = best
                        tags.append(best)
                    }
                }
            }
        }
        scratch.sentence.context = context
        scratch.memory.record(tags, tokens, hashes)
        scratch.tags = tags
    }

    /// The row of a feature hash.
    @inline(__always) private func row(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h &>> UInt64(64 - bits)) }

    /// The rows of `f(42, prev·word)` and `f(43, prev·shape)` for token `i`.
    @inline(__always)
    private func previousTagRows(_ view: FeatureExtractor.View, _ i: Int, prev: Int) -> (Int, Int) {
        let p = UInt64(prev)
        return (row(features.f(42, WordHash.mix(p, view.lower[i]))), row(features.f(43, WordHash.mix(p, view.context[i].shape))))
    }

    /// Pass 1 for token `i`: fills its (and its neighbours') context and writes its feature
    /// hashes; its own rows (and, in a common sentence, its word × sentence rows) come from the
    /// word cache when it has them.
    @inline(__always)
    private func prepare(_ view: FeatureExtractor.View, _ i: Int, memory: DocumentMemory, words: WordRowCache, scores: TokenScores) {
        features.fillAround(view, i)
        let t = view.tokens[i]
        let target = scores.hashes + i &* TokenScores.hashesPerToken
        var own: UnsafeMutablePointer<UInt64>? = scores.own + i &* FeatureExtractor.ownCount
        var word: UnsafeMutablePointer<UInt64>? = target + TokenScores.wordOffset
        scores.wordKnown[i] = false
        if t.length <= WordRowCache.maxLength,
           let known = words.find(words.slot(view.context[i].exact), WordRowCache.key(view.bytes, t), t) {
            scores.rows[i] = known.rows
            scores.state[i] = .ownKnown
            own = nil
            if let common = known.common, Self.isCommon(view, i) {
                scores.rows[i] &+= common
                scores.wordKnown[i] = true
                word = nil
            }
        } else {
            scores.state[i] = .ownHashed
        }
        features.writeSplitFeatures(view, i, context: target, own: own, word: word)
        let m = t.kind == .capitalized ? memory.value(view.lower[i]) : 7
        let shape = view.context[i].shape
        scores.memory[i] = UInt8(m)
        target[FeatureExtractor.contextCount] = features.f(45, WordHash.mix(m, shape))
        target[FeatureExtractor.contextCount + 1] = features.f(42, WordHash.mix(0, view.lower[i]))
        target[FeatureExtractor.contextCount + 2] = features.f(43, WordHash.mix(0, shape))
    }

    /// Whether token `i`'s word × sentence features are those of a common sentence (not all caps,
    /// no numbers, not the first token).
    @inline(__always)
    private static func isCommon(_ view: FeatureExtractor.View, _ i: Int) -> Bool { !view.allCaps && view.numeric == 0 && i > 0 }

    /// Pass 2 for token `i`: sums its rows of tags 0–7 (and caches its own and word × sentence
    /// rows when they were hashed).
    @inline(__always)
    private func sum(_ view: FeatureExtractor.View, _ i: Int, words: WordRowCache, scores: TokenScores) {
        let t = view.tokens[i]
        let cacheable = t.length <= WordRowCache.maxLength
        var acc: SIMD8<Int32>
        if scores.state[i] == .ownKnown {
            acc = scores.rows[i]
        } else {
            acc = SIMD8<Int32>(repeating: 0)
            let own = scores.own + i &* FeatureExtractor.ownCount
            for k in 0..<FeatureExtractor.ownCount { acc &+= table.row(row(own[k])) }
            if cacheable { words.store(words.slot(view.context[i].exact), WordRowCache.key(view.bytes, t), t, rows: acc) }
        }
        let h = scores.hashes + i &* TokenScores.hashesPerToken
        if !scores.wordKnown[i] {
            var common = SIMD8<Int32>(repeating: 0)
            for k in 0..<FeatureExtractor.wordCount { common &+= table.row(row(h[TokenScores.wordOffset + k])) }
            acc &+= common
            if cacheable && Self.isCommon(view, i) {
                words.storeCommon(words.slot(view.context[i].exact), WordRowCache.key(view.bytes, t), t, common: common)
            }
        }
        for k in 0...FeatureExtractor.contextCount { acc &+= table.row(row(h[k])) }
        scores.rows[i] = acc &+ memoryRows[Int(scores.memory[i])]
        scores.afterO[i] = table.row(row(h[FeatureExtractor.contextCount + 1])) &+ table.row(row(h[FeatureExtractor.contextCount + 2]))
        scores.state[i] = .summed
    }

    /// The score of tag 8 (I-MISC) for summed token `i`, from its column of the same rows.
    private func lastScore(_ view: FeatureExtractor.View, _ i: Int, prev: Int, prev2: Int, scores: TokenScores) -> Int32 {
        let h = scores.hashes + i &* TokenScores.hashesPerToken
        let own = scores.own + i &* FeatureExtractor.ownCount
        features.writeSplitFeatures(view, i, context: h, own: own, word: h + TokenScores.wordOffset)
        var sum = transitionLast[prev &* 9 &+ prev2] &+ memoryLast[Int(scores.memory[i])]
        for k in 0..<FeatureExtractor.ownCount { sum &+= table.lastWeight(row(own[k])) }
        for k in 0..<FeatureExtractor.wordCount { sum &+= table.lastWeight(row(h[TokenScores.wordOffset + k])) }
        for k in 0...FeatureExtractor.contextCount { sum &+= table.lastWeight(row(h[k])) }
        let (a, b) = previousTagRows(view, i, prev: prev)
        return sum &+ table.lastWeight(a) &+ table.lastWeight(b)
    }

    /// Whether the tagger leaves `token` O after an O without scoring it: not capitalized, and no
    /// uppercase ASCII letter or non-ASCII byte anywhere ("inter-Korean" and "iPhone" are scored).
    @inline(__always)
    static func cannotStartName(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        guard token.kind != .capitalized else { return false }
        if token.flags.contains(.scanned) { return !token.flags.contains(.upperOrNonASCII) }
        for k in token.start..<token.end {
            let b = bytes[k]
            if b &- 0x41 < 26 || b >= 0x80 { return false }
        }
        return true
    }

    /// Appends name mentions with coarse labels (PER, ORG, LOC, MISC).
    func tag(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], scratch: inout Scratch,
             into out: inout [Mention]) {
        decode(bytes, tokens, hashes, scratch: &scratch)
        // Name spans, as `NERTags.spans` finds them.
        let tags = scratch.tags
        var i = 0
        while i < tags.count {
            guard let k = NERTags.type(tags[i]) else { i += 1; continue }
            var j = i + 1
            while j < tags.count, tags[j] == 2 * k + 2 { j += 1 }
            out.append(Mention(startToken: i, endToken: j, startByte: tokens[i].start, endByte: tokens[j - 1].end,
                               label: NERTags.types[k], canonical: nil, iso3: nil, origin: .tagger))
            i = j
        }
    }
}
