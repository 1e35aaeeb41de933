import Foundation

/// Unicode NFC through Foundation, only where it changes something: pure ASCII text is left
/// alone without a look, and words that are already composed are copied unchanged.
enum NFCPass {
    /// Whether any byte is non-ASCII.
    static func hasNonASCII(_ s: [UInt8]) -> Bool {
        for b in s where b >= 0x80 { return true }
        return false
    }

    /// The NFC text as a builder over `s` (nil when `s` is already NFC).
    static func apply(_ s: [UInt8]) -> MappedTextBuilder? {
        guard hasNonASCII(s) else { return nil }
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
                if c.utf8.elementsEqual(s[i..<j]) { b.copy(s, i..<j) } else { b.insert(c) }
            } else if j > i {
                b.copy(s, i..<j)
            }
            if j < n { b.copy(byte: s[j], from: j) }
            i = j + 1
        }
        return b
    }
}
