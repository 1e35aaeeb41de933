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
