import Foundation

/// The statistical name tagger: an averaged perceptron over hashed features (see
/// `FeatureExtractor`), decoded greedily left to right with the previous two tags and the
/// document's earlier decisions as features, BIO transitions enforced. Weights are 16-bit integers
/// with one scale: rows of nine tags are added with SIMD integer adds.
struct Tagger: Sendable {
    /// File name of the shipped model inside Resources.
    static let modelFileName = "ner-model.bin"
    /// File name of the shipped word lexicon inside Resources.
    static let lexiconFileName = "ner-lexicon.bin"
    static let magic = Array("DPNER002".utf8)

    /// Feature extraction (gazetteer and lexicon).
    let features: FeatureExtractor
    /// Quantized weights, `buckets × 9` (row-major), plus 8 zero bytes of padding.
    let weights: [Int16]
    /// The same weights in huge-page-backed memory, read by `decode`.
    let table: WeightTable
    /// log2 of the number of hash buckets.
    let bits: Int
    /// Real weight = Int16 × scale.
    let scale: Float

    /// Buffers reused between sentences.
    struct Scratch {
        var sentence = FeatureExtractor.Sentence()
        var tags: [Int] = []
        var dynamic = [UInt64](repeating: 0, count: FeatureExtractor.dynamicCount)
        var scores: [SIMD8<Int32>] = []
        var scores8: [Int32] = []
        /// Decisions so far in this document; reset it at a document start.
        var memory = DocumentMemory()
    }

    /// Creates a tagger from its parts.
    init(features: FeatureExtractor, weights: [Int16], bits: Int, scale: Float) {
        self.features = features
        self.weights = weights + [Int16](repeating: 0, count: 8)
        self.table = WeightTable(self.weights)
        self.bits = bits
        self.scale = scale
    }

    /// Loads a model file and the lexicon next to it.
    init(contentsOf url: URL, gazetteer: Gazetteer) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        guard bytes.count >= 20, Array(bytes[0..<8]) == Self.magic else { throw EntityResourceError("\(url.lastPathComponent) is not a docpipe NER model (v2)") }
        var r = ByteReader(bytes, at: 8)
        let bits = Int(r.u32()), tags = Int(r.u32())
        let scale = Float(bitPattern: r.u32())
        let n = (1 << bits) * tags
        guard tags == NERTags.count, bits >= 10, bits <= 26, bytes.count == 20 + 2 * n else {
            throw EntityResourceError("\(url.lastPathComponent) has an unexpected shape")
        }
        var weights = [Int16](repeating: 0, count: n)
        for k in 0..<n { weights[k] = Int16(bitPattern: UInt16(bytes[20 + 2 * k]) | UInt16(bytes[21 + 2 * k]) << 8) }
        let lexURL = url.deletingLastPathComponent().appendingPathComponent(Self.lexiconFileName)
        let lexicon = FileManager.default.fileExists(atPath: lexURL.path) ? try WordLexicon(bytes: [UInt8](Data(contentsOf: lexURL))) : WordLexicon()
        self.init(features: FeatureExtractor(gazetteer: gazetteer, lexicon: lexicon), weights: weights, bits: bits, scale: scale)
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
    /// Static feature scores of all tokens are summed first (independent loads, which the CPU can
    /// overlap), then a left-to-right pass adds the features of earlier decisions.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], scratch: inout Scratch) {
        features.prepare(bytes, tokens, hashes, into: &scratch.sentence)
        let n = tokens.count
        let per = scratch.sentence.perToken
        let shift = UInt64(64 - bits)
        scratch.tags.removeAll(keepingCapacity: true)
        scratch.scores.removeAll(keepingCapacity: true)
        scratch.scores8.removeAll(keepingCapacity: true)
        do {
            let w = UnsafePointer(table.base)
            let base = UnsafeRawPointer(w)
            scratch.sentence.features.withUnsafeBufferPointer { feats in
                for i in 0..<n {
                    var acc = SIMD8<Int32>(repeating: 0)
                    var last: Int32 = 0
                    for k in 0..<per {
                        let r = Int(truncatingIfNeeded: feats[i &* per &+ k] &>> shift) &* 9
                        acc &+= SIMD8<Int32>(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: r &* 2, as: SIMD8<Int16>.self))
                        last &+= Int32(w[r &+ 8])
                    }
                    scratch.scores.append(acc)
                    scratch.scores8.append(last)
                }
            }
        }
        var prev = 0, prev2 = 0
        do {
            let w = UnsafePointer(table.base)
            let base = UnsafeRawPointer(w)
            var dynamic = scratch.dynamic
            scratch.dynamic = []  // so that `dynamic` stays uniquely referenced (no copy on write)
            defer { scratch.dynamic = dynamic }
            for i in 0..<n {
                let memory = tokens[i].kind == .capitalized ? scratch.memory.value(hashes[i]) : 7
                features.dynamicFeatures(scratch.sentence.lower[i], scratch.sentence.shape[i], prev: prev, prev2: prev2,
                                         memory: memory, into: &dynamic)
                var acc = scratch.scores[i]
                var last = scratch.scores8[i]
                for k in 0..<FeatureExtractor.dynamicCount {
                    let h = dynamic[k]
                    let r = Int(truncatingIfNeeded: h &>> shift) &* 9
                    acc &+= SIMD8<Int32>(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: r &* 2, as: SIMD8<Int16>.self))
                    last &+= Int32(w[r &+ 8])
                }
                var best = 0
                var bestScore = Int32.min
                for t in 0..<8 where acc[t] > bestScore && NERTags.allowed(prev: prev, t) {
                    best = t
                    bestScore = acc[t]
                }
                if last > bestScore && NERTags.allowed(prev: prev, 8) { best = 8 }
                prev2 = prev
                prev = best
                scratch.tags.append(best)
            }
        }
        scratch.memory.record(scratch.tags, tokens, hashes)
    }

    /// Appends name mentions with coarse labels (PER, ORG, LOC, MISC).
    func tag(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], scratch: inout Scratch,
             into out: inout [Mention]) {
        decode(bytes, tokens, hashes, scratch: &scratch)
        for span in NERTags.spans(scratch.tags) {
            out.append(Mention(startToken: span.start, endToken: span.end, startByte: tokens[span.start].start,
                               endByte: tokens[span.end - 1].end, label: NERTags.types[span.type], canonical: nil, iso3: nil,
                               origin: .tagger))
        }
    }
}
