/// Recognises binary files by their first bytes, so they fail with a message saying what they are.
enum FileSniffer {
    /// Magic numbers of common binary formats and what to call them.
    static let signatures: [(magic: [UInt8], name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF8".utf8), "GIF image"),
        (Array("%PDF".utf8), "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive (also .docx, .xlsx, .epub)"),
        ([0x50, 0x4B, 0x05, 0x06], "ZIP archive (empty)"),
        ([0x1F, 0x8B], "gzip archive"),
        (Array("BZh".utf8), "bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7-Zip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE2 compound file (old .doc, .xls, .ppt)"),
        (Array("RIFF".utf8), "RIFF media file"),
        (Array("OggS".utf8), "Ogg media file"),
        (Array("ID3".utf8), "MP3 audio"),
        ([0x00, 0x00, 0x01, 0x00], "ICO image"),
        (Array("II*\u{0}".utf8), "TIFF image"),
        (Array("MM\u{0}*".utf8), "TIFF image"),
        (Array("SQLite format 3".utf8), "SQLite database"),
        ([0xCA, 0xFE, 0xBA, 0xBE], "Mach-O or Java class file"),
        ([0xCF, 0xFA, 0xED, 0xFE], "Mach-O executable"),
        (Array("wOFF".utf8), "WOFF font"),
    ]

    /// What a binary file looks like, or nil when it looks like text.
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        for (magic, name) in signatures where bytes.count >= magic.count && bytes[0..<magic.count].elementsEqual(magic) {
            return name
        }
        // UTF-16 with a BOM is text even though it holds NUL bytes.
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
        // So is UTF-16 without a BOM, recognised by its pattern of NUL bytes.
        if utf16WithoutBOM(bytes) != nil { return nil }
        let head = bytes.prefix(8192)
        var controls = 0
        for b in head {
            if b == 0 { return "binary data (contains NUL bytes)" }
            if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { controls += 1 }
        }
        if !head.isEmpty, controls * 10 > head.count { return "binary data (mostly control bytes)" }
        return nil
    }

    /// Whether bytes without a byte-order mark look like UTF-16 text: in the first 4 KB, most
    /// code units have a NUL high byte (mostly Latin-script text) and almost no low byte is NUL.
    /// Returns true for big-endian, false for little-endian, nil when they do not look like UTF-16.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var evenNUL = 0, oddNUL = 0
        var i = 0
        while i < n {
            if bytes[i] == 0 { evenNUL += 1 }
            if bytes[i + 1] == 0 { oddNUL += 1 }
            i += 2
        }
        let units = n / 2
        // Little-endian: "A\0B\0…"; big-endian: "\0A\0B…". A few NULs on the other side would be U+xx00 characters.
        if oddNUL * 10 >= units * 6 && evenNUL * 50 <= units { return false }
        if evenNUL * 10 >= units * 6 && oddNUL * 50 <= units { return true }
        return nil
    }
}
