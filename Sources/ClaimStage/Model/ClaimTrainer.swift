import DocPipe
import Foundation

/// Trains the check-worthiness model: logistic regression with AdaGrad over hashed features,
/// on ClaimBuster train and the CLEF-2020 task-5 training debates minus their fixed dev splits.
///
/// Deterministic: examples are visited in an order drawn from a fixed-seed SplitMix64 generator,
/// arithmetic is sequential and `PortableMath` replaces libm, so the same data gives the same
/// model bytes. The threshold is the one that maximises check-worthy F1 on out-of-fold
/// predictions over the ClaimBuster training part (the dev split is never used for fitting).
public struct ClaimTrainer: Sendable {
    /// Hyper-parameters.
    public struct Configuration: Sendable, Equatable {
        /// Hash bits (2^bits weights).
        public var bits = 18
        /// Optional feature groups (bits of `FeatureHasher.Groups`: 1 trigrams, 2 character n-grams, 4 suffixes,
        /// 8 word clusters).
        public var featureGroups: UInt32 = 12
        /// Passes over the data.
        public var epochs = 12
        /// AdaGrad step size.
        public var learningRate = 0.3
        /// L2 penalty per update.
        public var l2 = 0.0
        /// Weight of a CLEF example relative to a ClaimBuster one.
        public var clefWeight = 0.0
        /// Extra weight of CLEF positives (they are about 1 % of CLEF sentences).
        public var clefPositiveWeight = 4.0
        /// Folds for choosing the threshold.
        public var folds = 5
        /// Scale features by their naive-Bayes log-count ratio (NBSVM-style; 0 = off, 1 = full).
        public var naiveBayesScaling = 0.0
        /// Average the weights over all updates of the last half of the epochs.
        public var averaging = true
        /// Hidden units of the neural part over word vectors (0: linear model only).
        public var denseHidden = 64
        /// Passes of the neural part over the data.
        public var denseEpochs = 8
        /// Adam step size of the neural part.
        public var denseLearningRate = 0.001
        /// L2 penalty of the neural part's weights.
        public var denseL2 = 1e-4
        /// Neural parts trained with different seeds and averaged (merged into one wider layer).
        public var denseBags = 3
        /// Word-vector file for the cluster features (nil: the bundled `claims-vectors.bin`).
        public var vectorsPath: String?
        /// Seed of the example order.
        public var seed: UInt64 = 20_200_511
        /// Defaults.
        public init() {}
    }

    /// ClaimBuster train.json (nil: not used).
    public var claimBusterPath: String?
    /// Folder of CLEF training .tsv files (nil: not used).
    public var clefPath: String?
    /// Hyper-parameters.
    public var configuration: Configuration

    /// A trainer over the given data.
    public init(claimBusterPath: String?, clefPath: String?, configuration: Configuration = Configuration()) {
        self.claimBusterPath = claimBusterPath
        self.clefPath = clefPath
        self.configuration = configuration
    }

    /// A trainer over the usual layout of `shared/eval/claims` (claimbuster/train.json and
    /// clef2020-checkthat-task5/training/).
    public init(dataDirectory: String, configuration: Configuration = Configuration()) {
        let d = dataDirectory.hasSuffix("/") ? String(dataDirectory.dropLast()) : dataDirectory
        self.init(claimBusterPath: d + "/claimbuster/train.json", clefPath: d + "/clef2020-checkthat-task5/training",
                  configuration: configuration)
    }

    /// The outcome: the model and its dev-split evaluation.
    public struct Result: Sendable {
        /// The trained model.
        public var model: CheckworthinessModel
        /// Dev reports (ClaimBuster dev, CLEF dev) with the trained model.
        public var dev: [ClaimEvaluationReport]
        /// Out-of-fold F1 on the training part at the chosen threshold.
        public var crossValidatedF1: Double
        /// Training sentences used (ClaimBuster, CLEF).
        public var trainingSentences: (claimBuster: Int, clef: Int)
        /// The hyper-parameters it was trained with.
        public var configuration: Configuration
        /// The model's metadata as JSON (written next to the model as checkworthiness.json): the
        /// configuration, training sizes and dev scores, so tests can check the shipped model.
        public var metadata: JSONValue {
            let c = configuration
            func r4(_ x: Double) -> JSONValue { .double((x * 10_000).rounded() / 10_000) }
            var devs: [String: JSONValue] = [:]
            for d in dev {
                devs[d.format == .clef ? "clef" : "claimBuster"] = [
                    "sentences": .int(d.sentences), "positives": .int(d.positives), "precision": r4(d.precision),
                    "recall": r4(d.recall), "f1": r4(d.f1),
                    (d.format == .clef ? "map" : "averagePrecision"): r4(d.averagePrecision),
                ]
            }
            return [
                "format": .int(Int(CheckworthinessModel.formatVersion)), "bits": .int(model.bits),
                "featureGroups": .int(Int(model.featureGroups)), "threshold": .double(model.threshold),
                "trainingSentences": ["claimBuster": .int(trainingSentences.claimBuster), "clef": .int(trainingSentences.clef)],
                "outOfFoldF1": r4(crossValidatedF1),
                "configuration": [
                    "epochs": .int(c.epochs), "learningRate": .double(c.learningRate), "l2": .double(c.l2),
                    "clefWeight": .double(c.clefWeight), "clefPositiveWeight": .double(c.clefPositiveWeight),
                    "folds": .int(c.folds), "seed": .string(String(c.seed)), "averaging": .bool(c.averaging),
                    "naiveBayesScaling": .double(c.naiveBayesScaling), "denseHidden": .int(c.denseHidden),
                    "denseEpochs": .int(c.denseEpochs), "denseLearningRate": .double(c.denseLearningRate),
                    "denseL2": .double(c.denseL2), "denseBags": .int(c.denseBags),
                ],
                "blend": .array(model.dense == nil ? [] : model.blend.map { r4($0) }),
                "vectors": model.vectors.map { v in
                    ["words": .int(v.count), "dimensions": .int(v.dimensions), "sha256": .string(SHA256.hex(of: v.bytes))]
                } ?? .null,
                "dev": .object(devs),
            ]
        }

        /// Writes the model to `modelPath` (…/checkworthiness.bin) and its metadata next to it
        /// (same name, .json), both deterministic.
        public func write(modelPath: String) throws {
            try Data(model.bytes).write(to: URL(fileURLWithPath: modelPath))
            let base = modelPath.hasSuffix(".bin") ? String(modelPath.dropLast(4)) : modelPath
            try Data(JSONWriter(pretty: true).bytes(metadata) + [0x0A]).write(to: URL(fileURLWithPath: base + ".json"))
        }

        /// A readable summary.
        public var summary: String {
            var lines = ["check-worthiness model: \(1 << model.bits) hashed weights, threshold \(model.threshold)",
                         "trained on \(trainingSentences.claimBuster) ClaimBuster + \(trainingSentences.clef) CLEF sentences; "
                             + "out-of-fold ClaimBuster F1 \(format4(crossValidatedF1))"]
            for r in dev { lines.append(r.rendered()) }
            return lines.joined(separator: "\n")
        }
    }

    struct Example {
        var features: [Int32]
        var dense: [Float]
        var label: Bool
        var weight: Double
        var isClaimBuster: Bool
    }

    /// Reads the data, fits the model and scores the dev splits. `log` receives progress lines.
    public func train(log: (String) -> Void = { _ in }) throws -> Result {
        var cb: [GoldSentence] = []
        var clef: [GoldSentence] = []
        if let p = claimBusterPath { cb = try GoldReader.readClaimBuster(p) }
        if let p = clefPath { clef = try GoldReader.readCLEF(p) }
        let cfg = configuration
        let vectors = try cfg.vectorsPath.map { try WordVectors(contentsOf: $0) } ?? WordVectors.bundled
        let tagger = ClaimTagger(model: nil, hasher: FeatureHasher(bits: cfg.bits, groups: .init(rawValue: cfg.featureGroups),
                                                                   vectors: vectors))
        var scratch = ClaimTagger.Scratch()
        var examples: [Example] = []
        let useDense = cfg.denseHidden > 0 && vectors != nil
        let chosen: [(GoldSentence, Double, Bool)] = cb.filter { !$0.isDev }.map { ($0, 1.0, true) }
            + (cfg.clefWeight > 0 ? clef.filter { !$0.isDev }.map { ($0, cfg.clefWeight * ($0.label ? cfg.clefPositiveWeight : 1), false) } : [])
        examples.reserveCapacity(chosen.count)
        for (s, weight, isClaimBuster) in chosen {
            let features = tagger.features(sentence: s.text, scratch: &scratch)
            var dense: [Float] = []
            if useDense, let vectors {
                vectors.rows(scratch.tokens, into: &scratch.rows)
                DenseScorer.encode(scratch.rows, vectors, into: &dense)
            }
            examples.append(Example(features: features, dense: dense, label: s.label, weight: weight, isClaimBuster: isClaimBuster))
        }
        let cbCount = examples.filter(\.isClaimBuster).count
        log("features: \(cbCount) ClaimBuster + \(examples.count - cbCount) CLEF training sentences")

        // Out-of-fold logits on the ClaimBuster training part: they fit the blend of the linear and
        // neural parts and choose the threshold.
        var oofLinear = [Double](repeating: 0, count: cbCount), oofDense = [Double](repeating: 0, count: cbCount)
        let folds = cbCount > 0 && cfg.folds > 1 ? cfg.folds : 0
        for fold in 0..<folds {
            let inFold = { (i: Int) in i < cbCount && i % cfg.folds == fold }
            let m = fit(examples, skip: inFold)
            for i in 0..<cbCount where inFold(i) { oofLinear[i] = m.linearLogit(examples[i].features) }
            if useDense {
                let d = fitDense(examples, skip: inFold)
                var h: [Float] = []
                for i in 0..<cbCount where inFold(i) { oofDense[i] = d.logit(examples[i].dense, hiddenScratch: &h) }
            }
            log("fold \(fold + 1)/\(cfg.folds) done")
        }
        let labels = (0..<cbCount).map { examples[$0].label }
        let blend = useDense && folds > 0 ? Self.fitBlend(oofLinear, oofDense, labels) : [1, 0, 0]
        let oof: [(score: Double, label: Bool)] = folds == 0 ? [] : (0..<cbCount).map {
            (PortableMath.sigmoid(blend[0] * oofLinear[$0] + blend[1] * oofDense[$0] + blend[2]), labels[$0])
        }
        if useDense, folds > 0 {
            let linearOnly = RankingMetrics.bestF1Threshold((0..<cbCount).map { (PortableMath.sigmoid(oofLinear[$0]), labels[$0]) })
            let denseOnly = RankingMetrics.bestF1Threshold((0..<cbCount).map { (PortableMath.sigmoid(oofDense[$0]), labels[$0]) })
            log("out-of-fold F1: linear \(format4(linearOnly.f1)), neural \(format4(denseOnly.f1)); blend \(blend.map(format4))")
        }
        let best = oof.isEmpty ? (threshold: 0.5, f1: 0.0) : RankingMetrics.bestF1Threshold(oof)
        var model = fit(examples, skip: { _ in false })
        if useDense {
            model.dense = fitDense(examples, skip: { _ in false })
            model.blend = blend
        }
        model.threshold = (best.threshold * 10_000).rounded() / 10_000
        // Quantise as the shipped file will be, so dev scores are those of the bytes we write.
        model = try CheckworthinessModel(bytes: model.bytes)
        model.vectors = model.dense != nil || tagger.hasher.vectors != nil ? vectors : nil

        let evaluator = ClaimEvaluator(model: model)
        var dev: [ClaimEvaluationReport] = []
        if !cb.isEmpty { dev.append(evaluator.evaluate(cb.filter(\.isDev), format: .claimBuster, name: "ClaimBuster dev")) }
        if !clef.isEmpty { dev.append(evaluator.evaluate(clef.filter(\.isDev), format: .clef, name: "CLEF dev")) }
        return Result(model: model, dev: dev, crossValidatedF1: best.f1, trainingSentences: (cbCount, examples.count - cbCount),
                      configuration: cfg)
    }

    /// Fits the neural part on the examples `skip` does not exclude.
    func fitDense(_ examples: [Example], skip: (Int) -> Bool) -> DenseScorer {
        let kept = examples.indices.filter { !skip($0) }
        var settings = DenseScorer.Settings()
        settings.hidden = configuration.denseHidden
        settings.epochs = configuration.denseEpochs
        settings.learningRate = configuration.denseLearningRate
        settings.l2 = configuration.denseL2
        var bag: [DenseScorer] = []
        for k in 0..<max(1, configuration.denseBags) {
            settings.seed = configuration.seed &+ UInt64(k)
            bag.append(DenseScorer.fit(kept.map { examples[$0].dense }, kept.map { examples[$0].label },
                                       weights: kept.map { examples[$0].weight }, settings: settings))
        }
        return DenseScorer.merged(bag)
    }

    /// Logistic regression of the labels on two logits (Newton's method, 3 parameters): the blend
    /// weights of the linear and neural parts and a bias.
    static func fitBlend(_ a: [Double], _ b: [Double], _ labels: [Bool]) -> [Double] {
        func loss(_ w: [Double]) -> Double {
            var total = 0.0
            for i in a.indices {
                let z = w[0] * a[i] + w[1] * b[i] + w[2]
                let m = labels[i] ? -z : z  // −log σ(±z) = log(1 + e^m)
                total += m > 30 ? m : PortableMath.log(1 + PortableMath.exp(m))
            }
            return total
        }
        var w = [0.5, 0.5, 0.0]
        for _ in 0..<25 {
            var g = [0.0, 0.0, 0.0]
            var h = [[Double]](repeating: [0, 0, 0], count: 3)
            for i in a.indices {
                let x = [a[i], b[i], 1.0]
                let p = PortableMath.sigmoid(w[0] * x[0] + w[1] * x[1] + w[2])
                let r = p - (labels[i] ? 1 : 0), s = max(p * (1 - p), 1e-12)
                for j in 0..<3 {
                    g[j] += r * x[j]
                    for k in 0..<3 { h[j][k] += s * x[j] * x[k] }
                }
            }
            for j in 0..<3 { h[j][j] += 1e-6 }
            // Solve h · step = g by Gaussian elimination (3 × 3, no pivoting needed: h is positive definite).
            var m = h, v = g
            for c in 0..<3 {
                for r in (c + 1)..<3 {
                    let f = m[r][c] / m[c][c]
                    for k in c..<3 { m[r][k] -= f * m[c][k] }
                    v[r] -= f * v[c]
                }
            }
            var step = [0.0, 0.0, 0.0]
            for r in stride(from: 2, through: 0, by: -1) {
                var t = v[r]
                for k in (r + 1)..<3 { t -= m[r][k] * step[k] }
                step[r] = t / m[r][r]
            }
            // Backtracking: halve the step until the loss goes down.
            var t = 1.0
            let current = loss(w)
            var next = w
            for _ in 0..<40 {
                next = (0..<3).map { w[$0] - t * step[$0] }
                if loss(next) <= current { break }
                t /= 2
            }
            w = next
        }
        return w
    }

    /// Fits logistic regression with AdaGrad on the examples `skip` does not exclude.
    func fit(_ examples: [Example], skip: (Int) -> Bool) -> CheckworthinessModel {
        let cfg = configuration
        let n = 1 << cfg.bits
        var w = [Double](repeating: 0, count: n)
        var g2 = [Double](repeating: 1e-8, count: n)
        var bias = 0.0, biasG2 = 1e-8
        var order = (0..<examples.count).filter { !skip($0) }
        // Feature values: 1, or the naive-Bayes log-count ratio interpolated towards 1.
        var value = [Double](repeating: 1, count: n)
        if cfg.naiveBayesScaling > 0 {
            var pos = [Double](repeating: 1, count: n), neg = [Double](repeating: 1, count: n)
            for e in order { for f in examples[e].features { if examples[e].label { pos[Int(f)] += examples[e].weight } else { neg[Int(f)] += examples[e].weight } } }
            let ps = pos.reduce(0, +), ns = neg.reduce(0, +)
            for k in 0..<n {
                let r = PortableMath.log((pos[k] / ps) / (neg[k] / ns))
                value[k] = 1 + cfg.naiveBayesScaling * (abs(r) - 1)
            }
        }
        var avg = [Double](repeating: 0, count: n)
        var avgBias = 0.0, avgCount = 0.0
        var rng = SplitMix64(seed: cfg.seed)
        for epoch in 0..<cfg.epochs {
            rng.shuffle(&order)   // with the fixed-seed generator
            for e in order {
                let ex = examples[e]
                let scale = 1 / Double(max(ex.features.count, 1)).squareRoot()
                var z = bias
                for f in ex.features { z += w[Int(f)] * value[Int(f)] * scale }
                let g = (PortableMath.sigmoid(z) - (ex.label ? 1 : 0)) * ex.weight
                for f in ex.features {
                    let k = Int(f)
                    let grad = g * value[k] * scale + cfg.l2 * w[k]
                    g2[k] += grad * grad
                    w[k] -= cfg.learningRate * grad / g2[k].squareRoot()
                }
                biasG2 += g * g
                bias -= cfg.learningRate * g / biasG2.squareRoot()
            }
            if cfg.averaging, epoch >= cfg.epochs / 2 {
                for k in 0..<n { avg[k] += w[k] }
                avgBias += bias
                avgCount += 1
            }
        }
        if cfg.averaging, avgCount > 0 {
            w = avg.map { $0 / avgCount }
            bias = avgBias / avgCount
        }
        // Fold the feature values into the weights, so scoring stays a sum over binary features.
        let folded = (0..<n).map { Float(w[$0] * value[$0]) }
        return CheckworthinessModel(bits: cfg.bits, featureGroups: cfg.featureGroups, weights: folded, bias: bias, threshold: 0.5)
    }
}

/// A small deterministic pseudo-random generator (SplitMix64).
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHasher.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }

    /// Shuffles `a` in place (Fisher–Yates, one draw per position from the last down).
    mutating func shuffle(_ a: inout [Int]) {
        var i = a.count - 1
        while i > 0 {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
            i -= 1
        }
    }
}

/// A number with four decimals.
func format4(_ x: Double) -> String {
    let scaled = Int((x * 10_000).rounded())
    let frac = String(abs(scaled) % 10_000)
    return (scaled < 0 ? "-" : "") + "\(abs(scaled) / 10_000)." + String(repeating: "0", count: 4 - frac.count) + frac
}
