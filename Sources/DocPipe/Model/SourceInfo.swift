/// Where a document came from.
public struct SourceInfo: Sendable, Equatable {
    /// Path of the input file relative to the input root it was found under ("reports/a.md").
    public var path: String
    /// The media type ingest recognised ("text/plain", "text/html", "application/pdf"…).
    public var mediaType: String
    /// Size of the raw input file in bytes.
    public var byteCount: Int
    /// SHA-256 (hex) of the raw input file.
    public var sha256: String
    /// For files holding many documents (JSONL, JSON arrays): which record ("line 12", "record 3").
    public var record: String?

    /// Creates source information.
    public init(path: String, mediaType: String, byteCount: Int, sha256: String, record: String? = nil) {
        self.path = path
        self.mediaType = mediaType
        self.byteCount = byteCount
        self.sha256 = sha256
        self.record = record
    }

    /// As JSON.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "path": .string(path), "mediaType": .string(mediaType), "bytes": .int(byteCount), "sha256": .string(sha256),
        ]
        if let record { o["record"] = .string(record) }
        return .object(o)
    }

    /// Reads what `json` wrote.
    public init(json: JSONValue) throws(DocumentFormatError) {
        guard let path = json["path"]?.stringValue else { throw DocumentFormatError("source.path must be a string") }
        self.init(path: path, mediaType: json["mediaType"]?.stringValue ?? "application/octet-stream",
                  byteCount: json["bytes"]?.intValue ?? 0, sha256: json["sha256"]?.stringValue ?? "",
                  record: json["record"]?.stringValue)
    }
}
