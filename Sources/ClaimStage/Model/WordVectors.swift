import DocPipe
import Foundation

/// Word vectors learned without labels (skip-gram with negative sampling, `WordVectorTrainer`) from
/// the bench corpus, with two k-means cluster ids per word. The check-worthiness model uses the
/// clusters as sparse features and the vectors as the input of its small neural part.
///
/// Words are looked up by the FNV-1a hash of their lowercased bytes (`ClaimToken.hash`); numbers
/// share two keys (`yearKey` for 4-digit numbers, `numberKey` for others), as in the hashed features.
///
/// File format (little-endian): magic "DPWV", format version UInt32, count UInt32, dimensions
/// UInt32, coarse and fine cluster counts UInt32 × 2, then `count` keys (UInt64, ascending), then
/// per word a Float32 scale and `dimensions` Int8 components (component = value × scale), then per
/// word the coarse and fine cluster ids (UInt16 × 2).
public struct WordVectors: Sendable, Equatable {
    /// Vector length (a multiple of 8).
    public let dimensions: Int
    /// Number of coarse / fine clusters.
    public let coarseClusters: Int, fineClusters: Int
    /// The lookup tables, in one block of `TableMemory` (see `Tables`); a copy of the value
    /// retains this one object.
    private let tables: Tables
    private let mask: Int

    /// Word keys, ascending.
    var keys: [UInt64] { tables.keys }

    /// The key numbers of four digits share (years, mostly).
    static let yearKey: UInt64 = 0x5945_4152
    /// The key other numbers share.
    static let numberKey: UInt64 = 0x4E_554D

    /// The current file-format version.
    static let formatVersion: UInt32 = 1

    /// Number of words.
    public var count: Int { keys.count }

    /// What the pooling and the cluster features need of a row besides its components.
    struct RowInfo: Sendable {
        /// Component = quantised value × scale.
        var scale: Float
        /// Coarse and fine cluster ids.
        var coarse: UInt16, fine: UInt16
    }

    /// The tables every word lookup reads, in huge-page memory: an open-addressing table of
    /// (key, `RowInfo`) slots, 16 bytes each (key 0: empty), and the quantised components of the
    /// word in each slot (`dimensions` bytes per slot, 64-byte aligned, so a 64-dimension row is one
    /// cache line). A word's row is the index of its slot: a word costs two cache lines, its slot
    /// (with its scale and clusters) and its components, and the components' address is known
    /// before the slot is read (see `rows(_:into:)`).
    final class Tables: @unchecked Sendable {
        /// Word keys, ascending (not read by lookups).
        let keys: [UInt64]
        let memory: TableMemory
        let slots: UnsafeMutablePointer<Slot>
        let components: UnsafeMutablePointer<Int8>
        let slotCount: Int

        init(keys: [UInt64], dimensions: Int, slotCount: Int) {
            self.keys = keys
            self.slotCount = slotCount
            let slotBytes = TableMemory.aligned(slotCount * MemoryLayout<Slot>.stride)
            memory = TableMemory(byteCount: slotBytes + slotCount * dimensions)
            slots = memory.bind(Slot.self, at: 0, count: slotCount)
            components = memory.bind(Int8.self, at: slotBytes, count: slotCount * dimensions)
        }
    }

    /// Creates the table from keys in ascending order, their vectors (quantised here to Int8 with
    /// one scale per word) and cluster ids.
    init(keys: [UInt64], dimensions: Int, vectors: [Float], clusters: [UInt16], coarseClusters: Int, fineClusters: Int) {
        precondition(dimensions % 8 == 0 && vectors.count == keys.count * dimensions)
        var quantized = [Int8](repeating: 0, count: vectors.count)
        var scales = [Float](repeating: 1, count: keys.count)
        for r in 0..<keys.count {
            var maxAbs: Float = 0
            for d in 0..<dimensions { maxAbs = max(maxAbs, abs(vectors[r * dimensions + d])) }
            let scale: Float = maxAbs > 0 ? maxAbs / 127 : 1
            scales[r] = scale
            for d in 0..<dimensions {
                quantized[r * dimensions + d] = Int8(clamping: Int((vectors[r * dimensions + d] / scale).rounded()))
            }
        }
        self.init(keys: keys, dimensions: dimensions, quantized: quantized, scales: scales, clusters: clusters,
                  coarseClusters: coarseClusters, fineClusters: fineClusters)
    }

    /// Creates the table from keys in ascending order (none 0), quantised vectors and cluster ids.
    init(keys: [UInt64], dimensions: Int, quantized: [Int8], scales: [Float], clusters: [UInt16], coarseClusters: Int,
         fineClusters: Int) {
        precondition(dimensions % 8 == 0 && quantized.count == keys.count * dimensions && scales.count == keys.count
                     && clusters.count == keys.count * 2 && !keys.contains(0))
        self.init(keys: keys, dimensions: dimensions, coarseClusters: coarseClusters, fineClusters: fineClusters) { r, comps in
            for d in 0..<dimensions { comps[d] = quantized[r * dimensions + d] }
            return RowInfo(scale: scales[r], coarse: clusters[2 * r], fine: clusters[2 * r + 1])
        }
    }

    /// Creates the table from keys in ascending order (none 0); `fill` writes the components of the
    /// `r`-th key where given and returns its `RowInfo`.
    private init(keys: [UInt64], dimensions: Int, coarseClusters: Int, fineClusters: Int,
                 fill: (_ r: Int, UnsafeMutablePointer<Int8>) -> RowInfo) {
        self.dimensions = dimensions
        self.coarseClusters = coarseClusters
        self.fineClusters = fineClusters
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        let tables = Tables(keys: keys, dimensions: dimensions, slotCount: capacity)
        let mask = capacity - 1
        for (r, k) in keys.enumerated() {
            var i = Self.slot(k, mask)
            while tables.slots[i].key != 0 { i = (i + 1) & mask }
            tables.slots[i] = Slot(key: k, info: fill(r, tables.components + i * dimensions))
        }
        self.tables = tables
        self.mask = mask
    }

    @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The key a token is looked up by.
    @inline(__always) static func key(_ t: ClaimToken) -> UInt64 {
        t.shape == .number ? (t.end - t.start == 4 ? yearKey : numberKey) : t.hash
    }

    /// The row of a key (the index of its slot), or -1 when the word is unknown.
    @inline(__always) func row(_ key: UInt64) -> Int {
        let slots = tables.slots
        var i = Self.slot(key, mask)
        while true {
            let s = slots[i]
            if s.key == 0 { return -1 }
            if s.key == key { return i }
            i = (i + 1) & mask
        }
    }

    /// One slot of the lookup table: a word's key and what the pooling and the cluster features
    /// need of its row besides the components (key 0: empty).
    struct Slot: Sendable {
        var key: UInt64
        var info: RowInfo
    }

    /// The row of each token (-1 for punctuation and unknown words), into `out`. Returns a value
    /// made from the first component of each word's home row, to keep in `Scratch.touched`.
    ///
    /// First every token's home slot is read without a branch on what it holds, and with it the
    /// first byte of the components of the word there (a word's row is its slot, so both addresses
    /// are known at once): the loads, mostly cache misses, all overlap, and the pooling and the
    /// cluster features then find the rows in cache (the other stages evict the tables between
    /// documents). The few tokens whose home slot holds another word are then looked up along their
    /// probe chain.
    @discardableResult
    func rows(_ tokens: [ClaimToken], into out: inout [Int32]) -> UInt32 {
        let n = tokens.count
        // One entry per token, each written below: the array is only resized.
        if out.count > n { out.removeLast(out.count - n) } else if out.count < n {
            out.append(contentsOf: repeatElement(-1, count: n - out.count))
        }
        let mask = self.mask, D = dimensions
        let s = tables.slots, q = tables.components
        var further = false
        var touched: UInt32 = 0
        tokens.withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<n {
                    let key = Self.key(t[i])
                    let h = Self.slot(key, mask)
                    let home = s[h]
                    let word: Int32 = t[i].isWord ? 1 : 0
                    touched = touched &+ UInt32(UInt8(bitPattern: q[Int(word) &* h &* D]))
                    // The row when the home slot holds the key; -1 when it is empty (unknown word);
                    // -2: look further. In arithmetic, not branches on the loaded key (which the
                    // processor would have to guess before the load completes).
                    let empty: Int32 = home.key == 0 ? 1 : 0
                    let hit: Int32 = (home.key == key ? 1 : 0) & (key != 0 ? 1 : 0)
                    let found = -2 &+ empty &+ hit &* (Int32(truncatingIfNeeded: h) &+ 2)
                    let r = word &* (found &+ 1) &- 1
                    o[i] = r
                    further = further || r == -2
                }
                if further {
                    for i in 0..<n where o[i] == -2 { o[i] = Int32(row(Self.key(t[i]))) }
                }
            }
        }
        return touched
    }

    /// The quantised components of row `r` (`dimensions` values).
    @inline(__always) func quantizedRow(_ r: Int) -> UnsafePointer<Int8> { UnsafePointer(tables.components + r * dimensions) }
    /// The scale of row `r` (component = quantised value × scale).
    @inline(__always) func scale(_ r: Int) -> Float { tables.slots[r].info.scale }

    /// Component `d` of row `r` (as the neural part sees it: quantised value × scale).
    @inline(__always) func component(_ r: Int, _ d: Int) -> Float { Float(quantizedRow(r)[d]) * scale(r) }

    /// Every row's slot, whose `info` is the row's `RowInfo` (valid while this value or a copy of it lives).
    var rowSlots: UnsafePointer<Slot> { UnsafePointer(tables.slots) }

    /// Coarse cluster of a row.
    @inline(__always) func coarse(_ row: Int) -> Int { Int(tables.slots[row].info.coarse) }
    /// Fine cluster of a row.
    @inline(__always) func fine(_ row: Int) -> Int { Int(tables.slots[row].info.fine) }

    /// The vectors shipped with the stage (nil when the resource is missing).
    public static let bundled: WordVectors? = {
        guard let url = Bundle.module.url(forResource: "claims-vectors", withExtension: "bin", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "claims-vectors", withExtension: "bin"),
              let vectors = try? AtomicFile.withMappedFile(path: url.path, { try WordVectors(raw: $0) }) else { return nil }
        return vectors   // decoded from the mapped file: no read into fresh memory first
    }()

    /// Serialises the table (components quantised to Int8 with one scale per word).
    public var bytes: [UInt8] {
        var out: [UInt8] = Array("DPWV".utf8)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(Self.formatVersion)
        u32(UInt32(count))
        u32(UInt32(dimensions))
        u32(UInt32(coarseClusters))
        u32(UInt32(fineClusters))
        for k in keys { withUnsafeBytes(of: k.littleEndian) { out.append(contentsOf: $0) } }
        let rows = keys.map(row)
        for r in rows {
            u32(scale(r).bitPattern)
            let q = quantizedRow(r)
            for d in 0..<dimensions { out.append(UInt8(bitPattern: q[d])) }
        }
        for r in rows {
            for c in [UInt16(coarse(r)), UInt16(fine(r))] { withUnsafeBytes(of: c.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }

    /// Reads a table written by `bytes`.
    public init(bytes: [UInt8]) throws {
        try self = bytes.withUnsafeBytes { try WordVectors(raw: $0) }
    }

    /// Reads a table written by `bytes` from memory (the bundled file is mapped, not copied).
    init(raw: UnsafeRawBufferPointer) throws {
        guard raw.count >= 24, raw.prefix(4).elementsEqual("DPWV".utf8) else {
            throw StageModelError("not a word-vector file (bad magic)")
        }
        func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        guard u32(4) == Self.formatVersion else { throw StageModelError("word-vector format \(u32(4)) is not supported") }
        let n = Int(u32(8)), dims = Int(u32(12))
        guard dims > 0, dims % 8 == 0, raw.count == 24 + n * 8 + n * (4 + dims) + n * 4 else {
            throw StageModelError("truncated word-vector file")
        }
        guard n == 0 || raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self) != 0 else {
            throw StageModelError("word-vector key 0 is reserved")  // keys ascend: only the first can be 0
        }
        // Decoded with unaligned little-endian loads straight into the tables (this runs at
        // start-up: 2 MB, byte by byte it was most of the stage's model loading).
        let rowsAt = 24 + n * 8, clustersAt = rowsAt + n * (4 + dims)
        let keys = [UInt64](unsafeUninitializedCapacity: n) { out, count in
            for i in 0..<n { out[i] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24 + i * 8, as: UInt64.self)) }
            count = n
        }
        func u16(_ at: Int) -> UInt16 { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)) }
        self.init(keys: keys, dimensions: dims, coarseClusters: Int(u32(16)), fineClusters: Int(u32(20))) { r, comps in
            let at = rowsAt + r * (4 + dims)
            UnsafeMutableRawPointer(comps).copyMemory(from: raw.baseAddress! + at + 4, byteCount: dims)
            return RowInfo(scale: Float(bitPattern: u32(at)), coarse: u16(clustersAt + 4 * r), fine: u16(clustersAt + 4 * r + 2))
        }
    }

    /// Reads a file written by `bytes`.
    public init(contentsOf path: String) throws {
        try self.init(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Equal when keys, components and clusters are.
    public static func == (a: WordVectors, b: WordVectors) -> Bool {
        guard a.dimensions == b.dimensions, a.keys == b.keys else { return false }
        for k in a.keys {
            let ra = a.row(k), rb = b.row(k)
            let x = a.tables.slots[ra].info, y = b.tables.slots[rb].info
            guard x.scale.bitPattern == y.scale.bitPattern, x.coarse == y.coarse, x.fine == y.fine,
                  memcmp(a.quantizedRow(ra), b.quantizedRow(rb), a.dimensions) == 0 else { return false }
        }
        return true
    }
}
