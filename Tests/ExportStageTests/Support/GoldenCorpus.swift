import DocPipe
import DocPipeTestSupport
import Foundation

/// The documents the golden-bytes test exports: the fixtures, a paginated document with
/// awkward text (4-byte scalars, U+2028, controls, quotes, CRLF), odd spans, and the seed
/// speech with layers made by simple, deterministic rules (paragraphs at blank lines,
/// sentences at ". ", capitalised words as entities, sentences with digits as claims).
enum GoldenCorpus {
    static func documents() throws -> [Document] {
        var docs = [Fixtures.brief(), Fixtures.claimStageShapes(), Fixtures.hostile(), Fixtures.plain(),
                    Fixtures.repeated(Fixtures.brief(), times: 3, id: "brief-x3"), awkward(), odd(),
                    StageHarness.document("", id: "empty")]
        let seed = repositoryRoot.appendingPathComponent("seeds/ungdc_KOR_67_2012.txt")
        docs.append(layered(try String(contentsOf: seed, encoding: .utf8), id: "ungdc-kor-2012"))
        return docs
    }

    /// Pages, 4-byte scalars, U+2028, a control character, quotes and backslashes, a gapped
    /// source map, warnings, crossing entity and claim spans, and every metadata shape.
    static func awkward() -> Document {
        let text = "Title 🇰🇷 \"Q\"\r\n\nFirst\u{2028}page: Émile said 12,5% \\ rose.\u{01} Next.\n\nSecond page 😀 =SUM(1) ends, here."
        var doc = StageHarness.document(text, id: "awkward", metadata: [
            "title": "Awkward \"one\"", "authors": ["A, B", "C"], "date": "2021-02-03", "publisher": "P & Q",
            "series": "S", "language": "en", "url": "https://example.org/a?b=1&c=2", "pages": 2,
            "extra": ["nested": ["x": 1.25, "y": nil, "z": true]],
        ])
        doc.source = SourceInfo(path: "in/awkward.pdf", mediaType: "application/pdf", byteCount: 1234, sha256: "ab12")
        let n = text.unicodeScalars.count
        doc.sourceMap = OffsetMap(segments: [.init(text: 0, source: 3, length: 10), .init(text: 12, source: 40, length: n - 12)])
        doc.warnings = [Diagnostic(code: "pdf-font", message: "font \"X\" <odd>", stage: "ingest")]
        func r(_ p: String, _ k: Int = 0) -> (Int, Int) { Fixtures.range(of: p, in: text, occurrence: k) }
        let second = r("Second page").0
        doc.setLayer(LayerName.pages, [Span(start: 0, end: second, type: "page", attributes: ["number": 7]),
                                       Span(start: second, end: n, type: "page")])
        doc.setLayer(LayerName.paragraphs, [Span(start: 0, end: r("Title 🇰🇷 \"Q\"").1, type: "heading"),
                                            Span(start: r("First").0, end: r("Next.").1, type: "paragraph"),
                                            Span(start: second, end: n, type: "paragraph")])
        doc.setLayer(LayerName.sentences, [Span(start: r("First").0, end: r("rose.").1, type: "sentence"),
                                           Span(start: r("Next.").0, end: r("Next.").1, type: "sentence"),
                                           Span(start: second, end: n, type: "sentence")])
        let e = r("Émile"), pct = r("12,5%"), sum = r("=SUM(1)")
        doc.setLayer(LayerName.entities, [
            Span(start: e.0, end: e.1, type: "PERSON", attributes: ["canonical": "Émile", "confidence": 0.875]),
            Span(start: pct.0, end: pct.1, type: "PERCENT", attributes: ["value": 12.5]),
            Span(start: sum.0, end: sum.1 + 5, type: "ORG", attributes: ["canonical": "=SUM", "iso3": "SUM", "note": ["a", 1]]),
            Span(start: r("🇰🇷").0, end: r("🇰🇷").1, type: "GPE", attributes: ["canonical": "Korea", "iso3": "KOR"]),
        ])
        doc.setLayer(LayerName.claims, [
            Span(start: r("said").0, end: r("Next.").1, type: "claim", attributes: [
                "checkworthiness": 0.3333, "kinds": "statistical", "hedges": [["start": 1, "end": 2, "text": "h\"x"]],
                "attribution": ["cue": "said"], "extra": ["k": [1, 2.5, "s"]],
            ]),
            Span(start: second, end: n, type: "claim", attributes: ["kind": "evaluative", "isClaim": true, "checkworthiness": 1.0]),
            Span(start: r("Next.").0, end: r("Next.").1, type: "claim", attributes: ["isClaim": false]),
        ])
        return doc
    }

    /// Spans past the end of the text and empty ones.
    static func odd() -> Document {
        var doc = StageHarness.document("Short.", id: "odd")
        doc.setLayer(LayerName.sentences, [Span(start: 0, end: 60, type: "sentence")])
        doc.setLayer(LayerName.paragraphs, [Span(start: 0, end: 60, type: "paragraph")])
        doc.setLayer(LayerName.entities, [Span(start: 2, end: 2, type: "ORG"), Span(start: 3, end: 90, type: "ORG"),
                                          Span(start: 70, end: 80, type: "GPE")])
        doc.setLayer(LayerName.claims, [Span(start: 0, end: 99, type: "claim", attributes: ["checkworthiness": 0.95])])
        return doc
    }

    /// A real text with layers from simple rules, so every format sees realistic volumes.
    static func layered(_ text: String, id: String) -> Document {
        let s = Array(text.unicodeScalars)
        var paragraphs: [Span] = [], sentences: [Span] = [], entities: [Span] = [], claims: [Span] = []
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" }
        var i = 0
        while i < s.count {
            while i < s.count, isSpace(s[i]) { i += 1 }
            guard i < s.count else { break }
            var j = i
            while j < s.count, !(s[j] == "\n" && j + 1 < s.count && s[j + 1] == "\n") { j += 1 }
            var end = j
            while end > i, isSpace(s[end - 1]) { end -= 1 }
            paragraphs.append(Span(start: i, end: end, type: end - i < 60 ? "heading" : "paragraph"))
            var a = i
            var k = i
            while k < end {
                if (s[k] == "." || s[k] == "?" || s[k] == "!") && (k + 1 == end || s[k + 1] == " ") {
                    sentences.append(Span(start: a, end: k + 1, type: "sentence"))
                    k += 1
                    while k < end, s[k] == " " { k += 1 }
                    a = k
                } else { k += 1 }
            }
            if a < end { sentences.append(Span(start: a, end: end, type: "sentence")) }
            i = j
        }
        let labels = ["GPE", "ORG", "PERSON", "NORP"]
        var w = 0
        while w < s.count {
            guard s[w].properties.isUppercase, w == 0 || isSpace(s[w - 1]) else { w += 1; continue }
            var e = w
            while e < s.count, s[e].properties.isAlphabetic || s[e] == "-" { e += 1 }
            if e - w > 2 {
                let word = String(String.UnicodeScalarView(s[w..<e]))
                var attrs: [String: JSONValue] = ["canonical": .string(word)]
                if e - w == 5 { attrs["iso3"] = .string(String(word.prefix(3)).uppercased()) }
                if (w % 7) == 0 { attrs["confidence"] = .double(Double(w % 100) / 100) }
                entities.append(Span(start: w, end: e, type: labels[(e - w) % labels.count], attributes: attrs))
            }
            w = e
        }
        for (n, sentence) in sentences.enumerated() where s[sentence.start..<sentence.end].contains(where: { $0.properties.numericType != nil }) || n % 5 == 0 {
            claims.append(Span(start: sentence.start, end: sentence.end, type: "claim", attributes: [
                "checkworthiness": .double(Double((n * 37) % 100) / 100), "kinds": n % 2 == 0 ? ["factual"] : ["statistical", "attributed"],
                "hedges": n % 3 == 0 ? [["start": .int(sentence.start), "end": .int(sentence.start + 3), "text": "abc"]] : [],
                "attribution": n % 4 == 0 ? ["via": "speech-verb", "cue": ["text": "said"]] : .null, "isClaim": true,
            ]))
        }
        var doc = StageHarness.document(text, id: id, metadata: ["title": "Statement by the Republic of Korea", "date": "2012-09-25",
                                                                 "language": "en"])
        doc.setLayer(LayerName.paragraphs, paragraphs)
        doc.setLayer(LayerName.sentences, sentences)
        doc.setLayer(LayerName.entities, entities)
        doc.setLayer(LayerName.claims, claims)
        return doc
    }
}
