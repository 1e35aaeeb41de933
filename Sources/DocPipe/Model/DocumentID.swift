import Foundation

/// Document ids: stable, derived from the input's relative path or a record id, safe as a file name.
public enum DocumentID {
    /// The longest id kept; longer ones are cut and suffixed with a digest so they stay unique.
    public static let maxLength = 150

    /// An id from a relative input path: separators become `__`, anything outside
    /// `[A-Za-z0-9._-]` becomes `_`, and leading dots are dropped, so it is one safe path component.
    public static func from(relativePath: String) -> String {
        // ASCII paths (nearly all) are joined on bytes; others by characters, so a slash followed
        // by a combining mark stays one character, as `split` sees it.
        if relativePath.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(relativePath.utf8.count + 8)
            var componentStart = true
            for b in relativePath.utf8 {
                if b == UInt8(ascii: "/") { componentStart = true; continue }
                if componentStart && !out.isEmpty { out.append(UInt8(ascii: "_")); out.append(UInt8(ascii: "_")) }
                componentStart = false
                out.append(b)
            }
            return sanitize(String(decoding: out, as: UTF8.self))
        }
        return sanitize(relativePath.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "__"))
    }

    /// An id for record `record` inside the file whose id is `fileID` ("inaugurals.jsonl-12").
    public static func from(fileID: String, record: String) -> String {
        sanitize("\(fileID)-\(record)")
    }

    /// Makes any string a safe, non-empty file-name component: no `/`, `\`, NUL, control characters,
    /// `..` or leading dot; long values are shortened with a digest suffix.
    public static func sanitize(_ raw: String) -> String {
        // Fast path: already safe (the common case for ids read back from files).
        var safe = !raw.isEmpty && raw.utf8.count <= maxLength && raw.utf8.first != UInt8(ascii: ".")
        if safe {
            var previousDot = false
            for b in raw.utf8 {
                let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E
                if !ok || (b == 0x2E && previousDot) { safe = false; break }
                previousDot = b == 0x2E
            }
        }
        if safe { return raw }
        var out = ""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": out.unicodeScalars.append(scalar)
            default: out.append("_")
            }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        while out.contains("..") { out = out.replacingOccurrences(of: "..", with: "._") }
        if out.isEmpty { out = "_" }
        if out.utf8.count > maxLength {
            out = String(out.prefix(maxLength - 17)) + "-" + String(SHA256.hex(of: raw).prefix(16))
        }
        return out
    }
}

