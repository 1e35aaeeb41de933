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
    /// The state file's bytes: entries are cut from them when asked for, so reading the state of
    /// a large corpus makes no string per document (and freeing it frees one buffer).
    private let bytes: [UInt8]
    /// Per `F` line, in order: where each of its 4 fields starts, then where the line ends.
    private var fileFields: [Int32] = []
    /// Per `D` line, in order: where each of its 7 fields starts, then where the line ends.
    private var documentFields: [Int32] = []
    /// `F` lines by path, `D` lines by id (a later line with the same key wins).
    private var fileIndex = ByteKeyIndex()
    private var documentIndex = ByteKeyIndex()
    /// The corpus-wide files.
    private(set) var corpusFiles: [String] = []

    /// An empty state.
    init(config: String) {
        self.config = config
        bytes = []
    }

    private init(config: String, bytes: [UInt8]) {
        self.config = config
        self.bytes = bytes
    }

    /// Reads the state of an output folder, if it was written for the same config.
    static func read(_ folder: URL, config: String) -> OutputState? {
        guard let data = AtomicFile.read(path: folder.appendingPathComponent(fileName).path) else { return nil }
        var state = OutputState(config: config, bytes: data)
        return data.withUnsafeBufferPointer { state.index($0) } ? state : nil
    }

    /// Finds the lines and checks their shape; false for a state of another config or format.
    private mutating func index(_ data: UnsafeBufferPointer<UInt8>) -> Bool {
        let header = Self.headerLine(config: config)
        guard data.count < Int(Int32.max) else { return false }   // offsets are 32-bit (a state of millions of documents fits)
        let lines = data.count / 256   // a guess: a line per input file and one per document of some 600 bytes
        fileIndex = ByteKeyIndex(capacity: lines / 2)
        documentIndex = ByteKeyIndex(capacity: lines / 2)
        fileFields.reserveCapacity(lines / 2 * 5)
        documentFields.reserveCapacity(lines / 2 * 8)
        var fields: [Int32] = []
        fields.reserveCapacity(9)
        var first = true
        var lineStart = 0
        while lineStart < data.count {
            let lineEnd = ByteKeyIndex.index(of: 0x0A, in: data, from: lineStart, to: data.count)
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart { continue }   // empty lines are skipped
            if first {
                guard UnsafeBufferPointer(rebasing: data[lineStart..<lineEnd]).elementsEqual(header) else { return false }
                first = false
                continue
            }
            fields.removeAll(keepingCapacity: true)
            fields.append(Int32(lineStart))
            var tab = ByteKeyIndex.index(of: 0x09, in: data, from: lineStart, to: lineEnd)
            while tab < lineEnd && fields.count <= 8 {
                fields.append(Int32(tab + 1))
                tab = ByteKeyIndex.index(of: 0x09, in: data, from: tab + 1, to: lineEnd)
            }
            let tag: UInt8? = fields.count > 1 && fields[1] == Int32(lineStart + 2) ? data[lineStart] : nil
            fields.append(Int32(lineEnd))
            switch (tag, fields.count - 1) {
            case (UInt8(ascii: "F"), 4):
                fileIndex.insert(key: Self.field(fields, 1, 4), in: data)
                fileFields += fields
            case (UInt8(ascii: "D"), 7):
                documentIndex.insert(key: Self.field(fields, 1, 7), in: data)
                documentFields += fields
            case (UInt8(ascii: "C"), 2):
                corpusFiles = Self.list(data, Self.field(fields, 1, 2), 0x1F)
            default: return false
            }
        }
        return !first
    }

    /// Field `k` of a line whose `width + 1` bounds start at `fields[base]`.
    private static func field(_ fields: [Int32], _ k: Int, _ width: Int, base: Int = 0) -> Range<Int> {
        let start = Int(fields[base + k])
        let end = k + 1 < width ? Int(fields[base + k + 1]) - 1 : Int(fields[base + width])
        return start..<end
    }

    private static func string(_ data: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: data[r]), as: UTF8.self)
    }

    /// The parts of a field; an empty field is no parts, or one empty part with `keepEmpty`.
    private static func list(_ data: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ separator: UInt8, keepEmpty: Bool = false) -> [String] {
        guard !r.isEmpty || keepEmpty else { return [] }
        var out: [String] = []
        var start = r.lowerBound
        for k in r where data[k] == separator {
            out.append(string(data, start..<k))
            start = k + 1
        }
        out.append(string(data, start..<r.upperBound))
        return out
    }

    /// Number of `F` lines.
    var fileCount: Int { fileFields.count / 5 }
    /// Number of `D` lines.
    var documentCount: Int { documentFields.count / 8 }

    /// The entry on `F` line `k`.
    func file(at k: Int) -> FileEntry {
        bytes.withUnsafeBufferPointer { data in
            FileEntry(sourceKey: Self.string(data, Self.field(fileFields, 2, 4, base: k * 5)),
                      ids: Self.list(data, Self.field(fileFields, 3, 4, base: k * 5), 0x1F))
        }
    }

    /// The number of the `F` line of an input file.
    func fileNumber(_ path: String) -> Int? { bytes.withUnsafeBufferPointer { fileIndex.find(path, in: $0) } }

    /// The number of the `D` line of a document.
    func documentNumber(_ id: String) -> Int? { bytes.withUnsafeBufferPointer { documentIndex.find(id, in: $0) } }

    /// The entry of a document.
    func document(_ id: String) -> DocEntry? { documentNumber(id).map(document(at:)) }

    /// The entry on `D` line `k`.
    func document(at k: Int) -> DocEntry {
        bytes.withUnsafeBufferPointer { data in
            let b = k * 8
            func s(_ j: Int) -> String { Self.string(data, Self.field(documentFields, j, 7, base: b)) }
            return DocEntry(id: s(1), source: s(2), input: s(3), finalKey: s(4),
                            digests: Self.list(data, Self.field(documentFields, 5, 7, base: b), UInt8(ascii: ","), keepEmpty: true),
                            files: Self.list(data, Self.field(documentFields, 6, 7, base: b), 0x1F))
        }
    }

    /// Whether `D` line `k` is from input `source` with this input digest.
    func document(at k: Int, isFrom source: String, input: String) -> Bool { fieldEquals(k, 2, source) && fieldEquals(k, 3, input) }

    /// Whether `D` line `k` is from input `source` with this input digest, has a digest per stage
    /// (`stages` of them) and lists only files in `outputs`: the document's outputs stand.
    func document(at k: Int, stands source: String, input: String, stages: Int, outputs: PathSet) -> Bool {
        guard fieldEquals(k, 2, source), fieldEquals(k, 3, input) else { return false }
        return bytes.withUnsafeBufferPointer { data in
            var commas = 0
            for j in Self.field(documentFields, 5, 7, base: k * 8) where data[j] == UInt8(ascii: ",") { commas += 1 }
            guard commas + 1 == stages else { return false }
            var all = true
            forEachFile(ofDocumentAt: k) { if all && !outputs.contains($0) { all = false } }
            return all
        }
    }

    private func fieldEquals(_ k: Int, _ j: Int, _ text: String) -> Bool {
        bytes.withUnsafeBufferPointer { data in
            var text = text
            return text.withUTF8 { UnsafeBufferPointer(rebasing: data[Self.field(documentFields, j, 7, base: k * 8)]).elementsEqual($0) }
        }
    }

    /// Whether `D` line `k` is for document `id` (given as bytes).
    func documentID(at k: Int, equals id: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[Self.field(documentFields, 1, 7, base: k * 8)]).elementsEqual(id) }
    }

    /// `F` line `k` as written (without its newline).
    func fileLine(at k: Int) -> ArraySlice<UInt8> { bytes[Int(fileFields[k * 5])..<Int(fileFields[k * 5 + 4])] }
    /// `D` line `k` as written (without its newline).
    func documentLine(at k: Int) -> ArraySlice<UInt8> { bytes[Int(documentFields[k * 8])..<Int(documentFields[k * 8 + 7])] }

    /// Calls `body` with each output file of `D` line `k`, in order.
    func forEachFile(ofDocumentAt k: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { data in
            let r = Self.field(documentFields, 6, 7, base: k * 8)
            guard !r.isEmpty else { return }
            var start = r.lowerBound
            for j in r where data[j] == 0x1F {
                try body(UnsafeBufferPointer(rebasing: data[start..<j]))
                start = j + 1
            }
            try body(UnsafeBufferPointer(rebasing: data[start..<r.upperBound]))
        }
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
