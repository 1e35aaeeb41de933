/// The names a scaffolded stage gets from one UpperCamelCase name ("KeywordTags"):
/// type `KeywordTags`, module `KeywordTagsStage`, stage id and layer "keyword-tags".
struct StageName: Sendable, Equatable {
    /// The stage type's name.
    let typeName: String

    init(_ typeName: String) { self.typeName = typeName }

    /// The module (and Sources/ folder) name.
    var module: String { typeName + "Stage" }

    /// The stage id: the name in lowercase words joined by "-".
    var id: String {
        var out = ""
        let scalars = Array(typeName.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            let upper = s.properties.isUppercase
            if upper && i > 0 {
                let previousLower = !scalars[i - 1].properties.isUppercase
                let nextLower = i + 1 < scalars.count && scalars[i + 1].properties.isLowercase
                if previousLower || nextLower { out += "-" }
            }
            out += String(s).lowercased()
        }
        return out
    }

    /// Names the core or the tests already use for types.
    static let reserved: Set<String> = ["Document", "Span", "Stage", "DocPipe", "Capability", "LayerName", "Options",
                                        "Export", "Ingest", "Normalize", "Entities", "Claims", "Test", "Tests"]

    /// Why `name` cannot be a stage name, or nil when it can.
    static func problem(with name: String) -> String? {
        let ascii = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        guard let first = name.unicodeScalars.first, ascii, ("A"..."Z").contains(first) else {
            return "'\(name)' is not an UpperCamelCase name such as Topics or KeywordTags (ASCII letters and digits, starting with a capital)"
        }
        if name.hasSuffix("Stage") {
            return "leave 'Stage' off the name: --name \(name.dropLast(5)) creates the module \(name)"
        }
        if reserved.contains(name) { return "'\(name)' is already used by docpipe; pick another name" }
        if name.count > 60 { return "'\(name)' is too long; keep stage names under 60 characters" }
        return nil
    }
}
