import DocPipe
import Foundation
import Testing

@Suite struct ModelTests {
    @Test func textIndexConvertsBetweenBytesAndScalars() {
        let idx = TextIndex("Korea’s 😀 aid")
        // "Korea" 5 + ’ (3 bytes) + "s " + 😀 (4 bytes) + " aid": 13 scalars, 18 bytes
        #expect(idx.scalarCount == 13)
        #expect(idx.utf8.count == 18)
        #expect(idx.scalarOffset(ofByte: 8) == 6)     // after ’
        #expect(idx.byteOffset(ofScalar: 6) == 8)
        #expect(idx.byteOffset(ofScalar: 9) == 14)    // after 😀
        #expect(idx.scalarOffset(ofByte: 14) == 9)
        #expect(idx.substring(8, 9) == "😀")
        #expect(idx.substring(10, 14) == "aid")
        #expect(idx.scalarOffset(ofByte: 6) == 4)     // inside ’ (not a boundary): what it always gave
    }

    @Test func offsetMapComposesThroughInsertedText() {
        // source "<p>Hi</p><p>you</p>" → middle "Hi\n\nyou" → text "Hi you"
        var inner = OffsetMap()
        inner.append(text: 0, source: 3, length: 2)     // Hi
        inner.append(text: 4, source: 12, length: 3)    // you
        var outer = OffsetMap()
        outer.append(text: 0, source: 0, length: 2)     // Hi
        outer.append(text: 3, source: 4, length: 3)     // you
        let composed = outer.composed(with: inner)
        #expect(composed.sourceOffset(0) == 3)
        #expect(composed.sourceOffset(1) == 4)
        #expect(composed.sourceOffset(3) == 12)
        #expect(composed.sourceOffset(5) == 14)
        #expect(composed.sourceOffset(2) == 5)          // the inserted space maps to the end of "Hi"
    }

    @Test func documentIDsAreSafeFileNames() {
        #expect(DocumentID.from(relativePath: "reports/2019/a paper.md") == "reports__2019__a_paper.md")
        #expect(DocumentID.sanitize("../../escape") == "_.__escape")
        #expect(!DocumentID.sanitize("a\u{0}b/c").contains("/"))
        #expect(DocumentID.sanitize("") == "_")
        #expect(DocumentID.sanitize(String(repeating: "x", count: 400)).utf8.count <= DocumentID.maxLength)
    }

    @Test func documentRoundTripsThroughJSON() throws {
        var d = Document(id: "d", source: SourceInfo(path: "d.txt", mediaType: "text/plain", byteCount: 5, sha256: "00"),
                         text: "Hello", metadata: ["title": "T"])
        d.setLayer("sentences", [Span(start: 0, end: 5, type: "sentence", attributes: ["n": 1])])
        d.warn(code: "x", "careful", stage: "ingest")
        let back = try Document(json: try JSONParser.parse(d.canonicalBytes))
        #expect(back == d)
    }

    @Test func canonicalBytesEqualTheGenericWriter() {
        var d = Document(id: "d\"1", source: SourceInfo(path: "a/b.md", mediaType: "text/markdown", byteCount: 9, sha256: "ab", record: "r1"),
                         text: "Hé \u{2028} \"x\"\n", metadata: ["title": "T", "authors": ["A", "B"], "n": 1.5])
        d.setLayer("sentences", [Span(start: 0, end: 3, type: "sentence")])
        d.setLayer("entities", [Span(start: 0, end: 2, type: "PERSON", attributes: ["canonical": "Hé", "score": 0.25, "z": [1, 2]])])
        d.warn(code: "w", "warning \u{1}", stage: "ingest")
        #expect(d.canonicalBytes == JSONWriter().bytes(d.json))
    }

    /// The byte-level fast paths of the canonical writer (integer digits, plain strings checked a
    /// word at a time, keys sorted by their first sixteen bytes) against the generic writer.
    @Test func canonicalBytesEqualTheGenericWriterAtTheEdges() {
        var ints: [Int] = [0, 9, 10, 99, 100, -1, -10, Int.max, Int.min]
        var p = 1
        for _ in 0..<18 { p *= 10; ints += [p - 1, p, -p, -p - 1] }
        let strings = ["", "a", "1234567", "12345678", "123456789", "abcdefg\"", "abcdefgh\n", "abcdefghi\u{1}",
                       "x\u{2028}y", "’quoted’", "0123456789abcdef\\"]
        // At most sixteen members each (sorted on the stack), keys alike in their first 8 or 16 bytes.
        var texts: [String: JSONValue] = [:]
        for (k, s) in strings.enumerated() { texts["checkworthy\(s)"] = .string(s); texts["\(k)"] = .int(ints[k]) }
        texts = texts.filter { $0.key.utf8.count > 2 || Int($0.key)! < 5 }
        let attributes: [String: JSONValue] = [
            "checkworthiness": 0.5, "checkworthy": true, "checkwor": .array(ints.map { .int($0) }),
            "0123456789abcdefX": 1, "0123456789abcdef": 2, "0123456789abcdeg": 3, "0123456789abcdef\u{0}": 4,
            "texts": .object(texts),
        ]
        var d = Document(id: "d", source: SourceInfo(path: "d", mediaType: "text/plain", byteCount: 1, sha256: "0"), text: strings.joined())
        d.setLayer("claims", [Span(start: 0, end: 1, type: "claim", attributes: attributes)])
        d.setLayer("numbers", ints.filter { $0 >= 0 }.map { Span(start: $0, end: $0, type: "n") })
        #expect(d.canonicalBytes == JSONWriter().bytes(d.json))
    }

    @Test func artifactRoundTrips() throws {
        let d = Document(id: "d", source: SourceInfo(path: "d", mediaType: "text/plain", byteCount: 1, sha256: "0"), text: "x\ny")
        let a = StageArtifact(documents: [d], failures: [.init(id: "d-L2", message: "bad line")],
                              files: [OutputFile(path: "a/b.json", bytes: Array("{}\n".utf8))],
                              parts: [OutputPart(name: "e.csv", bytes: Array("1,2\n".utf8))])
        #expect(try StageArtifact(decoding: a.encoded()) == a)
    }
}

@Suite struct CacheKeyTests {
    @Test func keysAreTheHashOfCanonicalJSON() throws {
        let config = try PipelineConfig.parse(bytes: Array(#"{"stages": [{"stage": "test-ingest"}, {"stage": "test-words", "options": {"suffix": "é\""}}]}"#.utf8),
                                              file: "p.json", baseDirectory: URL(fileURLWithPath: "/tmp"), registry: testRegistry)
        let keys = CacheKey(stages: config.stages)
        let expectedSource = SHA256.hex(of: JSONWriter().bytes([
            "kind": "source", "stage": config.stages[0].identity, "path": "a/\"b\".txt", "input": "abc"]))
        #expect(keys.source(relativePath: "a/\"b\".txt", inputDigest: "abc") == expectedSource)
        let expectedDoc = SHA256.hex(of: JSONWriter().bytes([
            "kind": "document", "stage": config.stages[1].identity, "document": "d\u{1}é", "input": "k"]))
        #expect(keys.document(stage: 1, documentID: "d\u{1}é", inputKey: "k") == expectedDoc)
    }
}
