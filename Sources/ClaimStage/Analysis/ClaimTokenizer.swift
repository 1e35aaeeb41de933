/// Splits a range of UTF-8 text into `ClaimToken`s without building strings.
///
/// Words are runs of letters, digits and non-ASCII letters; an apostrophe or hyphen between
/// letters and a period or comma between digits stay inside the token. Curly and straight
/// quotation marks, `%`, `$` and other punctuation are tokens of their own.
enum ClaimTokenizer {
    /// FNV-1a offset basis.
    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a prime.
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// Hash of a lowercased ASCII string, the same as a token's `hash` for that word.
    static func hash(_ word: String) -> UInt64 {
        var h = fnvBasis
        for b in word.utf8 { h = (h ^ UInt64(lower(b))) &* fnvPrime }
        return h
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b | 0x20 : b }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Tokenises `bytes[range]`.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [ClaimToken]) {
        tokens.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { i += 1; continue }
            if b >= 0x80 {
                if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { i += 2; continue }  // no-break space
                if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 {
                    let c = bytes[i + 2]
                    switch c {
                    case 0x9C: tokens.append(single(i, 3, .openQuote, 0x22)); i += 3; continue
                    case 0x9D: tokens.append(single(i, 3, .closeQuote, 0x22)); i += 3; continue
                    case 0x98: tokens.append(single(i, 3, .punct, 0x27)); i += 3; continue
                    case 0x99: tokens.append(single(i, 3, .punct, 0x27)); i += 3; continue
                    case 0x80...0x8A, 0xAF: i += 3; continue  // spaces
                    default: tokens.append(single(i, 3, .punct, c)); i += 3; continue  // dashes, ellipsis, bullets
                    }
                }
                i = word(bytes, i, end, &tokens)
                continue
            }
            if isAlpha(b) || isDigit(b) { i = word(bytes, i, end, &tokens); continue }
            if b == 0x22 { tokens.append(single(i, 1, .straightQuote, 0x22)); i += 1; continue }
            tokens.append(single(i, 1, .punct, b))
            i += 1
        }
    }

    private static func single(_ i: Int, _ len: Int, _ shape: ClaimToken.Shape, _ key: UInt8) -> ClaimToken {
        ClaimToken(start: i, end: i + len, hash: (fnvBasis ^ UInt64(key)) &* fnvPrime, shape: shape, first: key)
    }

    /// Reads a word or number starting at `start`; returns the index after it.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ tokens: inout [ClaimToken]) -> Int {
        var i = start
        var h = fnvBasis
        var digits = 0, letters = 0
        let firstByte = bytes[start]
        while i < end {
            let b = bytes[i]
            if isAlpha(b) { letters &+= 1; h = (h ^ UInt64(lower(b))) &* fnvPrime; i &+= 1; continue }
            if isDigit(b) { digits &+= 1; h = (h ^ UInt64(b)) &* fnvPrime; i &+= 1; continue }
            if b >= 0x80 {
                let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 {
                    // ’ between letters is an apostrophe; other general punctuation ends the word.
                    if bytes[i + 2] == 0x99, i + 3 < end, isAlpha(bytes[i + 3]), i > start, isAlpha(bytes[i - 1]) {
                        h = (h ^ 0x27) &* fnvPrime; i += 3; continue
                    }
                    break
                }
                if b == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 { break }
                letters += 1
                for k in 0..<len where i + k < end { h = (h ^ UInt64(bytes[i + k])) &* fnvPrime }
                i += len
                continue
            }
            if (b == 0x27 || b == 0x2D), i + 1 < end, i > start, isAlpha(bytes[i + 1]), isAlpha(bytes[i - 1]) {
                h = (h ^ UInt64(b)) &* fnvPrime; i += 1; continue
            }
            if (b == 0x2E || b == 0x2C), i + 1 < end, i > start, isDigit(bytes[i + 1]), isDigit(bytes[i - 1]) {
                h = (h ^ UInt64(b)) &* fnvPrime; i += 1; continue
            }
            break
        }
        let shape: ClaimToken.Shape = digits > 0 && letters == 0 ? .number
            : (firstByte >= 65 && firstByte <= 90) ? .capitalized : .lower
        var token = ClaimToken(start: start, end: i, hash: h, shape: shape, first: lower(firstByte))
        if i - start >= 3, lower(bytes[i - 1]) == 0x73, bytes[i - 2] == 0x27 || bytes[i - 2] == 0x99 { token.isPossessive = true }
        tokens.append(token)
        return i
    }
}
