// Fuzz target: HTML ingest (and the same bytes as SGML/XML).
//
// Asserts: the markup reader's copied runs lie inside text and source, on scalar boundaries,
// and hold the source's bytes; the ingest stage either refuses the file with a StageError or
// returns exactly one document whose layers and source map lie inside its text and source,
// every mapped run holding the source's text.
import DocPipe
@testable import IngestStage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let decoded = DecodedSource(bytes)
    checkReaderOutput(MarkupReader(policy: .html).read(decoded.bytes), source: decoded.bytes, "html reader")
    checkReaderOutput(MarkupReader(policy: .sgml).read(decoded.bytes), source: decoded.bytes, "sgml reader")
    let sourceScalars = Array(String(decoding: decoded.bytes, as: UTF8.self).unicodeScalars)
    if bytes.starts(with: Array("%PDF-".utf8)) { return 0 }  // would start pdftotext
    for path in ["page.html", "doc.sgm"] {
        switch ingest(bytes, path: path) {
        case .success(let results):
            require(results.count == 1, "\(path): \(results.count) results for one file")
            guard case .document(let doc) = results[0] else { fatalError("\(path): a failure result for a whole file") }
            checkDocument(doc, source: sourceScalars, path)
        case .failure(let error):
            require(error is StageError, "\(path): ingest threw \(type(of: error)): \(error)")
        }
    }
    return 0
}
