// Fuzz target: the sentence splitter, alone and inside the normalize stage.
//
// Asserts: split() returns non-empty, ordered, non-overlapping ranges inside the paragraph,
// trimmed of spaces and newlines, starting and ending on scalar boundaries and together covering
// every non-space byte; the normalize stage (fed optional page and heading layers from the
// input) returns a document whose layers and source map lie inside its text and source (every
// mapped run holding the input's text), with
// every sentence inside a paragraph and paragraphs in order without overlap.
import DocPipe
@testable import NormalizeStage

let splitter = SentenceSplitter(extra: ["approx", "Fig"])

func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var reader = ByteReader(fuzzBytes(data, size))
    let flags = reader.byte()
    let text = String(decoding: reader.rest(), as: UTF8.self)
    let s = Array(text.utf8)

    // The splitter over the whole text and over a sub-range cut at scalar boundaries.
    var ranges = [0..<s.count]
    if s.count > 2 {
        var a = Int(flags) % s.count
        while a > 0, s[a] & 0xC0 == 0x80 { a -= 1 }
        ranges.append(a..<s.count)
    }
    for r in ranges {
        let parts = splitter.split(s, r)
        var covered = r.lowerBound
        for p in parts {
            require(!p.isEmpty && p.lowerBound >= covered && p.upperBound <= r.upperBound, "sentence \(p) out of order or outside \(r)")
            require(!isSpace(s[p.lowerBound]) && !isSpace(s[p.upperBound - 1]), "sentence \(p) not trimmed")
            require(s[p.lowerBound] & 0xC0 != 0x80 && (p.upperBound == s.count || s[p.upperBound] & 0xC0 != 0x80),
                    "sentence \(p) cuts a UTF-8 sequence")
            for k in covered..<p.lowerBound { require(isSpace(s[k]), "byte \(k) (\(s[k])) between sentences is not a space") }
            covered = p.upperBound
        }
        for k in covered..<r.upperBound { require(isSpace(s[k]), "byte \(k) (\(s[k])) after the last sentence is not a space") }
    }

    // The whole stage, with page and heading hints taken from the flags.
    let index = TextIndex(utf8: s)
    let n = index.scalarCount
    var doc = Document(id: "fuzz", source: SourceInfo(path: "fuzz.txt", mediaType: "text/plain", byteCount: s.count, sha256: ""),
                       text: text, sourceMap: .identity(length: n))
    let lineStarts = [0] + s.indices.filter { s[$0] == 0x0A }.map { index.scalarOffset(ofByte: $0 + 1) }
    if flags & 1 != 0, lineStarts.count >= 3 {
        let cuts = [0, lineStarts[lineStarts.count / 3], lineStarts[2 * lineStarts.count / 3], n]
        var pages: [Span] = []
        for k in 0..<3 where cuts[k] < cuts[k + 1] {
            pages.append(Span(start: cuts[k], end: cuts[k + 1], type: "page", attributes: ["number": .int(pages.count + 1)]))
        }
        doc.setLayer(LayerName.pages, pages)
    }
    if flags & 2 != 0 {
        doc.setLayer("headings", lineStarts.enumerated().filter { $0.offset % 3 == 0 }.map { _, start in
            Span(start: start, end: min(n, start + 1), type: "heading")
        })
    }
    let normalized: Result<Document, Error> = runBlocking { [doc] in
        do {
            var options = NormalizeOptions()
            options.reflow = flags & 4 != 0
            return .success(try await Normalize(options: options).process(doc, context: StageContext(instanceName: "normalize", documentID: "fuzz")))
        } catch {
            return .failure(error)
        }
    }
    guard case .success(let out) = normalized else { fatalError("normalize threw: \(normalized)") }
    checkDocument(out, source: Array(text.unicodeScalars), "normalize")
    let paragraphs = out.spans(LayerName.paragraphs)
    for (a, b) in zip(paragraphs, paragraphs.dropFirst()) { require(a.end <= b.start, "paragraphs \(a) and \(b) overlap") }
    var p = 0
    for sentence in out.spans(LayerName.sentences) {
        while p < paragraphs.count, paragraphs[p].end < sentence.end { p += 1 }
        require(p < paragraphs.count && paragraphs[p].start <= sentence.start, "sentence \(sentence.start)..<\(sentence.end) outside every paragraph")
    }
    return 0
}
