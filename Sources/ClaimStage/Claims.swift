import DocPipe

/// Tags claim sentences: kinds, hedges, attribution, quotations, the entities involved and a
/// trained check-worthiness score. See docs/claims.md for every attribute.
public struct Claims: DocumentStage {
    /// Options of the claims stage.
    public struct Options: StageOptions {
        /// Emit a span for every sentence (non-claims with `isClaim: false` and their score), not
        /// only for claims.
        public var allSentences: Bool
        /// Overrides the model's check-worthiness threshold when in (0, 1); 0 keeps the model's.
        public var threshold: Double

        /// Defaults: claims only, the model's threshold.
        public init() {
            allSentences = false
            threshold = 0
        }

        /// The threshold must be in [0, 1).
        public func validate() -> [String] {
            threshold >= 0 && threshold < 1 ? [] : ["threshold must be at least 0 and below 1 (0 = the model's own)"]
        }
    }

    /// "claims".
    public static let id = "claims"
    /// Bumped when the output for the same input changes (rules, attribute shapes or the bundled model).
    public static let version = 3
    /// One line for `docpipe stages`.
    public static let summary = "claim sentences: kinds, hedges, attribution, quotations, entities, check-worthiness"
    /// Sentences and entities.
    public static let requires = [LayerName.sentences, LayerName.entities]
    /// The "claims" layer.
    public static let produces = [LayerName.claims]

    /// The options in force.
    public let options: Options
    /// The tagger of a model given at creation (nil: the bundled model's).
    private let givenTagger: ClaimTagger?
    /// The bundled model's tagger, loaded when a document first needs it: a run whose documents
    /// all come from the cache or stand in the output folder never reads the model.
    private static let bundledTagger = ClaimTagger(model: CheckworthinessModel.bundled)
    /// The tagger in use.
    var tagger: ClaimTagger { givenTagger ?? Self.bundledTagger }

    /// Creates the stage with the bundled model.
    public init(options: Options) throws {
        self.options = options
        givenTagger = nil
    }

    /// Creates the stage with a given model (nil: rule-based scores).
    public init(options: Options = Options(), model: CheckworthinessModel?) throws {
        self.options = options
        givenTagger = ClaimTagger(model: model)
    }

    /// The threshold in force.
    public var threshold: Double { options.threshold > 0 ? options.threshold : tagger.threshold }

    /// Loads the bundled model (once per process).
    public func warmUp() { _ = tagger }

    /// Adds the "claims" layer (replacing one already there).
    public func process(_ document: Document, context: StageContext) async throws -> Document {
        var doc = document
        let spans = claims(in: document)
        // Claims come in sentence order, which is canonical: then no sorted copy is needed.
        if Claims.isCanonical(spans) { doc.layers[LayerName.claims] = spans } else { doc.setLayer(LayerName.claims, spans) }
        return doc
    }

    /// The claim spans of a document.
    func claims(in document: Document) -> [Span] {
        let tagger = self.tagger
        let index = TextIndex(document.text)
        let sentences = Claims.sentenceRanges(document.spans(LayerName.sentences))
        var entitySpans = document.spans(LayerName.entities)
        if !Claims.isCanonical(entitySpans) { entitySpans.sort(by: Span.canonicalOrder) }
        // Canonical names and values are read from the spans only for the claims rendered.
        var entities: [EntityMention] = []
        entities.reserveCapacity(entitySpans.count)
        for (i, e) in entitySpans.enumerated() {
            var m = EntityMention(start: index.byteOffset(ofScalar: e.start), end: index.byteOffset(ofScalar: e.end),
                                  label: e.type, canonical: "")
            m.layerIndex = Int32(i)
            entities.append(m)
        }
        func details(_ m: EntityMention) -> (canonical: String, value: JSONValue?) {
            guard m.layerIndex >= 0 else { return (m.canonical, m.value) }
            let e = entitySpans[Int(m.layerIndex)]
            return (e.attributes["canonical"]?.stringValue ?? index.substring(e.start, e.end), e.attributes["value"])
        }
        // Without an entities layer (a document from elsewhere), numbers and dates come from token cues.
        let hasEntityLayer = document.layers[LayerName.entities] != nil
        var scratch = ClaimTagger.Scratch()
        var inside: [EntityMention] = []
        var firstEntity = 0
        let threshold = self.threshold
        // Sentences are analysed in order and wait in `pending`; every `Claims.denseBatch` sentences
        // whose score needs the neural part, it runs over all of them at once
        // (`DenseScorer.logits`), and the waiting claims are rendered, still in order.
        let dense = tagger.model?.dense
        let inputs = dense?.inputs ?? 0
        var pending: [PendingClaim] = []
        // The batch's inputs, written in place by `prepare`.
        let encodings = UnsafeMutablePointer<Float>.allocate(capacity: max(1, Claims.denseBatch * inputs))
        defer { encodings.deallocate() }
        var denseLogits = [Double](repeating: 0, count: Claims.denseBatch)
        var denseCount = 0
        var out: [Span] = []
        func flush() {
            if denseCount > 0, let dense {
                denseLogits.withUnsafeMutableBufferPointer { out in
                    dense.logits(encodings, count: denseCount, into: out.baseAddress!, scratch: &scratch.hidden)
                }
            }
            for i in pending.indices {
                let p = pending[i].dense < 0 ? pending[i].score
                    : tagger.finish(linear: pending[i].score, denseLogit: denseLogits[Int(pending[i].dense)])
                let rendered = ClaimRecord(analysis: pending[i].analysis, checkworthiness: p, threshold: threshold)
                guard rendered.isClaim || options.allSentences else { continue }
                out.append(Span(start: pending[i].start, end: pending[i].end, type: "claim",
                                attributes: rendered.attributes(index, details: details)))
            }
            pending.removeAll(keepingCapacity: true)
            denseCount = 0
        }
        index.utf8.withUnsafeBufferPointer { bytes in
            for sentence in sentences {
                let range = index.byteOffset(ofScalar: sentence.start)..<index.byteOffset(ofScalar: sentence.end)
                while firstEntity < entities.count, entities[firstEntity].end <= range.lowerBound { firstEntity += 1 }
                inside.removeAll(keepingCapacity: true)
                var k = firstEntity
                while k < entities.count, entities[k].start < range.upperBound {
                    if entities[k].start >= range.lowerBound, entities[k].end <= range.upperBound { inside.append(entities[k]) }
                    k += 1
                }
                let (analysis, score) = tagger.prepare(bytes, range, entities: hasEntityLayer ? inside : nil,
                                                      onlyPossibleClaims: !options.allSentences,
                                                      denseInput: dense == nil ? nil : encodings + denseCount * inputs,
                                                      scratch: &scratch)
                switch score {
                case .known(let p):
                    guard options.allSentences
                            || ClaimRecord(analysis: analysis, checkworthiness: p, threshold: threshold).isClaim else { continue }
                    pending.append(PendingClaim(start: sentence.start, end: sentence.end, analysis: analysis, score: p, dense: -1))
                case .needsDense(let linear):
                    pending.append(PendingClaim(start: sentence.start, end: sentence.end, analysis: analysis, score: linear,
                                                dense: Int32(denseCount)))
                    denseCount += 1
                    if denseCount == Claims.denseBatch { flush() }
                }
            }
        }
        flush()
        return out
    }

    /// How many sentences the neural part scores at once (`DenseScorer.logits`): enough to share
    /// each read of its weights among four, few enough for their inputs to stay in cache.
    static let denseBatch = 64

    /// A sentence analysed, waiting for its score (see `claims(in:)`).
    private struct PendingClaim {
        /// The sentence's scalar range.
        var start: Int, end: Int
        var analysis: ClaimAnalysis
        /// The score; the linear logit when `dense` >= 0.
        var score: Double
        /// The sentence's index among the encodings the neural part scores, or -1.
        var dense: Int32
    }

    /// Whether spans are in canonical order already (as `Document.setLayer` stores them).
    static func isCanonical(_ spans: [Span]) -> Bool {
        // Offsets first, read in place (`canonicalOrder` takes copies of the spans).
        for i in spans.indices.dropFirst() {
            let start = spans[i].start, previousStart = spans[i - 1].start
            if start != previousStart {
                if start < previousStart { return false }
                continue
            }
            let end = spans[i].end, previousEnd = spans[i - 1].end
            if end != previousEnd {
                if end > previousEnd { return false }
                continue
            }
            if Span.canonicalOrder(spans[i], spans[i - 1]) { return false }
        }
        return true
    }

    /// The scalar ranges of the spans of type "sentence", in canonical order (a layer is usually
    /// stored in that order already: then nothing is sorted).
    static func sentenceRanges(_ spans: [Span]) -> [(start: Int, end: Int)] {
        var ranges: [(start: Int, end: Int)] = []
        ranges.reserveCapacity(spans.count)
        var sorted = true
        for s in spans where s.type == "sentence" {
            if let last = ranges.last, last.start > s.start || (last.start == s.start && last.end < s.end) { sorted = false }
            ranges.append((s.start, s.end))
        }
        if !sorted { ranges.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end } }
        return ranges
    }
}
