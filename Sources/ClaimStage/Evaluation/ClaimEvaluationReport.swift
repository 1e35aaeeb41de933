/// Check-worthiness scores of a gold set: P/R/F1 of the check-worthy class at the model's
/// threshold, AP (ClaimBuster) or MAP over debates (CLEF), and the per-sentence predictions.
public struct ClaimEvaluationReport: Sendable {
    /// What was evaluated ("ClaimBuster dev", the gold path…).
    public var name: String
    /// The gold format.
    public var format: GoldFormat
    /// Number of sentences scored.
    public var sentences: Int
    /// Number of check-worthy gold sentences.
    public var positives: Int
    /// The threshold used.
    public var threshold: Double
    /// Counts of the check-worthy class at the threshold.
    public var counts: RankingMetrics.Counts
    /// Average precision over all sentences (ClaimBuster) or mean AP over debates with a positive (CLEF).
    public var averagePrecision: Double
    /// CLEF: number of debates with at least one positive (those MAP averages over); 1 for ClaimBuster.
    public var groupsWithPositives: Int
    /// Per-sentence predictions: gold key and score rounded to four decimals, in gold order.
    public var predictions: [(key: String, score: Double)]

    /// Precision of the check-worthy class.
    public var precision: Double { counts.precision }
    /// Recall of the check-worthy class.
    public var recall: Double { counts.recall }
    /// F1 of the check-worthy class.
    public var f1: Double { counts.f1 }

    /// Predictions as `KEY<TAB>SCORE` lines, the PRED input of `shared/tools/claims_score.py`.
    public var predictionsTSV: String {
        var out = ""
        for p in predictions { out += "\(p.key)\t\(p.score)\n" }
        return out
    }

    /// The report as text: the same two lines `claims_score.py` prints, after a title line.
    public func rendered() -> String {
        let apLabel = format == .clef ? "MAP over debates" : "AP"
        let groups = format == .clef ? " (\(groupsWithPositives) debates with positives)" : ""
        return """
        \(name) [\(format.rawValue)]: \(positives) check-worthy of \(sentences)
        sentences \(sentences); check-worthy P=\(format4(precision)) R=\(format4(recall)) F1=\(format4(f1)) at threshold \(threshold)
        \(apLabel) = \(format4(averagePrecision))\(groups)
        """
    }
}
