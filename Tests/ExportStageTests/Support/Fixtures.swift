import DocPipe
import DocPipeTestSupport

/// Small documents with every layer export reads, built by finding phrases in their text.
enum Fixtures {
    /// The scalar range of the `occurrence`-th `phrase` in `text`.
    static func range(of phrase: String, in text: String, occurrence: Int = 0) -> (Int, Int) {
        let t = Array(text.unicodeScalars), p = Array(phrase.unicodeScalars)
        var seen = 0
        for i in 0...(t.count - p.count) where Array(t[i..<(i + p.count)]) == p {
            if seen == occurrence { return (i, i + p.count) }
            seen += 1
        }
        fatalError("'\(phrase)' not in fixture text")
    }

    /// A span over `phrase`.
    static func span(_ phrase: String, in text: String, _ type: String, _ attributes: [String: JSONValue] = [:]) -> Span {
        let (s, e) = range(of: phrase, in: text)
        return Span(start: s, end: e, type: type, attributes: attributes)
    }

    /// A policy brief with paragraphs, sentences, entities (one nested), claims, non-ASCII text
    /// and a source map shifted by a 7-scalar header the source had.
    static func brief(id: String = "brief") -> Document {
        let s1 = "North Korea tested a missile in 2017, according to the United Nations (UN)."
        let s2 = "President Moon Jae-in said talks with Pyongyang would resume."
        let s3 = "Unemployment in Séoul rose approximately 4.5% in 2019, officials said."
        let text = "Findings\n\n\(s1) \(s2)\n\n\(s3)"
        var doc = StageHarness.document(text, id: id, metadata: [
            "title": "Findings on the peninsula", "authors": ["Kim, A.", "Lee B."], "date": "2020-01-31", "language": "en",
        ])
        doc.sourceMap = OffsetMap(segments: [OffsetMap.Segment(text: 0, source: 7, length: text.unicodeScalars.count)])
        doc.setLayer(LayerName.paragraphs, [
            span("Findings", in: text, "heading"), span("\(s1) \(s2)", in: text, "paragraph"), span(s3, in: text, "paragraph"),
        ])
        doc.setLayer(LayerName.sentences, [span(s1, in: text, "sentence"), span(s2, in: text, "sentence"), span(s3, in: text, "sentence")])
        doc.setLayer(LayerName.entities, [
            span("North Korea", in: text, "GPE", ["canonical": "North Korea", "iso3": "PRK"]),
            span("2017", in: text, "DATE", ["canonical": "2017", "value": "2017"]),
            span("United Nations (UN)", in: text, "ORG", ["canonical": "United Nations"]),
            span("UN", in: text, "ORG", ["canonical": "United Nations"]),
            span("Moon Jae-in", in: text, "PERSON", ["canonical": "Moon Jae-in"]),
            span("Pyongyang", in: text, "GPE", ["canonical": "Pyongyang"]),
            span("Séoul", in: text, "GPE", ["canonical": "Seoul"]),
            span("4.5%", in: text, "PERCENT", ["canonical": "4.5%", "value": 4.5]),
            span("2019", in: text, "DATE", ["canonical": "2019"]),
        ])
        doc.setLayer(LayerName.claims, [
            span(s1, in: text, "claim", ["kinds": ["factual", "attributed"], "checkworthiness": 0.8123,
                                          "hedges": [], "attribution": "the United Nations (UN)"]),
            span(s2, in: text, "claim", ["kinds": ["predictive", "quotation"], "checkworthiness": 0.41,
                                          "hedges": [], "attribution": "Moon Jae-in"]),
            span(s3, in: text, "claim", ["kinds": ["statistical"], "checkworthiness": 0.9, "hedges": ["approximately"],
                                          "attribution": "officials", "numbers": ["4.5%"]]),
        ])
        return doc
    }

    /// Claims with the attribute shapes the claims stage writes: hedges and quotations as
    /// `{start, end, text}` objects, attribution as an object with a cue and an entity, and a
    /// sentence kept with `"isClaim": false`.
    static func claimStageShapes(id: String = "shapes") -> Document {
        let s1 = "Moon said exports rose about 3%."
        let s2 = "Is that so?"
        let text = "\(s1) \(s2)"
        var doc = StageHarness.document(text, id: id)
        doc.setLayer(LayerName.sentences, [span(s1, in: text, "sentence"), span(s2, in: text, "sentence")])
        let moon: JSONValue = ["start": 0, "end": 4, "text": "Moon", "label": "PERSON", "canonical": "Moon Jae-in"]
        doc.setLayer(LayerName.entities, [span("Moon", in: text, "PERSON", ["canonical": "Moon Jae-in"])])
        doc.setLayer(LayerName.claims, [
            span(s1, in: text, "claim", [
                "isClaim": true, "checkworthy": true, "checkworthiness": 0.7, "kinds": ["attributed", "statistical"],
                "hedges": [["start": 23, "end": 28, "text": "about"]], "entities": [moon],
                "attribution": ["via": "speech-verb", "cue": ["start": 5, "end": 9, "text": "said"], "start": 0, "end": 4,
                                "text": "Moon", "entity": moon],
                "quotations": [],
            ]),
            span(s2, in: text, "claim", ["isClaim": false, "checkworthy": false, "checkworthiness": 0.05, "kinds": [], "hedges": []]),
        ])
        return doc
    }

    /// A document whose text tries HTML and spreadsheet injection.
    static func hostile(id: String = "hostile") -> Document {
        let text = "Click <script>alert(1)</script> & \"quotes\" or =HYPERLINK(\"http://x.example\",\"win\") now.\n@SUM(A1) -2+3 +1"
        var doc = StageHarness.document(text, id: id, metadata: ["title": "<b>Bold</b> & =cmd|' /C calc'!A0"])
        doc.setLayer(LayerName.sentences, [Span(start: 0, end: text.unicodeScalars.count, type: "sentence")])
        doc.setLayer(LayerName.entities, [
            span("<script>alert(1)</script>", in: text, "WORK_OF_ART", ["canonical": "<script>alert(1)</script>"]),
            span("=HYPERLINK(\"http://x.example\",\"win\")", in: text, "ORG", ["canonical": "=HYPERLINK(\"http://x.example\",\"win\")"]),
            span("@SUM(A1)", in: text, "ORG", ["canonical": "@SUM(A1)"]),
        ])
        doc.setLayer(LayerName.claims, [
            Span(start: 0, end: text.unicodeScalars.count, type: "claim",
                 attributes: ["kinds": ["<evaluative>"], "checkworthiness": 0.5, "attribution": "-officials"]),
        ])
        return doc
    }

    /// `document`'s text repeated `times` times (joined by a blank line) with every layer shifted along.
    static func repeated(_ document: Document, times: Int, id: String) -> Document {
        let n = document.text.unicodeScalars.count + 2
        var doc = StageHarness.document(Array(repeating: document.text, count: times).joined(separator: "\n\n"), id: id,
                                        metadata: document.metadata)
        for (name, spans) in document.layers {
            doc.setLayer(name, (0..<times).flatMap { k in
                spans.map { Span(start: $0.start + k * n, end: $0.end + k * n, type: $0.type, attributes: $0.attributes) }
            })
        }
        return doc
    }

    /// What ingest alone produces: text and metadata, no layers.
    static func plain(id: String = "plain") -> Document {
        StageHarness.document("Just text.\nNo layers at all.", id: id)
    }
}
