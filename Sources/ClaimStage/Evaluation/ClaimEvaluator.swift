/// Scores a check-worthiness gold set (ClaimBuster JSON or CLEF TSV, detected from the path)
/// with the model, sentence by sentence, and reports P/R/F1 at the model's threshold and AP/MAP.
///
/// Bare sentences have no entities layer, so numbers, money, percentages and dates are found from
/// the tokens (`NumberCues`); scores are rounded to four decimals before any metric, as in the
/// stage's output.
public struct ClaimEvaluator: Sendable {
    /// Which part of a gold set to score.
    public enum Subset: String, Sendable, CaseIterable {
        /// Every sentence.
        case all
        /// The fixed dev split only (see `GoldReader`).
        case dev
        /// Everything but the dev split.
        case train
    }

    /// The tagger (and model) scoring sentences.
    public let tagger: ClaimTagger

    /// An evaluator for a model (the bundled one by default).
    public init(model: CheckworthinessModel? = CheckworthinessModel.bundled) {
        tagger = ClaimTagger(model: model)
    }

    /// Reads and scores a gold file or folder.
    public func evaluate(goldPath: String, subset: Subset = .all) throws -> ClaimEvaluationReport {
        let (format, gold) = try GoldReader.read(goldPath)
        let chosen: [GoldSentence]
        switch subset {
        case .all: chosen = gold
        case .dev: chosen = gold.filter(\.isDev)
        case .train: chosen = gold.filter { !$0.isDev }
        }
        let name = subset == .all ? goldPath : "\(goldPath) (\(subset.rawValue) split)"
        return evaluate(chosen, format: format, name: name)
    }

    /// Scores labelled sentences.
    public func evaluate(_ gold: [GoldSentence], format: GoldFormat, name: String) -> ClaimEvaluationReport {
        var scratch = ClaimTagger.Scratch()
        var predictions: [(key: String, score: Double)] = []
        predictions.reserveCapacity(gold.count)
        var byGroup: [String: [(score: Double, label: Bool)]] = [:]
        var groupOrder: [String] = []
        var all: [(score: Double, label: Bool)] = []
        for s in gold {
            let score = (tagger.score(sentence: s.text, scratch: &scratch) * 10_000).rounded() / 10_000
            predictions.append((s.key, score))
            all.append((score, s.label))
            if byGroup[s.group] == nil { groupOrder.append(s.group) }
            byGroup[s.group, default: []].append((score, s.label))
        }
        let aps = groupOrder.compactMap { RankingMetrics.averagePrecision(byGroup[$0]!) }
        let threshold = tagger.threshold
        return ClaimEvaluationReport(
            name: name, format: format, sentences: gold.count, positives: gold.reduce(0) { $0 + ($1.label ? 1 : 0) },
            threshold: threshold, counts: RankingMetrics.counts(all, threshold: threshold),
            averagePrecision: aps.isEmpty ? 0 : aps.reduce(0, +) / Double(aps.count), groupsWithPositives: aps.count,
            predictions: predictions)
    }
}
