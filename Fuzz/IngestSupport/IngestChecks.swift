import DocPipe
@testable import IngestStage

/// Checks a reader's output against the decoded source it read: every copied run lies inside
/// both, starts and ends on scalar boundaries, and holds the source's bytes (a space may stand
/// for one whitespace byte); headings and pages lie inside the text.
func checkReaderOutput(_ out: ReaderOutput, source: [UInt8], _ label: String) {
    let text = out.builder.bytes
    func boundary(_ b: [UInt8], _ i: Int) -> Bool { i == b.count || b[i] & 0xC0 != 0x80 }
    var lastOut = 0
    for r in out.builder.runs {
        require(r.len > 0 && r.out >= lastOut && r.out + r.len <= text.count && r.src >= 0 && r.src + r.len <= source.count,
                "\(label): run \(r) outside text (\(text.count)) or source (\(source.count)), previous end \(lastOut)")
        require(boundary(text, r.out) && boundary(text, r.out + r.len) && boundary(source, r.src) && boundary(source, r.src + r.len),
                "\(label): run \(r) cuts a UTF-8 sequence")
        for k in 0..<r.len {
            let t = text[r.out + k], s = source[r.src + k]
            require(t == s || (t == 0x20 && (s == 0x09 || s == 0x0A || s == 0x0D || s == 0x0C)),
                    "\(label): run \(r) byte \(k) is \(t) but the source has \(s)")
        }
        lastOut = r.out + r.len
    }
    for h in out.headings + out.pages {
        require(h.lowerBound >= 0 && h.upperBound <= text.count && boundary(text, h.lowerBound) && boundary(text, h.upperBound),
                "\(label): heading/page \(h) outside the text (\(text.count) bytes) or inside a scalar")
    }
}

/// Runs the ingest stage over `bytes` named `path`, synchronously.
func ingest(_ bytes: [UInt8], path: String, options: IngestOptions = IngestOptions()) -> Result<[IngestResult], Error> {
    runBlocking {
        do {
            let stage = try Ingest(options: options)
            return .success(try await stage.ingest(SourceInput(relativePath: path, bytes: bytes),
                                                   context: StageContext(instanceName: "ingest", documentID: path)))
        } catch {
            return .failure(error)
        }
    }
}
