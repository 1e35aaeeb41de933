/// conlleval-style phrase scoring: a phrase counts only when start, end and type all match.
/// Chunking follows conlleval.pl (IOB1, IOB2 and IOBES read alike), as does
/// shared/tools/conll_score.py, which this agrees with.
public struct ConllScore: Sendable, Equatable {
    /// Counts and figures for one type (or overall).
    public struct Counts: Sendable, Equatable {
        /// Gold phrases.
        public var gold = 0
        /// Predicted phrases.
        public var predicted = 0
        /// Exactly matching phrases.
        public var correct = 0
        /// Precision in percent.
        public var precision: Double { predicted == 0 ? 0 : 100 * Double(correct) / Double(predicted) }
        /// Recall in percent.
        public var recall: Double { gold == 0 ? 0 : 100 * Double(correct) / Double(gold) }
        /// F1 in percent.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Tokens scored.
    public var tokens = 0
    /// Tokens whose tag equals the gold tag.
    public var correctTags = 0
    /// Per type, sorted by name when rendered.
    public var perType: [String: Counts] = [:]
    /// Micro-averaged over types.
    public var overall = Counts()
    /// Diagnostic error classes (wrong_type, wrong_boundary, …), as in conll_score.py.
    public var errors: [String: Int] = [:]

    /// Token accuracy in percent.
    public var accuracy: Double { tokens == 0 ? 0 : 100 * Double(correctTags) / Double(tokens) }

    /// Scores predicted tag sequences against gold ones, sentence by sentence.
    public static func score(gold: [[String]], predicted: [[String]]) -> ConllScore {
        precondition(gold.count == predicted.count, "gold and predicted sentence counts differ")
        var s = ConllScore()
        for (g, p) in zip(gold, predicted) {
            precondition(g.count == p.count, "gold and predicted token counts differ")
            s.tokens += g.count
            for (a, b) in zip(g, p) where a == b { s.correctTags += 1 }
            let gc = chunks(g), pc = chunks(p)
            let gs = Set(gc.map { "\($0.start) \($0.end) \($0.type)" }), ps = Set(pc.map { "\($0.start) \($0.end) \($0.type)" })
            for c in gc { s.perType[c.type, default: Counts()].gold += 1; s.overall.gold += 1 }
            for c in pc {
                s.perType[c.type, default: Counts()].predicted += 1
                s.overall.predicted += 1
                if gs.contains("\(c.start) \(c.end) \(c.type)") {
                    s.perType[c.type, default: Counts()].correct += 1
                    s.overall.correct += 1
                } else if gc.contains(where: { $0.start == c.start && $0.end == c.end }) {
                    s.errors["wrong_type", default: 0] += 1
                } else if gc.contains(where: { $0.start < c.end && c.start < $0.end && $0.type == c.type }) {
                    s.errors["wrong_boundary", default: 0] += 1
                } else if gc.contains(where: { $0.start < c.end && c.start < $0.end }) {
                    s.errors["wrong_boundary_and_type", default: 0] += 1
                } else {
                    s.errors["spurious", default: 0] += 1
                }
            }
            for c in gc where !ps.contains("\(c.start) \(c.end) \(c.type)") {
                if !pc.contains(where: { $0.start < c.end && c.start < $0.end }) { s.errors["missed", default: 0] += 1 }
            }
        }
        return s
    }

    /// A phrase: tokens start..<end of one type.
    public struct Chunk: Sendable, Equatable {
        /// First token.
        public var start: Int
        /// One past the last token.
        public var end: Int
        /// Type ("PER").
        public var type: String
    }

    /// Phrases of one sentence, by conlleval's start/end-of-chunk rules.
    public static func chunks(_ tags: [String]) -> [Chunk] {
        func split(_ t: String) -> (String, String) {
            if t == "O" { return ("O", "") }
            guard let dash = t.firstIndex(of: "-") else { return (t, "") }
            return (String(t[..<dash]), String(t[t.index(after: dash)...]))
        }
        var out: [Chunk] = []
        var start: Int?
        var current = ""
        var prevTag = "O", prevType = ""
        for i in 0...tags.count {
            let (tag, type) = i < tags.count ? split(tags[i]) : ("O", "")
            let endOfChunk = prevTag == "E" || prevTag == "S" || ((prevTag == "B" || prevTag == "I") && (tag == "B" || tag == "S" || tag == "O"))
                || (prevTag != "O" && prevTag != "." && prevType != type)
            if let s = start, endOfChunk {
                out.append(Chunk(start: s, end: i, type: current))
                start = nil
            }
            let startOfChunk = tag == "B" || tag == "S" || ((prevTag == "E" || prevTag == "S" || prevTag == "O") && (tag == "E" || tag == "I"))
                || (tag != "O" && tag != "." && prevType != type)
            if startOfChunk {
                start = i
                current = type
            }
            prevTag = tag
            prevType = type
        }
        return out
    }

    /// A conlleval-like report: totals, then one line per type and overall.
    public func report() -> String {
        func f(_ x: Double) -> String { pad(String(format2(x)), 8) }
        var lines = [
            "processed \(tokens) tokens with \(overall.gold) phrases; found: \(overall.predicted) phrases; correct: \(overall.correct).",
            "accuracy: \(pad(format2(accuracy), 6))%; precision: \(pad(format2(overall.precision), 6))%; recall: \(pad(format2(overall.recall), 6))%; FB1: \(pad(format2(overall.f1), 6))",
            "",
            "type    " + pad("prec", 8) + pad("rec", 8) + pad("F1", 8) + pad("gold", 7) + pad("pred", 7) + pad("corr", 7),
        ]
        for t in perType.keys.sorted() {
            let c = perType[t]!
            lines.append(t.padding(toLength: 8, withPad: " ", startingAt: 0) + f(c.precision) + f(c.recall) + f(c.f1)
                         + pad("\(c.gold)", 7) + pad("\(c.predicted)", 7) + pad("\(c.correct)", 7))
        }
        lines.append("overall " + f(overall.precision) + f(overall.recall) + f(overall.f1)
                     + pad("\(overall.gold)", 7) + pad("\(overall.predicted)", 7) + pad("\(overall.correct)", 7))
        if !errors.isEmpty {
            lines.append("errors: " + errors.keys.sorted().map { "\($0)=\(errors[$0]!)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

/// Right-aligns a string in a field.
func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : String(repeating: " ", count: width - s.count) + s }

/// Two decimals, rounded half away from zero, without Foundation's locale-dependent formatting.
func format2(_ x: Double) -> String {
    let v = Int((x * 100).rounded())
    let sign = v < 0 ? "-" : ""
    let a = abs(v)
    let frac = a % 100
    return "\(sign)\(a / 100).\(frac < 10 ? "0" : "")\(frac)"
}

extension String {
    func padding(toLength n: Int, withPad p: String, startingAt: Int) -> String {
        count >= n ? self : self + String(repeating: p, count: n - count)
    }
}
