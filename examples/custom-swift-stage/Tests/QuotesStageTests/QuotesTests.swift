import DocPipe
import QuotesStage
import Testing

@Suite struct QuotesTests {
    func quotes(_ text: String, minWords: Int = 3) async throws -> [String] {
        var options = Quotes.Options()
        options.minWords = minWords
        let source = SourceInfo(path: "t.txt", mediaType: "text/plain", byteCount: text.utf8.count, sha256: SHA256.hex(of: text))
        let document = Document(id: "t", source: source, text: text)
        let result = try await Quotes(options: options).process(document, context: StageContext(instanceName: "quotes", documentID: "t"))
        return result.spans("quotes").map { "\(result.text(of: $0)) (\($0.attributes["words"]?.intValue ?? 0))" }
    }

    @Test func marksCurlyAndStraightQuotesWithScalarOffsets() async throws {
        #expect(try await quotes("Über alles: “we will not back down” and \"this is a test\".")
                == ["we will not back down (5)", "this is a test (4)"])
    }

    @Test func skipsShortQuotesAndQuotesAcrossParagraphs() async throws {
        #expect(try await quotes("a “scare” quote, an “unclosed one\n\nnew paragraph” here") == [])
        #expect(try await quotes("a “scare” quote", minWords: 1) == ["scare (1)"])
    }
}
