import DocPipe
import ExportStage

/// `docpipe schema`: prints the JSON Schemas of the json/jsonl outputs.
enum SchemaCommand: Command {
    static let name = "schema"
    static let summary = "print the JSON Schemas of the JSON and JSONL outputs"
    static let help = """
        USAGE: docpipe schema [NAME]

        Without NAME, lists the schemas. With NAME (e.g. "document" or "entities-record"),
        prints that schema (JSON Schema 2020-12), the same text as docs/schema/NAME.schema.json.
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: [], options: []) else { return ExitCode.usage }
        let names = ExportSchemas.all.map { String($0.name.dropLast(".schema.json".count)) }
        guard let wanted = a.positional.first else {
            env.console.out("schemas (print one with 'docpipe schema NAME'):")
            for (n, schema) in zip(names, ExportSchemas.all) { env.console.out("  \(n)  (docs/schema/\(schema.name))") }
            return ExitCode.success
        }
        let key = wanted.hasSuffix(".schema.json") ? String(wanted.dropLast(".schema.json".count)) : wanted
        guard let i = names.firstIndex(of: key) else {
            env.console.err("error: no schema '\(wanted)'\(Suggest.hint(for: key, in: names)); known: \(names.joined(separator: ", "))")
            return ExitCode.usage
        }
        env.console.out(ExportSchemas.all[i].json)
        return ExitCode.success
    }
}
