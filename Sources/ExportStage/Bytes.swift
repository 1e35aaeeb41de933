import DocPipe

/// Small appenders for writing output bytes directly.
enum Bytes {
    /// Appends a decimal integer.
    @inline(__always) static func int(_ v: Int, _ out: inout [UInt8]) {
        if v >= 0 && v < 10 { out.append(0x30 &+ UInt8(v)); return }
        if v < 0 { out.append(contentsOf: String(v).utf8); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var x = v
        withUnsafeMutableBytes(of: &digits) { d in
            while x > 0 { d[19 - n] = 0x30 &+ UInt8(x % 10); x /= 10; n += 1 }
            out.append(contentsOf: d[(20 - n)...])
        }
    }

    /// Appends an integer, or `null`.
    @inline(__always) static func int(_ v: Int?, _ out: inout [UInt8]) {
        if let v { int(v, &out) } else { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
    }

    /// Appends `text[range]` as a JSON string literal.
    @inline(__always) static func jsonString(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ out: inout [UInt8]) {
        out.append(0x22)
        JSONWriter.appendEscaped(UnsafeBufferPointer(rebasing: text[range]), to: &out)
        out.append(0x22)
    }

    /// Appends a string as a JSON string literal.
    @inline(__always) static func jsonString(_ s: String, _ out: inout [UInt8]) { JSONWriter.appendString(s, to: &out) }

    /// Appends a static string's bytes.
    @inline(__always) static func raw(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}
