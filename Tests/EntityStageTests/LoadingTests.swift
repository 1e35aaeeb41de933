import DocPipe
import Foundation
import Testing
@testable import EntityStage

/// Fast paths (loading, values, tables) give what the plain ones give.
@Suite struct LoadingTests {
    @Test func plainIntegerValuesMatchTheWordPath() {
        for text in ["15", "1,500", "007", "2019", "0123", "123456789", "1234567890", "1,2,3", ",5", "12,345,678", "2,019"] {
            #expect(EntityValue.of(label: "CARDINAL", text: text) == EntityValue.number(text).map(EntityValue.json), "\(text)")
            #expect(EntityValue.of(label: "DATE", text: text) == EntityValue.date(text).map(JSONValue.string), "\(text)")
        }
    }

    @Test func byteClassesMatchTheTable() {
        for b in 0...255 { #expect(ByteClass.of(UInt8(b)).rawValue == ByteClass.table[b], "\(b)") }
    }

    @Test func tableBytesMatchTheStringForms() {
        let rows = [EntityTable.Row(canonical: "United Nations", label: "ORG", mentions: 3, documents: 1),
                    EntityTable.Row(canonical: "Tab\there", label: "PERSON", mentions: 1, documents: 1),
                    EntityTable.Row(canonical: "Côte d’Ivoire", label: "GPE", mentions: 1, documents: 1)]
        let bytes = EntityTable.documentBytes(rows)
        #expect(bytes.table == Array(EntityTable.documentTSV(rows).utf8))
        #expect(bytes.part == Array(EntityTable.partLines(rows).utf8))
    }

    @Test func pairScanMatchesRows() throws {
        let sample = Array("# header\tx\nAaron\tfirst,last\n\nAarons\tlast\textra\nnotab\n\tempty\nlast\t\n".utf8)
        var pairs: [[UInt8]] = []
        TSV.forEachPair(sample) { a, b in pairs.append(Array(a) + [0x7C] + Array(b)) }
        let rows = TSV.rows(sample).filter { $0.count >= 2 }.map { Array($0[0]) + [0x7C] + Array($0[1]) }
        #expect(pairs == rows)
        #expect(pairs.count == 4)
        let folder = try #require(EntityResources.folder).appendingPathComponent("gazetteers")
        let names = try [UInt8](Data(contentsOf: folder.appendingPathComponent("person-names.tsv")))
        var scanned: [[UInt8]] = []
        TSV.forEachPair(names) { a, b in scanned.append(Array(a) + [0x7C] + Array(b)) }
        #expect(scanned == TSV.rows(names).filter { $0.count >= 2 }.map { Array($0[0]) + [0x7C] + Array($0[1]) })
    }

    @Test func wordCacheKeepsExactSums() throws {
        // The stage's tagger scores a sentence the same with a cold and a warm word cache.
        let resources = try EntityResources.shared.get()
        let tagger = try #require(resources.tagger)
        let text = Array("The United Nations and the World Food Programme met in Geneva with Moon Jae-in.".utf8)
        var tokens: [Token] = []
        let tags: ([Int], [Int]) = text.withUnsafeBufferPointer { buf in
            Tokenizer.tokenize(buf, 0..<text.count, into: &tokens)
            let hashes = tokens.map { TokenHashes.lower(buf, $0) }
            var cold = Tagger.Scratch()
            tagger.decode(buf, tokens, hashes, scratch: &cold)
            var warm = Tagger.Scratch()
            tagger.decode(buf, tokens, hashes, scratch: &warm)
            warm.memory.reset()
            tagger.decode(buf, tokens, hashes, scratch: &warm)
            return (cold.tags, warm.tags)
        }
        #expect(tags.0 == tags.1)
        #expect(tags.0.contains { $0 != 0 })
    }
}
