/// The JSON Lines protocol between docpipe and an external stage program (docs/external-stages.md).
///
/// 1. The program starts and writes one handshake line:
///    `{"protocol": 1, "stage": "topics", "version": 2}`.
/// 2. docpipe writes one document per line (`Document.json`, compact, sorted keys); the program
///    answers each with one line: the updated document, or `{"error": {"message": "…"}}`.
/// 3. docpipe closes stdin when the run ends; the program exits.
public enum ExternalProtocol {
    /// The protocol version this build speaks.
    public static let version = 1
    /// The stage id external stages have in cache keys, the lock file and run reports.
    public static let stageID = "external"
    /// Seconds a program may take for one document (and for its handshake) unless "timeout" says otherwise.
    public static let defaultTimeout = 60.0

    /// What a program says about itself when it starts.
    public struct Handshake: Sendable, Equatable {
        /// The protocol version it speaks.
        public var protocolVersion: Int
        /// Its own name for the stage.
        public var stage: String
        /// Its version; bump it whenever its output for the same input changes.
        public var version: Int

        /// Reads a handshake line; the error says what is wrong with it.
        public static func parse(_ line: [UInt8]) -> Result<Handshake, HandshakeProblem> {
            guard let value = try? JSONParser.parse(line), case .object(let o) = value else {
                return .failure(HandshakeProblem("the first line is not a JSON object: \(ExternalProtocol.excerpt(line))"))
            }
            guard let p = o["protocol"]?.intValue else {
                return .failure(HandshakeProblem("the handshake has no integer \"protocol\" (expected {\"protocol\": \(ExternalProtocol.version), \"stage\": \"…\", \"version\": 1})"))
            }
            guard p == ExternalProtocol.version else {
                return .failure(HandshakeProblem("the program speaks protocol \(p); this docpipe speaks protocol \(ExternalProtocol.version)"))
            }
            guard let stage = o["stage"]?.stringValue, !stage.isEmpty else {
                return .failure(HandshakeProblem("the handshake needs a non-empty string \"stage\" (the program's name for itself)"))
            }
            guard let v = o["version"]?.intValue, v >= 0 else {
                return .failure(HandshakeProblem("the handshake needs a non-negative integer \"version\" (bump it when the output changes)"))
            }
            return .success(Handshake(protocolVersion: p, stage: stage, version: v))
        }
    }

    /// A handshake line that could not be accepted.
    public struct HandshakeProblem: Error, Sendable {
        /// What was wrong.
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// One answer line: the updated document or the program's error for that document.
    enum Reply {
        /// The document and the top-level keys the line had (absent ones mean "unchanged").
        case document(Document, keys: Set<String>)
        case failure(StageError)
    }

    /// Reads an answer line; a line that is neither a document nor an error record is a `StageError`.
    static func parseReply(_ line: [UInt8]) throws(StageError) -> Reply {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw StageError(code: "external.invalid-json",
                             "the program printed a line that is not JSON (\(error.message)): \(excerpt(line)); print only result lines on stdout and log to stderr")
        }
        guard case .object(let o) = value else {
            throw StageError(code: "external.invalid-reply", "the program answered with \(value.typeDescription) instead of a document object: \(excerpt(line))")
        }
        if let e = o["error"], o["text"] == nil {
            var message = e.stringValue ?? e["message"]?.stringValue ?? JSONWriter().string(e)
            if message.isEmpty { message = "the program reported an error without a message" }
            let code = e["code"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "external.stage-error"
            return .failure(StageError(code: code, message, retryable: e["retryable"]?.boolValue ?? false))
        }
        do {
            return .document(try Document(json: value), keys: Set(o.keys))
        } catch {
            throw StageError(code: "external.invalid-document", "the program's answer is not a valid document: \(error)")
        }
    }

    /// The start of a line, for messages.
    static func excerpt(_ line: [UInt8]) -> String {
        let s = String(decoding: line.prefix(120), as: UTF8.self)
        return line.count > 120 ? "'\(s)…'" : "'\(s)'"
    }
}
