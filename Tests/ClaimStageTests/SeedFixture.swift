import DocPipe
import DocPipeTestSupport
import Foundation

/// The seed paper with hand-built "sentences" and "entities" layers, standing in for the
/// normalize and entities stages (a stage test cannot depend on other stages).
enum SeedFixture {
    /// The repository root, found from this file's path.
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The seed paper's text.
    static func seedText() throws -> String {
        try String(contentsOf: repoRoot.appendingPathComponent("seeds/pacific-forum-nk-human-rights.txt"), encoding: .utf8)
    }

    /// Entity strings of the seed paper: text, label, canonical name.
    static let seedEntities: [(String, String, String)] = [
        ("Thomas Buergenthal", "PERSON", "Thomas Buergenthal"),
        ("Donald Trump", "PERSON", "Donald Trump"),
        ("Moon Jae-in", "PERSON", "Moon Jae-in"),
        ("Moon pledged", "PERSON", "Moon Jae-in"),  // trimmed to "Moon" below
        ("International Criminal Court", "ORG", "International Criminal Court"),
        ("United Nations", "ORG", "United Nations"),
        ("World Food Programme", "ORG", "World Food Programme"),
        ("UN International Children’s Emergency Fund (UNICEF)", "ORG", "UNICEF"),
        ("North Koreans", "NORP", "North Koreans"),
        ("North Korean", "NORP", "North Koreans"),
        ("North Korea", "GPE", "North Korea"),
        ("South Korea", "GPE", "South Korea"),
        ("United States", "GPE", "United States"),
        ("Pyongyang", "GPE", "Pyongyang"),
        ("Auschwitz", "FAC", "Auschwitz"),
        ("Helsinki Accords", "LAW", "Helsinki Accords"),
        ("80%", "PERCENT", "80%"),
        ("$8 million", "MONEY", "$8 million"),
        ("May 2019", "DATE", "May 2019"),
        ("1975", "DATE", "1975"),
    ]

    /// The seed paper as a document with sentences and entities layers.
    static func seedDocument() throws -> Document {
        let text = try seedText()
        return document(text, entities: seedEntities)
    }

    /// A document whose sentences come from a simple splitter and whose entities are every
    /// non-overlapping occurrence of the given strings (earlier list entries win).
    static func document(_ text: String, entities: [(String, String, String)]) -> Document {
        let scalars = Array(text.unicodeScalars)
        var sentences: [Span] = []
        var start = 0
        func flush(_ end: Int) {
            var s = start, e = end
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if s < e { sentences.append(Span(start: s, end: e, type: "sentence")) }
            start = end
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" { flush(i + 1) } else if c == "." || c == "?" || c == "!" {
                var j = i + 1
                while j < scalars.count, scalars[j] == "”" || scalars[j] == "\"" { j += 1 }
                if j < scalars.count, scalars[j] == " ", j + 1 < scalars.count,
                   scalars[j + 1].properties.isUppercase || scalars[j + 1] == "“" {
                    flush(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        flush(scalars.count)

        var taken = [Bool](repeating: false, count: scalars.count)
        var spans: [Span] = []
        for (needle, label, canonical) in entities {
            var n = Array(needle.unicodeScalars)
            if needle == "Moon pledged" { n = Array("Moon".unicodeScalars) }
            let full = Array(needle.unicodeScalars)
            guard !n.isEmpty else { continue }
            var p = 0
            while p + full.count <= scalars.count {
                if Array(scalars[p..<p + full.count]) == full, !taken[p..<p + n.count].contains(true) {
                    for k in p..<p + n.count { taken[k] = true }
                    spans.append(Span(start: p, end: p + n.count, type: label, attributes: ["canonical": .string(canonical)]))
                    p += full.count
                } else {
                    p += 1
                }
            }
        }
        return StageHarness.document(text, layers: [LayerName.sentences: sentences.sorted(by: Span.canonicalOrder),
                                                     LayerName.entities: spans.sorted(by: Span.canonicalOrder)])
    }
}

extension Document {
    /// The claim span of the sentence containing `fragment`.
    func claim(containing fragment: String) -> Span? {
        spans(LayerName.claims).first { text(of: $0).contains(fragment) }
    }
}

extension Span {
    /// The "kinds" attribute as strings.
    var kinds: [String] { attributes["kinds"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    /// The texts of the "hedges" attribute.
    var hedgeTexts: [String] { attributes["hedges"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? [] }
    /// The check-worthiness score.
    var checkworthiness: Double { attributes["checkworthiness"]?.doubleValue ?? -1 }
    /// The attribution object.
    var attribution: JSONValue? { attributes["attribution"] }
    /// The quotation objects.
    var quotations: [JSONValue] { attributes["quotations"]?.arrayValue ?? [] }
    /// The entity objects.
    var involvedEntities: [JSONValue] { attributes["entities"]?.arrayValue ?? [] }
}
