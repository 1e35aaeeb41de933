import DocPipe

/// Rewrites a document's text into clean paragraphs (NFC, typography, boilerplate, running
/// headers, hyphenation, reflow), composes the source map, and adds "paragraphs" and
/// "sentences" layers. Layers already present (such as PDF "pages") are carried over.
public struct Normalize: DocumentStage {
    public typealias Options = NormalizeOptions
    /// "normalize".
    public static let id = "normalize"
    /// Bumped when output changes.
    public static let version = 3
    /// One line for `docpipe stages`.
    public static let summary = "Cleans text (NFC, typography, boilerplate, PDF headers, hyphenation) and splits paragraphs and sentences"
    /// Needs text.
    public static let requires = [Capability.text]
    /// Clean text, paragraphs and sentences.
    public static let produces = [Capability.normalizedText, LayerName.paragraphs, LayerName.sentences]

    /// The heading hints ingest leaves (consumed here).
    static let headingsLayer = "headings"

    /// The options in use.
    public let options: NormalizeOptions
    private let classifier: LineClassifier
    private let splitter: SentenceSplitter

    /// Makes the stage.
    public init(options: NormalizeOptions) throws {
        self.options = options
        classifier = LineClassifier(options: options)
        splitter = SentenceSplitter(extra: options.abbreviations)
    }

    /// Normalizes one document.
    public func process(_ document: Document, context: StageContext) async throws -> Document {
        let s = Array(document.text.utf8)
        let index = TextIndex(utf8: s)
        var lines = TextLine.scan(s)

        // Heading hints from ingest.
        let hints = document.spans(Normalize.headingsLayer).map { index.byteOffset(ofScalar: $0.start) }.sorted()
        if !hints.isEmpty {
            var h = 0
            for k in lines.indices where !lines[k].blank {
                while h < hints.count, hints[h] < lines[k].range.lowerBound { h += 1 }
                if h < hints.count, hints[h] < lines[k].range.upperBound { lines[k].heading = true }
            }
        }
        classifier.classify(s, &lines)
        let pages = document.spans(LayerName.pages).map { index.byteOffset(ofScalar: $0.start)..<index.byteOffset(ofScalar: $0.end) }
        if options.removeRunningHeaders, pages.count >= 2 { RunningHeaders.mark(s, &lines, pages: pages) }

        // Paragraphs and text.
        let plans = ParagraphPlanner(reflow: options.reflow).plan(s, lines, joinAcrossBlankLines: pages.count >= 2)
        var b = MappedTextBuilder(capacity: s.count)
        let cleaner = CharacterCleaner(options: options)
        var hyphenation = Hyphenation(text: s)
        var paragraphRanges: [(Range<Int>, Bool)] = []
        paragraphRanges.reserveCapacity(plans.count)
        for plan in plans {
            if b.count > 0 { b.insert("\n\n") }
            let start = b.count
            for (pos, k) in plan.lines.enumerated() {
                let line = lines[k]
                if pos > 0 {
                    if !options.reflow {
                        b.insert(byte: 0x0A)
                    } else if options.joinHyphenation, let join = hyphenJoin(s, lines[plan.lines[pos - 1]].range, line.range, &hyphenation, b) {
                        if join { b.truncate(to: b.count - 1) } // drop the hyphen, no space
                    } else {
                        b.insert(byte: 0x20)
                    }
                }
                cleaner.emit(s, line.range, into: &b)
                b.trimTrailingSpaces()
            }
            if b.count > start, let previous = paragraphRanges.last?.0, previous.count == b.count - start,
               b.bytes[previous].elementsEqual(b.bytes[start...]) {
                b.truncate(to: start - 2)   // the same paragraph twice in a row (a repeated title)
            } else if b.count > start {
                paragraphRanges.append((start..<b.count, plan.heading))
            } else if b.count == start, start >= 2 {
                b.truncate(to: start - 2)
            }
        }

        // NFC, where it changes something.
        var text = b.bytes
        var outIndex = TextIndex(utf8: text)
        var map = b.offsetMap(source: index, output: outIndex)
        var remapParagraphs: ((Int, Bool) -> Int)?
        var nfcBuilder: MappedTextBuilder?
        if options.nfc, let nfc = NFCPass.apply(text) {
            let middle = outIndex
            outIndex = TextIndex(utf8: nfc.bytes)
            map = nfc.offsetMap(source: middle, output: outIndex).composed(with: map)
            nfcBuilder = nfc
            remapParagraphs = { nfc.outputOffset(ofSource: $0, startOfReplacement: $1) }
            text = nfc.bytes
        }

        // Layers: paragraphs and sentences.
        var paragraphs: [Span] = []
        var sentences: [Span] = []
        paragraphs.reserveCapacity(paragraphRanges.count)
        for (range, heading) in paragraphRanges {
            let r = remapParagraphs.map { f in f(range.lowerBound, true)..<f(range.upperBound, false) } ?? range
            paragraphs.append(Span(start: outIndex.scalarOffset(ofByte: r.lowerBound), end: outIndex.scalarOffset(ofByte: r.upperBound),
                                   type: heading ? "heading" : "paragraph"))
            let parts = SentenceSplitter.capped(heading ? [r] : splitter.split(text, r), text)
            assert(parts.allSatisfy { r.contains($0.lowerBound) && $0.upperBound <= r.upperBound })
            for p in parts {
                sentences.append(Span(start: outIndex.scalarOffset(ofByte: p.lowerBound), end: outIndex.scalarOffset(ofByte: p.upperBound),
                                      type: "sentence"))
            }
        }

        var out = document
        out.text = String(decoding: text, as: UTF8.self)
        out.sourceMap = map.composed(with: document.sourceMap)
        // Carry other layers over to the new text.
        for (name, spans) in document.layers where name != Normalize.headingsLayer && name != LayerName.paragraphs && name != LayerName.sentences {
            out.setLayer(name, spans.map { sp in
                var m = sp
                m.start = outIndex.scalarOffset(ofByte: forward(index.byteOffset(ofScalar: sp.start), b, nfcBuilder, start: true))
                m.end = max(m.start, outIndex.scalarOffset(ofByte: forward(index.byteOffset(ofScalar: sp.end), b, nfcBuilder, start: false)))
                return m
            })
        }
        out.layers[Normalize.headingsLayer] = nil
        out.setLayer(LayerName.paragraphs, paragraphs)
        out.setLayer(LayerName.sentences, sentences)
        if options.inferTitle { inferMetadata(&out, outIndex, paragraphs) }
        return out
    }

    /// Where an input byte offset lands in the output bytes.
    private func forward(_ offset: Int, _ b: MappedTextBuilder, _ nfc: MappedTextBuilder?, start: Bool) -> Int {
        let mid = b.outputOffset(ofSource: offset)
        return nfc.map { $0.outputOffset(ofSource: mid, startOfReplacement: start) } ?? mid
    }

    /// nil when the previous line does not end with a hyphenated word part; else whether to join.
    private func hyphenJoin(_ s: [UInt8], _ prev: Range<Int>, _ next: Range<Int>, _ h: inout Hyphenation,
                            _ b: MappedTextBuilder) -> Bool? {
        guard prev.count >= 3, s[prev.upperBound - 1] == 0x2D, b.last == 0x2D else { return nil }
        let beforeHyphen = s[prev.upperBound - 2]
        if beforeHyphen == 0x20 || beforeHyphen == 0x2D { return nil }   // a dash between words
        guard (beforeHyphen | 0x20) >= 0x61 && (beforeHyphen | 0x20) <= 0x7A else { return false }  // "U.S.-" + "Mexico"
        var a = prev.upperBound - 1
        while a > prev.lowerBound, (s[a - 1] | 0x20) >= 0x61 && (s[a - 1] | 0x20) <= 0x7A { a -= 1 }
        var z = next.lowerBound
        while z < next.upperBound, (s[z] | 0x20) >= 0x61 && (s[z] | 0x20) <= 0x7A { z += 1 }
        let first = Array(s[a..<(prev.upperBound - 1)])
        let second = Array(s[next.lowerBound..<z])
        guard !second.isEmpty else { return nil }
        return h.shouldJoin(first: first, second: second) ? true : false
    }

    /// Title from the text when missing; series, volume and number from the title.
    private func inferMetadata(_ doc: inout Document, _ index: TextIndex, _ paragraphs: [Span]) {
        if doc.metadata["title"] == nil, let t = TitleInference.infer(text: index, paragraphs: paragraphs) {
            doc.metadata["title"] = .string(t)
        }
        if let title = doc.metadata["title"]?.stringValue, doc.metadata["series"] == nil,
           let parts = TitleInference.seriesParts(title) {
            doc.metadata["series"] = .string(parts.series)
            if let v = parts.volume, doc.metadata["volume"] == nil { doc.metadata["volume"] = .string(v) }
            if let n = parts.number, doc.metadata["number"] == nil { doc.metadata["number"] = .string(n) }
        }
    }
}
