/// SHA-256 (FIPS 180-4), implemented here so the toolchain alone is enough.
///
/// Use `SHA256.hex(of:)` for one-shot digests, or `update` / `finalize` to hash in chunks;
/// both give the same digest.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    )
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    /// A fresh hasher.
    public init() { buffer.reserveCapacity(64) }

    /// Feeds bytes.
    public mutating func update<C: Collection>(_ data: C) where C.Element == UInt8 {
        let handled: Bool? = data.withContiguousStorageIfAvailable { update(buffer: UnsafeRawBufferPointer($0)) }.map { true }
        if handled == nil { update(Array(data)) }
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(_ string: String) {
        var s = string
        s.withUTF8 { update(buffer: UnsafeRawBufferPointer($0)) }
    }

    /// Feeds raw bytes.
    public mutating func update(buffer input: UnsafeRawBufferPointer) {
        length &+= UInt64(input.count)
        var offset = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, input.count)
            buffer.append(contentsOf: input[0..<take])
            offset = take
            if buffer.count == 64 {
                buffer.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (input.count - offset) / 64
        if blocks > 0 {
            compress(input.baseAddress! + offset, blocks: blocks)
            offset += blocks * 64
        }
        if offset < input.count { buffer.append(contentsOf: input[offset...]) }
    }

    /// Finishes and returns the 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = buffer
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { compress($0.baseAddress!, blocks: $0.count / 64) }
        buffer.removeAll()
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in words {
            out.append(UInt8(w >> 24)); out.append(UInt8((w >> 16) & 0xff))
            out.append(UInt8((w >> 8) & 0xff)); out.append(UInt8(w & 0xff))
        }
        return out
    }

    /// The lowercase hex digest of bytes.
    public static func hex<C: Collection>(of data: C) -> String where C.Element == UInt8 {
        var h = SHA256()
        h.update(data)
        return Hex.encode(h.finalize())
    }

    /// The lowercase hex digest of a string's UTF-8 bytes.
    public static func hex(of string: String) -> String {
        var h = SHA256()
        h.update(string)
        return Hex.encode(h.finalize())
    }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// One round. Only `d` and `h` change: the caller renames the eight words between rounds
    /// (passes them rotated) instead of moving seven of them.
    /// `bc` holds `b ^ c` on entry and `a ^ b` on return: the next round's `b ^ c`, so the
    /// majority costs three operations per round instead of four.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32, _ bc: inout UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
        d = d &+ t1
        let ab = a ^ b
        h = t1 &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ (b ^ (ab & bc))
        bc = ab
    }

    /// The message word of round `16 * n + j` (n ≥ 1), computed in place in a ring of the last 16 words.
    @inline(__always)
    private static func schedule(_ w: UnsafeMutablePointer<UInt32>, _ j: Int) -> UInt32 {
        let x = w[(j + 1) & 15], y = w[(j + 14) & 15]
        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
        let v = w[j] &+ s0 &+ w[(j + 9) & 15] &+ s1
        w[j] = v
        return v
    }

    /// Compresses `count` consecutive 64-byte blocks: sixteen rounds per step, the message
    /// schedule computed as it is used (no 64-word array per block).
    private mutating func compress(_ p: UnsafeRawPointer, blocks count: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { ring in
            let w = ring.baseAddress!
            SHA256.k.withUnsafeBufferPointer { table in
                let k = table.baseAddress!
                var block = p
                for _ in 0..<count {
                    for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
                    var (a, b, c, d, e, f, g, h) = state
                    var bc = b ^ c
                    var t = 0
                    while t < 64 {
                        @inline(__always) func kw(_ j: Int) -> UInt32 { k[t + j] &+ (t == 0 ? w[j] : SHA256.schedule(w, j)) }
                        SHA256.round(a, b, c, &d, e, f, g, &h, kw(0), &bc)
                        SHA256.round(h, a, b, &c, d, e, f, &g, kw(1), &bc)
                        SHA256.round(g, h, a, &b, c, d, e, &f, kw(2), &bc)
                        SHA256.round(f, g, h, &a, b, c, d, &e, kw(3), &bc)
                        SHA256.round(e, f, g, &h, a, b, c, &d, kw(4), &bc)
                        SHA256.round(d, e, f, &g, h, a, b, &c, kw(5), &bc)
                        SHA256.round(c, d, e, &f, g, h, a, &b, kw(6), &bc)
                        SHA256.round(b, c, d, &e, f, g, h, &a, kw(7), &bc)
                        SHA256.round(a, b, c, &d, e, f, g, &h, kw(8), &bc)
                        SHA256.round(h, a, b, &c, d, e, f, &g, kw(9), &bc)
                        SHA256.round(g, h, a, &b, c, d, e, &f, kw(10), &bc)
                        SHA256.round(f, g, h, &a, b, c, d, &e, kw(11), &bc)
                        SHA256.round(e, f, g, &h, a, b, c, &d, kw(12), &bc)
                        SHA256.round(d, e, f, &g, h, a, b, &c, kw(13), &bc)
                        SHA256.round(c, d, e, &f, g, h, a, &b, kw(14), &bc)
                        SHA256.round(b, c, d, &e, f, g, h, &a, kw(15), &bc)
                        t += 16
                    }
                    state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
                    block += 64
                }
            }
        }
    }
}

/// Lowercase hexadecimal encoding.
public enum Hex {
    /// Bytes as lowercase hex.
    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
