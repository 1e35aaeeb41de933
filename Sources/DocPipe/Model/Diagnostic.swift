/// A problem noted while processing a document that did not stop it ("decoded as Windows-1252").
public struct Diagnostic: Sendable, Equatable, Hashable {
    /// A stable machine-readable code ("encoding.windows1252").
    public var code: String
    /// A human-readable explanation.
    public var message: String
    /// The stage instance that noted it.
    public var stage: String

    /// Creates a diagnostic.
    public init(code: String, message: String, stage: String) {
        self.code = code
        self.message = message
        self.stage = stage
    }

    /// As JSON.
    public var json: JSONValue { ["code": .string(code), "message": .string(message), "stage": .string(stage)] }

    /// Reads one written by `json`.
    public init(json: JSONValue) {
        self.init(code: json["code"]?.stringValue ?? "", message: json["message"]?.stringValue ?? "",
                  stage: json["stage"]?.stringValue ?? "")
    }
}
