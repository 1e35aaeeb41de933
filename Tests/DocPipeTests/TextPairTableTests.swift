@testable import DocPipe
import Testing

/// `TextPairTable` numbers pairs as `String ==` tells them apart and keeps first spellings.
@Suite struct TextPairTableTests {
    @Test func numbersDistinctPairsInFirstSeenOrder() {
        var t = TextPairTable()
        #expect(t.intern("ORG", "United Nations") == (0, true))
        #expect(t.intern("GPE", "United Nations") == (1, true))
        #expect(t.intern("ORG", "United Nations") == (0, false))
        #expect(t.intern("ORG", "United") == (2, true))
        #expect(t.intern("ORGUnited", "") == (3, true), "the split between the texts matters")
        #expect(t.count == 4)
        #expect(t.first(2) == "ORG" && t.second(2) == "United")
    }

    @Test func canonicallyEquivalentSpellingsAreOnePairKeptAsFirstSeen() {
        var t = TextPairTable()
        #expect(t.intern("PERSON", "Ren\u{E9}e").isNew)
        #expect(t.intern("PERSON", "Rene\u{301}e") == (0, false))
        #expect(Array(t.second(0).utf8) == Array("Ren\u{E9}e".utf8))
        #expect(t.intern("UNIT", "\u{212A}elvin") == (1, true))   // Kelvin sign: equivalent to ASCII "K"
        #expect(t.intern("UNIT", "Kelvin") == (1, false))
        #expect(Array(t.second(1).utf8) == Array("\u{212A}elvin".utf8))
        #expect(t.intern("X", "a;b") == (2, true))
        #expect(t.intern("X", "a\u{37E}b") == (2, false))
    }

    @Test func manyPairsSurviveGrowth() {
        var t = TextPairTable()
        for i in 0..<5000 { #expect(t.intern("L\(i % 7)", "name \(i)") == (i, true)) }
        for i in stride(from: 4999, through: 0, by: -13) { #expect(t.intern("L\(i % 7)", "name \(i)") == (i, false)) }
        #expect(t.count == 5000)
    }
}
