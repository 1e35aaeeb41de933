/// FNV-1a hashes of lowercased token bytes: how word lists, gazetteers and model features look
/// words up without building strings on the hot path. Stable across runs and machines.
enum WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Hash of bytes, ASCII letters folded to lowercase.
    @inline(__always)
    static func lower(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = offset
        var i = start
        while i < end {
            var b = bytes[i]
            if b &- 0x41 < 26 { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
            i += 1
        }
        return h
    }

    /// Hash of bytes as they are.
    @inline(__always)
    static func exact(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = offset
        var i = start
        while i < end {
            h = (h ^ UInt64(bytes[i])) &* prime
            i += 1
        }
        return h
    }

    /// Hash of a string, lowercased (for building word lists).
    static func lower(_ s: String) -> UInt64 {
        var h = offset
        for var b in s.utf8 {
            if b &- 0x41 < 26 { b |= 0x20 }
            h = (h ^ UInt64(b)) &* prime
        }
        return h
    }

    /// Hash of a string as it is.
    static func exact(_ s: String) -> UInt64 {
        var h = offset
        for b in s.utf8 { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// Combines two hashes (order-sensitive).
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2))
        x = (x ^ (x >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return x ^ (x >> 29)
    }
}
