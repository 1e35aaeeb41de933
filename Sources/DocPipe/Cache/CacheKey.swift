/// Cache keys: SHA-256 over canonical JSON (sorted keys) of what determines a stage's output.
///
/// A cached run trusts the final keys in the output folder's state file (`OutputState`) when the
/// config digest matches: changing how keys are derived must also bump the state's format line.
///
/// Build one `CacheKey` per run: it serializes each stage's identity once, so computing the
/// keys of a document costs a few small hashes (a cached run computes them for every document).
public struct CacheKey: Sendable {
    private let identities: [[UInt8]]

    /// Prepares keys for a pipeline's stages.
    public init(stages: [ConfiguredStage]) {
        identities = stages.map { JSONWriter().bytes($0.identity) }
    }

    /// The key of ingest's (stage 0's) result for one input file:
    /// `{"input": sha256 of the bytes, "kind": "source", "path": relative path, "stage": identity}`.
    public func source(relativePath: String, inputDigest: String) -> String {
        var b = Array(#"{"input":""#.utf8)
        b += inputDigest.utf8
        b += #"","kind":"source","path":"#.utf8
        JSONWriter.appendString(relativePath, to: &b)
        b += #","stage":"#.utf8
        b += identities[0]
        b.append(UInt8(ascii: "}"))
        return SHA256.hex(of: b)
    }

    /// The key of stage `index`'s result for a document:
    /// `{"document": id, "input": key of the previous stage's result, "kind": "document", "stage": identity}`.
    public func document(stage index: Int, documentID: String, inputKey: String) -> String {
        var b = Array(#"{"document":"#.utf8)
        JSONWriter.appendString(documentID, to: &b)
        b += #","input":""#.utf8
        b += inputKey.utf8
        b += #"","kind":"document","stage":"#.utf8
        b += identities[index]
        b.append(UInt8(ascii: "}"))
        return SHA256.hex(of: b)
    }

    /// Every key of one document: stage 0's (the source key) then each later stage's.
    public func chain(sourceKey: String, documentID: String) -> [String] {
        var keys = [sourceKey]
        keys.reserveCapacity(identities.count)
        for i in 1..<max(identities.count, 1) { keys.append(document(stage: i, documentID: documentID, inputKey: keys[i - 1])) }
        return keys
    }

    /// The key of ingest's result (one-off form).
    public static func source(stage: ConfiguredStage, relativePath: String, inputDigest: String) -> String {
        CacheKey(stages: [stage]).source(relativePath: relativePath, inputDigest: inputDigest)
    }

    /// The key of a document stage's result (one-off form).
    public static func document(stage: ConfiguredStage, documentID: String, inputKey: String) -> String {
        CacheKey(stages: [stage, stage]).document(stage: 1, documentID: documentID, inputKey: inputKey)
    }
}
