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
        guard pretty else { JSONWriter.writeCompact(value, into: &out); return }
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): JSONWriter.appendInt(i, to: &out)
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
            func member(_ n: Int, _ key: String, _ value: JSONValue) {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                JSONWriter.appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(value, into: &out, indent: indent + 1)
            }
            JSONWriter.forEachMemberSorted(o, member)
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The compact form (what cache objects, deltas and span attributes use): no indentation
    /// logic, small objects sorted on the stack.
    static func writeCompact(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): appendInt(i, to: &out)
        case .double(let d): appendNumber(d, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            var first = true
            for element in a {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeCompact(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            forEachMemberSorted(o) { n, key, value in
                if n > 0 { out.append(UInt8(ascii: ",")) }
                appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                writeCompact(value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Calls `body` with each member's position, key and value, keys in UTF-8 byte order. Small
    /// objects (span attributes) have their indices sorted on the stack; larger ones are sorted
    /// as pairs, so no value is looked up again by hashing its key.
    private static func forEachMemberSorted(_ o: [String: JSONValue], _ body: (Int, String, JSONValue) -> Void) {
        if o.count == 1, let only = o.first { body(0, only.key, only.value); return }
        guard o.count <= 16 else {
            for (n, m) in o.sorted(by: { utf8Less($0.key, $1.key) }).enumerated() { body(n, m.key, m.value) }
            return
        }
        withUnsafeTemporaryAllocation(of: Dictionary<String, JSONValue>.Index.self, capacity: o.count) { order in
            var count = 0
            for i in o.indices { order.initializeElement(at: count, to: i); count += 1 }
            defer { _ = order.deinitialize() }
            for a in 1..<max(count, 1) {
                var j = a
                while j > 0 && utf8Less(o.keys[order[j]], o.keys[order[j - 1]]) {
                    order.swapAt(j, j - 1)
                    j -= 1
                }
            }
            for n in 0..<count { body(n, o.keys[order[n]], o.values[order[n]]) }
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
        return a.withUTF8 { pa in b.withUTF8 { pb in utf8Less(pa, pb) } }
    }

    /// Byte order of two UTF-8 texts (a prefix comes first), compared with `memcmp`.
    public static func utf8Less(_ pa: UnsafeBufferPointer<UInt8>, _ pb: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(pa.count, pb.count)
        let c = n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n)
        return c != 0 ? c < 0 : pa.count < pb.count
    }

    /// Appends an integer in decimal (the bytes `String(i)` gives), without a temporary string.
    public static func appendInt(_ i: Int, to out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(0x30 &+ UInt8(truncatingIfNeeded: i)); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDecimalLength) { buffer in
            let n = writeDecimal(i, to: buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// The most bytes `writeDecimal` writes ("-9223372036854775808").
    static let maxDecimalLength = 20

    /// Writes an integer in decimal at `p` (at most `maxDecimalLength` bytes) and returns how many
    /// bytes it wrote: its length found by comparisons, then two digits per division.
    @inline(__always)
    static func writeDecimal(_ i: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var v = i.magnitude
        var digits = 1
        var power: UInt = 10
        while digits < 20 && v >= power {
            digits += 1
            power = power &* 10
        }
        var k = digits
        if i < 0 { p[0] = UInt8(ascii: "-"); k &+= 1 }
        let written = k
        while v >= 100 {
            let pair = v % 100
            v /= 100
            k &-= 2
            p[k] = 0x30 &+ UInt8(truncatingIfNeeded: pair / 10)
            p[k &+ 1] = 0x30 &+ UInt8(truncatingIfNeeded: pair % 10)
        }
        if v >= 10 {
            p[k &- 2] = 0x30 &+ UInt8(truncatingIfNeeded: v / 10)
            p[k &- 1] = 0x30 &+ UInt8(truncatingIfNeeded: v % 10)
        } else {
            p[k &- 1] = 0x30 &+ UInt8(truncatingIfNeeded: v)
        }
        return written
    }

    /// Appends a number: integral values within ±2^53 without a fraction, others in shortest form.
    public static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else { out.append(contentsOf: "null".utf8); return }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
            appendInt(Int(d), to: &out)
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

    /// Appends UTF-8 bytes as the inside of a JSON string literal.
    public static func appendEscaped(_ buf: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        escape(buf) { out.append(contentsOf: $0) }
    }

    /// Writes UTF-8 bytes as the inside of a JSON string literal through `emit`: runs that need
    /// nothing as they are, and between them the escapes (`\"`, `\\`, `\n`, `\u001f`, and
    /// `\u2028`/`\u2029`, which JavaScript does not allow raw in a string). Every JSON writer of
    /// the project escapes through this.
    @inline(__always)
    static func escape(_ buf: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let n = buf.count
        var runStart = 0
        var i = 0
        let raw = UnsafeRawBufferPointer(buf)
        // One escape sequence, at most six bytes.
        var seq: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x5C, 0, 0, 0, 0, 0)
        func emitSequence(_ count: Int) {
            withUnsafeBytes(of: &seq) { emit(UnsafeBufferPointer(start: $0.bindMemory(to: UInt8.self).baseAddress, count: count)) }
        }
        while i < n {
            // On to the next byte that may need escaping: eight bytes at a time (the lowest byte a
            // word's mask flags is exact), the last few one by one.
            var found = false
            while i + 8 <= n {
                let mask = specialBytes(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                if mask != 0 { i += mask.trailingZeroBitCount >> 3; found = true; break }
                i += 8
            }
            if !found {
                while i < n && !isSpecial(buf[i]) { i += 1 }
                if i == n { break }
            }
            let b = buf[i]
            if b == 0xE2 {
                if i + 2 < n, buf[i + 1] == 0x80, buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9 {
                    emit(UnsafeBufferPointer(rebasing: buf[runStart..<i]))
                    seq = (0x5C, UInt8(ascii: "u"), UInt8(ascii: "2"), UInt8(ascii: "0"), UInt8(ascii: "2"), buf[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    emitSequence(6)
                    i += 3
                    runStart = i
                } else {
                    i += 1
                }
                continue
            }
            emit(UnsafeBufferPointer(rebasing: buf[runStart..<i]))
            switch b {
            case 0x22, 0x5C: seq.1 = b; emitSequence(2)
            case 0x0A: seq.1 = UInt8(ascii: "n"); emitSequence(2)
            case 0x0D: seq.1 = UInt8(ascii: "r"); emitSequence(2)
            case 0x09: seq.1 = UInt8(ascii: "t"); emitSequence(2)
            case 0x08: seq.1 = UInt8(ascii: "b"); emitSequence(2)
            case 0x0C: seq.1 = UInt8(ascii: "f"); emitSequence(2)
            default:
                seq = (0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(b >> 4), hexDigit(b & 0xF))
                emitSequence(6)
            }
            i += 1
            runStart = i
        }
        emit(UnsafeBufferPointer(rebasing: buf[runStart..<n]))
    }

    /// Whether any of eight bytes is a control character, a quote, a backslash or 0xE2 (the lead byte of
    /// U+2028/U+2029). May say yes for a word that needs nothing (then the bytes are checked one by one).
    @inline(__always)
    static func mayNeedEscaping(_ v: UInt64) -> Bool { specialBytes(v) != 0 }

    /// The high bit of each of eight bytes (little-endian) that is a control character, a quote, a
    /// backslash or 0xE2. Exact up to the lowest flagged byte; bytes above it may be flagged wrongly
    /// (a borrow carries into them), so only the lowest is trusted.
    @inline(__always)
    static func specialBytes(_ v: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let control = (v &- ones &* 0x20) & ~v & highs
        return control | zeroBytes(v ^ (ones &* 0x22)) | zeroBytes(v ^ (ones &* 0x5C)) | zeroBytes(v ^ (ones &* 0xE2))
    }

    /// Whether one byte is a control character, a quote, a backslash or 0xE2 (as `specialBytes`).
    @inline(__always)
    static func isSpecial(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 }

    /// A string as a JSON literal.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
}
