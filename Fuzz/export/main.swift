// Fuzz target: the CSV and brat writers' round trip.
//
// Builds a document from the input (text, id, entity and claim spans with labels, canonical
// names, a numeric value and a free attribute), writes entities.csv and claims.csv rows and the
// brat .ann file the way the export stage does, reads them back with the small readers below,
// and asserts: every CSV record has the header's field count and gives back the id, index,
// label, span text, canonical name, offsets, value and attributes written (a formula guard
// adds only a leading `'`, the byte-order mark comes only when asked for); every brat `T` line has fragments inside the text, on no line
// break, covering exactly the span's non-line-break scalars, and a text field that is those
// fragments' text joined by spaces; notes are single-line.
import DocPipe
@testable import ExportStage

let labels = ["PERSON", "ORG", "GPE", "DATE", "MONEY", "WORK_OF_ART", "=SUM(A1)", "a b\tc", "x,\"y\"\r\nz", ""]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var r = ByteReader(fuzzBytes(data, size))
    let flags = r.byte()
    let id = String(decoding: r.chunk(max: 24), as: UTF8.self)
    let text = String(decoding: r.chunk(max: 600), as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    let n = scalars.count
    var entities: [Span] = []
    for _ in 0..<r.int(below: 8) {
        let start = r.int(below: n + 1)
        let end = start + r.int(below: n - start + 1)
        var attributes: [String: JSONValue] = [:]
        let pick = r.byte()
        if pick & 1 != 0 { attributes["canonical"] = .string(String(decoding: r.chunk(max: 16), as: UTF8.self)) }
        if pick & 2 != 0 {
            var bits: UInt64 = 0
            for _ in 0..<8 { bits = bits << 8 | UInt64(r.byte()) }
            let d = Double(bitPattern: bits)
            if d.isFinite { attributes["value"] = .double(d) }
        }
        if pick & 4 != 0 { attributes["note"] = .string(String(decoding: r.chunk(max: 16), as: UTF8.self)) }
        let label = pick & 8 != 0 ? String(decoding: r.chunk(max: 8), as: UTF8.self) : labels[Int(pick >> 4) % labels.count]
        entities.append(Span(start: start, end: end, type: label, attributes: attributes))
    }
    var claims: [Span] = []
    for _ in 0..<r.int(below: 4) {
        let start = r.int(below: n + 1)
        let end = start + r.int(below: n - start + 1)
        claims.append(Span(start: start, end: end, type: "claim", attributes: ["kinds": .array([.string(String(decoding: r.chunk(max: 8), as: UTF8.self))])]))
    }
    var doc = Document(id: id, source: SourceInfo(path: "fuzz.txt", mediaType: "text/plain", byteCount: text.utf8.count, sha256: ""), text: text)
    doc.setLayer(LayerName.entities, entities)
    doc.setLayer(LayerName.claims, claims)
    let view = DocumentView(doc, claimFields: false)
    let writer = CSVWriter(guardFormulas: flags & 1 != 0, byteOrderMark: flags & 2 != 0)
    func shown(_ s: String) -> String {
        writer.guardFormulas && s.utf8.first.map(CSVWriter.startsFormula) == true ? "'" + s : s
    }
    func substring(_ a: Int, _ b: Int) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[a..<b])
        return out
    }

    // entities.csv
    var entityBytes = CSVTable.entities.header(writer) + CSVTable.entityRows(view, writer)
    require(entityBytes.starts(with: [0xEF, 0xBB, 0xBF]) == writer.byteOrderMark, "entities.csv: byte-order mark \(writer.byteOrderMark ? "missing" : "unasked for")")
    if writer.byteOrderMark { entityBytes.removeFirst(3) }
    let entityRecords = CSVReader.records(entityBytes)
    require(entityRecords.count == view.entities.count + 1, "entities.csv: \(entityRecords.count) records for \(view.entities.count) entities")
    require(entityRecords[0] == CSVTable.entities.names, "entities.csv header read back as \(entityRecords[0])")
    for (k, e) in view.entities.enumerated() {
        let f = entityRecords[k + 1]
        require(f.count == CSVTable.entities.names.count, "entities.csv row \(k): \(f.count) fields: \(f)")
        let spanText = substring(e.start, e.end)
        let canonical = e.attributes["canonical"]?.stringValue ?? spanText
        require(f[0] == shown(id), "row \(k): id \(f[0].debugDescription) for \(id.debugDescription)")
        require(f[1] == String(k) && f[2] == shown(e.type), "row \(k): index/label \(f[1]) \(f[2].debugDescription) for \(e.type.debugDescription)")
        require(f[3] == shown(spanText), "row \(k): text \(f[3].debugDescription) for \(spanText.debugDescription)")
        require(f[4] == shown(canonical), "row \(k): canonical \(f[4].debugDescription) for \(canonical.debugDescription)")
        require(f[5] == String(e.start) && f[6] == String(e.end) && f[7] == String(e.start) && f[8] == String(e.end),
                "row \(k): offsets \(f[5...8]) for \(e.start)..<\(e.end)")
        require(f[9].isEmpty && f[10].isEmpty && f[11].isEmpty, "row \(k): sentence/page/iso3 not empty: \(f)")
        if case .double(let d)? = e.attributes["value"] {
            require((try? JSONParser.parse(f[12]))?.doubleValue == d, "row \(k): value \(f[12]) for \(d)")
        } else {
            require(f[12].isEmpty, "row \(k): value \(f[12]) for none")
        }
        if let note = e.attributes["note"] {
            require(f[14].hasPrefix("'") == false || writer.guardFormulas, "row \(k): attributes guarded without the option")
            require((try? JSONParser.parse(f[14])) == .object(["note": note]), "row \(k): attributes \(f[14].debugDescription) for note \(note)")
        } else {
            require(f[14].isEmpty, "row \(k): attributes \(f[14]) for none")
        }
    }

    // claims.csv
    let claimRecords = CSVReader.records(Array(CSVTable.claims.header(writer).dropFirst(writer.byteOrderMark ? 3 : 0)) + CSVTable.claimRows(view, writer))
    require(claimRecords.count == view.claims.count + 1, "claims.csv: \(claimRecords.count) records for \(view.claims.count) claims")
    for (k, c) in view.claims.enumerated() {
        let f = claimRecords[k + 1]
        require(f.count == CSVTable.claims.names.count, "claims.csv row \(k): \(f.count) fields: \(f)")
        require(f[0] == shown(id) && f[1] == String(k) && f[2] == String(c.start) && f[3] == String(c.end),
                "claims row \(k): \(f[0...3]) for \(c.start)..<\(c.end)")
        require(f[13] == shown(substring(c.start, c.end)), "claims row \(k): text \(f[13].debugDescription)")
    }

    // brat .ann against the .txt (the document text)
    let ann = BratWriter.annotations(view)
    var lines = ann.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    require(lines.last == "", "the .ann file does not end with a newline")
    lines.removeLast()
    var expected: [(String, Span)] = view.entities.map { (BratWriter.typeName($0.type), $0) } + view.claims.map { ("Claim", $0) }
    expected.removeAll { span in (span.1.start..<span.1.end).allSatisfy { BratWriter.isLineBreak(scalars[$0]) } }
    let textBounds = lines.filter { $0.hasPrefix("T") }
    require(textBounds.count == expected.count, "\(textBounds.count) T lines for \(expected.count) spans with text")
    for (line, (type, span)) in zip(textBounds, expected) {
        let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        require(parts.count == 3, "T line without three fields: \(line.debugDescription)")
        let head = parts[1].split(separator: " ", maxSplits: 1).map(String.init)
        require(head.count == 2 && head[0] == type, "T line type \(parts[1].debugDescription) for \(type)")
        var covered: [Int] = []
        var rest = Substring(parts[2]).unicodeScalars
        for (i, fragment) in head[1].split(separator: ";").enumerated() {
            let ab = fragment.split(separator: " ").compactMap { Int($0) }
            require(ab.count == 2 && 0 <= ab[0] && ab[0] < ab[1] && ab[1] <= n, "bad fragment \(fragment) in \(line.debugDescription)")
            if i > 0 {
                require(rest.first == " ", "fragments of \(line.debugDescription) not joined by a space")
                rest = rest.dropFirst()
            }
            let piece = scalars[ab[0]..<ab[1]]
            require(!piece.contains(where: BratWriter.isLineBreak), "fragment \(fragment) holds a line break")
            require(rest.starts(with: piece), "T text \(parts[2].debugDescription) does not match the .txt at \(fragment)")
            rest = rest.dropFirst(piece.count)
            covered += Array(ab[0]..<ab[1])
        }
        require(rest.isEmpty, "T text \(parts[2].debugDescription) longer than its fragments")
        let want = (span.start..<span.end).filter { !BratWriter.isLineBreak(scalars[$0]) }
        require(covered == want, "fragments of \(line.debugDescription) cover \(covered) for span \(span.start)..<\(span.end)")
    }
    for line in lines {
        require(!line.unicodeScalars.contains(where: BratWriter.isLineBreak), "an .ann line holds a line break: \(line.debugDescription)")
        require(line.hasPrefix("T") || line.hasPrefix("A") || line.hasPrefix("#"), "unexpected .ann line \(line.debugDescription)")
    }
    return 0
}

/// An RFC 4180 reader: records end with CRLF, fields are split by commas, and quoted fields
/// hold commas, quotes (doubled) and line breaks.
enum CSVReader {
    static func records(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var i = 0
        var startOfField = true
        while i < bytes.count {
            let b = bytes[i]
            if startOfField && b == UInt8(ascii: "\"") {
                i += 1
                while true {
                    require(i < bytes.count, "CSV: unterminated quoted field")
                    if bytes[i] == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { field.append(0x22); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(bytes[i])
                    i += 1
                }
                require(i + 1 < bytes.count && (bytes[i] == UInt8(ascii: ",") || (bytes[i] == 0x0D && bytes[i + 1] == 0x0A)),
                        "CSV: text after a closing quote at byte \(i)")
                startOfField = false
                continue
            }
            switch b {
            case UInt8(ascii: ","):
                record.append(String(decoding: field, as: UTF8.self))
                field = []
                startOfField = true
                i += 1
            case 0x0D:
                require(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "CSV: bare CR at byte \(i) outside quotes")
                record.append(String(decoding: field, as: UTF8.self))
                records.append(record)
                record = []
                field = []
                startOfField = true
                i += 2
            default:
                require(b != 0x0A && b != UInt8(ascii: "\""), "CSV: LF or quote at byte \(i) in an unquoted field")
                field.append(b)
                startOfField = false
                i += 1
            }
        }
        require(record.isEmpty && field.isEmpty, "CSV: the last record is not ended by CRLF")
        return records
    }
}
