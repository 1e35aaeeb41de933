import DocPipe
import Foundation
import Testing

/// External-stage commands come only from pipeline.json and run without a shell: shell syntax in
/// the arguments or in document text is passed on as plain bytes, never executed.
@Suite(.enabled(if: onPath("sh"), "sh is not on PATH"))
struct ExternalCommandSafetyTests {
    @Test func shellSyntaxInArgumentsAndDocumentsIsNeverRun() async throws {
        let hostile = ["$(touch pwned-text)", "; touch pwned-semicolon", "`touch pwned-backtick`", "| touch pwned-pipe", "&& touch pwned-and"]
        var files = ["args.sh": #"printf '%s\n' "$@" > args.txt"# + "\n"
            + #"echo '{"protocol": 1, "stage": "args", "version": 1}'"# + "\n"
            + #"while IFS= read -r line; do printf '%s\n' "$line"; done"# + "\n"]
        for (i, h) in hostile.enumerated() { files["in/d\(i).txt"] = "A document that says \(h) and \"command\": [\"sh\", \"-c\", \"touch pwned-json\"]" }
        let t = try TempTree(files)
        // The arguments hold shell syntax too; pipeline.json is the one place commands come from.
        let args = #"["sh", "args.sh", "$(touch pwned-arg)", "a b; touch pwned-arg2", "*"]"#
        let config = try externalConfig("""
            {"inputs": ["in"], "output": "out", "cache": "cache",
             "stages": [{"stage": "test-ingest"}, {"name": "args", "command": \(args), "files": ["args.sh"]}, {"stage": "test-export"}]}
            """, in: t)
        let report = try await run(config, t, jobs: 2)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.documentsOK == hostile.count)
        let everything = t.snapshot("", excluding: [])
        #expect(!everything.keys.contains { $0.contains("pwned") }, "a shell ran: \(everything.keys.filter { $0.contains("pwned") })")
        #expect(t.read("args.txt") == "$(touch pwned-arg)\na b; touch pwned-arg2\n*\n", "arguments reach the program as written")
        // The documents pass through unchanged, shell syntax included.
        for (i, h) in hostile.enumerated() { #expect(t.read("out/docs/d\(i).txt.json")?.contains(h) == true) }
    }
}
