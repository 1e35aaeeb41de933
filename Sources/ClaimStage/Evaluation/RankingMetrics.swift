/// Precision, recall, F1 and average precision of scored, labelled items, computed exactly as
/// `shared/tools/claims_score.py` does (ties in AP broken by input order).
public enum RankingMetrics {
    /// Counts at a threshold.
    public struct Counts: Sendable, Equatable {
        /// True positives.
        public var tp = 0
        /// False positives.
        public var fp = 0
        /// False negatives.
        public var fn = 0
        /// Precision (0 when nothing is predicted).
        public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        /// Recall (0 when there are no positives).
        public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        /// F1.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Counts of the positive class at `threshold` (score ≥ threshold is predicted positive).
    public static func counts(_ items: [(score: Double, label: Bool)], threshold: Double) -> Counts {
        var c = Counts()
        for (s, l) in items {
            let guess = s >= threshold
            if guess && l { c.tp += 1 } else if guess { c.fp += 1 } else if l { c.fn += 1 }
        }
        return c
    }

    /// Average precision of one ranking; nil when there is no positive.
    public static func averagePrecision(_ items: [(score: Double, label: Bool)]) -> Double? {
        let order = items.indices.sorted { a, b in
            items[a].score != items[b].score ? items[a].score > items[b].score : a < b
        }
        let positives = items.reduce(0) { $0 + ($1.label ? 1 : 0) }
        guard positives > 0 else { return nil }
        var hits = 0
        var total = 0.0
        for (rank, i) in order.enumerated() where items[i].label {
            hits += 1
            total += Double(hits) / Double(rank + 1)
        }
        return total / Double(positives)
    }

    /// The threshold that maximises F1 over `items`, among midpoints of distinct scores.
    static func bestF1Threshold(_ items: [(score: Double, label: Bool)]) -> (threshold: Double, f1: Double) {
        let sorted = items.sorted { $0.score > $1.score }
        let positives = items.reduce(0) { $0 + ($1.label ? 1 : 0) }
        var tp = 0, fp = 0
        var best = (threshold: 0.5, f1: 0.0)
        for (i, item) in sorted.enumerated() {
            if item.label { tp += 1 } else { fp += 1 }
            let next = i + 1 < sorted.count ? sorted[i + 1].score : -1
            guard next < item.score else { continue }
            let p = Double(tp) / Double(tp + fp), r = positives == 0 ? 0 : Double(tp) / Double(positives)
            let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
            if f > best.f1 { best = ((item.score + max(next, 0)) / 2, f) }
        }
        return best
    }
}
