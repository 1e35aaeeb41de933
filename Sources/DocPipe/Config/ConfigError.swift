/// One problem in a pipeline.json: where it is and what to do about it.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    /// The config file as the user named it.
    public var file: String
    /// JSON path of the offending value (`$.stages[2].stage`).
    public var path: String
    /// Where the value starts, when known.
    public var position: SourcePosition?
    /// What is wrong, with the likely fix.
    public var message: String

    /// Creates an issue.
    public init(file: String, path: String, position: SourcePosition?, message: String) {
        self.file = file
        self.path = path
        self.position = position
        self.message = message
    }

    /// `file:line:column: path: message`.
    public var description: String {
        let at = position.map { ":\($0.line):\($0.column)" } ?? ""
        return "\(file)\(at): \(path): \(message)"
    }
}

/// Every problem found in a pipeline.json, reported together.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var issues: [ConfigIssue]
    /// One line per problem.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
