import Foundation

/// Scores the entities stage against CoNLL/BIO gold: each gold sentence's tokens are joined by
/// single spaces, the stage's extractor runs over that text, predicted spans are mapped back to
/// the gold tokens they overlap, labels are mapped to CoNLL types (`labelMap`; numeric types are
/// dropped), and phrases are scored conlleval-style. This is what `docpipe eval ner` runs.
public struct NEREvaluator: Sendable {
    /// docpipe label → CoNLL type; labels not listed (DATE, MONEY, …) are dropped before scoring.
    public static let labelMap: [String: String] = [
        "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
        "NORP": "MISC", "EVENT": "MISC", "LAW": "MISC", "WORK_OF_ART": "MISC", "PRODUCT": "MISC", "LANGUAGE": "MISC",
    ]

    /// re3d gold types → CoNLL types (name-like types only; Temporal, Money, Quantity,
    /// DocumentReference, Weapon and MilitaryPlatform are dropped).
    public static let re3dLabelMap: [String: String] = [
        "Person": "PER", "Organisation": "ORG", "Location": "LOC", "Nationality": "MISC",
    ]

    private let extractor: EntityExtractor

    /// Uses the shipped model and gazetteers, or those in `resources` (a folder laid out like
    /// Sources/EntityStage/Resources).
    public init(resources: URL? = nil) throws {
        let r = try resources.map { try EntityResources.load(folder: $0, loadModel: true) } ?? EntityResources.shared.get()
        extractor = EntityExtractor(gazetteer: r.gazetteer, tagger: r.tagger)
    }

    /// Predicts and scores the sentences of a gold file. `goldLabels` maps gold types to CoNLL
    /// types first (types it does not list are dropped; nil keeps them as they are); `namedOnly`
    /// drops gold phrases with no capital letter or digit after any leading determiner (re3d also
    /// marks pronouns and nominals such as "The hospital").
    public func evaluate(goldFile: URL, goldLabels: [String: String]? = nil, namedOnly: Bool = false) throws -> NEREvaluation {
        evaluate(Self.prepareGold(try ConllReader.read(goldFile), labels: goldLabels, namedOnly: namedOnly))
    }

    /// A capital letter or digit outside a leading determiner ("the Coalition" yes, "The hospital" no).
    static func isNameLike(_ tokens: [String]) -> Bool {
        let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my"]
        var rest = tokens[...]
        while let f = rest.first, determiners.contains(f.lowercased()) { rest = rest.dropFirst() }
        return rest.contains { $0.unicodeScalars.contains { ("A"..."Z").contains($0) || ("0"..."9").contains($0) } }
    }

    /// Gold sentences with types mapped and, optionally, only name-like phrases kept (as IOB2).
    public static func prepareGold(_ gold: [ConllSentence], labels: [String: String]?, namedOnly: Bool) -> [ConllSentence] {
        guard labels != nil || namedOnly else { return gold }
        return gold.map { s in
            var tags = [String](repeating: "O", count: s.tags.count)
            for c in ConllScore.chunks(s.tags) {
                let type = labels.map { $0[c.type] } ?? c.type
                guard let type else { continue }
                if namedOnly, !isNameLike(Array(s.tokens[c.start..<c.end])) { continue }
                tags[c.start] = "B-" + type
                for k in (c.start + 1)..<c.end { tags[k] = "I-" + type }
            }
            return ConllSentence(tokens: s.tokens, tags: tags, startsDocument: s.startsDocument)
        }
    }

    /// Predicts and scores gold sentences.
    public func evaluate(_ gold: [ConllSentence]) -> NEREvaluation {
        var predicted: [[String]] = []
        predicted.reserveCapacity(gold.count)
        var scratch = EntityExtractor.Scratch()
        var mentions: [Mention] = []
        for s in gold {
            if s.startsDocument { scratch.tagger.memory.reset() }
            let bytes = Array(s.tokens.joined(separator: " ").utf8)
            var starts: [Int] = [], ends: [Int] = []
            var pos = 0
            for t in s.tokens { starts.append(pos); pos += t.utf8.count; ends.append(pos); pos += 1 }
            mentions.removeAll(keepingCapacity: true)
            bytes.withUnsafeBufferPointer { extractor.extract($0, 0..<bytes.count, scratch: &scratch, into: &mentions) }
            var tags = [String](repeating: "O", count: s.tokens.count)
            for m in mentions {
                guard let type = Self.labelMap[m.label] else { continue }
                guard let first = ends.firstIndex(where: { $0 > m.startByte }), let last = starts.lastIndex(where: { $0 < m.endByte }),
                      first <= last, (first...last).allSatisfy({ tags[$0] == "O" })
                else { continue }
                tags[first] = "B-" + type
                for k in (first + 1)..<(last + 1) { tags[k] = "I-" + type }
            }
            predicted.append(tags)
        }
        return NEREvaluation(gold: gold, predicted: predicted)
    }
}

/// The outcome of an evaluation: the score and the predicted tags.
public struct NEREvaluation: Sendable {
    /// Gold sentences.
    public let gold: [ConllSentence]
    /// Predicted IOB2 tags, one array per gold sentence.
    public let predicted: [[String]]
    /// conlleval-style score.
    public let score: ConllScore

    /// Scores predictions against gold.
    public init(gold: [ConllSentence], predicted: [[String]]) {
        self.gold = gold
        self.predicted = predicted
        score = ConllScore.score(gold: gold.map(\.tags), predicted: predicted)
    }

    /// The printed report (conlleval-like).
    public func report() -> String { score.report() }

    /// Predictions as "token gold pred" lines, a blank line after each sentence: readable by
    /// conlleval.pl and shared/tools/conll_score.py.
    public func predictionsBIO() -> String {
        var out = ""
        for (s, p) in zip(gold, predicted) {
            for k in s.tokens.indices { out += "\(s.tokens[k]) \(s.tags[k]) \(p[k])\n" }
            out += "\n"
        }
        return out
    }
}
