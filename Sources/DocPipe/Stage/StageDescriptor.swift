/// A stage type seen from outside: what `docpipe stages` lists and what the registry builds
/// instances from. Made from any `Stage` type with `StageDescriptor(SomeStage.self)`.
public struct StageDescriptor: Sendable {
    /// The stage id.
    public let id: String
    /// The stage version.
    public let version: Int
    /// One line about it.
    public let summary: String
    /// What it needs.
    public let requires: [String]
    /// What it adds.
    public let produces: [String]
    /// Whether its results include files.
    public let writesFiles: Bool
    /// The default options as JSON (their keys are the valid option keys).
    public let defaultOptions: [String: JSONValue]
    /// Builds an instance from merged options JSON.
    let make: @Sendable (_ options: JSONValue) throws -> StageImplementation

    /// Describes a source stage.
    public init<S: SourceStage>(_ type: S.Type) {
        self.init(type, make: { options in .source(try S(options: options)) })
    }

    /// Describes a document stage.
    public init<S: DocumentStage>(_ type: S.Type) {
        self.init(type, make: { options in .document(try S(options: options)) })
    }

    private init<S: Stage>(_ type: S.Type, make: @escaping @Sendable (S.Options) throws -> StageImplementation) {
        id = S.id
        version = S.version
        summary = S.summary
        requires = S.requires
        produces = S.produces
        writesFiles = S.writesFiles
        defaultOptions = OptionsCoding.encode(S.Options()).objectValue ?? [:]
        self.make = { json in
            let options = try OptionsCoding.decode(S.Options.self, from: json)
            let problems = options.validate()
            if !problems.isEmpty { throw StageConfigurationError(problems.joined(separator: "; ")) }
            return try make(options)
        }
    }

    /// Builds a descriptor for stages defined at run time (external programs).
    public init(id: String, version: Int, summary: String, requires: [String], produces: [String],
                defaultOptions: [String: JSONValue], make: @escaping @Sendable (JSONValue) throws -> StageImplementation) {
        self.id = id
        self.version = version
        self.summary = summary
        self.requires = requires
        self.produces = produces
        self.writesFiles = false
        self.defaultOptions = defaultOptions
        self.make = make
    }
}

/// A configured stage, either kind.
public enum StageImplementation: Sendable {
    /// Reads inputs.
    case source(any SourceStage)
    /// Processes documents.
    case document(any DocumentStage)
}
