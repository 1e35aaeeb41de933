// Fuzz target: pipeline.json parsing and validation.
//
// Asserts: JSONParser never crashes and either parses or reports a position inside the input;
// a parsed value written by JSONWriter parses back to an equal value (numbers compared as
// doubles, a non-finite number as null, since JSON has no infinity) and the same bytes;
// PipelineConfig.parse either returns a config (unique stage names, a 64-hex digest, the same
// digest when parsed again) or throws ConfigError with at least one issue, each with a message,
// a `$`-rooted path and, when given, a position inside the file.
import DocPipe
import Foundation
import IngestStage
import NormalizeStage
import ExportStage

/// External stages are validated by a stand-in that never starts a program.
struct StubExternalStages: ExternalStageFactory {
    func make(name: String, entry: [String: JSONValue], baseDirectory: URL) -> Result<ConfiguredStage, ExternalStageEntryError> {
        guard let argv = entry["command"]?.arrayValue, !argv.isEmpty, argv.allSatisfy({ $0.stringValue?.isEmpty == false }) else {
            return .failure(ExternalStageEntryError([("command", "expected a non-empty array of strings")]))
        }
        let produces = entry["produces"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let requires = entry["requires"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return .success(ConfiguredStage(name: name, stageID: "external", version: 1, options: entry["options"] ?? .object([:]),
                                        fingerprint: .array(argv), requires: requires, produces: produces, writesFiles: false,
                                        implementation: .document(try! Normalize(options: NormalizeOptions()))))
    }
}

/// Equal JSON values, numbers compared by value and non-finite numbers taken as null.
func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
    func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d.isFinite ? d : nil
        default: return nil
        }
    }
    func isNull(_ v: JSONValue) -> Bool {
        if case .null = v { return true }
        if case .double(let d) = v { return !d.isFinite }
        return false
    }
    if isNull(a) || isNull(b) { return isNull(a) && isNull(b) }
    if let x = number(a) { return number(b) == x }
    switch (a, b) {
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(sameJSON)
    case (.object(let x), .object(let y)): return x.count == y.count && x.allSatisfy { k, v in y[k].map { sameJSON(v, $0) } ?? false }
    default: return a == b
    }
}

let registry = StageRegistry([StageDescriptor(Ingest.self), StageDescriptor(Normalize.self), StageDescriptor(Export.self)])
let base = URL(fileURLWithPath: "/nonexistent-docpipe-fuzz")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }

    // The JSON layer on its own: parse, write, parse again.
    do {
        let value = try JSONParser.parse(bytes)
        let written = JSONWriter().bytes(value)
        do {
            let again = try JSONParser.parse(written)
            require(sameJSON(again, value), "JSON round trip changed the value: \(String(decoding: written, as: UTF8.self))")
            require(JSONWriter().bytes(again) == written, "JSON writer not stable")
        } catch {
            fatalError("JSONWriter output does not parse: \(error) in \(String(decoding: written, as: UTF8.self))")
        }
    } catch {
        require(error.offset >= 0 && error.offset <= bytes.count, "syntax error offset \(error.offset) outside \(bytes.count) bytes")
        require(error.position.line >= 1 && error.position.line <= lines && error.position.column >= 1,
                "syntax error position \(error.position) outside the input (\(lines) lines)")
        require(!error.message.isEmpty, "syntax error without a message")
    }

    // The whole config.
    do {
        let config = try PipelineConfig.parse(bytes: bytes, file: "pipeline.json", baseDirectory: base, registry: registry,
                                              externalStages: StubExternalStages())
        require(!config.stages.isEmpty, "a config without stages was accepted")
        require(Set(config.stages.map(\.name)).count == config.stages.count, "duplicate stage names accepted")
        require(config.digest.count == 64 && config.digest.allSatisfy(\.isHexDigit), "bad digest \(config.digest)")
        require(config.maxDocumentBytes > 0, "non-positive maxDocumentBytes accepted")
        let again = try PipelineConfig.parse(bytes: bytes, file: "pipeline.json", baseDirectory: base, registry: registry,
                                             externalStages: StubExternalStages())
        require(again.digest == config.digest, "digest differs between two parses of the same bytes")
    } catch let error as ConfigError {
        require(!error.issues.isEmpty, "ConfigError without issues")
        for issue in error.issues {
            require(!issue.message.isEmpty, "issue without a message at \(issue.path)")
            require(issue.path.hasPrefix("$"), "issue path \(issue.path) does not start at $")
            if let p = issue.position {
                require(p.line >= 1 && p.line <= lines && p.column >= 1, "issue position \(p) outside the file (\(lines) lines)")
            }
        }
    } catch {
        fatalError("PipelineConfig.parse threw something other than ConfigError: \(error)")
    }
    return 0
}
