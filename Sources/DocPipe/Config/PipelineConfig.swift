import Foundation

/// A validated pipeline.json: where to read, where to write, and the configured stages in order.
public struct PipelineConfig: Sendable {
    /// The highest `version` of pipeline.json this build understands.
    public static let supportedVersion = 1
    /// Top-level keys and what they default to.
    public static let topLevelKeys = ["version", "inputs", "exclude", "output", "cache", "stages", "maxDocumentBytes"]
    /// Keys of one stage entry.
    public static let stageKeys = ["name", "stage", "options", "command", "files", "timeout", "requires", "produces"]
    /// The default size limit of one input file.
    public static let defaultMaxDocumentBytes = 100 * 1024 * 1024

    /// The config file's path as given.
    public var file: String
    /// The folder relative paths are resolved against (the config file's folder).
    public var baseDirectory: URL
    /// Input files or folders.
    public var inputs: [String]
    /// Glob patterns of input paths (or file names) to skip inside input folders.
    public var exclude: [String] = []
    /// The output folder.
    public var output: String
    /// The cache folder.
    public var cacheDirectory: String
    /// Input files larger than this are refused.
    public var maxDocumentBytes: Int
    /// The stages, in order.
    public var stages: [ConfiguredStage]
    /// SHA-256 over the canonical form of everything that affects outputs.
    public var digest: String
    /// When set, the cache is trimmed to this many bytes (least recently used first) after each run.
    public var cacheMaxBytes: Int?

    /// Resolves a config-relative path.
    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
    }

    /// Reads and validates a config file, collecting every problem before failing.
    public static func load(file: String, registry: StageRegistry, externalStages: ExternalStageFactory? = nil) throws -> PipelineConfig {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: file) else {
            let exists = FileManager.default.fileExists(atPath: file)
            throw ConfigError(issues: [ConfigIssue(file: file, path: "$", position: nil,
                message: exists ? "cannot read the file (check its permissions)" : "no such file (create one, or pass --config FILE)")])
        }
        return try parse(bytes: Array(data), file: file, baseDirectory: url.deletingLastPathComponent(), registry: registry,
                         externalStages: externalStages)
    }

    /// Validates config bytes (the file name is only used in messages).
    public static func parse(bytes: [UInt8], file: String, baseDirectory: URL, registry: StageRegistry,
                             externalStages: ExternalStageFactory? = nil) throws -> PipelineConfig {
        let parsed: (JSONValue, [String: SourcePosition])
        do {
            parsed = try JSONParser.parseWithPositions(bytes)
        } catch {
            throw ConfigError(issues: [ConfigIssue(file: file, path: "$", position: error.position,
                                                   message: "invalid JSON: \(error.message)")])
        }
        var v = ConfigValidator(file: file, positions: parsed.1, registry: registry, externalStages: externalStages)
        let result = v.validate(parsed.0, baseDirectory: baseDirectory)
        guard v.issues.isEmpty, let config = result else {
            throw ConfigError(issues: v.issues.sorted { ($0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.position?.line ?? 0, $1.position?.column ?? 0) })
        }
        return config
    }
}

/// Builds stage implementations for entries that name a `command` instead of a stage id.
public protocol ExternalStageFactory: Sendable {
    /// Validates the entry (problems as messages keyed by member name, "" for the entry itself)
    /// and returns the configured stage, or nil when there were problems.
    func make(name: String, entry: [String: JSONValue], baseDirectory: URL) -> Result<ConfiguredStage, ExternalStageEntryError>
}

/// Problems in an external stage entry, keyed by the member they concern ("" for the entry).
public struct ExternalStageEntryError: Error, Sendable {
    /// (member, message) pairs.
    public var problems: [(String, String)]
    /// Creates the error.
    public init(_ problems: [(String, String)]) { self.problems = problems }
}

/// One stage instance of a pipeline: its name, what it is and how it is configured.
public struct ConfiguredStage: Sendable {
    /// The instance name (unique in the pipeline).
    public var name: String
    /// The stage id (for external stages, "external").
    public var stageID: String
    /// The stage version (for external stages, from the handshake; 0 until known).
    public var version: Int
    /// Options after defaults were applied, as canonical JSON.
    public var options: JSONValue
    /// Extra cache-key material (external command, file digests).
    public var fingerprint: JSONValue
    /// What it needs and adds.
    public var requires: [String]
    /// What it adds.
    public var produces: [String]
    /// Whether results include files.
    public var writesFiles: Bool
    /// The implementation.
    public var implementation: StageImplementation

    /// Creates a configured stage.
    public init(name: String, stageID: String, version: Int, options: JSONValue, fingerprint: JSONValue = .null,
                requires: [String], produces: [String], writesFiles: Bool, implementation: StageImplementation) {
        self.name = name
        self.stageID = stageID
        self.version = version
        self.options = options
        self.fingerprint = fingerprint
        self.requires = requires
        self.produces = produces
        self.writesFiles = writesFiles
        self.implementation = implementation
    }

    /// A stage that writes files and adds no layer (export): the cache keeps only checksums of
    /// its files, and stream mode skips it.
    public var isPureExporter: Bool { writesFiles && produces.isEmpty }

    /// SHA-256 of the canonical options.
    public var optionsDigest: String { SHA256.hex(of: JSONWriter().bytes(options)) }

    /// What identifies this stage's behaviour in cache keys and the lock file.
    public var identity: JSONValue {
        ["stage": .string(stageID), "version": .int(version), "options": options, "fingerprint": fingerprint]
    }
}
