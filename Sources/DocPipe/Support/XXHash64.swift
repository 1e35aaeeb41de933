/// xxHash64 (Yann Collet's non-cryptographic hash, spec 0.1.1), implemented here.
///
/// docpipe uses SHA-256 for everything that names content (cache keys, input digests) and this
/// much faster checksum for what only has to detect damage or drift: cache-object verification
/// and the output digests in docpipe.lock. `Checksum` runs it twice with different seeds for 128 bits.
public struct XXHash64: Sendable {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    @inline(__always) static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }
    @inline(__always) static func merge(_ acc: UInt64, _ val: UInt64) -> UInt64 {
        (acc ^ round(0, val)) &* p1 &+ p4
    }

    /// The hash of a buffer.
    public static func hash(_ buf: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        hashPair(buf, seeds: (seed, seed)).0
    }

    /// The hashes of a buffer under two seeds, in one pass over it (the same values as two
    /// `hash` calls; the two lanes interleave, so the loads are shared and the rounds overlap).
    public static func hashPair(_ buf: UnsafeRawBufferPointer, seeds: (UInt64, UInt64)) -> (UInt64, UInt64) {
        var v = lanes(seeds.0), w = lanes(seeds.1)
        let i = stripes(buf, &v, &w)
        let (h, g) = accumulators(v, w, seeds: seeds, length: buf.count)
        return finishPair(h, g, buf, from: i)
    }

    /// A seed's four lanes before the first stripe.
    @inline(__always) static func lanes(_ seed: UInt64) -> (UInt64, UInt64, UInt64, UInt64) {
        (seed &+ p1 &+ p2, seed &+ p2, seed, seed &- p1)
    }

    /// Both hashes before their last bytes: each seed's lanes folded when `length` held a whole
    /// stripe (else the seed alone), plus the length.
    @inline(__always)
    static func accumulators(_ v: (UInt64, UInt64, UInt64, UInt64), _ w: (UInt64, UInt64, UInt64, UInt64),
                             seeds: (UInt64, UInt64), length: Int) -> (UInt64, UInt64) {
        guard length >= 32 else { return (seeds.0 &+ p5 &+ UInt64(length), seeds.1 &+ p5 &+ UInt64(length)) }
        return (converge(v.0, v.1, v.2, v.3) &+ UInt64(length), converge(w.0, w.1, w.2, w.3) &+ UInt64(length))
    }

    /// Both seeds' four lanes fed every whole 32-byte stripe of `buf`; returns the bytes consumed.
    /// The lanes live in locals for the loop (not in a struct's stored properties between stripes).
    @inline(__always)
    static func stripes(_ buf: UnsafeRawBufferPointer, _ v: inout (UInt64, UInt64, UInt64, UInt64),
                        _ w: inout (UInt64, UInt64, UInt64, UInt64)) -> Int {
        var (v1, v2, v3, v4) = v
        var (w1, w2, w3, w4) = w
        let n = buf.count
        var i = 0
        while i + 32 <= n {
            let a = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let b = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            let c = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            let d = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            v1 = round(v1, a); v2 = round(v2, b); v3 = round(v3, c); v4 = round(v4, d)
            w1 = round(w1, a); w2 = round(w2, b); w3 = round(w3, c); w4 = round(w4, d)
            i += 32
        }
        v = (v1, v2, v3, v4)
        w = (w1, w2, w3, w4)
        return i
    }

    /// The four lanes of one seed folded into one value, after the 32-byte stripes.
    @inline(__always) static func converge(_ v1: UInt64, _ v2: UInt64, _ v3: UInt64, _ v4: UInt64) -> UInt64 {
        var h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
        h = merge(h, v1); h = merge(h, v2); h = merge(h, v3); h = merge(h, v4)
        return h
    }

    /// Both hashes' last steps: the bytes of `buf` from `start` on (fewer than 32), then the avalanche.
    @inline(__always) static func finishPair(_ h: UInt64, _ g: UInt64, _ buf: UnsafeRawBufferPointer, from start: Int) -> (UInt64, UInt64) {
        var h = h, g = g, i = start
        let n = buf.count
        while i + 8 <= n {
            let k = round(0, UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            h ^= k; h = rotl(h, 27) &* p1 &+ p4
            g ^= k; g = rotl(g, 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= n {
            let k = UInt64(UInt32(littleEndian: buf.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* p1
            h ^= k; h = rotl(h, 23) &* p2 &+ p3
            g ^= k; g = rotl(g, 23) &* p2 &+ p3
            i += 4
        }
        while i < n {
            let k = UInt64(buf[i]) &* p5
            h ^= k; h = rotl(h, 11) &* p1
            g ^= k; g = rotl(g, 11) &* p1
            i += 1
        }
        return (avalanche(h), avalanche(g))
    }

    @inline(__always) static func avalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33; h = h &* p2
        h ^= h >> 29; h = h &* p3
        h ^= h >> 32
        return h
    }

    /// The hash of bytes.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }
}

extension XXHash64 {
    /// The two lanes of `hashPair`, fed in pieces: the same values as one `hashPair` over the
    /// concatenation (for writing a file from several buffers without joining them first).
    struct PairStream {
        private var v: (UInt64, UInt64, UInt64, UInt64)
        private var w: (UInt64, UInt64, UInt64, UInt64)
        private let seeds: (UInt64, UInt64)
        /// Bytes fed so far.
        private var length = 0
        /// A stripe (32 bytes) not yet complete.
        private var carry: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var carried = 0

        init(seeds: (UInt64, UInt64)) {
            self.seeds = seeds
            v = XXHash64.lanes(seeds.0)
            w = XXHash64.lanes(seeds.1)
        }

        @inline(__always)
        private mutating func stripe(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) {
            v = (round(v.0, a), round(v.1, b), round(v.2, c), round(v.3, d))
            w = (round(w.0, a), round(w.1, b), round(w.2, c), round(w.3, d))
        }

        /// Feeds bytes.
        mutating func update(_ buf: UnsafeRawBufferPointer) {
            let n = buf.count
            guard n > 0 else { return }
            length += n
            var i = 0
            if carried > 0 {
                let take = min(32 - carried, n)
                withUnsafeMutableBytes(of: &carry) { c in
                    c.baseAddress!.advanced(by: carried).copyMemory(from: buf.baseAddress!, byteCount: take)
                }
                carried += take
                i = take
                guard carried == 32 else { return }
                let (a, b, c, d) = carry
                stripe(UInt64(littleEndian: a), UInt64(littleEndian: b), UInt64(littleEndian: c), UInt64(littleEndian: d))
                carried = 0
            }
            if i + 32 <= n { i += XXHash64.stripes(UnsafeRawBufferPointer(rebasing: buf[i...]), &v, &w) }
            if i < n {
                withUnsafeMutableBytes(of: &carry) { c in c.baseAddress!.copyMemory(from: buf.baseAddress! + i, byteCount: n - i) }
                carried = n - i
            }
        }

        /// The two hashes.
        func finish() -> (UInt64, UInt64) {
            let (h, g) = XXHash64.accumulators(v, w, seeds: seeds, length: length)
            var tail = carry
            return withUnsafeBytes(of: &tail) { finishPair(h, g, UnsafeRawBufferPointer(rebasing: $0[..<carried]), from: 0) }
        }
    }
}

/// A 128-bit checksum (two xxHash64 lanes) as 32 hex digits, prefixed "xxh128:" nowhere: the
/// cache header and lock file just store the hex.
public enum Checksum {
    /// The checksum of bytes.
    public static func hex(of bytes: [UInt8]) -> String {
        let (a, b) = bytes.withUnsafeBytes { XXHash64.hashPair($0, seeds: (0, 0x9E37_79B9_7F4A_7C15)) }
        return String(unsafeUninitializedCapacity: 32) { out in
            writeHex(a, into: out, at: 0)
            writeHex(b, into: out, at: 16)
            return 32
        }
    }

    /// The checksum of the concatenation of `pieces` (the same as `hex(of:)` of the joined bytes).
    public static func hex(ofPieces pieces: [[UInt8]]) -> String {
        var stream = XXHash64.PairStream(seeds: (0, 0x9E37_79B9_7F4A_7C15))
        for p in pieces { p.withUnsafeBytes { stream.update($0) } }
        let (a, b) = stream.finish()
        return String(unsafeUninitializedCapacity: 32) { out in
            writeHex(a, into: out, at: 0)
            writeHex(b, into: out, at: 16)
            return 32
        }
    }

    static func hex64(_ v: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { out in
            writeHex(v, into: out, at: 0)
            return 16
        }
    }

    /// Sixteen lowercase hex digits of `v`, most significant first.
    private static func writeHex(_ v: UInt64, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        for k in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: v >> (60 - 4 * UInt64(k))) & 0xF
            out[start + k] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
        }
    }
}
