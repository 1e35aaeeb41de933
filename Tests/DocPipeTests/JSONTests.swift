import DocPipe
import Testing

@Suite struct JSONTests {
    @Test func writesSortedKeysCompactly() {
        let v: JSONValue = ["b": 1, "a": ["z": true, "é": nil, "Z": 2.5], "c": [1, "x"]]
        #expect(JSONWriter().string(v) == #"{"a":{"Z":2.5,"z":true,"é":null},"b":1,"c":[1,"x"]}"#)
    }

    @Test func escapesControlsAndLineSeparators() {
        let s = JSONWriter().string(.string("a\"b\\c\n\u{01}\u{2028}\u{2029}é"))
        #expect(s == #""a\"b\\c\n\u0001\u2028\u2029é""#)
    }

    @Test func roundTrips() throws {
        let text = #"{"a":[1,-2.5,1e3,"\u00e9\ud83d\ude00",true,false,null],"b":{}}"#
        let v = try JSONParser.parse(text)
        #expect(v["a"]?.arrayValue?[3] == .string("é😀"))
        #expect(try JSONParser.parse(JSONWriter().bytes(v)) == v)
    }

    @Test func reportsLineAndColumn() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}") }
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"b\" 2\n}")
        } catch {
            #expect(error.position == SourcePosition(line: 3, column: 7))
            #expect(error.message.contains("':'"))
        }
    }

    @Test func recordsPositionsByPath() throws {
        let (_, positions) = try JSONParser.parseWithPositions(Array("{\n \"stages\": [\n  {\"stage\": \"x\"}\n ]\n}".utf8))
        #expect(positions["$.stages[0].stage".dropFirst().description] == SourcePosition(line: 3, column: 13))
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }
}
