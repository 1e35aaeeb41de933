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
}
