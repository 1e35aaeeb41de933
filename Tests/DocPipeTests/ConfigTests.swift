import DocPipe
import Foundation
import Testing

@Suite struct ConfigTests {
    func problems(_ json: String) -> [ConfigIssue] {
        do {
            _ = try PipelineConfig.parse(bytes: Array(json.utf8), file: "pipeline.json", baseDirectory: URL(fileURLWithPath: "/tmp"),
                                         registry: testRegistry)
            return []
        } catch let e as ConfigError {
            return e.issues
        } catch {
            return [ConfigIssue(file: "?", path: "?", position: nil, message: "\(error)")]
        }
    }

    @Test func defaultsApply() throws {
        let c = try PipelineConfig.parse(bytes: Array(#"{"version": 1, "stages": [{"stage": "test-ingest"}]}"#.utf8), file: "p.json",
                                         baseDirectory: URL(fileURLWithPath: "/tmp"), registry: testRegistry)
        #expect(c.inputs == ["seeds"])
        #expect(c.output == "out")
        #expect(c.cacheDirectory == ".docpipe/cache")
        #expect(c.stages.map(\.name) == ["test-ingest"])
    }

    @Test func unknownStageNamesLineColumnAndSuggestion() {
        let issues = problems("""
            {
              "version": 1,
              "stages": [
                {"stage": "test-ingest"},
                {"stage": "test-wrods"}
              ]
            }
            """)
        #expect(issues.count == 1)
        #expect(issues.first?.description == "pipeline.json:5:15: $.stages[1].stage: unknown stage 'test-wrods' (did you mean 'test-words'?); known stages: test-export, test-ingest, test-words")
    }

    @Test func everyProblemIsListedAtOnce() {
        let issues = problems("""
            {"version": 1, "ouput": "x",
             "stages": [{"stage": "test-ingest"},
                        {"stage": "test-words", "options": {"sufix": "x", "minLength": "two"}},
                        {"stage": "test-words", "options": {"minLength": 0}}]}
            """)
        let text = issues.map(\.description)
        #expect(text.contains { $0.contains("$.ouput: unknown key 'ouput' (did you mean 'output'?)") })
        #expect(text.contains { $0.contains("$.stages[1].options.sufix: unknown option 'sufix' for stage 'test-words' (did you mean 'suffix'?)") })
        #expect(text.contains { $0.contains("$.stages[2].options: minLength must be at least 1") })
        #expect(text.contains { $0.contains("$.stages[2].name: duplicate stage name 'test-words'") } == false) // stage 2 was invalid
        #expect(issues.count == 3)
    }

    @Test func wrongOptionTypeNamesTheKey() {
        let issues = problems(#"{"stages": [{"stage": "test-ingest"}, {"stage": "test-words", "options": {"minLength": "two"}}]}"#)
        #expect(issues.count == 1)
        #expect(issues.first?.path == "$.stages[1].options.minLength")
        #expect(issues.first?.message.contains("expected a number") == true)
    }

    @Test func sameStageTwiceNeedsDistinctNames() {
        let dup = problems(#"{"stages": [{"stage": "test-ingest"}, {"stage": "test-words"}, {"stage": "test-words"}]}"#)
        #expect(dup.map(\.message).contains { $0.contains("duplicate stage name 'test-words'") })
        let ok = problems(#"{"stages": [{"stage": "test-ingest"}, {"stage": "test-words"}, {"name": "words2", "stage": "test-words", "options": {"suffix": "2"}}]}"#)
        #expect(ok.isEmpty)
    }

    @Test func requirementsAreCheckedBeforeRunning() {
        let issues = problems(#"{"stages": [{"stage": "test-ingest"}, {"stage": "test-export"}, {"stage": "test-words"}]}"#)
        #expect(issues.isEmpty)  // test-export requires nothing
        let bad = problems(#"{"stages": [{"stage": "test-words"}, {"stage": "test-ingest"}]}"#)
        let text = bad.map(\.description).joined(separator: "\n")
        #expect(text.contains("the first stage must read input files"))
        #expect(text.contains("requires 'text', which no earlier stage produces; move stage 'test-ingest' before it"))
        #expect(text.contains("must be the first stage"))
    }

    @Test func syntaxErrorsHavePositions() {
        let issues = problems("{\"stages\": [\n  {\"stage\": \"test-ingest\"},\n]}")
        #expect(issues.first?.position == SourcePosition(line: 3, column: 1))
        #expect(issues.first?.message.hasPrefix("invalid JSON") == true)
    }

    @Test func newerVersionIsRefusedClearly() {
        let issues = problems(#"{"version": 7, "stages": [{"stage": "test-ingest"}]}"#)
        #expect(issues.first?.message.contains("highest supported: 1") == true)
    }
}
