import Foundation

/// What unlabeled text says about words: its distributional clusters at three grains and how often
/// it is capitalised away from the start of a sentence, packed in 32 bits as
/// `c1024+1 (10 bits) | c256+1 (8) | c64 (6) | capitalisation bucket (4) | frequency bucket (4)`.
///
/// Built by `WordLexiconBuilder` from shared/corpus/bench; shipped as Resources/ner-lexicon.bin.
struct WordLexicon: Sendable {
    /// Word hashes, ascending.
    let keys: [UInt64]
    /// Packed info of each key.
    let values: [UInt32]

    /// An empty lexicon (every word unknown).
    init() { self.init(keys: [], values: []) }

    /// Sorted keys and their values.
    init(keys: [UInt64], values: [UInt32]) {
        self.keys = keys
        self.values = values
    }

    /// The packed info of a lowercase word hash (0 when unknown; hash 0 reads key 1, as in
    /// `HashTable`). A binary search: the tagger reads infos from `WordFacts`.
    func info(_ hash: UInt64) -> UInt32 {
        let key = hash == 0 ? 1 : hash
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key ? values[lo] : 0
    }

    /// Number of words.
    var count: Int { keys.count }

    static let magic = Array("DPLEX001".utf8)

    /// Binary form: magic, count (UInt32 LE), keys (UInt64 LE), values (UInt32 LE).
    func serialized() -> [UInt8] {
        var out = Self.magic
        out.appendLE(UInt32(keys.count))
        for k in keys { out.appendLE(k) }
        for v in values { out.appendLE(v) }
        return out
    }

    /// Reads the binary form.
    init(bytes: [UInt8]) throws {
        guard bytes.count >= 12, Array(bytes[0..<8]) == Self.magic else { throw EntityResourceError("not a docpipe lexicon file") }
        var r = ByteReader(bytes, at: 8)
        let n = Int(r.u32())
        guard bytes.count == 12 + n * 12 else { throw EntityResourceError("lexicon file has the wrong size") }
        let (keys, values) = bytes.withUnsafeBytes { raw in
            ([UInt64](unsafeUninitializedCapacity: n) { buf, count in
                for i in 0..<n { buf[i] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12 + 8 * i, as: UInt64.self)) }
                count = n
            }, [UInt32](unsafeUninitializedCapacity: n) { buf, count in
                for i in 0..<n { buf[i] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 12 + 8 * n + 4 * i, as: UInt32.self)) }
                count = n
            })
        }
        self.init(keys: keys, values: values)
    }
}

/// Little-endian reading of a byte array.
struct ByteReader {
    let bytes: [UInt8]
    var at: Int
    init(_ bytes: [UInt8], at: Int) { self.bytes = bytes; self.at = at }
    mutating func u32() -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[at + k]) << (8 * k) }
        at += 4
        return v
    }
    mutating func u64() -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * k) }
        at += 8
        return v
    }
}

extension Array where Element == UInt8 {
    mutating func appendLE(_ v: UInt32) { for k in 0..<4 { append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func appendLE(_ v: UInt64) { for k in 0..<8 { append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
}
