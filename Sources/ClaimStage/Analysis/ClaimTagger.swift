/// Tokenises, analyses and scores sentences: the engine behind the `Claims` stage, the trainer
/// and the evaluator, so all three see exactly the same features.
public struct ClaimTagger: Sendable {
    /// The check-worthiness model (nil: scores come from the rule-based prior).
    public let model: CheckworthinessModel?
    let analyzer = ClaimAnalyzer()
    let hasher: FeatureHasher
    /// What scoring reads of the model, taken out once: a sentence then copies no part of the
    /// model (each copy of `CheckworthinessModel` retains and releases a dozen arrays).
    private let scoring: Scoring

    /// The parts of the model scoring reads.
    private final class Scoring: Sendable {
        /// The word vectors the features and the neural part look words up in.
        let vectors: WordVectors?
        /// The model's linear weights (nil: no model).
        let weights: WeightTable?
        /// The model's bias.
        let bias: Double
        /// The vectors the model's neural part reads (nil: it has none).
        let denseVectors: WordVectors?
        /// How the linear and the dense logit combine (`CheckworthinessModel.blend`).
        let blend: (linear: Double, dense: Double, bias: Double)

        init(model: CheckworthinessModel?, hasher: FeatureHasher) {
            vectors = hasher.vectors ?? model?.vectors
            weights = model.map { $0.weightTable ?? WeightTable($0.weights) }
            bias = model?.bias ?? 0
            denseVectors = model?.dense != nil ? model?.vectors : nil
            let b = model?.blend ?? [1, 0, 0]
            blend = (b[0], b[1], b[2])
        }
    }

    /// A tagger with a model (the bundled one by default).
    public init(model: CheckworthinessModel? = CheckworthinessModel.bundled) {
        self.init(model: model, hasher: model?.hasher ?? FeatureHasher(bits: 18))
    }

    /// A tagger without a model whose features use `bits` hash bits (for training).
    init(model: CheckworthinessModel?, hasher: FeatureHasher) {
        self.model = model
        self.hasher = hasher
        scoring = Scoring(model: model, hasher: hasher)
    }

    /// The threshold at or above which a score counts as check-worthy.
    public var threshold: Double { model?.threshold ?? 0.5 }

    /// Reusable buffers for one thread.
    struct Scratch {
        var tokens: [ClaimToken] = []
        var matches: [CueLexicon.Match] = []
        var features: [Int32] = []
        var seen = FeatureHasher.Seen()
        var linear = FeatureHasher.LinearScratch()
        var rows: [Int32] = []
        var dense: [Float] = []
        var hidden: [Float] = []
        /// What `WordVectors.rows` returned (kept so the loads are not optimised away).
        var touched: UInt32 = 0
    }

    /// A sentence's score, or what it is made from when the model's neural part is still to run.
    enum Score {
        /// The score.
        case known(Double)
        /// The linear logit; the neural part's input is in `scratch.dense` or `denseInput` (see `finish`).
        case needsDense(linear: Double)
    }

    /// Analyses `bytes[range]` with the given entities (nil: find numbers and dates from tokens).
    /// With `onlyPossibleClaims`, a sentence that cannot be a claim whatever its score (fewer than
    /// four words, or incomplete without a quotation: see `ClaimRecord.isClaim`) is not scored (0).
    /// With `keepFeatures`, `scratch.features` holds the sentence's feature buckets afterwards.
    func analyze(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, entities: [EntityMention]?,
                 onlyPossibleClaims: Bool = false, keepFeatures: Bool = false, scratch: inout Scratch) -> (ClaimAnalysis, Double) {
        let (analysis, score) = prepare(bytes, range, entities: entities, onlyPossibleClaims: onlyPossibleClaims,
                                        keepFeatures: keepFeatures, scratch: &scratch)
        switch score {
        case .known(let p): return (analysis, p)
        case .needsDense(let linear):
            return (analysis, model!.probability(linearLogit: linear, dense: scratch.dense, hiddenScratch: &scratch.hidden))
        }
    }

    /// `analyze` up to the neural part: when the model has one (and `keepFeatures` is off), its
    /// input is left in `scratch.dense` and the score is `.needsDense`, for `finish` to complete
    /// with the dense logit (`DenseScorer.logits` runs it for many sentences at once).
    /// With `denseInput`, the neural part's input goes there instead (`DenseScorer.inputs` floats).
    func prepare(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, entities: [EntityMention]?,
                 onlyPossibleClaims: Bool = false, keepFeatures: Bool = false, denseInput: UnsafeMutablePointer<Float>? = nil,
                 scratch: inout Scratch) -> (ClaimAnalysis, Score) {
        ClaimTokenizer.tokenize(bytes, range, into: &scratch.tokens)
        let shape = ClaimAnalyzer.shape(scratch.tokens)
        if onlyPossibleClaims {
            // Without a quotation mark there is no quotation, so the tokens alone can tell a
            // sentence that cannot be a claim: it needs no cues, rules or score.
            if !shape.hasQuote, shape.words < 4 || !shape.isComplete {
                var a = ClaimAnalysis()
                a.entities = entities ?? []
                a.wordCount = shape.words
                a.isQuestion = shape.isQuestion
                a.isComplete = shape.isComplete
                return (a, .known(0))
            }
        }
        let scoring = self.scoring
        // The words' rows first: the lookups also bring each word's slot and components into cache
        // (see `WordVectors.rows`), while the cue matching and the rules run.
        if let v = scoring.vectors { scratch.touched = v.rows(scratch.tokens, into: &scratch.rows) }
        analyzer.lexicon.matches(scratch.tokens, into: &scratch.matches)
        let mentions = entities ?? NumberCues.mentions(scratch.tokens, scratch.matches)
        let analysis = analyzer.analyze(scratch.tokens, scratch.matches, entities: mentions, shape: shape)
        if onlyPossibleClaims, !ClaimRecord.canBeClaim(analysis) { return (analysis, .known(0)) }
        if let weights = scoring.weights, !keepFeatures {
            // Scoring only: the linear logit straight from the buckets, no feature list.
            let linear = hasher.linearLogit(tokens: scratch.tokens, bytes: bytes, analysis: analysis, rows: scratch.rows,
                                            weights: weights, bias: scoring.bias, scratch: &scratch.linear)
            if let v = scoring.denseVectors {
                // The pooling after the weights: it runs while their loads (mostly cache misses) complete.
                if let denseInput { DenseScorer.encode(scratch.rows, v, writingTo: denseInput) } else {
                    DenseScorer.encode(scratch.rows, v, into: &scratch.dense)
                }
                return (analysis, .needsDense(linear: linear))
            }
            return (analysis, .known(PortableMath.sigmoid(linear)))
        }
        hasher.features(tokens: scratch.tokens, bytes: bytes, analysis: analysis, rows: scratch.rows, into: &scratch.features,
                        seen: &scratch.seen)
        if let model, model.dense != nil, let v = model.vectors {
            DenseScorer.encode(scratch.rows, v, into: &scratch.dense)
            return (analysis, .known(model.probability(scratch.features, dense: scratch.dense, hiddenScratch: &scratch.hidden)))
        }
        return (analysis, .known(score(scratch.features, analysis)))
    }

    /// The score of a `.needsDense` sentence from its dense logit (`DenseScorer.logits`).
    /// The same arithmetic as `CheckworthinessModel.probability(linearLogit:dense:hiddenScratch:)`
    /// with the dense logit given, and without a copy of the model per sentence.
    func finish(linear: Double, denseLogit: Double) -> Double {
        let b = scoring.blend
        return PortableMath.sigmoid(b.linear * linear + b.dense * denseLogit + b.bias)
    }

    /// The check-worthiness of one bare sentence (no entity layer: token cues stand in for entities).
    public func score(sentence: String) -> Double {
        var scratch = Scratch()
        return score(sentence: sentence, scratch: &scratch)
    }

    /// `score(sentence:)` with reusable buffers.
    func score(sentence: String, scratch: inout Scratch) -> Double {
        let bytes = Array(sentence.utf8)
        return bytes.withUnsafeBufferPointer { analyze($0, 0..<$0.count, entities: nil, scratch: &scratch).1 }
    }

    /// Feature buckets of one bare sentence (what the trainer fits).
    func features(sentence: String, scratch: inout Scratch) -> [Int32] {
        let bytes = Array(sentence.utf8)
        _ = bytes.withUnsafeBufferPointer { analyze($0, 0..<$0.count, entities: nil, keepFeatures: true, scratch: &scratch) }
        return scratch.features
    }

    private func score(_ features: [Int32], _ a: ClaimAnalysis) -> Double {
        if let model { return model.probability(features) }
        // Rule-based prior, used only when no model is bundled.
        var z = -2.0
        if a.kinds.contains(.statistical) { z += 2 }
        if a.kinds.contains(.factual) { z += 1 }
        if a.kinds.contains(.attributed) || a.kinds.contains(.quotation) { z += 1 }
        if a.kinds.contains(.comparative) || a.kinds.contains(.causal) { z += 0.5 }
        if a.isQuestion { z -= 2 }
        return PortableMath.sigmoid(z)
    }
}
