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

    /// Reads the state of an output folder, if it was written for the same config. (Scanned on
    /// bytes, fields cut without intermediate arrays, tables sized up front: this runs on every
    /// cached run.)
    static func read(_ folder: URL, config: String) -> OutputState? {
        guard let data = AtomicFile.read(path: folder.appendingPathComponent(fileName).path) else { return nil }
        return data.withUnsafeBufferPointer { parse($0, config: config) }
    }

    private static func parse(_ data: UnsafeBufferPointer<UInt8>, config: String) -> OutputState? {
        var state = OutputState(config: config)
        let header = headerLine(config: config)
        var lines = 0
        for b in data where b == 0x0A { lines += 1 }
        state.files.reserveCapacity(lines / 2)
        state.documents.reserveCapacity(lines / 2)
        state.documentOrder.reserveCapacity(lines / 2)
        func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: data[r]), as: UTF8.self) }
        /// The parts of a field; an empty field is no parts, or one empty part with `keepEmpty`.
        func list(_ r: Range<Int>, _ separator: UInt8, keepEmpty: Bool = false) -> [String] {
            guard !r.isEmpty || keepEmpty else { return [] }
            var out: [String] = []
            var start = r.lowerBound
            for k in r where data[k] == separator {
                out.append(string(start..<k))
                start = k + 1
            }
            out.append(string(start..<r.upperBound))
            return out
        }
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8)
        var first = true
        var lineStart = 0
        while lineStart < data.count {
            var lineEnd = lineStart
            while lineEnd < data.count && data[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart { continue }   // empty lines are skipped, as `split` skips them
            if first {
                guard UnsafeBufferPointer(rebasing: data[lineStart..<lineEnd]).elementsEqual(header) else { return nil }
                first = false
                continue
            }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for k in lineStart..<lineEnd where data[k] == 0x09 {
                fields.append(fieldStart..<k)
                fieldStart = k + 1
            }
            fields.append(fieldStart..<lineEnd)
            let tag: UInt8? = fields[0].isEmpty ? nil : data[fields[0].lowerBound]
            switch (tag, fields.count) {
            case (UInt8(ascii: "F"), 4): state.files[string(fields[1])] = FileEntry(sourceKey: string(fields[2]), ids: list(fields[3], 0x1F))
            case (UInt8(ascii: "D"), 7):
                let d = DocEntry(id: string(fields[1]), source: string(fields[2]), input: string(fields[3]), finalKey: string(fields[4]),
                                 digests: list(fields[5], UInt8(ascii: ","), keepEmpty: true), files: list(fields[6], 0x1F))
                state.documents[d.id] = d
                state.documentOrder.append(d.id)
            case (UInt8(ascii: "C"), 2): state.corpusFiles = list(fields[1], 0x1F)
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
