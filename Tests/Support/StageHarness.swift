import DocPipe

/// Runs one stage in memory, with no files, cache or runner: the way stage tests exercise a stage.
public enum StageHarness {
    /// A document from plain text, with an id and a source that looks like a .txt input.
    public static func document(_ text: String, id: String = "test", metadata: [String: JSONValue] = [:],
                                layers: [String: [Span]] = [:]) -> Document {
        Document(id: id, source: SourceInfo(path: "\(id).txt", mediaType: "text/plain", byteCount: text.utf8.count,
                                            sha256: SHA256.hex(of: text)), text: text, metadata: metadata, layers: layers)
    }

    /// Runs a document stage over a document; returns the result and what it wrote.
    public static func run<S: DocumentStage>(_ stage: S, _ document: Document) async throws
        -> (document: Document, files: [OutputFile], parts: [OutputPart])
    {
        let context = StageContext(instanceName: S.id, documentID: document.id)
        let result = try await stage.process(document, context: context)
        return (result, context.files, context.parts)
    }

    /// Runs a source stage over bytes at a relative path.
    public static func ingest<S: SourceStage>(_ stage: S, path: String, bytes: [UInt8]) async throws -> [IngestResult] {
        try await stage.ingest(SourceInput(relativePath: path, bytes: bytes), context: StageContext(instanceName: S.id, documentID: path))
    }

    /// Runs a source stage over a string.
    public static func ingest<S: SourceStage>(_ stage: S, path: String, text: String) async throws -> [IngestResult] {
        try await ingest(stage, path: path, bytes: Array(text.utf8))
    }
}

/// Text with inline span markers, for readable span assertions:
/// `"[[PERSON Thomas Buergenthal]] said"` → text "Thomas Buergenthal said" and a PERSON span 0..<18.
public struct MarkedText {
    /// The text without markers.
    public let text: String
    /// The marked spans, in order.
    public let spans: [Span]

    /// Parses `[[TYPE covered text]]` markers (not nested).
    public init(_ marked: String) {
        var out: [Unicode.Scalar] = []
        var spans: [Span] = []
        let s = Array(marked.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "[", i + 1 < s.count, s[i + 1] == "[" {
                var j = i + 2
                var type = ""
                while j < s.count, s[j] != " " { type.unicodeScalars.append(s[j]); j += 1 }
                j += 1
                let start = out.count
                while j + 1 < s.count, !(s[j] == "]" && s[j + 1] == "]") { out.append(s[j]); j += 1 }
                spans.append(Span(start: start, end: out.count, type: type))
                i = j + 2
            } else {
                out.append(s[i])
                i += 1
            }
        }
        var t = ""
        t.unicodeScalars.append(contentsOf: out)
        text = t
        self.spans = spans
    }

    /// Renders spans of a document back into marked text, for comparing with the input.
    public static func render(_ text: String, _ spans: [Span]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var pos = 0
        for sp in spans.sorted(by: Span.canonicalOrder) where sp.start >= pos {
            out.unicodeScalars.append(contentsOf: scalars[pos..<sp.start])
            out += "[[\(sp.type) "
            out.unicodeScalars.append(contentsOf: scalars[sp.start..<sp.end])
            out += "]]"
            pos = sp.end
        }
        out.unicodeScalars.append(contentsOf: scalars[pos...])
        return out
    }
}
