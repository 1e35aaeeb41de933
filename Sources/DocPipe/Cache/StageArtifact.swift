/// What one stage produced for one document (or, for ingest, one input file): the cached unit.
///
/// Encoded as a small framed format: a `DPA1` line, then for each section a JSON header line
/// `["kind", name, byteCount]`, the bytes, and a newline. Documents are canonical JSON.
public struct StageArtifact: Sendable, Equatable {
    /// Documents (one for document stages that change it; any number for ingest; none for
    /// stages that only write files).
    public var documents: [Document] = []
    /// Records ingest could not read: (document id, message).
    public var failures: [Failure] = []
    /// Files for the output folder.
    public var files: [OutputFile] = []
    /// Corpus parts.
    public var parts: [OutputPart] = []
    /// For a document stage: what it changed in its input document (see `Document.delta(from:)`),
    /// stored instead of the whole document. Applied by the runner to the input it rebuilds.
    public var delta: [UInt8]?
    /// Checksums of files whose contents were not cached (output files of export-like stages
    /// live in the output folder; the cache keeps their checksums for the lock file).
    public var fileChecksums: [(path: String, checksum: String)] = []
    /// Checksums of corpus parts whose bytes were not cached (an exporter's parts live in the
    /// output folder's parts store, `PartStore`, and are read back from there, verified).
    public var partChecksums: [(name: String, checksum: String)] = []

    /// Whether files were written by the stage but their contents are not in this artifact.
    public var filesOmitted: Bool { files.isEmpty && !fileChecksums.isEmpty }
    /// Whether parts were made by the stage but their bytes are not in this artifact.
    public var partsOmitted: Bool { parts.isEmpty && !partChecksums.isEmpty }
    /// Whether files or parts are only checksums here.
    public var contentsOmitted: Bool { filesOmitted || partsOmitted }

    /// A copy with the files and parts replaced by their checksums (what the cache stores for
    /// pure exporters: their files live in the output folder, their parts in its parts store).
    /// Parts stay when two share a name: the parts store finds a document's part by name.
    public func withoutContents() -> StageArtifact {
        var a = self
        a.fileChecksums = files.map { ($0.path, Checksum.hex(of: $0.bytes)) }
        a.files = []
        if Set(parts.map(\.name)).count == parts.count {
            a.partChecksums = parts.map { ($0.name, Checksum.hex(of: $0.bytes)) }
            a.parts = []
        }
        return a
    }

    /// Equality of everything but deltas and checksums' tuple storage.
    public static func == (a: StageArtifact, b: StageArtifact) -> Bool {
        a.documents == b.documents && a.failures == b.failures && a.files == b.files && a.parts == b.parts && a.delta == b.delta
            && a.fileChecksums.map(\.path) == b.fileChecksums.map(\.path) && a.fileChecksums.map(\.checksum) == b.fileChecksums.map(\.checksum)
            && a.partChecksums.map(\.name) == b.partChecksums.map(\.name) && a.partChecksums.map(\.checksum) == b.partChecksums.map(\.checksum)
    }

    /// A record ingest could not read.
    public struct Failure: Sendable, Equatable {
        /// The id it would have had.
        public var id: String
        /// Why.
        public var message: String
        /// Creates one.
        public init(id: String, message: String) { self.id = id; self.message = message }
    }

    /// An empty artifact.
    public init(documents: [Document] = [], failures: [Failure] = [], files: [OutputFile] = [], parts: [OutputPart] = []) {
        self.documents = documents
        self.failures = failures
        self.files = files
        self.parts = parts
    }

    /// The encoded bytes.
    public func encoded() -> [UInt8] {
        var size = 64
        if let delta { size += delta.count + 32 }
        for f in files { size += f.bytes.count + f.path.utf8.count + 32 }
        for p in parts { size += p.bytes.count + p.name.utf8.count + 32 }
        var out: [UInt8] = []
        out.reserveCapacity(size)
        out += "DPA1\n".utf8
        forEachSection { kind, name, bytes in
            Self.appendHeader(kind, name, bytes.count, to: &out)
            out.append(contentsOf: bytes)
            out.append(0x0A)
        }
        return out
    }

    /// Calls `body` with each section (kind, name, bytes) in the order they are written.
    private func forEachSection(_ body: (String, String, [UInt8]) -> Void) {
        for d in documents { body("doc", d.id, d.canonicalBytes) }
        if let delta { body("delta", "", delta) }
        for f in failures { body("fail", f.id, Array(f.message.utf8)) }
        for f in files { body("file", f.path, f.bytes) }
        for p in parts { body("part", p.name, p.bytes) }
        for f in fileChecksums { body("filesum", f.path, Array(f.checksum.utf8)) }
        for p in partChecksums { body("partsum", p.name, Array(p.checksum.utf8)) }
    }

    /// A section's header line: `["kind","name",byteCount]` (the bytes JSONWriter gives) and a
    /// newline; the section's bytes and a newline follow it.
    private static func appendHeader(_ kind: String, _ name: String, _ count: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        JSONWriter.appendString(kind, to: &out)
        out.append(UInt8(ascii: ","))
        JSONWriter.appendString(name, to: &out)
        out.append(UInt8(ascii: ","))
        JSONWriter.appendInt(count, to: &out)
        out += "]\n".utf8
    }

    /// `encoded()` as pieces whose concatenation is the same bytes: the framing, with small
    /// sections gathered into it, and larger sections' bytes as they are (not copied). Nil when
    /// the artifact has more sections than are written that way (`encoded()` is used then).
    func encodedPieces() -> [[UInt8]]? {
        guard documents.count + failures.count + files.count + parts.count + fileChecksums.count + partChecksums.count <= Self.maxPiecedSections else { return nil }
        var pieces: [[UInt8]] = []
        var framing = Array("DPA1\n".utf8)
        forEachSection { kind, name, bytes in
            Self.appendHeader(kind, name, bytes.count, to: &framing)
            if bytes.count < Self.gatherLimit {
                framing += bytes
            } else {
                pieces.append(framing)
                pieces.append(bytes)
                framing = []
            }
            framing.append(0x0A)
        }
        pieces.append(framing)
        return pieces
    }

    /// Sections beyond which `encodedPieces` gives up (each piece is one nested buffer access when written).
    private static let maxPiecedSections = 48
    /// Sections from this size on are separate pieces.
    private static let gatherLimit = 1 << 10

    /// Decodes what `encoded()` wrote.
    public init(decoding bytes: [UInt8]) throws(DocumentFormatError) {
        guard bytes.starts(with: Array("DPA1\n".utf8)) else { throw DocumentFormatError("not a docpipe artifact") }
        var i = 5
        while i < bytes.count {
            guard let nl = bytes[i...].firstIndex(of: 0x0A) else { throw DocumentFormatError("artifact: truncated header") }
            let header: JSONValue
            do { header = try JSONParser.parse(Array(bytes[i..<nl])) } catch { throw DocumentFormatError("artifact: bad header") }
            guard let h = header.arrayValue, h.count == 3, let kind = h[0].stringValue, let name = h[1].stringValue,
                  let n = h[2].intValue, n >= 0, nl + 1 + n < bytes.count, bytes[nl + 1 + n] == 0x0A
            else { throw DocumentFormatError("artifact: bad section") }
            let body = Array(bytes[(nl + 1)..<(nl + 1 + n)])
            switch kind {
            case "doc":
                let json: JSONValue
                do { json = try JSONParser.parse(body) } catch { throw DocumentFormatError("artifact: document is not JSON: \(error)") }
                documents.append(try Document(json: json))
            case "fail": failures.append(Failure(id: name, message: String(decoding: body, as: UTF8.self)))
            case "file": files.append(OutputFile(path: name, bytes: body))
            case "part": parts.append(OutputPart(name: name, bytes: body))
            case "delta": delta = body
            case "filesum": fileChecksums.append((name, String(decoding: body, as: UTF8.self)))
            case "partsum": partChecksums.append((name, String(decoding: body, as: UTF8.self)))
            default: throw DocumentFormatError("artifact: unknown section '\(kind)'")
            }
            i = nl + 1 + n + 1
        }
    }
}
