import DocPipe
import DocPipeCLI
import Foundation
import Synchronization
import Testing

/// In-memory stdin/stdout for stream mode.
final class MemoryLines: LineInput, LineOutput, Sendable {
    private let state: Mutex<(input: [String], output: [String])>
    init(_ lines: [String]) { state = Mutex((lines, [])) }
    func readLine() -> String? { state.withLock { $0.input.isEmpty ? nil : $0.input.removeFirst() } }
    func write(_ text: String) throws { state.withLock { $0.output.append(text) } }
    var written: [String] { state.withLock { $0.output } }
}

@Suite struct FilterTests {
    @Test func oneResultPerLineInOrderWithErrorRecords() async throws {
        let f = try CLIFixture(seeds: [])
        let lines = [
            #"{"id": "a", "text": "The United States pledged $8 million in May 2019."}"#,
            "not json",
            "",
            #"{"text": "Second \u2028 line separator."}"#,
            #"{"id": 7, "title": "T", "text": "Approximately 80% agreed."}"#,
        ]
        let io = MemoryLines(lines)
        var env = CommandEnvironment(console: RecordingConsole().console, registry: .builtIn, workingDirectory: f.root)
        env.input = io
        env.output = io
        let code = await DocPipeCLI.run(["filter", "--jobs", "2", "--no-cache"], env)
        #expect(code == 0)
        let out = io.written
        #expect(out.count == lines.count)
        #expect(out.allSatisfy { $0.hasSuffix("\n") && !$0.dropLast().contains("\n") })
        #expect(!out.joined().contains("\u{2028}"))
        let records = try out.map { try JSONParser.parse($0) }
        #expect(records.map { $0["id"]?.stringValue } == ["a", "line-2", "line-3", "line-4", "7"])
        #expect(records[1]["error"]?["code"] == "ingest.record")
        #expect(records[1]["error"]?["message"]?.stringValue?.hasPrefix("line 2: not valid JSON") == true)
        #expect(records[2]["error"]?["code"] == "input.empty")
        let doc = try Document(json: records[0])
        #expect(doc.spans(LayerName.entities).contains { $0.type == "MONEY" && doc.text(of: $0) == "$8 million" })
    }
}
