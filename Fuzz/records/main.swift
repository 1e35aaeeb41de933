// Fuzz target: JSON and JSON Lines ingest.
//
// Asserts: as a .json file, ingest either refuses it with a StageError or returns one result
// per record; as a .jsonl file, it never throws and returns one result per non-blank line, a
// failed line's message naming that line; every document id is a safe file-name component
// (DocumentID.sanitize leaves it unchanged) and every document's layers and source map lie
// inside its text; read with the text from "text" only, every mapped run of a document holds
// that field's value.
import DocPipe
@testable import IngestStage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    if bytes.starts(with: Array("%PDF-".utf8)) { return 0 }  // would start pdftotext
    let decoded = DecodedSource(bytes)

    func checkResults(_ results: [IngestResult], _ label: String) {
        for r in results {
            switch r {
            case .document(let doc):
                require(DocumentID.sanitize(doc.id) == doc.id, "\(label): unsafe document id \(doc.id.debugDescription)")
                checkDocument(doc, sourceScalars: nil, "\(label) \(doc.id)")
            case .failure(let id, let message):
                require(DocumentID.sanitize(id) == id, "\(label): unsafe failure id \(id.debugDescription)")
                require(!message.isEmpty, "\(label): failure without a message")
            }
        }
    }

    switch ingest(bytes, path: "records.json") {
    case .success(let results):
        checkResults(results, "json")
        if FileSniffer.binaryKind(bytes) == nil, case .array(let items)? = try? JSONParser.parse(decoded.bytes) {
            require(results.count == items.count, "json: \(results.count) results for \(items.count) records")
        } else {
            require(results.count == 1, "json: \(results.count) results for one object")
        }
    case .failure(let error):
        require(error is StageError, "json: ingest threw \(type(of: error)): \(error)")
    }

    switch ingest(bytes, path: "records.jsonl") {
    case .success(let results):
        checkResults(results, "jsonl")
        let numbers = LineScanner.lines(decoded.bytes).enumerated()
            .filter { !LineScanner.trimmed(decoded.bytes, $0.element).isEmpty }.map { $0.offset + 1 }
        require(results.count == numbers.count, "jsonl: \(results.count) results for \(numbers.count) non-blank lines")
        for (number, result) in zip(numbers, results) {
            if case .failure(_, let message) = result {
                require(message.hasPrefix("line \(number):"), "jsonl: the failure of line \(number) says \(message.debugDescription)")
            }
        }
    case .failure(let error):
        require(error is StageError && FileSniffer.binaryKind(bytes) != nil, "jsonl: ingest threw for a text file: \(error)")
    }

    // With the text read from "text" only, each line's document maps back into that field's value.
    var options = IngestOptions()
    options.textFields = ["text"]
    options.idFields = ["title", "id"]
    if case .success(let results) = ingest(bytes, path: "records.jsonl", options: options) {
        let lines = LineScanner.lines(decoded.bytes).map { LineScanner.trimmed(decoded.bytes, $0) }.filter { !$0.isEmpty }
        require(results.count == lines.count, "jsonl (text only): \(results.count) results for \(lines.count) non-blank lines")
        for (line, result) in zip(lines, results) {
            guard case .document(let doc) = result, case .string(let raw)? = (try? JSONParser.parse(Array(decoded.bytes[line])))?["text"],
                  !raw.allSatisfy(\.isWhitespace) else { continue }
            checkDocument(doc, source: Array(raw.unicodeScalars), "jsonl (text only) \(doc.id)")
        }
    }
    return 0
}
