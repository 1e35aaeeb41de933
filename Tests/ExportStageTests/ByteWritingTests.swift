import DocPipe
@testable import ExportStage
import XCTest

/// The export's byte-level writers give exactly the bytes of the core's `JSONWriter` and of the
/// plain searches they replace.
final class ByteWritingTests: XCTestCase {
    private static let strings = [
        "", "a", "ab", "abc", "abcd", "kinds", "canonical", "checkworthiness", "exactly sixteen!", "seventeen chars..",
        "quote\"d", "back\\slash", "tab\there", "line\nbreak", "\u{01}ctl", "sep\u{2028}arator", "para\u{2029}", "curly ’ quote",
        "née", "日本語のテキスト", "…", "\u{7F}del", String(repeating: "x", count: 40) + "\"" + String(repeating: "y", count: 9),
    ]

    private static let values: [JSONValue] = [
        [:], [], ["a": 1], ["b": [], "a": [:], "c": [1, 2.5, -3, true, false, nil]],
        ["canonical": "UN", "iso3": "USA", "value": 0.5167, "confidence": 1e-7],
        ["entities": [["canonical": "Japan", "end": 1522, "label": "GPE", "start": 1517]], "kinds": ["causal", "evaluative"],
         "checkworthiness": 0.8161, "checkworthy": true, "isClaim": true, "hedges": [["text": "per\"haps", "start": 1, "end": 8]]],
        ["nested": ["deeper": ["deepest": [[], [:], ["x": "y:z,{}[]"]]]], "ab": 1, "a": 2, "abc": 3, "b": "\\\"", "": 0],
        .object(Dictionary(uniqueKeysWithValues: (0..<20).map { ("key\($0)", JSONValue.int($0 * 1_000_003)) })),
    ]

    private func bytes(_ write: (inout ByteBuffer) -> Void) -> [UInt8] {
        var out = ByteBuffer(capacity: 1)
        write(&out)
        return out.array()
    }

    func testStringsAreQuotedAsJSONWriterQuotesThem() {
        for s in Self.strings {
            XCTAssertEqual(bytes { Bytes.jsonString(s, &$0) }, Array(JSONWriter.quoted(s).utf8), s)
            let text = Array(("«" + s + "»").utf8)
            text.withUnsafeBufferPointer { t in
                XCTAssertEqual(bytes { Bytes.jsonString(t, 2..<(t.count - 2), &$0) }, Array(JSONWriter.quoted(s).utf8), s)
            }
        }
    }

    func testNumbersAreWrittenAsJSONWriterWritesThem() {
        for v in [0, 7, 9, 10, 99, 100, 101, 999, 1000, 65_535, 1_000_000, -1, -10, -123_456, Int.max, Int.min] {
            XCTAssertEqual(bytes { Bytes.int(v, &$0) }, Array(String(v).utf8))
        }
        for d in [0.0, -0.0, 1.0, 0.5167, 1e-7, 1e300, -2.5, 9_007_199_254_740_992, .infinity, .nan] {
            var expected: [UInt8] = []
            JSONWriter.appendNumber(d, to: &expected)
            XCTAssertEqual(bytes { Bytes.number(d, &$0) }, expected, "\(d)")
        }
    }

    func testShortDecimalsAreWrittenAsDescriptionWritesThem() {
        var g = SeededGenerator(seed: 42)
        var values: [Double] = [0.001, 0.0015, 0.1, 0.7, 0.5167, 0.8125, 123_456.5, 999_999.9, 0.1 + 0.2, 5e-4, 1e6 - 0.5, -0.25]
        for i in 0..<200_000 {
            let n = Double(g.next() % 2_000_001) - 1_000_000
            switch i % 4 {
            case 0: values.append(n / 10_000)
            case 1: values.append(n / [10.0, 100, 1000, 1e5, 1e6, 1e7][i % 6])
            case 2: values.append(Double(bitPattern: 0x3F50_0000_0000_0000 &+ g.next() % 0x0110_0000_0000_0000))  // 0.001 … 1e6, any bits
            default: values.append(n * 0.01 + 0.1)
            }
        }
        for d in values where d != d.rounded() {
            XCTAssertEqual(String(decoding: bytes { Bytes.number(d, &$0) }, as: UTF8.self), d.description)
        }
    }

    func testKnownKeysCarryTheirQuotedFormAndPrefix() {
        for name in KnownKey.names {
            guard let key = KnownKey.of(name) else { return XCTFail(name) }
            XCTAssertEqual(key.prefix, ValueWriter.prefix(name), name)
            XCTAssertEqual(key.quoted.description, JSONWriter.quoted(name) + ":")
        }
        for name in ["", "en", "ends", "Canonical", "canonicals", "canonicaL", "checkworthines", "checkworthyy", "attributiom", "key0", "日本語"] {
            XCTAssertNil(KnownKey.of(name), name)
            XCTAssertEqual(KnownKey.lookup(name).prefix, ValueWriter.prefix(name), name)
        }
        for a in KnownKey.names {
            for b in KnownKey.names { XCTAssertEqual(KnownKey.less(KnownKey.of(a)!, KnownKey.of(b)!), JSONWriter.utf8Less(a, b), "\(a) \(b)") }
        }
    }

    func testEscapingAgreesWithPlainReferencesOnRandomText() {
        var g = SeededGenerator(seed: 9)
        let pieces: [String] = ["a", "bc", " ", "\"", "'", "&", "<", ">", "\\", "\n", "\t", "\r", "\u{01}", "\u{1F}", "é", "’", "…",
                                "\u{2028}", "\u{2029}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "ﬁ", "日本", "words and more words"]
        for _ in 0..<3_000 {
            let s = (0..<Int(g.next() % 24)).map { _ in pieces[Int(g.next() % UInt64(pieces.count))] }.joined()
            XCTAssertEqual(String(decoding: bytes { Bytes.jsonString(s, &$0) }, as: UTF8.self), JSONWriter.quoted(s))
            XCTAssertEqual(String(decoding: bytes { HTMLText.append(escaping: s, to: &$0) }, as: UTF8.self), Self.htmlReference(s))
            // A range inside a longer text (the word tests may read before and after it).
            let text = Array(("<&>\"" + s + "'\u{01}&").utf8)
            text.withUnsafeBufferPointer { t in
                XCTAssertEqual(String(decoding: bytes { HTMLText.append(escaping: t, 4..<(t.count - 3), to: &$0) }, as: UTF8.self), Self.htmlReference(s))
            }
        }
    }

    /// HTML escaping one scalar at a time.
    private static func htmlReference(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A small deterministic generator.
    private struct SeededGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
    }

    func testObjectsAreWrittenAsJSONWriterWritesThemCompactPrettyAndBothAtOnce() {
        for v in Self.values {
            let compact = bytes { ValueWriter(pretty: false).write(v, into: &$0) }
            XCTAssertEqual(compact, JSONWriter().bytes(v))
            for indent in [0, 1, 4] {
                let pretty = bytes { ValueWriter(pretty: true).write(v, into: &$0, indent: indent) }
                var expected: [UInt8] = []
                JSONWriter(pretty: true).write(v, into: &expected, indent: indent)
                XCTAssertEqual(pretty, expected)
                // Both forms in one walk: written after what the buffers hold.
                var twin = TwinJSON(compact: ByteBuffer(capacity: 16), pretty: ByteBuffer(capacity: 16))
                twin.compact.append("x")
                ValueWriter(pretty: false).write(v, into: &twin, indent: indent)
                XCTAssertEqual(twin.compact.withUnsafeBufferPointer { Array($0) }, Array("x".utf8) + compact)
                XCTAssertEqual(twin.pretty.withUnsafeBufferPointer { Array($0) }, expected)
            }
        }
    }

    func testThePerDocumentJSONRendersTheAttributesAsInitWould() {
        for doc in [Fixtures.brief(), Fixtures.claimStageShapes(), Fixtures.hostile(), Fixtures.plain()] {
            let early = DocumentView(doc)
            var late = DocumentView(doc, renderAttributes: false)
            XCTAssertFalse(late.attributesRendered)
            var fromDictionaries = early  // attributes rendered at init: the file's are written from the dictionaries
            let quoted = early.quotedText()
            XCTAssertEqual(late.fullJSON(quotedText: quoted), fromDictionaries.fullJSON(quotedText: quoted), doc.id)
            XCTAssertTrue(late.attributesRendered)
            for (a, b) in [(late.entityAttributes, early.entityAttributes), (late.claimLayerAttributes, early.claimLayerAttributes)] {
                XCTAssertEqual(a.ranges.count, b.ranges.count, doc.id)
                for i in a.ranges.indices where i < b.ranges.count { XCTAssertEqual(a.bytes[a.ranges[i]], b.bytes[b.ranges[i]], doc.id) }
                XCTAssertEqual(a.onlyCanonical, b.onlyCanonical, doc.id)
            }
        }
    }

    func testMarksGoToTheBlocksTheyOverlapInOrderOrNot() {
        let blocks = [(0, 10), (12, 20), (20, 35), (40, 41), (50, 80)]
        var g = SeededGenerator(seed: 7)
        for _ in 0..<50 {
            // Two runs in order of start (as claims then entities come), then a few in any order.
            var marks: [Highlighter.Mark] = []
            for layer in 0..<3 {
                var starts = (0..<12).map { _ in Int(g.next() % 85) }
                if layer < 2 { starts.sort() }
                for s in starts { marks.append(.init(start: s, end: s + Int(g.next() % 30), layer: layer, tag: marks.count)) }
            }
            let (assigned, starts) = DocumentPage.assign(marks, to: blocks)
            for (b, block) in blocks.enumerated() {
                let expected = marks.filter { $0.end > $0.start && $0.start < block.1 && $0.end > block.0 }.map(\.tag)
                XCTAssertEqual(assigned[starts[b]..<starts[b + 1]].map(\.tag), expected)
            }
        }
    }

    func testCollectGivesTheSameBytesWhetherOrNotTheEstimateIsEnough() {
        let text = Array(String(repeating: "Some text, \"quoted\" – ", count: 50).utf8)
        let write = { (out: inout ByteBuffer) in
            text.withUnsafeBufferPointer { Bytes.jsonString($0, 0..<$0.count, &out) }
            for i in 0..<200 { Bytes.int(i * 37, &out) }
        }
        XCTAssertEqual(ByteBuffer.collect(estimate: 0, write), ByteBuffer.collect(estimate: 100_000, write))
        XCTAssertEqual(ByteBuffer.collect(estimate: 0, write), bytes(write))
    }

    func testTheScalarTableAndQuotingMatchTheirPlainDefinitions() {
        for s in Self.strings + [String(repeating: "ascii ", count: 5) + "é" + String(repeating: "z", count: 11)] {
            let utf8 = Array(s.utf8)
            let scalars = ScalarBytes(utf8)
            XCTAssertEqual(scalars.scalarCount, s.unicodeScalars.count)
            var offset = 0
            for (i, scalar) in s.unicodeScalars.enumerated() {
                XCTAssertEqual(scalars.byte(i), offset)
                offset += String(scalar).utf8.count
            }
            XCTAssertEqual(scalars.byte(s.unicodeScalars.count), utf8.count)
            utf8.withUnsafeBufferPointer { b in
                XCTAssertEqual(CSVWriter.needsQuotes(b), utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }, s)
            }
        }
    }

    func testScalarOffsetsMatchAPlainTableOnMixedText() {
        var g = SeededGenerator(seed: 5)
        let pieces = ["a", "bcdefgh", " ", "é", "’", "日本語", "😀", String(repeating: "x", count: 70), "\n"]
        for round in 0..<400 {
            let s = (0..<Int(g.next() % UInt64(round % 3 == 0 ? 200 : 40))).map { _ in pieces[Int(g.next() % UInt64(pieces.count))] }.joined()
            let scalars = ScalarBytes(Array(s.utf8))
            var table: [Int] = []
            var offset = 0
            for u in s.unicodeScalars { table.append(offset); offset += String(u).utf8.count }
            table.append(offset)
            XCTAssertEqual(scalars.scalarCount, table.count - 1)
            for (i, b) in table.enumerated() { XCTAssertEqual(scalars.byte(i), b, "\(round) \(i)") }
            XCTAssertEqual(scalars.byte(-3), 0)
            XCTAssertEqual(scalars.byte(table.count + 5), offset)
        }
    }

    func testWalkingToTheSentenceOfAnOffsetGivesWhatSearchingGives() {
        var sentences: [Span] = []
        var at = 0
        for n in 0..<60 {  // sentences of several lengths, some nested, some gaps
            let length = [1, 4, 9, 25, 0][n % 5]
            sentences.append(Span(start: at, end: at + length, type: "sentence"))
            if n % 7 == 3 { sentences.append(Span(start: at, end: at + 2, type: "sentence")) }
            at += n % 11 == 0 ? length + 40 : length
        }
        for step in [1, 3, 17, 60] {
            var cursor = -1
            for offset in stride(from: -3, to: at + 5, by: step) {
                XCTAssertEqual(DocumentView.containing(offset, in: sentences, cursor: &cursor), DocumentView.containing(offset, in: sentences), "\(offset)")
            }
        }
    }

    func testWalkingTheSourceMapGivesWhatSearchingItGives() {
        let maps = [
            OffsetMap(),
            OffsetMap.identity(length: 50),
            OffsetMap(segments: [.init(text: 3, source: 10, length: 5), .init(text: 10, source: 20, length: 4), .init(text: 20, source: 40, length: 30)]),
            OffsetMap(segments: [.init(text: 10, source: 0, length: 5), .init(text: 0, source: 30, length: 5)]),  // not ordered
        ]
        var spans: [(Int, Int)] = []
        for start in -2..<55 { for length in [0, 1, 3, 9, 30] { spans.append((start, start + length)) } }
        for map in maps {
            let range = SourceRange(map: map)
            var walker = SourceRange.Walker(range)
            for (start, end) in spans + spans.reversed() {  // backwards: the walker starts over
                let (a, b) = (walker.range(start, end), range.range(start, end))
                XCTAssertTrue(a == b, "\(map.segments) \(start)..<\(end): \(a) != \(b)")
            }
        }
    }
}
