import Testing
@testable import EntityStage

/// The byte tokenizer's conventions.
@Suite struct TokenizerTests {
    @Test func splitsPunctuationAndPossessives() {
        #expect(Tokenizer.words("North Korea’s residents, (UNICEF) said.") ==
                ["North", "Korea", "’s", "residents", ",", "(", "UNICEF", ")", "said", "."])
        #expect(Tokenizer.words("Korea's") == ["Korea", "'s"])
    }

    @Test func keepsAbbreviationsNumbersAndHyphens() {
        #expect(Tokenizer.words("The U.S. paid $8,000.50 to Mr. Moon Jae-in.") ==
                ["The", "U.S.", "paid", "$", "8,000.50", "to", "Mr.", "Moon", "Jae-in", "."])
        #expect(Tokenizer.words("80% in 2019.") == ["80", "%", "in", "2019", "."])
        #expect(Tokenizer.words("“incomparable . . .  anywhere”") == ["“", "incomparable", ".", ".", ".", "anywhere", "”"])
    }

    /// A range tokenized after earlier tokens in the same arrays sees them (a possessive needs a
    /// token before it), and a reused `TokenSpace` gives the same tokens and hashes as a new one.
    @Test func appendsAfterEarlierTokensWithAReusedSpace() {
        let bytes = Array("Korea’s 's the WHO".utf8)
        bytes.withUnsafeBufferPointer { buf in
            var alone: [Token] = []
            Tokenizer.tokenize(buf, 5..<bytes.count, into: &alone)
            #expect(alone.map(\.kind) == [.punct, .lower, .lower, .lower, .capitalized])  // ’ s 's the WHO
            let space = TokenSpace()
            var tokens: [Token] = [], hashes: [UInt64] = []
            Tokenizer.tokenize(buf, 0..<5, into: &tokens, hashes: &hashes, space: space)
            Tokenizer.tokenize(buf, 5..<bytes.count, into: &tokens, hashes: &hashes, space: space)
            var whole: [Token] = [], wholeHashes: [UInt64] = []
            Tokenizer.tokenize(buf, 0..<bytes.count, into: &whole, hashes: &wholeHashes)
            #expect(tokens == whole)
            #expect(hashes == wholeHashes)
            #expect(tokens.map(\.kind) == [.capitalized, .lower, .lower, .lower, .capitalized])  // Korea ’s 's the WHO
            #expect(hashes == tokens.map { TokenHashes.lower(buf, $0) })
        }
    }
}
