import DocPipe
import DocPipeTestSupport

/// Builds documents with a simple "sentences" layer (split at line breaks and after ". ", "? ",
/// "! "), standing in for the normalize stage in these tests.
enum SentenceFixture {
    /// A document with sentences.
    static func document(_ text: String, id: String = "test") -> Document {
        StageHarness.document(text, id: id, layers: [LayerName.sentences: sentences(text)])
    }

    /// Sentence spans of a text (scalar offsets).
    static func sentences(_ text: String) -> [Span] {
        let s = Array(text.unicodeScalars)
        var spans: [Span] = []
        var start = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b, s[a].properties.isWhitespace { a += 1 }
            while b > a, s[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { spans.append(Span(start: a, end: b, type: "sentence")) }
        }
        var i = 0
        while i < s.count {
            if s[i] == "\n" {
                close(i)
                start = i + 1
            } else if (s[i] == "." || s[i] == "?" || s[i] == "!"), i + 1 < s.count, s[i + 1] == " " {
                close(i + 1)
                start = i + 1
            }
            i += 1
        }
        close(s.count)
        return spans
    }

    /// The repository root, from this file's path.
    static func repoRoot(_ file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/EntityStageTests/SentenceFixture.swift
        return parts.joined(separator: "/")
    }
}

extension Document {
    /// Entities as "LABEL text" strings, in order.
    var entityList: [String] { spans(LayerName.entities).map { "\($0.type) \(text(of: $0))" } }
    /// The canonical name of each entity text ("Moon" → "Moon Jae-in").
    func canonical(of surface: String) -> [String] {
        spans(LayerName.entities).filter { text(of: $0) == surface }.compactMap { $0.attributes["canonical"]?.stringValue }
    }
}
