import DocPipe

/// A parsed command line: positional arguments plus `--flag` and `--option value` pairs.
///
/// Parsing is strict: unknown flags are usage errors with a "did you mean" hint; `--` ends
/// options, so an input named like an option (`--weird.txt`) can still be passed.
public struct Arguments {
    /// Positional arguments in order.
    public var positional: [String] = []
    /// Options that take a value.
    public var values: [String: String] = [:]
    /// Boolean flags present.
    public var flags: Set<String> = []

    /// Parses `args` given the flags and value-taking options a command accepts.
    public init(_ args: [String], flags known: Set<String>, options: Set<String>) throws(UsageError) {
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositional || !a.hasPrefix("-") || a == "-" { positional.append(a); continue }
            if a == "--" { onlyPositional = true; continue }
            var name = a
            var inlineValue: String?
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                inlineValue = String(a[a.index(after: eq)...])
            }
            if known.contains(name) {
                if inlineValue != nil { throw UsageError("\(name) takes no value") }
                flags.insert(name)
            } else if options.contains(name) {
                if let v = inlineValue { values[name] = v; continue }
                guard i < args.count else { throw UsageError("\(name) needs a value") }
                values[name] = args[i]
                i += 1
            } else {
                throw UsageError("unknown option '\(name)'\(Suggest.hint(for: name, in: Array(known.union(options))))")
            }
        }
    }

    /// An integer option's value, validated.
    public func int(_ name: String, min: Int = 1) throws(UsageError) -> Int? {
        guard let v = values[name] else { return nil }
        guard let n = Int(v), n >= min else { throw UsageError("\(name) expects a whole number ≥ \(min), got '\(v)'") }
        return n
    }
}

/// Bad command-line usage (exit 64).
public struct UsageError: Error, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates one.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

