import Foundation

/// How to start an external stage's program: the argv as written, the resolved executable,
/// the folder it runs in, its environment and its per-document timeout.
struct ExternalCommand: Sendable {
    /// The argv as written in pipeline.json (the first element may be a bare name found on PATH).
    var argv: [String]
    /// The resolved executable.
    var executable: URL
    /// The working directory (the config file's folder).
    var directory: URL
    /// The environment: docpipe's own plus DOCPIPE_* variables.
    var environment: [String: String]
    /// Seconds allowed per document (and for the handshake).
    var timeout: Double

    /// Starts one worker process.
    func launch() throws -> ExternalWorker {
        try ExternalWorker.launch(executable: executable, arguments: Array(argv.dropFirst()), directory: directory, environment: environment)
    }

    /// The command as a shell-like string, for messages.
    var display: String {
        argv.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
    }

    /// Finds the program `name`: a path (relative to `directory`) when it contains "/", else a
    /// search of PATH. Returns the problem as a message with the likely fix.
    static func resolveExecutable(_ name: String, directory: URL, path: String?) -> Result<URL, ExternalStageEntryError> {
        let fm = FileManager.default
        if name.contains("/") {
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : directory.appendingPathComponent(name).standardizedFileURL
            guard fm.fileExists(atPath: url.path) else {
                return .failure(ExternalStageEntryError([("command", "program '\(name)' does not exist (paths are relative to the config file's folder)")]))
            }
            guard fm.isExecutableFile(atPath: url.path) else {
                return .failure(ExternalStageEntryError([("command", "program '\(name)' is not executable; run chmod +x on it, or name its interpreter first, e.g. [\"python3\", \"\(name)\"]")]))
            }
            return .success(url)
        }
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue, fm.isExecutableFile(atPath: candidate.path) {
                return .success(candidate)
            }
        }
        return .failure(ExternalStageEntryError([("command", "program '\(name)' was not found on PATH; install it or give its path")]))
    }
}
