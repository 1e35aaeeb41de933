/// Reads and edits the one line of Package.swift the scaffolder may touch:
/// `let stageModules = ["IngestStage", "NormalizeStage", ...]` (a literal array on one line).
public enum ManifestEditor {
    /// The line's start.
    static let prefix = "let stageModules = ["

    /// The stage modules listed in a manifest, or nil when the line is not there in that shape.
    public static func stageModules(in manifest: String) -> [String]? {
        guard let line = manifest.split(separator: "\n", omittingEmptySubsequences: false).first(where: { $0.hasPrefix(prefix) }) else { return nil }
        let trimmed = line.trimmingSuffix(while: { $0 == " " || $0 == "\r" })
        guard trimmed.hasSuffix("]") else { return nil }
        let inner = trimmed.dropFirst(prefix.count).dropLast()
        var modules: [String] = []
        for item in inner.split(separator: ",") {
            let t = item.trimmingPrefix(while: { $0 == " " }).trimmingSuffix(while: { $0 == " " })
            guard t.count >= 2, t.first == "\"", t.last == "\"" else { return nil }
            let name = String(t.dropFirst().dropLast())
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            modules.append(name)
        }
        return modules
    }

    /// The manifest with `module` appended to `stageModules`; every other byte unchanged.
    public static func adding(module: String, to manifest: String) throws -> String {
        guard let modules = stageModules(in: manifest) else {
            throw ScaffoldError("Package.swift has no line of the form `\(prefix)\"IngestStage\", ...]`; add \"\(module)\" to the stage module list by hand, or restore that line")
        }
        guard !modules.contains(module) else { throw ScaffoldError("\(module) is already in Package.swift's stageModules") }
        let newLine = prefix + (modules + [module]).map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        var lines = manifest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = lines.firstIndex { $0.hasPrefix(prefix) }!
        lines[index] = newLine
        return lines.joined(separator: "\n")
    }
}

extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, predicate(last) { s = s.dropLast() }
        return s
    }
}
