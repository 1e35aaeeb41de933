#if canImport(Glibc)
import Glibc
#endif

/// Finds records by an exact byte key (a path, a document id) without a `String` or a
/// `Dictionary` entry per record: the keys stay where they are (ranges into a buffer the caller
/// owns, or into the index's own arena) and an open-addressing table holds record numbers.
///
/// Keys compare byte for byte (two spellings of "é" are two keys, as they are two files). A key
/// inserted again maps to the later record, as assigning into a dictionary would.
struct ByteKeyIndex: Sendable {
    /// Record number + 1 per slot (0: empty).
    private var slots: [Int32]
    /// Each record's key: start and end in the key buffer.
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    /// The keys' bytes when the index owns them (`appendIfAbsent`); empty when the caller passes the buffer.
    private(set) var arena: [UInt8] = []
    private var used = 0

    /// An index sized for about `capacity` records.
    init(capacity: Int = 16) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Int32](repeating: 0, count: n)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    /// Number of records.
    var count: Int { starts.count }

    /// Adds a record whose key is `key` in `buffer` (the buffer every call passes); returns its number.
    @discardableResult
    mutating func insert(key: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let record = starts.count
        starts.append(Int32(key.lowerBound))
        ends.append(Int32(key.upperBound))
        place(record, hash: Self.hash(UnsafeBufferPointer(rebasing: buffer[key])), in: buffer)
        return record
    }

    /// Adds a record whose key the index keeps in its own arena unless the key is there already;
    /// returns whether it was added (one hash per call).
    @discardableResult
    mutating func appendIfAbsent(key: UnsafeBufferPointer<UInt8>) -> Bool {
        if (used + 1) * 2 > slots.count { arena.withUnsafeBufferPointer { grow(in: $0) } }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: Self.hash(key)) & mask
        let found = arena.withUnsafeBufferPointer { arena -> Bool in
            while slots[i] != 0 {
                if keyEquals(Int(slots[i]) - 1, key, in: arena) { return true }
                i = (i + 1) & mask
            }
            return false
        }
        if found { return false }
        starts.append(Int32(arena.count))
        arena.append(contentsOf: key)
        ends.append(Int32(arena.count))
        slots[i] = Int32(starts.count)
        used += 1
        return true
    }

    /// Where `byte` first occurs in `buffer[from..<to]` (`to` if nowhere), found with `memchr`.
    static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = buffer.baseAddress, let p = memchr(base + from, Int32(byte), to - from) else { return to }
        return UnsafeRawPointer(p) - UnsafeRawPointer(base)
    }

    /// The record with this key (the latest one inserted), looked up in `buffer`.
    func find(_ key: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            if keyEquals(s - 1, key, in: buffer) { return s - 1 }
            i = (i + 1) & mask
        }
    }

    /// The record with this key, looked up in `buffer`.
    func find(_ key: String, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var key = key
        return key.withUTF8 { find($0, in: buffer) }
    }

    /// The record with this key, for an index that owns its keys.
    func find(_ key: String) -> Int? { arena.withUnsafeBufferPointer { find(key, in: $0) } }

    /// The key of record `record`, as a range of the key buffer.
    func keyRange(_ record: Int) -> Range<Int> { Int(starts[record])..<Int(ends[record]) }

    private func keyEquals(_ record: Int, _ key: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = Int(starts[record]), e = Int(ends[record])
        guard e - s == key.count else { return false }
        return key.isEmpty || memcmp(buffer.baseAddress! + s, key.baseAddress!, key.count) == 0
    }

    private mutating func place(_ record: Int, hash: UInt64, in buffer: UnsafeBufferPointer<UInt8>) {
        if (used + 1) * 2 > slots.count { grow(in: buffer) }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        let key = UnsafeBufferPointer(rebasing: buffer[keyRange(record)])
        while slots[i] != 0 {
            if keyEquals(Int(slots[i]) - 1, key, in: buffer) {
                slots[i] = Int32(record + 1)   // the later record wins
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Int32(record + 1)
        used += 1
    }

    private mutating func grow(in buffer: UnsafeBufferPointer<UInt8>) {
        let old = slots
        slots = [Int32](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s != 0 {
            var i = Int(truncatingIfNeeded: Self.hash(UnsafeBufferPointer(rebasing: buffer[keyRange(Int(s) - 1)]))) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }

    /// A hash for this table only (never stored): eight bytes at a time, each word mixed in with a
    /// multiply and a shift (splitmix64's constants); short keys such as paths take a few steps.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(key)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        while i < key.count {
            tail = tail << 8 | UInt64(key[i])
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}
