import DocPipe
import Foundation

/// Unicode NFC through Foundation, only where it changes something: pure ASCII text is left
/// alone without a look, and words that are already composed are copied unchanged.
enum NFCPass {
    /// Whether any byte is non-ASCII.
    static func hasNonASCII(_ s: [UInt8]) -> Bool {
        for b in s where b >= 0x80 { return true }
        return false
    }

    /// Whether NFC might change text holding this scalar: combining marks, Hangul jamo, and the
    /// scalars NFC replaces (NFC_Quick_Check=No singletons and exclusions). Others are NFC as they stand.
    static func mayChange(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0340...0x0344, 0x0374, 0x037E, 0x0387, 0x0483...0x0489, 0x0591...0x05C7, 0x0610...0x061A,
             0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0900...0x0DFF, 0x0F00...0x0FFF, 0x1000...0x109F, 0x1100...0x11FF,
             0x1AB0...0x1AFF, 0x1B00...0x1B7F, 0x1DC0...0x1DFF, 0x1F00...0x1FFF, 0x2000...0x2001, 0x20D0...0x20FF, 0x2126,
             0x212A...0x212B, 0x2329...0x232A, 0x2ADC, 0x302A...0x302F, 0x3099...0x309A, 0xF900...0xFAFF, 0xFB1D...0xFB4F,
             0xFE20...0xFE2F, 0x1D15E...0x1D1C0, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Whether any scalar of the UTF-8 text may change under NFC (a fast check on bytes).
    static func needsNFC(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { needsNFC($0) }
    }

    private static func needsNFC(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        let base = s.baseAddress
        while i < n {
            // ASCII eight bytes at a time.
            if let base {
                while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                if i >= n { break }
            }
            let c = s[i]
            if c < 0x80 { i += 1; continue }
            if c < 0xCC { i += 2; continue }   // U+0080–U+02FF: nothing to compose
            var v: UInt32
            let len: Int
            if c < 0xE0 { v = UInt32(c & 0x1F); len = 2 } else if c < 0xF0 { v = UInt32(c & 0x0F); len = 3 } else { v = UInt32(c & 0x07); len = 4 }
            guard i + len <= n else { return true }
            for k in 1..<len { v = v << 6 | UInt32(s[i + k] & 0x3F) }
            if mayChange(v) { return true }
            i += len
        }
        return false
    }

    /// The NFC text as a builder over `s` (nil when `s` is already NFC).
    static func apply(_ s: [UInt8]) -> MappedTextBuilder? {
        guard needsNFC(s) else { return nil }
        let text = String(decoding: s, as: UTF8.self)
        let composed = text.precomposedStringWithCanonicalMapping
        guard composed.utf8.count != s.count || !composed.utf8.elementsEqual(s) else { return nil }
        // Recompose word by word (split at ASCII spaces and newlines), mapping changed words as replacements.
        var b = MappedTextBuilder(capacity: s.count)
        var i = 0
        let n = s.count
        while i < n {
            var j = i
            var wide = false
            while j < n, s[j] != 0x20, s[j] != 0x0A { if s[j] >= 0x80 { wide = true }; j += 1 }
            if wide {
                let word = String(decoding: s[i..<j], as: UTF8.self)
                let c = word.precomposedStringWithCanonicalMapping
                let composed = Array(c.utf8)
                if composed.elementsEqual(s[i..<j]) {
                    b.copy(s, i..<j)
                } else {
                    // Copy the unchanged ends (at scalar boundaries) so only the changed scalars are unmapped.
                    var p = 0
                    while p < composed.count, i + p < j, composed[p] == s[i + p] { p += 1 }
                    while p > 0, composed[p] & 0xC0 == 0x80 { p -= 1 }
                    var q = 0
                    while q < composed.count - p, q < j - i - p, composed[composed.count - 1 - q] == s[j - 1 - q] { q += 1 }
                    while q > 0, composed[composed.count - q] & 0xC0 == 0x80 { q -= 1 }
                    b.copy(s, i..<(i + p))
                    b.insert(bytes: Array(composed[p..<(composed.count - q)]))
                    b.copy(s, (j - q)..<j)
                }
            } else if j > i {
                b.copy(s, i..<j)
            }
            if j < n { b.copy(byte: s[j], from: j) }
            i = j + 1
        }
        return b
    }
}
