import DocPipe

/// Reads back the corpus parts this stage wrote itself, whose shape is fixed (keys in a known
/// order, no spaces, only the escapes `Bytes.jsonEscaped` writes): a cursor over the bytes that
/// matches literal pieces and reads integers, numbers and strings without building a JSON tree.
///
/// Every method returns nil (or false) on anything unexpected, so a caller can fall back to a
/// general JSON parse; whatever it does accept, it reads as `JSONParser` would.
struct PartReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { i >= bytes.count }

    /// Skips `literal` if the bytes continue with it.
    @inline(__always) mutating func skip(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let p = literal.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { return false }
        i += n
        return true
    }

    /// Skips one byte if it is `b`.
    @inline(__always) mutating func skip(byte b: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == b else { return false }
        i += 1
        return true
    }

    /// An integer of at most 18 characters (optional `-`, no leading zeros, no fraction).
    mutating func int() -> Int? {
        let start = i
        let negative = skip(byte: UInt8(ascii: "-"))
        let digits = i
        var v = 0
        while i < bytes.count, bytes[i] &- 0x30 < 10 { v = v &* 10 &+ Int(bytes[i] &- 0x30); i += 1 }
        let n = i - digits
        guard n > 0, i - start <= 18, n == 1 || bytes[digits] != 0x30 else { i = start; return nil }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] | 0x20 == UInt8(ascii: "e") { i = start; return nil }
        return negative ? -v : v
    }

    /// A number: an integer as `int()`, or a JSON number with a fraction or exponent, read as
    /// `JSONParser` reads it (`Double` of its text).
    mutating func number() -> Double? {
        if let v = int() { return Double(v) }
        let start = i
        _ = skip(byte: UInt8(ascii: "-"))
        let digits = i
        while i < bytes.count, bytes[i] &- 0x30 < 10 { i += 1 }
        guard i > digits, i - digits == 1 || bytes[digits] != 0x30 else { i = start; return nil }
        if skip(byte: UInt8(ascii: ".")) {
            let f = i
            while i < bytes.count, bytes[i] &- 0x30 < 10 { i += 1 }
            guard i > f else { i = start; return nil }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < bytes.count, bytes[i] &- 0x30 < 10 { i += 1 }
            guard i > e else { i = start; return nil }
        }
        guard let d = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) else { i = start; return nil }
        return d
    }

    /// A string literal: the range of its inside and whether it holds escapes.
    mutating func string() -> (range: Range<Int>, escaped: Bool)? {
        guard skip(byte: 0x22) else { return nil }
        let start = i
        var escaped = false
        let base = bytes.baseAddress!
        while i < bytes.count {
            // Eight bytes at a time while none is a quote, backslash or control byte.
            while i + 8 <= bytes.count {
                let x = ByteWords.load(base + i)
                if ByteWords.hasControl(x) | ByteWords.has(x, 0x22) | ByteWords.has(x, 0x5C) != 0 { break }
                i += 8
            }
            guard i < bytes.count else { break }
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                return (start..<(i - 1), escaped)
            }
            if b == 0x5C { escaped = true; i += 2; continue }
            if b < 0x20 { return nil }
            i += 1
        }
        return nil
    }

    /// The text of a string literal read by `string()`; nil when `JSONParser` would refuse it
    /// (invalid UTF-8 or a bad escape). Literals with escapes are rare in parts and are decoded
    /// by `JSONParser` itself.
    func text(_ s: (range: Range<Int>, escaped: Bool)) -> String? {
        let raw = UnsafeBufferPointer(rebasing: bytes[s.range])
        guard s.escaped else { return Self.string(raw) }
        var literal: [UInt8] = [0x22]
        literal.append(contentsOf: raw)
        literal.append(0x22)
        return (try? JSONParser.parse(literal))?.stringValue
    }

    /// Valid UTF-8 as a string (nil when invalid); ASCII, the usual case, checked eight bytes at a time.
    static func string(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = raw.baseAddress else { return "" }
        var i = 0
        var high: UInt64 = 0
        while i + 8 <= raw.count { high |= ByteWords.load(base + i); i += 8 }
        while i < raw.count { high |= UInt64(base[i]); i += 1 }
        if high & 0x8080_8080_8080_8080 == 0 { return String(decoding: raw, as: UTF8.self) }
        return String(validating: raw, as: UTF8.self)
    }
}
