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
    func appendRow(_ cells: [Cell], to out: inout ByteBuffer) {
        for (n, cell) in cells.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            append(cell, to: &out)
        }
        endRow(&out)
    }

    /// Appends one cell (without a separator).
    @inline(__always) func append(_ cell: Cell, to out: inout ByteBuffer) {
        switch cell {
        case .text(let s): append(text: s, to: &out)
        case .int(let i): Bytes.int(i, &out)
        case .number(let d): Bytes.number(d, &out)
        case .empty: break
        }
    }

    /// Appends a text cell (without a separator).
    @inline(__always) func append(text s: String, to out: inout ByteBuffer) {
        s.withUTF8Bytes { append(text: $0, to: &out) }
    }

    /// Appends UTF-8 bytes as a text cell (without a separator): guarded, then quoted when needed.
    func append(text bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        let needsQuotes = CSVWriter.needsQuotes(bytes)
        if needsQuotes { out.append(UInt8(ascii: "\"")) }
        if guardFormulas, let first = bytes.first, CSVWriter.startsFormula(first) { out.append(UInt8(ascii: "'")) }
        if needsQuotes {
            var run = 0
            var i = CSVWriter.nextQuote(bytes, from: 0)
            while i < bytes.count {
                out.append(UnsafeBufferPointer(rebasing: bytes[run...i]))
                run = i  // the quote is written again: doubled
                i = CSVWriter.nextQuote(bytes, from: i + 1)
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[run...]))
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(bytes)
        }
    }

    /// The position of the first `"` at or after `start`, or the count; eight bytes at a time.
    @inline(__always) static func nextQuote(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var i = start
        while i + 8 <= bytes.count {
            let mask = ByteWords.has(ByteWords.load(base + i), 0x22)
            if mask != 0 { return i + ByteWords.first(mask) }
            i += 8
        }
        while i < bytes.count, base[i] != UInt8(ascii: "\"") { i += 1 }
        return i
    }

    /// Whether a field holds a comma, quote, CR or LF; eight bytes at a time.
    @inline(__always) static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        while i + 8 <= bytes.count {
            let x = ByteWords.load(base + i)
            if ByteWords.has(x, 0x2C) | ByteWords.has(x, 0x22) | ByteWords.has(x, 0x0D) | ByteWords.has(x, 0x0A) != 0 { return true }
            i += 8
        }
        if i < bytes.count, bytes.count >= 8 {  // the rest: within the last eight bytes
            let x = ByteWords.load(base + bytes.count - 8)
            return ByteWords.has(x, 0x2C) | ByteWords.has(x, 0x22) | ByteWords.has(x, 0x0D) | ByteWords.has(x, 0x0A) != 0
        }
        while i < bytes.count {
            let b = base[i]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0D || b == 0x0A { return true }
            i += 1
        }
        return false
    }

    /// Ends a record.
    @inline(__always) func endRow(_ out: inout ByteBuffer) {
        out.append(0x0D)
        out.append(0x0A)
    }

    /// The header record.
    func header(_ names: [String]) -> [UInt8] {
        var out = ByteBuffer()
        appendHeader(names, to: &out)
        return out.array()
    }

    /// Appends the header record.
    func appendHeader(_ names: [String], to out: inout ByteBuffer) {
        if byteOrderMark { out.append("\u{FEFF}") }
        appendRow(names.map { .text($0) }, to: &out)
    }

    /// Whether a cell starting with this byte is one spreadsheets treat as a formula (`=`, `+`,
    /// `-`, `@`, tab, CR), following OWASP's advice on CSV injection.
    @inline(__always) static func startsFormula(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }
}
