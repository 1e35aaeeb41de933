/// Tests on eight bytes at once (one unaligned `UInt64` load), so escaping and quoting scan
/// runs of ordinary text a word at a time. Each test is exact for a word with no byte it looks
/// for (it gives false); a word with one gives true.
enum ByteWords {
    @inline(__always) private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inline(__always) private static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `p`.
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
    }

    /// Nonzero when some byte of `x` equals `b`.
    @inline(__always) static func has(_ x: UInt64, _ b: UInt8) -> UInt64 {
        let y = x ^ (ones &* UInt64(b))
        return (y &- ones) & ~y & highs
    }

    /// The bytes of `x` from position `k` on (0...7, little-endian: the word's last `8 - k` bytes)
    /// moved down to its start, as a word whose first byte is the one at `k`.
    @inline(__always) static func from(_ x: UInt64, _ k: Int) -> UInt64 { x >> (8 * UInt64(k)) }

    /// The position (0...7) of the lowest byte flagged in a mask from `has`, `hasControl` or their
    /// union: exact, since a flag only ever spills into bytes above a real match.
    @inline(__always) static func first(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }

    /// Nonzero when some byte of `x` is below 0x20.
    @inline(__always) static func hasControl(_ x: UInt64) -> UInt64 {
        (x &- ones &* 0x20) & ~x & highs
    }

    /// Whether `x` may hold a byte a JSON string escapes: a control byte, `"`, `\`, or 0xE2
    /// (the lead byte of U+2028 and U+2029).
    @inline(__always) static func mayNeedJSONEscape(_ x: UInt64) -> Bool { jsonEscapeMask(x) != 0 }

    /// The bytes of `x` that `mayNeedJSONEscape` looks for, flagged (see `first`).
    @inline(__always) static func jsonEscapeMask(_ x: UInt64) -> UInt64 {
        hasControl(x) | has(x, 0x22) | has(x, 0x5C) | has(x, 0xE2)
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying the string first (as the
    /// mutating `withUTF8` needs) when they are already contiguous, as native strings' are.
    @inline(__always) func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
        var s = self
        return try s.withUTF8(body)
    }
}
