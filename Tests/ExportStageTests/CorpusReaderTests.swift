import DocPipe
@testable import ExportStage
import Foundation
import XCTest

/// The finish step's byte readers (`PartReader`, the entity table's key index, the report
/// summary's bounded top list) give what a general JSON parse and a full sort give.
final class CorpusReaderTests: XCTestCase {
    private static let strings = [
        "", "a", "UN", "quote\"d", "back\\slash", "tab\there", "line\nbreak", "\u{01}ctl", "sep\u{2028}arator", "para\u{2029}",
        "née", "日本語", "Kelvin", "\u{212A}elvin", "e\u{301}", "\u{E9}", String(repeating: "x", count: 40) + "\"" + String(repeating: "y", count: 9),
    ]

    func testPartReaderReadsStringsAndNumbersAsTheJSONParserDoes() throws {
        for s in Self.strings {
            var out = ByteBuffer()
            Bytes.jsonString(s, &out)
            let bytes = out.array()
            let text = bytes.withUnsafeBufferPointer { buffer -> String? in
                var r = PartReader(buffer)
                guard let lit = r.string(), r.atEnd else { return nil }
                return r.text(lit)
            }
            XCTAssertEqual(text.map { Array($0.utf8) }, try JSONParser.parse(bytes).stringValue.map { Array($0.utf8) }, s)
        }
        for n in ["0", "7", "-3", "0.5", "0.8161", "1e-7", "-2.5E+3", "123456789012345678"] {
            let d = Array(n.utf8).withUnsafeBufferPointer { buffer -> Double? in
                var r = PartReader(buffer)
                return r.number()
            }
            XCTAssertEqual(d, try JSONParser.parse(Array(n.utf8)).doubleValue, n)
        }
    }

    func testEntityTableMergesKeysAsStringEqualityDoesAndRanksAsAFullSort() throws {
        var lines: [[UInt8]] = []
        var reference: [EntityTable.Key: EntityTable.Counts] = [:]
        var first: [EntityTable.Key] = []
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % n }
        for _ in 0..<400 {
            let key = EntityTable.Key(label: ["GPE", "ORG", "PERSON"][next(3)], canonical: Self.strings[next(Self.strings.count)])
            let n = 1 + next(4)
            lines.append(EntityTable.documentCounts([(key, n)]))
            if reference[key] == nil { first.append(key) }
            reference[key, default: EntityTable.Counts()].mentions += n
            reference[key, default: EntityTable.Counts()].documents += 1
        }
        lines.append(Array("not json\n".utf8))
        lines.append(Array("[ \"GPE\" , \"UN\" , 2 ]\n".utf8))   // another shape: read by the JSON parser
        reference[EntityTable.Key(label: "GPE", canonical: "UN"), default: EntityTable.Counts()].mentions += 2
        reference[EntityTable.Key(label: "GPE", canonical: "UN"), default: EntityTable.Counts()].documents += 1
        let corpus = MemoryCorpus(documents: lines.enumerated().map { ("d\($0.offset)", [OutputPart(name: ExportPaths.entityCountsPart, bytes: $0.element)]) })
        let table = try EntityTable(corpus)
        XCTAssertEqual(table.count, reference.count)
        XCTAssertTrue(reference.keys.contains(EntityTable.Key(label: "GPE", canonical: "Kelvin")) == false
            || (0..<table.count).map(table.key).filter { $0 == EntityTable.Key(label: "GPE", canonical: "Kelvin") }.count == 1, "K and the Kelvin sign are one key")
        let expected = reference.map { (key: $0.key, counts: $0.value) }.sorted { a, b in
            if a.counts.mentions != b.counts.mentions { return a.counts.mentions > b.counts.mentions }
            if a.counts.documents != b.counts.documents { return a.counts.documents > b.counts.documents }
            return a.key < b.key
        }
        let ranked = table.ranked()
        XCTAssertEqual(ranked.map { Array($0.key.label.utf8) + [0] + Array($0.key.canonical.utf8) },
                       expected.map { k in
                           // The spelling kept is the first one seen.
                           let kept = first.first { $0 == k.key } ?? k.key
                           return Array(kept.label.utf8) + [0] + Array(kept.canonical.utf8)
                       })
        XCTAssertEqual(ranked.map(\.counts.mentions), expected.map(\.counts.mentions))
        XCTAssertEqual(ranked.map(\.counts.documents), expected.map(\.counts.documents))
    }

    func testNamesTakenAsEqualBytesAreEqualStringsExactlyWhenTheirBytesAre() {
        let names = ["Côte d’Ivoire", "Cote d'Ivoire", "Pérez", "Pe\u{301}rez", "€ zone", "Å", "\u{212B}", "A\u{30A}", "naïve",
                     "— dash", "Ω", "\u{2126}", "x\u{2065}", "Đ", "ǅ", "Ỉ", "e\u{301}", "é"]
        for a in names {
            for b in names where Array((a + b).utf8).withUnsafeBufferPointer(EntityTable.equalAsBytes) {
                XCTAssertEqual(a == b, Array(a.utf8) == Array(b.utf8), "\(a) \(b)")
            }
        }
        func taken(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer(EntityTable.equalAsBytes) }
        XCTAssertTrue(taken("Côte d’Ivoire €5 — ASCII"))
        for s in ["Pe\u{301}rez", "\u{212B}", "\u{2126}", "x\u{2065}", "Ỉ", "日本"] { XCTAssertFalse(taken(s), s) }
        // Every scalar it takes: none combines or decomposes.
        for v in Array(0x80..<0x300) + Array(0x2010...0x206F) + Array(0x20A0...0x20C0) {
            guard let c = Unicode.Scalar(v), taken(String(c)) else { continue }
            XCTAssertEqual(c.properties.canonicalCombiningClass, .notReordered, "\(v)")
            if v >= 0x300 { XCTAssertEqual(Array(String(c).decomposedStringWithCanonicalMapping.unicodeScalars), [c], "\(v)") }
        }
    }

    func testReportSummaryKeepsTheBestClaimsOfAFullSort() throws {
        var parts: [[UInt8]] = []
        var all: [(score: Double, order: Int, index: Int)] = []
        var seed: UInt64 = 11
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % n }
        for d in 0..<60 {
            let scores = (0..<next(8)).map { _ in Double(next(12)) / 10 }.enumerated().sorted { $0.element > $1.element }
            var top: [JSONValue] = []
            for (index, score) in scores {
                top.append(["index": .int(index), "kinds": ["causal"], "score": .double(score), "text": .string("c\(d)-\(index) \"q\"")])
                all.append((score, d, index))
            }
            let record: JSONValue = ["characters": .int(d), "claims": .int(scores.count), "entities": 1, "histogram": .array((0..<10).map { _ in 1 }),
                                     "id": .string("d\(d)"), "kinds": ["causal": .int(scores.count)], "stem": .string("d\(d)"),
                                     "title": "T\u{2028}", "top": .array(top)]
            // Every fifth part pretty-printed: another shape, read by the JSON parser.
            parts.append(JSONWriter(pretty: d % 5 == 4).bytes(record) + [0x0A])
        }
        let corpus = MemoryCorpus(documents: parts.enumerated().map { ("d\($0.offset)", [OutputPart(name: ExportPaths.reportStatsPart, bytes: $0.element)]) })
        for limit in [0, 1, 5, 20, 1000] {
            let summary = try ReportSummary(corpus, topClaims: limit)
            let expected = all.sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                if a.order != b.order { return a.order < b.order }
                return a.index < b.index
            }.prefix(limit)
            XCTAssertEqual(summary.topClaims.map { "\($0.order)/\($0.index)" }, expected.map { "\($0.order)/\($0.index)" }, "limit \(limit)")
            XCTAssertEqual(summary.topClaims.map(\.text), expected.map { "c\($0.order)-\($0.index) \"q\"" })
            XCTAssertEqual(summary.documents, 60)
            XCTAssertEqual(summary.histogram, [Int](repeating: 60, count: 10))
            XCTAssertEqual(summary.characters, (0..<60).reduce(0, +))
            XCTAssertTrue(summary.topClaims.allSatisfy { $0.title == "T\u{2028}" && $0.kinds == ["causal"] })
        }
    }
}
