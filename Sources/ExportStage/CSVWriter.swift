import DocPipe

/// Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted (with
/// inner quotes doubled) when it holds a comma, quote, CR or LF. Output is UTF-8 without a BOM.
struct CSVWriter {
    /// Whether text cells that a spreadsheet would run as a formula get a leading `'`.
    var guardFormulas: Bool
    /// Whether the header starts with a UTF-8 byte-order mark (for Excel).
    var byteOrderMark = false

    /// One cell of a row.
    enum Cell {
        /// Text from a document or its metadata (guarded when the option is on).
        case text(String)
        /// An integer.
        case int(Int)
        /// A number, written as JSON writes it.
        case number(Double)
        /// An empty cell.
        case empty
    }

    /// Appends one record.
    func appendRow(_ cells: [Cell], to out: inout [UInt8]) {
        for (n, cell) in cells.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            switch cell {
            case .text(let s): appendField(guardFormulas ? CSVWriter.guarded(s) : s, to: &out)
            case .int(let i): out.append(contentsOf: String(i).utf8)
            case .number(let d): JSONWriter.appendNumber(d, to: &out)
            case .empty: break
            }
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// The header record.
    func header(_ names: [String]) -> [UInt8] {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        appendRow(names.map { .text($0) }, to: &out)
        return out
    }

    /// `s` with a leading `'` when it starts with a character spreadsheets treat as a formula
    /// (`=`, `+`, `-`, `@`, tab, CR), following OWASP's advice on CSV injection.
    static func guarded(_ s: String) -> String {
        guard let first = s.utf8.first else { return s }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return "'" + s
        default: return s
        }
    }

    private func appendField(_ s: String, to out: inout [UInt8]) {
        let needsQuotes = s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { out.append(contentsOf: s.utf8); return }
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}
