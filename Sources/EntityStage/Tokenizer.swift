/// Splits UTF-8 text into tokens on bytes, close to the Penn Treebank / CoNLL conventions:
/// punctuation and symbols are their own tokens, possessive "'s" splits off, and "U.S.",
/// "Mr." or "J." keep their final period. Non-ASCII letters count as letters; typographic
/// quotes, dashes and the ellipsis (U+2010–U+2026) count as punctuation.
enum Tokenizer {
    /// Appends the tokens of `bytes[range]` to `tokens`.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [Token]) {
        let space = TokenSpace()
        let n = scan(bytes, range, after: tokens.last, into: space, wantsHashes: false)
        tokens.append(contentsOf: UnsafeBufferPointer(start: space.tokens, count: n))
    }

    /// Appends the tokens of `bytes[range]` to `tokens` and their lowercase hashes
    /// (`TokenHashes.lower`) to `hashes`. A plain ASCII word is hashed while it is scanned.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [Token], hashes: inout [UInt64]) {
        tokenize(bytes, range, into: &tokens, hashes: &hashes, space: TokenSpace())
    }

    /// As `tokenize(_:_:into:hashes:)`, written first into `space` (kept from sentence to sentence).
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [Token], hashes: inout [UInt64],
                         space: TokenSpace) {
        let n = scan(bytes, range, after: tokens.last, into: space, wantsHashes: true)
        tokens.append(contentsOf: UnsafeBufferPointer(start: space.tokens, count: n))
        hashes.append(contentsOf: UnsafeBufferPointer(start: space.hashes, count: n))
    }

    /// One FNV-1a step over a byte folded to lowercase (as `WordHash.lower` takes it).
    @inline(__always) private static func step(_ h: UInt64, _ b: UInt8) -> UInt64 {
        (h ^ UInt64(b &- 0x41 < 26 ? b | 0x20 : b)) &* WordHash.prime
    }

    /// Writes the tokens of `bytes[range]` (and their hashes when `wantsHashes`) into `space`;
    /// returns their number. `previous` is the token before the range, if any.
    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, after previous: Token?, into space: TokenSpace,
                             wantsHashes: Bool) -> Int {
        space.reserve(range.count)  // a token has at least one byte
        let tokenOut = space.tokens, hashOut = space.hashes
        var count = 0
        var hasToken = previous != nil
        var lastEnd = previous?.end ?? -1
        @inline(__always) func put(_ t: Token, _ hash: @autoclosure () -> UInt64) {
            tokenOut[count] = t
            if wantsHashes { hashOut[count] = hash() }
            count += 1
            hasToken = true
            lastEnd = t.end
        }
        @inline(__always) func append(_ t: Token) { put(t, TokenHashes.lower(bytes, t)) }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            let cls = ByteClass.of(b)
            if cls == .space { i += 1; continue }
            if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { i += 2; continue }  // no-break space
            if b == 0x27, let p = possessiveEnd(bytes, i + 1, end), hasToken {
                append(Token(start: i, end: p, kind: .lower, flags: bytes[i + 1] == 0x53 ? [.scanned, .upperOrNonASCII] : .scanned))
                i = p
                continue
            }
            if cls == .punct {
                append(Token(start: i, end: i + 1, kind: .punct, flags: b == 0x2D ? [.scanned, .hyphen] : .scanned))
                i += 1
                continue
            }
            if b >= 0x80, let n = punctuationScalarLength(bytes, i, end) {
                // A typographic apostrophe followed by s: possessive.
                if isApostrophe(bytes, i, end), let p = possessiveEnd(bytes, i + n, end), hasToken, lastEnd == i {
                    append(Token(start: i, end: p, kind: .lower, flags: [.scanned, .upperOrNonASCII]))
                    i = p
                    continue
                }
                append(Token(start: i, end: i + n, kind: .punct, flags: [.scanned, .upperOrNonASCII]))
                i += n
                continue
            }
            // A word or number.
            let start = i
            var hasInnerPeriod = false
            var hyphen = false
            var upperOrNonASCII = b &- 0x41 < 26 || b >= 0x80
            // Lowercase hash of the bytes so far, while they are all ASCII.
            var ascii = b < 0x80
            var h = step(WordHash.offset, b)
            i = advanceScalar(bytes, i, end)
            while i < end {
                let c = bytes[i]
                if c >= 0x80 {
                    if punctuationScalarLength(bytes, i, end) != nil {
                        // ’ inside a word ("O’Neill") unless it starts a possessive.
                        if isApostrophe(bytes, i, end), i + 3 < end, ByteClass.of(bytes[i + 3]) == .alnum || bytes[i + 3] >= 0xC0,
                           possessiveEnd(bytes, i + 3, end) == nil {
                            upperOrNonASCII = true
                            ascii = false
                            i += 3
                            continue
                        }
                        break
                    }
                    upperOrNonASCII = true
                    ascii = false
                    i = advanceScalar(bytes, i, end)
                    continue
                }
                if ByteClass.isASCIIAlnum(c) {
                    if c &- 0x41 < 26 { upperOrNonASCII = true }
                    h = step(h, c)
                    i += 1
                    continue
                }
                // Joiners that stay inside a token when a letter or digit follows.
                if i + 1 < end, ByteClass.isAlnum(bytes[i + 1]) {
                    if c == 0x2D || c == 0x26 || c == 0x2F { hyphen = hyphen || c == 0x2D; h = step(h, c); i += 1; continue }  // - & /
                    if c == 0x2E { hasInnerPeriod = true; h = step(h, c); i += 1; continue }  // .
                    if c == 0x2C, isDigit(bytes[i - 1]), isDigit(bytes[i + 1]) { h = step(h, c); i += 1; continue }  // 8,000
                    if c == 0x27, possessiveEnd(bytes, i + 1, end) == nil { h = step(h, c); i += 1; continue }  // O'Neill
                }
                break
            }
            // Currency prefixes written as one word: "C$", "US$", "HK$".
            if i < end, bytes[i] == 0x24, i - start <= 2, (start..<i).allSatisfy({ bytes[$0] &- 0x41 < 26 }) {
                h = step(h, 0x24)
                i += 1
            }
            // Keep a final period on abbreviations: "U.S.", "J.", "Mr.", "Inc.".
            if i < end, bytes[i] == 0x2E {
                var upperCount = 0, letterCount = 0
                for j in start..<i where bytes[j] < 0x80 {
                    let c = bytes[j]
                    if c >= 0x41 && c <= 0x5A { upperCount += 1; letterCount += 1 } else if c >= 0x61 && c <= 0x7A { letterCount += 1 }
                }
                let len = i - start
                if hasInnerPeriod && letterCount > 0 || (len == 1 && upperCount == 1)
                    || Abbreviations.contains(bytes, start, i)
                {
                    h = step(h, 0x2E)
                    i += 1
                }
            }
            let first = bytes[start]
            let kind: Token.Kind
            if isDigit(first) {
                kind = .number
            } else if first >= 0x41 && first <= 0x5A {
                kind = .capitalized
            } else if first >= 0xC3 && first <= 0xC3, start + 1 < end, bytes[start + 1] >= 0x80 && bytes[start + 1] <= 0x9E {
                kind = .capitalized  // À–Þ
            } else {
                kind = .lower
            }
            var flags: Token.Flags = hyphen ? [.scanned, .hyphen] : .scanned
            if upperOrNonASCII { flags.insert(.upperOrNonASCII) }
            let token = Token(start: start, end: i, kind: kind, flags: flags)
            // A plain ASCII word: `TokenHashes.lower` is the lowercase hash of its bytes.
            put(token, ascii ? h : TokenHashes.lower(bytes, token))
        }
        return count
    }

    /// Convenience for tests and small inputs: the tokens of a whole string, as strings.
    static func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { tokenize($0, 0..<bytes.count, into: &tokens) }
        return tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Length of the scalar at `i` when it is typographic punctuation (general punctuation block
    /// U+2010–U+206F, guillemets, inverted marks, the section sign), else nil.
    @inline(__always)
    static func punctuationScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        let b = bytes[i]
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 { return 3 }
        if b == 0xC2, i + 1 < end {
            let c = bytes[i + 1]
            if c == 0xAB || c == 0xBB || c == 0xA7 || c == 0xBF || c == 0xA1 || c == 0xB7 || c == 0xA3 || c == 0xA5 || c == 0xB0 { return 2 }
        }
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x82, bytes[i + 2] == 0xAC { return 3 }  // €
        return nil
    }

    @inline(__always)
    static func isApostrophe(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        i + 2 < end && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99
    }

    /// When `bytes[i]` is "s" or "S" ending a word, the index after it.
    @inline(__always)
    static func possessiveEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        guard i < end, bytes[i] == 0x73 || bytes[i] == 0x53 else { return nil }
        if i + 1 < end, ByteClass.of(bytes[i + 1]) == .alnum || bytes[i + 1] >= 0xC0 { return nil }
        return i + 1
    }

    @inline(__always)
    static func advanceScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = bytes[i]
        let n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        return min(i + n, end)
    }
}

/// Output space the tokenizer writes a sentence's tokens and hashes into by index (no per-token
/// `Array.append` checks), then copies to the caller's arrays in one piece each. Reused from
/// sentence to sentence; one user at a time.
final class TokenSpace {
    /// Room for `capacity` tokens.
    private(set) var tokens: UnsafeMutablePointer<Token>
    /// Room for `capacity` hashes.
    private(set) var hashes: UnsafeMutablePointer<UInt64>
    private var capacity = 0

    /// An empty space (allocates on first use).
    init() {
        tokens = .allocate(capacity: 0)
        hashes = .allocate(capacity: 0)
    }

    /// Makes room for `n` tokens and hashes (contents are not kept).
    @inline(__always) func reserve(_ n: Int) {
        if n > capacity { grow(n) }
    }

    private func grow(_ n: Int) {
        capacity = max(n, capacity * 2, 64)
        tokens.deallocate()
        hashes.deallocate()
        tokens = .allocate(capacity: capacity)
        hashes = .allocate(capacity: capacity)
    }

    deinit {
        tokens.deallocate()
        hashes.deallocate()
    }
}

/// Byte classes for ASCII; bytes ≥ 0x80 are `.alnum` (letters of other scripts) unless the
/// tokenizer recognises them as punctuation.
enum ByteClass: UInt8 {
    case space, alnum, punct

    /// The class of a byte: the same as `table` says, by comparisons.
    @inline(__always) static func of(_ b: UInt8) -> ByteClass {
        if b <= 0x20 { return .space }
        return isAlnum(b) ? .alnum : .punct
    }

    /// ASCII digit or letter (what `of` calls `.alnum` below 0x80).
    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool { b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 }

    /// `of(b) == .alnum || b >= 0xC0`: an ASCII digit or letter, or any byte ≥ 0x80.
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { b >= 0x80 || isASCIIAlnum(b) }

    static let table: [UInt8] = (0..<256).map { i -> UInt8 in
        let b = UInt8(i)
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { return 0 }
        if b >= 0x80 { return 1 }
        if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { return 1 }
        if b < 0x20 { return 0 }
        return 2
    }
}

/// Abbreviations that keep their final period.
enum Abbreviations {
    static let list: [String] = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm",
        "Cmdr", "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr",
        "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "vs", "etc", "Pres", "Amb",
        "Dept", "Gov't", "approx", "cf", "al", "Fig", "pp", "Ph",
    ]
    /// Exact byte hash → index into `bytes` (hits are compared byte by byte).
    static let table = HashTable(list.enumerated().map { (WordHash.exact($0.element), UInt32($0.offset)) })
    static let bytes: [[UInt8]] = list.map { Array($0.utf8) }

    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = end - start
        guard n >= 2 && n <= 6, let k = table.get(WordHash.exact(bytes, start, end)) else { return false }
        let word = Self.bytes[Int(k)]
        return word.count == n && word.withUnsafeBufferPointer { w in (0..<n).allSatisfy { w[$0] == bytes[start + $0] } }
    }
}
