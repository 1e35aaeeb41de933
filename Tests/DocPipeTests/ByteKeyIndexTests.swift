@testable import DocPipe
import Foundation
import Testing

/// `ByteKeyIndex` and `PathSet` find keys byte for byte, as a dictionary keyed by bytes would.
@Suite struct ByteKeyIndexTests {
    @Test func findsEveryKeyAfterGrowthAndTheLaterRecordOfARepeatedKey() {
        var text: [UInt8] = []
        var ranges: [Range<Int>] = []
        for k in 0..<5_000 {
            let start = text.count
            text += Array("docs/\(k % 3_000).json".utf8)
            ranges.append(start..<text.count)
        }
        var index = ByteKeyIndex(capacity: 2)
        var expected: [String: Int] = [:]
        text.withUnsafeBufferPointer { buf in
            for r in ranges { expected[String(decoding: buf[r], as: UTF8.self)] = index.insert(key: r, in: buf) }
            #expect(index.count == 5_000)
            for (key, record) in expected { #expect(index.find(key, in: buf) == record) }
            #expect(index.find("docs/3000.json", in: buf) == nil)
            #expect(index.find("", in: buf) == nil)
        }
    }

    @Test func appendIfAbsentKeepsOneRecordPerKey() {
        var index = ByteKeyIndex(capacity: 2)
        for k in 0..<3_000 {
            let key = Array("docs/\(k % 1_000).json".utf8)
            #expect(key.withUnsafeBufferPointer { index.appendIfAbsent(key: $0) } == (k < 1_000))
        }
        #expect(index.count == 1_000)
        #expect(index.find("docs/999.json") == 999)
        #expect(index.find("docs/1000.json") == nil)
    }

    @Test func keysInACallersBufferAreRangesOfIt() {
        let text = Array("alpha\tbeta\tgamma\talpha".utf8)
        var index = ByteKeyIndex()
        text.withUnsafeBufferPointer { buf in
            #expect(index.insert(key: 0..<5, in: buf) == 0)
            #expect(index.insert(key: 6..<10, in: buf) == 1)
            #expect(index.insert(key: 17..<22, in: buf) == 2)
            #expect(index.find("alpha", in: buf) == 2)
            #expect(index.find("beta", in: buf) == 1)
            #expect(index.find("gamm", in: buf) == nil)
        }
        #expect(index.keyRange(1) == 6..<10)
    }

    @Test func pathsCompareByBytesNotByCanonicalEquivalence() {
        var set = PathSet()
        set.insert("caf\u{E9}.txt")
        set.insert("caf\u{E9}.txt")
        #expect(set.count == 1)
        #expect(set.contains("caf\u{E9}.txt"))
        #expect(!set.contains("cafe\u{301}.txt"), "two spellings of é are two files on disk")
        #expect(!set.contains("caf"))
    }
}
