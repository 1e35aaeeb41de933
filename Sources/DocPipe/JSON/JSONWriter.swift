import Foundation

/// Writes JSON deterministically: object keys sorted by code point, shortest round-trip numbers,
/// no raw U+2028/U+2029, non-finite numbers as `null`. Equal values always give equal bytes.
public struct JSONWriter {
    /// Indent nested values by two spaces and put members on their own lines.
    public var pretty: Bool

    /// Creates a writer; `pretty: false` gives one line with no spaces.
    public init(pretty: Bool = false) { self.pretty = pretty }

    /// Serializes a value to UTF-8 bytes.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out, indent: 0)
        return out
    }

    /// Serializes a value to a string.
    public func string(_ value: JSONValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    /// Appends a value's serialization to `out`.
    public func write(_ value: JSONValue, into out: inout [UInt8], indent: Int = 0) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): JSONWriter.appendNumber(d, to: &out)
        case .string(let s): JSONWriter.appendString(s, to: &out)
        case .array(let a):
            if a.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (n, element) in a.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                write(element, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (n, key) in JSONWriter.sortedKeys(o).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                JSONWriter.appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(o[key]!, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        guard pretty else { return }
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    /// Keys in code-point order (the order Python's `sort_keys` gives), independent of locale.
    public static func sortedKeys(_ o: [String: JSONValue]) -> [String] {
        o.keys.sorted(by: utf8Less)
    }

    /// Code-point (UTF-8 byte) order of two strings, compared with `memcmp`.
    public static func utf8Less(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let n = min(pa.count, pb.count)
                let c = n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n)
                return c != 0 ? c < 0 : pa.count < pb.count
            }
        }
    }

    /// Appends a number: integral values within ±2^53 without a fraction, others in shortest form.
    public static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else { out.append(contentsOf: "null".utf8); return }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
            out.append(contentsOf: String(Int(d)).utf8)
        } else {
            out.append(contentsOf: d.description.utf8)
        }
    }

    /// Appends a JSON string literal with the minimal escapes (plus U+2028 and U+2029). Runs of
    /// bytes that need no escaping are copied in one go.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(UInt8(ascii: "\""))
        s.withUTF8 { buf in appendEscaped(buf, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 bytes as the inside of a JSON string literal. Eight bytes at a time are
    /// tested for anything to escape (a control byte, `"`, `\\`, or 0xE2, the lead byte of
    /// U+2028 and U+2029); only words holding one are looked at byte by byte.
    public static func appendEscaped(_ buf: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = buf.count
        guard n > 0, let base = buf.baseAddress else { return }
        var runStart = 0
        var i = 0
        var limit = 0  // bytes before `limit` are tested one by one
        while i < n {
            if i >= limit {
                if i + 8 <= n {
                    if !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8; continue }
                    limit = i + 8
                } else {
                    limit = n
                }
            }
            let b = base[i]
            // Fast test: printable ASCII other than " and \, or a non-E2 lead/continuation byte.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 { i += 1; continue }
            if b == 0xE2 {
                if i + 2 < n, base[i + 1] == 0x80, base[i + 2] == 0xA8 || base[i + 2] == 0xA9 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i]))
                    out.append(contentsOf: (base[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 3
                    runStart = i
                } else {
                    i += 1
                }
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i]))
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            default:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 0xF))
            }
            i += 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<n]))
    }

    /// Whether any of the eight bytes in `x` is below 0x20, `"`, `\\` or 0xE2 (exact: no byte
    /// that needs a look is missed; a word with none always gives false).
    @inline(__always) static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ y: UInt64) -> UInt64 { (y &- ones) & ~y & highs }
        let control = (x &- ones &* 0x20) & ~x & highs
        return control | hasZero(x ^ (ones &* 0x22)) | hasZero(x ^ (ones &* 0x5C)) | hasZero(x ^ (ones &* 0xE2)) != 0
    }

    /// A string as a JSON literal.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
}
