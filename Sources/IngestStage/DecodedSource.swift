import DocPipe

/// An input file's bytes decoded to valid UTF-8: the "decoded source" that source maps point into.
struct DecodedSource {
    /// The text as UTF-8 (byte-order mark removed).
    var bytes: [UInt8]
    /// The encoding recognised ("utf-8", "utf-16le", "utf-16be", "windows-1252").
    var encoding: String
    /// Problems met while decoding (invalid UTF-8 read as Windows-1252).
    var warnings: [(code: String, message: String)] = []

    /// The decoded text as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Decodes raw bytes: UTF-8 with or without BOM, UTF-16 with BOM (or without one, recognised by
    /// its NUL bytes, with a warning); bytes that are not valid
    /// UTF-8 are read as Windows-1252, one warning summarising how many and where the first was.
    init(_ raw: [UInt8]) {
        if raw.count >= 2, raw[0] == 0xFF, raw[1] == 0xFE, !(raw.count >= 4 && raw[2] == 0 && raw[3] == 0) {
            self.init(utf16: raw.dropFirst(2), bigEndian: false)
        } else if raw.count >= 2, raw[0] == 0xFE, raw[1] == 0xFF {
            self.init(utf16: raw.dropFirst(2), bigEndian: true)
        } else if let bigEndian = FileSniffer.utf16WithoutBOM(raw) {
            self.init(utf16: raw[...], bigEndian: bigEndian)
            warnings.insert(("encoding.utf16-no-bom", "no byte-order mark, but the NUL bytes say UTF-16\(bigEndian ? "BE" : "LE"): read as such"), at: 0)
        } else {
            let body = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? Array(raw.dropFirst(3)) : raw
            if String(validating: body, as: UTF8.self) != nil {
                self.init(bytes: body, encoding: "utf-8")
            } else {
                self = DecodedSource.repairing(body)
            }
        }
    }

    init(bytes: [UInt8], encoding: String, warnings: [(code: String, message: String)] = []) {
        self.bytes = bytes
        self.encoding = encoding
        self.warnings = warnings
    }

    private init(utf16 body: ArraySlice<UInt8>, bigEndian: Bool) {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        self.init(bytes: Array(text.utf8), encoding: bigEndian ? "utf-16be" : "utf-16le")
        if body.count % 2 == 1 {
            warnings.append(("encoding.utf16-odd-length", "UTF-16 file has an odd number of bytes; the last byte was ignored"))
        }
    }

    /// Keeps valid UTF-8 sequences and reads every other byte as Windows-1252.
    private static func repairing(_ body: [UInt8]) -> DecodedSource {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 8)
        var bad = 0
        var firstBad = -1
        var firstLetters: [String] = []
        var i = 0
        let n = body.count
        while i < n {
            let b = body[i]
            if b < 0x80 { out.append(b); i += 1; continue }
            let len = UTF8Validation.sequenceLength(body, at: i)
            if len > 0 {
                out.append(contentsOf: body[i..<(i + len)])
                i += len
                continue
            }
            bad += 1
            if firstBad < 0 { firstBad = i }
            let scalar = Windows1252.scalar(b)
            if firstLetters.count < 3 { firstLetters.append("0x\(String(b, radix: 16, uppercase: true)) → \(Character(scalar))") }
            out.append(contentsOf: String(Character(scalar)).utf8)
            i += 1
        }
        let message = "\(bad) byte\(bad == 1 ? "" : "s") not valid UTF-8 (first at byte \(firstBad)) decoded as Windows-1252: "
            + firstLetters.joined(separator: ", ")
        return DecodedSource(bytes: out, encoding: "windows-1252", warnings: [("encoding.windows-1252", message)])
    }
}
