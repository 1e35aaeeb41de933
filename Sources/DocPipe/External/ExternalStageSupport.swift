import Foundation

/// Builds external stages from pipeline.json entries that name a "command":
///
/// ```json
/// {"name": "topics", "command": ["python3", "topics.py"], "files": ["topics.py"],
///  "timeout": 30, "requires": ["sentences"], "produces": ["topics"]}
/// ```
///
/// Validation collects every problem in the entry, then starts the program once to read its
/// handshake (a program that cannot start or handshake is a config problem). The cache key
/// (`ConfiguredStage.identity`) covers the command, the protocol version, the handshake's
/// stage name and version, the options and the SHA-256 of every declared file, so editing
/// the script re-runs the stage and the ones after it.
public struct ExternalStageSupport: ExternalStageFactory {
    /// Environment variables for the programs (default: docpipe's own).
    public var environment: [String: String]

    /// Creates the factory.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Validates an entry and handshakes with its program.
    public func make(name: String, entry: [String: JSONValue], baseDirectory: URL) -> Result<ConfiguredStage, ExternalStageEntryError> {
        var problems: [(String, String)] = []
        let argv = Self.command(entry["command"], &problems)
        let files = Self.strings(entry["files"], member: "files", example: "[\"tagger.py\"]", &problems)
        let requires = Self.strings(entry["requires"], member: "requires", example: "[\"sentences\"]", &problems)
        let produces = Self.strings(entry["produces"], member: "produces", example: "[\"topics\"]", &problems)
        var timeout = ExternalProtocol.defaultTimeout
        if let t = entry["timeout"] {
            if let s = t.doubleValue, s > 0, s <= 86_400 { timeout = s } else {
                problems.append(("timeout", "expected seconds per document, a number above 0 and at most 86400, such as 30 (default \(Int(ExternalProtocol.defaultTimeout)))"))
            }
        }
        var options: [String: JSONValue] = [:]
        if let o = entry["options"] {
            if let obj = o.objectValue { options = obj } else {
                problems.append(("options", "expected an object (the program receives it as JSON in DOCPIPE_OPTIONS), found \(o.typeDescription)"))
            }
        }
        var digests: [String: JSONValue] = [:]
        for file in files {
            switch FileDigest.sha256(of: file, in: baseDirectory) {
            case .success(let d): digests[file] = .string(d)
            case .failure(let p): problems.append(("files", p.message))
            }
        }
        var executable: URL?
        if let argv {
            switch ExternalCommand.resolveExecutable(argv[0], directory: baseDirectory, path: environment["PATH"]) {
            case .success(let url): executable = url
            case .failure(let e): problems += e.problems
            }
        }
        guard problems.isEmpty, let argv, let executable else { return .failure(ExternalStageEntryError(problems)) }

        var env = environment
        env["DOCPIPE_PROTOCOL"] = String(ExternalProtocol.version)
        env["DOCPIPE_STAGE_NAME"] = name
        env["DOCPIPE_OPTIONS"] = JSONWriter().string(.object(options))
        let command = ExternalCommand(argv: argv, executable: executable, directory: baseDirectory, environment: env, timeout: timeout)
        let handshake: ExternalProtocol.Handshake
        switch Self.handshake(command) {
        case .success(let h): handshake = h
        case .failure(let p): return .failure(ExternalStageEntryError([("command", p.message)]))
        }
        let fingerprint: JSONValue = [
            "command": .array(argv.map { .string($0) }),
            "protocol": .int(ExternalProtocol.version),
            "stage": .string(handshake.stage),
            "files": .object(digests),
        ]
        let stage = ExternalStage(name: name, produces: produces, pool: WorkerPool(command: command, handshake: handshake))
        return .success(ConfiguredStage(name: name, stageID: ExternalProtocol.stageID, version: handshake.version,
                                        options: .object(options), fingerprint: fingerprint, requires: requires,
                                        produces: produces, writesFiles: false, implementation: .document(stage)))
    }

    /// Starts the program once, reads its handshake and stops it again.
    static func handshake(_ command: ExternalCommand) -> Result<ExternalProtocol.Handshake, ExternalProblem> {
        let worker: ExternalWorker
        do {
            worker = try command.launch()
        } catch {
            return .failure(ExternalProblem("cannot start \(command.display): \(error)"))
        }
        defer { worker.shutDown(grace: 1) }
        let line: [UInt8]
        do {
            line = try worker.exchangeBlocking([], timeout: command.timeout)
        } catch {
            let hint: String
            if case .timedOut = error { hint = " (does it flush stdout after the handshake line?)" } else { hint = "" }
            return .failure(ExternalProblem("\(command.display) did not handshake: \(WorkerPool.describe(error))\(hint)\(stderrTail(worker))"))
        }
        switch ExternalProtocol.Handshake.parse(line) {
        case .success(let h): return .success(h)
        case .failure(let p): return .failure(ExternalProblem("\(command.display): \(p.message)\(stderrTail(worker))"))
        }
    }

    /// The program's last stderr lines, for messages about a failed start.
    static func stderrTail(_ worker: ExternalWorker) -> String {
        let lines = worker.takeStderrLines().suffix(5)
        return lines.isEmpty ? "" : "; its stderr ended with: " + lines.joined(separator: " | ")
    }

    static func command(_ value: JSONValue?, _ problems: inout [(String, String)]) -> [String]? {
        let example = "[\"python3\", \"tagger.py\"]"
        guard let value else { return nil }
        guard let items = value.arrayValue else {
            let hint = value.stringValue.map { s in
                " such as " + JSONWriter().string(.array(s.split(separator: " ").map { .string(String($0)) }))
            } ?? " such as \(example)"
            problems.append(("command", "expected the program and its arguments as an array\(hint); no shell is used"))
            return nil
        }
        guard !items.isEmpty else {
            problems.append(("command", "the command is empty; name the program and its arguments, e.g. \(example)"))
            return nil
        }
        var argv: [String] = []
        for item in items {
            guard let s = item.stringValue, !s.isEmpty else {
                problems.append(("command", "every element of the command must be a non-empty string, e.g. \(example)"))
                return nil
            }
            argv.append(s)
        }
        return argv
    }

    static func strings(_ value: JSONValue?, member: String, example: String, _ problems: inout [(String, String)]) -> [String] {
        guard let value else { return [] }
        guard let items = value.arrayValue, items.allSatisfy({ ($0.stringValue ?? "").isEmpty == false }) else {
            problems.append((member, "expected an array of non-empty strings such as \(example), found \(value.typeDescription)"))
            return []
        }
        return items.compactMap(\.stringValue)
    }
}
