import DocPipe
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
    /// Quantized weights, `buckets × 9` (row-major), plus 8 zeros of padding, in huge-page-backed
    /// memory, read by `decode`.
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
        /// Decisions so far in this document; reset it at a document start.
        var memory = DocumentMemory()
    }

    /// Creates a tagger from its parts.
    init(features: FeatureExtractor, weights: [Int16], bits: Int, scale: Float) {
        self.init(features: features, table: WeightTable(weights + [Int16](repeating: 0, count: 8)), bits: bits, scale: scale)
    }

    /// Creates a tagger from a filled weight table.
    private init(features: FeatureExtractor, table: WeightTable, bits: Int, scale: Float) {
        self.features = features
        self.table = table
        self.bits = bits
        self.scale = scale
    }

    /// Loads a model file and the lexicon next to it (the model is mapped and its weights copied
    /// once, straight into the table: start-up of a one-document run is mostly this).
    init(contentsOf url: URL, gazetteer: Gazetteer) throws {
        let name = url.lastPathComponent
        let model = try AtomicFile.withMappedFile(path: url.path) { raw throws -> (table: WeightTable, bits: Int, scale: Float) in
            guard raw.count >= 20, raw.prefix(8).elementsEqual(Self.magic) else { throw EntityResourceError("\(name) is not a docpipe NER model (v2)") }
            func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
            let bits = Int(u32(8)), tags = Int(u32(12))
            let scale = Float(bitPattern: u32(16))
            guard tags == NERTags.count, bits >= 10, bits <= 26 else { throw EntityResourceError("\(name) has an unexpected shape") }
            let n = (1 << bits) * tags
            guard raw.count == 20 + 2 * n else { throw EntityResourceError("\(name) has an unexpected shape") }
            let table = WeightTable(count: n + 8) { out in
                #if _endian(little)
                UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: raw.baseAddress! + 20, byteCount: 2 * n)
                #else
                for k in 0..<n { out[k] = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 20 + 2 * k, as: Int16.self)) }
                #endif
                for k in n..<(n + 8) { out[k] = 0 }
            }
            return (table, bits, scale)
        }
        guard let (table, bits, scale) = model else { throw EntityResourceError("cannot read \(url.path)") }
        let lexURL = url.deletingLastPathComponent().appendingPathComponent(Self.lexiconFileName)
        var lexicon = WordLexicon()
        if FileManager.default.fileExists(atPath: lexURL.path) {
            guard let lexBytes = AtomicFile.read(path: lexURL.path) else { throw EntityResourceError("cannot read \(lexURL.path)") }
            lexicon = try WordLexicon(bytes: lexBytes)
        }
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
    /// tokens sum their static and dynamic feature rows.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], scratch: inout Scratch) {
        features.prepareContext(bytes, tokens, hashes, into: &scratch.sentence)
        let n = tokens.count
        let shift = UInt64(64 - bits)
        scratch.tags.removeAll(keepingCapacity: true)
        let staticCount = FeatureExtractor.staticCount
        if scratch.sentence.features.count < staticCount {
            scratch.sentence.features = [UInt64](repeating: 0, count: staticCount)
        }
        var feats = scratch.sentence.features
        scratch.sentence.features = []  // keeps `feats` uniquely referenced
        var dynamic = scratch.dynamic
        scratch.dynamic = []
        defer {
            scratch.sentence.features = feats
            scratch.dynamic = dynamic
        }
        let w = UnsafePointer(table.base)
        let base = UnsafeRawPointer(w)
        var prev = 0, prev2 = 0
        feats.withUnsafeMutableBufferPointer { buf in
            let f = buf.baseAddress!
            for i in 0..<n {
                if prev == 0 && Self.cannotStartName(bytes, tokens[i]) {
                    prev2 = prev
                    scratch.tags.append(0)
                    continue
                }
                features.writeStaticFeatures(bytes, tokens, i, scratch.sentence, to: f)
                var acc = SIMD8<Int32>(repeating: 0)
                var last: Int32 = 0
                for k in 0..<staticCount {
                    let r = Int(truncatingIfNeeded: f[k] &>> shift) &* 9
                    acc &+= SIMD8<Int32>(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: r &* 2, as: SIMD8<Int16>.self))
                    last &+= Int32(w[r &+ 8])
                }
                let memory = tokens[i].kind == .capitalized ? scratch.memory.value(hashes[i]) : 7
                features.dynamicFeatures(scratch.sentence.lower[i], scratch.sentence.shape[i], prev: prev, prev2: prev2,
                                         memory: memory, into: &dynamic)
                for k in 0..<FeatureExtractor.dynamicCount {
                    let r = Int(truncatingIfNeeded: dynamic[k] &>> shift) &* 9
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

    /// Whether the tagger leaves `token` O after an O without scoring it: not capitalized, and no
    /// uppercase ASCII letter or non-ASCII byte anywhere ("inter-Korean" and "iPhone" are scored).
    @inline(__always)
    static func cannotStartName(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        guard token.kind != .capitalized else { return false }
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
        for span in NERTags.spans(scratch.tags) {
            out.append(Mention(startToken: span.start, endToken: span.end, startByte: tokens[span.start].start,
                               endByte: tokens[span.end - 1].end, label: NERTags.types[span.type], canonical: nil, iso3: nil,
                               origin: .tagger))
        }
    }
}
