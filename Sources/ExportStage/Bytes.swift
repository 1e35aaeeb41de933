import DocPipe

/// Small appenders for writing output bytes directly.
enum Bytes {
    /// Appends a decimal integer (two digits at a time, from a table).
    @inline(__always) static func int(_ v: Int, _ out: inout ByteBuffer) {
        if v >= 0 && v < 10 { out.append(0x30 &+ UInt8(v)); return }
        if v < 0 { out.append(utf8: String(v)); return }
        var x = UInt64(v)
        var n = 2
        var limit: UInt64 = 100
        while n < 19 && x >= limit { n += 1; limit &*= 10 }
        out.append(count: n) { p in
            let pairs = digitPairs.utf8Start
            var i = n
            while x >= 100 {
                let r = Int(x % 100)
                x /= 100
                i -= 2
                p[i] = pairs[2 * r]
                p[i + 1] = pairs[2 * r + 1]
            }
            if x >= 10 {
                p[i - 2] = pairs[2 * Int(x)]
                p[i - 1] = pairs[2 * Int(x) + 1]
            } else {
                p[i - 1] = 0x30 &+ UInt8(x)
            }
        }
    }

    /// "00", "01", … "99".
    private static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Appends an integer, or `null`.
    @inline(__always) static func int(_ v: Int?, _ out: inout ByteBuffer) {
        if let v { int(v, &out) } else { out.append("null") }
    }

    /// Appends a number as `JSONWriter.appendNumber` writes it: integral values within ±2^53
    /// without a fraction, others in shortest form, non-finite ones as `null`.
    static func number(_ d: Double, _ out: inout ByteBuffer) {
        guard d.isFinite else { out.append("null"); return }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
            int(Int(d), &out)
        } else if !shortDecimal(d, &out) {
            out.append(utf8: d.description)
        }
    }

    /// Appends `d.description` for a value from 0.001 to 1e6 (in magnitude) with at most six
    /// decimals, such as a score of 0.8125, without making a string: the fewest decimals `k` for
    /// which `m / 10^k == d` (both sides correctly rounded, so the decimal `m·10^-k` reads back as
    /// `d`) give the shortest round-trip digits, which are what `description` writes in this
    /// range. False (nothing written) for any other value.
    ///
    /// Four decimals are tried first: when they read back, so do the fewer that dropping their
    /// trailing zeros leaves (the same real number, so the same rounding), and no fewer can
    /// (they would leave more zeros); when they do not, no fewer do, and five and six are tried.
    static func shortDecimal(_ d: Double, _ out: inout ByteBuffer) -> Bool {
        let a = abs(d)
        guard a >= 1e-3, a < 1e6 else { return false }
        var k = 4
        var scale = 1e4
        while k <= 6 {
            let m = (a * scale).rounded()
            if m / scale == a {
                var whole = Int(m), unit = Int(scale)
                while k > 1 && whole % 10 == 0 {
                    whole /= 10
                    unit /= 10
                    k -= 1
                }
                if d < 0 { out.append(UInt8(ascii: "-")) }
                int(whole / unit, &out)
                out.append(UInt8(ascii: "."))
                var fraction = whole % unit
                out.append(count: k) { p in
                    for j in stride(from: k - 1, through: 0, by: -1) {
                        p[j] = 0x30 &+ UInt8(fraction % 10)
                        fraction /= 10
                    }
                }
                return true
            }
            k += 1
            scale *= 10
        }
        return false
    }

    /// Appends `text[range]` as a JSON string literal.
    @inline(__always) static func jsonString(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ out: inout ByteBuffer) {
        jsonQuoted(UnsafeBufferPointer(rebasing: text[range]), &out)
    }

    /// Appends a string as a JSON string literal.
    @inline(__always) static func jsonString(_ s: String, _ out: inout ByteBuffer) {
        s.withUTF8Bytes { jsonQuoted($0, &out) }
    }

    /// Appends UTF-8 bytes as a JSON string literal. Strings of 4 to 16 bytes (keys, labels,
    /// names) are tested with two overlapping word loads and, when nothing needs escaping,
    /// written in one go.
    @inline(__always) static func jsonQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        let n = bytes.count
        if n >= 4 && n <= 16, let p = bytes.baseAddress {
            let first: UInt64, last: UInt64
            if n >= 8 {
                first = ByteWords.load(p)
                last = ByteWords.load(p + (n - 8))
            } else {
                let a = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                let b = UnsafeRawPointer(p + (n - 4)).loadUnaligned(as: UInt32.self)
                first = UInt64(a) | UInt64(b) << 32
                last = first
            }
            if !ByteWords.mayNeedJSONEscape(first) && !ByteWords.mayNeedJSONEscape(last) {
                out.append(0x22)
                out.append(bytes)
                out.append(0x22)
                return
            }
        }
        out.append(0x22)
        jsonEscaped(bytes, &out)
        out.append(0x22)
    }

    /// Appends UTF-8 bytes as the inside of a JSON string literal, with exactly the escapes of
    /// `JSONWriter.appendEscaped` (the minimal ones plus U+2028 and U+2029). The next byte that may
    /// need an escape is found eight bytes at a time (the last few with the buffer's last word), then
    /// looked at alone; runs that need none are copied at once.
    static func jsonEscaped(_ buf: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        let n = buf.count
        guard n > 0, let base = buf.baseAddress else { return }
        var runStart = 0
        var i = 0
        while i < n {
            if i + 8 <= n {
                let mask = ByteWords.jsonEscapeMask(ByteWords.load(base + i))
                if mask == 0 { i += 8; continue }
                i += ByteWords.first(mask)
            } else if n >= 8 {
                // Flags left by bytes before `i` can only spill onto bytes that are then looked at and passed.
                let mask = ByteWords.from(ByteWords.jsonEscapeMask(ByteWords.load(base + n - 8)), i - (n - 8))
                if mask == 0 { break }
                i += ByteWords.first(mask)
            }
            let b = base[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 { i += 1; continue }
            if b == 0xE2 {
                if i + 2 < n, base[i + 1] == 0x80, base[i + 2] == 0xA8 || base[i + 2] == 0xA9 {
                    out.append(UnsafeBufferPointer(rebasing: buf[runStart..<i]))
                    out.append(base[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    i += 3
                    runStart = i
                } else {
                    i += 1
                }
                continue
            }
            out.append(UnsafeBufferPointer(rebasing: buf[runStart..<i]))
            switch b {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x08: out.append("\\b")
            case 0x0C: out.append("\\f")
            default:
                out.append("\\u00")
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 0xF))
            }
            i += 1
            runStart = i
        }
        out.append(UnsafeBufferPointer(rebasing: buf[runStart..<n]))
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

    /// Appends a static string's bytes.
    @inline(__always) static func raw(_ s: StaticString, _ out: inout ByteBuffer) { out.append(s) }
}
