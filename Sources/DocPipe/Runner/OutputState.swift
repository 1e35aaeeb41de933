import Foundation

/// What the output folder holds, by cache key: `out/.docpipe-state`, written after each complete
/// run. A later run whose keys match (same inputs, same config, outputs still on disk) skips
/// those documents without reading anything from the cache, so a fully cached run costs little
/// more than a `stat` per input file.
///
/// Tab-separated lines: a header `docpipe-state 1 <config digest>`; `F path sourceKey ids…` per
/// input file whose records all ingested; `D id path inputDigest finalKey digests files` per
/// document; `C files` for the corpus-wide files. Lists are joined with U+001F.
struct OutputState: Sendable {
    struct FileEntry: Sendable { var sourceKey: String; var ids: [String] }
    struct DocEntry: Sendable {
        var id: String
        var source: String
        var input: String
        var finalKey: String
        var digests: [String]
        var files: [String]
    }

    static let fileName = ".docpipe-state"
    static let separator: Character = "\u{1F}"

    var config: String
    var files: [String: FileEntry] = [:]
    var documents: [String: DocEntry] = [:]
    var documentOrder: [String] = []
    var corpusFiles: [String] = []

    init(config: String) { self.config = config }

    /// Reads the state of an output folder, if it was written for the same config. (Split on
    /// bytes: this runs on every cached run.)
    static func read(_ folder: URL, config: String) -> OutputState? {
        guard let data = AtomicFile.read(path: folder.appendingPathComponent(fileName).path) else { return nil }
        var state = OutputState(config: config)
        let header = headerLine(config: config)
        func fields(_ line: ArraySlice<UInt8>, _ sep: UInt8) -> [ArraySlice<UInt8>] {
            line.split(separator: sep, omittingEmptySubsequences: false)
        }
        func string(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
        func list(_ b: ArraySlice<UInt8>) -> [String] { b.isEmpty ? [] : fields(b, 0x1F).map(string) }
        var first = true
        for line in data.split(separator: 0x0A) {
            if first {
                guard line.elementsEqual(header) else { return nil }
                first = false
                continue
            }
            let f = fields(line, 0x09)
            switch (f.first?.first, f.count) {
            case (UInt8(ascii: "F"), 4): state.files[string(f[1])] = FileEntry(sourceKey: string(f[2]), ids: list(f[3]))
            case (UInt8(ascii: "D"), 7):
                let d = DocEntry(id: string(f[1]), source: string(f[2]), input: string(f[3]), finalKey: string(f[4]),
                                 digests: fields(f[5], UInt8(ascii: ",")).map(string), files: list(f[6]))
                state.documents[d.id] = d
                state.documentOrder.append(d.id)
            case (UInt8(ascii: "C"), 2): state.corpusFiles = list(f[1])
            default: return nil
            }
        }
        return first ? nil : state
    }

    /// The first line: format and config digest.
    static func headerLine(config: String) -> [UInt8] { Array("docpipe-state 1 \(config)".utf8) }

    /// The `F` line of an input file (nil when a path or id could not be stored).
    static func line(path: String, _ e: FileEntry) -> [UInt8]? {
        guard isSafe(path), e.ids.allSatisfy(isSafe) else { return nil }
        return Array("F\t\(path)\t\(e.sourceKey)\t\(e.ids.joined(separator: String(separator)))".utf8)
    }

    /// The `D` line of a document (nil when its paths could not be stored).
    static func line(_ d: DocEntry) -> [UInt8]? {
        guard isSafe(d.id), isSafe(d.source), d.files.allSatisfy(isSafe) else { return nil }
        return Array("D\t\(d.id)\t\(d.source)\t\(d.input)\t\(d.finalKey)\t\(d.digests.joined(separator: ","))\t\(d.files.joined(separator: String(separator)))".utf8)
    }

    /// The `C` line.
    static func corpusLine(_ files: [String]) -> [UInt8] { Array("C\t\(files.joined(separator: String(separator)))".utf8) }

    /// Whether a string can be stored in a state line (no tab, newline or U+001F; checked on bytes).
    static func isSafe(_ s: String) -> Bool { !s.utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x1F } }
}
