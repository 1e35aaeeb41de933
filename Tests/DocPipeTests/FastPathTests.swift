import Foundation
import Testing
@testable import DocPipe

/// The word-at-a-time and buffer-reusing paths of the core give exactly the bytes of the plain
/// ones they replaced (checked against straightforward reference implementations).
@Suite struct FastPathTests {
    /// The escaping rules, one byte at a time.
    static func referenceEscaped(_ s: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += Array(#"\""#.utf8)
            case "\\": out += Array(#"\\"#.utf8)
            case "\n": out += Array(#"\n"#.utf8)
            case "\r": out += Array(#"\r"#.utf8)
            case "\t": out += Array(#"\t"#.utf8)
            case "\u{08}": out += Array(#"\b"#.utf8)
            case "\u{0C}": out += Array(#"\f"#.utf8)
            case "\u{2028}": out += Array(#"\u2028"#.utf8)
            case "\u{2029}": out += Array(#"\u2029"#.utf8)
            default:
                if scalar.value < 0x20 {
                    out += Array(String(format: "\\u%04x", scalar.value).utf8)
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
        }
        out.append(0x22)
        return out
    }

    @Test func escapingMatchesTheByteByByteRulesAtEveryAlignment() {
        let specials = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "’", "é", "😀", "\t"]
        for special in specials {
            for position in 0..<20 {
                let s = String(repeating: "a", count: position) + special + String(repeating: "b", count: 19 - position) + special
                var out: [UInt8] = []
                JSONWriter.appendString(s, to: &out)
                #expect(out == Self.referenceEscaped(s), "\(special.unicodeScalars.map(\.value)) at \(position)")
            }
        }
    }

    @Test func integersAreWrittenAsStringGivesThem() {
        for i in [0, 7, 9, 10, -1, -10, 123_456_789, Int.max, Int.min, 9_007_199_254_740_991] {
            var out: [UInt8] = []
            JSONWriter.appendInt(i, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(i))
        }
    }

    @Test func smallAndLargeObjectsAreSortedByCodePoint() {
        var small: [String: JSONValue] = [:]
        for k in ["b", "a", "é", "Z", "aa", "A"] { small[k] = .string(k) }
        var large: [String: JSONValue] = [:]
        for k in 0..<40 { large["k\(k)"] = .int(k) }
        for o in [small, large] {
            let keys = o.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            let expected = "{" + keys.map { "\"\($0)\":\(JSONWriter().string(o[$0]!))" }.joined(separator: ",") + "}"
            #expect(JSONWriter().string(.object(o)) == expected)
            #expect(JSONWriter(pretty: true).string(.object(o)).filter { $0 != "\n" && $0 != " " } == expected.filter { $0 != " " })
        }
    }

    @Test func stringsWithEscapesAtEveryAlignmentParseBack() throws {
        for position in 0..<20 {
            let s = String(repeating: "x", count: position) + "\"\\\n\u{2028}é" + String(repeating: "y", count: position) + "\t"
            let parsed = try JSONParser.parse(JSONWriter().bytes(.array([.string(s), .int(-42), .int(1_234_567_890_123)])))
            #expect(parsed == .array([.string(s), .int(-42), .int(1_234_567_890_123)]))
        }
        #expect(try JSONParser.parse("[-9223372036854775808, 123456789012345678901]")
                == .array([.int(Int.min), .double(1.2345678901234568e20)]))
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("\"abcdefgh\u{01}ijklmnop\"") }
    }

    @Test func theChecksumPairIsTwoSeededHashes() {
        for n in [0, 1, 7, 8, 31, 32, 33, 100, 1000] {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let pair = bytes.withUnsafeBytes { XXHash64.hashPair($0, seeds: (0, 0x9E37_79B9_7F4A_7C15)) }
            #expect(pair.0 == XXHash64.hash(bytes, seed: 0))
            #expect(Checksum.hex(of: bytes) == Checksum.hex64(pair.0) + Checksum.hex64(pair.1))
        }
        #expect(XXHash64.hash([UInt8](), seed: 0) == 0xEF46_DB37_51D8_E999)   // the reference value of xxHash64("")
    }

    @Test func textIndexCountsScalarsAcrossWordBoundaries() {
        for position in 0..<17 {
            let text = String(repeating: "a", count: position) + "é😀’" + String(repeating: "b", count: 9)
            let index = TextIndex(text)
            #expect(index.scalarCount == text.unicodeScalars.count)
            #expect(index.substring(position, position + 3) == "é😀’")
        }
    }

    @Test func outputPathsAreCheckedAsBefore() {
        for ok in ["a", "a/b.json", "documents/x.txt.json", "é/ü"] { #expect(OutputFolder.isSafe(ok), "\(ok)") }
        for bad in ["", "/a", "a/", "a//b", ".a", "a/.b", "a/..", "../a", "a/./b", "a\\b", "a\u{01}b", "a\nb"] {
            #expect(!OutputFolder.isSafe(bad), "\(bad)")
        }
    }

    @Test func spooledPartsComeBackInInputOrderThroughTheWindowAndSendfile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fastpath-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let spool = PartSpool(directory: dir.appendingPathComponent("spool"))
        defer { spool.close() }
        // Documents finish out of order; some parts are larger than the write block and the read window.
        var expected: [(Int, [UInt8])] = []
        for k in [3, 0, 2, 5, 1, 4] {
            let size = k == 2 ? (1 << 20) + 3 : k == 4 ? 70_000 : 10 + k
            let part = (0..<size).map { UInt8(truncatingIfNeeded: $0 &+ k) }
            try spool.append([OutputPart(name: "p", bytes: part)], order: DocumentOrder(file: k, record: 0))
            expected.append((k, part))
        }
        expected.sort { $0.0 < $1.0 }
        var seen: [[UInt8]] = []
        try spool.forEach(named: "p") { seen.append($0) }
        #expect(seen == expected.map(\.1))
        let path = dir.appendingPathComponent("out.bin").path
        try AtomicFile.write(toPath: path) { sink in
            try sink.write([1, 2, 3])
            try spool.write(named: "p", into: &sink)
            try sink.write(byte: 9)
        }
        #expect(AtomicFile.read(path: path) == [1, 2, 3] + expected.flatMap(\.1) + [9])
    }

    @Test func objectsAreWrittenWithOneWriteAndReadBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fastpath-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = ArtifactCache(directory: dir)
        let payload = Array("DPA1\n".utf8) + (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        let digest = try cache.write("ab" + String(repeating: "0", count: 62), stage: "s", payload: payload)
        guard case .hit(let back, let d) = cache.read("ab" + String(repeating: "0", count: 62)) else {
            Issue.record("object not read back")
            return
        }
        #expect(back == payload && d == digest)
        let raw = AtomicFile.read(path: cache.objectPath("ab" + String(repeating: "0", count: 62)))!
        #expect(raw == Array("DPC2 \(digest) \(payload.count) s\n".utf8) + payload)
        #expect(AtomicFile.withMappedFile(path: cache.objectPath("ab" + String(repeating: "0", count: 62))) { Array($0) } == raw)
    }
}
