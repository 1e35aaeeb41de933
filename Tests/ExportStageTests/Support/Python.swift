import Foundation
import XCTest

/// Runs small Python checks against our outputs (Python's csv, json, xml and jsonschema are
/// the outside references); tests skip with a clear message when python3 is not installed.
enum Python {
    /// The python3 executable on PATH, if any.
    static let executable: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// Runs `script` with `arguments`; returns (exit status, stdout + stderr). Skips the test
    /// when python3 is missing.
    static func run(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
        guard let executable else { throw XCTSkip("python3 is not installed: skipping the check against Python's reader") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Skips unless `import module` works.
    static func require(module: String) throws {
        let r = try run("import \(module)")
        if r.status != 0 { throw XCTSkip("python3 has no '\(module)' module: skipping (\(r.output.prefix(200)))") }
    }
}

/// The repository root, found from this file's path (not the working directory).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
