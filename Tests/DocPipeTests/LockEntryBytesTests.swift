@testable import DocPipe
import Testing

/// A lock entry written directly is byte for byte what the general JSON writer gives.
@Suite struct LockEntryBytesTests {
    @Test(arguments: [
        LockFile.Entry(document: "un/AFG_20_1965", source: "un/AFG_20_1965.txt", input: "ab12",
                       outputs: ["ingest": "1", "normalize": "2", "entities": "3", "claims": "4", "export": "5"]),
        LockFile.Entry(document: "quote\"d\\ \u{01} \u{2028} née", source: "", input: "", outputs: [:]),
        LockFile.Entry(document: "x", source: "s", input: "i", outputs: ["é": "a", "e\u{301}z": "b", "Z": "c", "": ""]),
    ])
    func directBytesMatchTheWriter(_ entry: LockFile.Entry) {
        #expect(entry.jsonBytes == JSONWriter().bytes(entry.json))
    }
}
