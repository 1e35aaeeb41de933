/// Cache keys: SHA-256 over canonical JSON of what determines a stage's output.
public enum CacheKey {
    /// The key of ingest's result for one input file: the stage's identity, the relative path
    /// and the digest of the raw bytes.
    public static func source(stage: ConfiguredStage, relativePath: String, inputDigest: String) -> String {
        SHA256.hex(of: JSONWriter().bytes([
            "kind": "source", "stage": stage.identity, "path": .string(relativePath), "input": .string(inputDigest),
        ]))
    }

    /// The key of a document stage's result: its identity and the key of its input (the previous
    /// stage's key for this document).
    public static func document(stage: ConfiguredStage, documentID: String, inputKey: String) -> String {
        SHA256.hex(of: JSONWriter().bytes([
            "kind": "document", "stage": stage.identity, "document": .string(documentID), "input": .string(inputKey),
        ]))
    }
}
