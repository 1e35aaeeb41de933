#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocPipe

/// What the tagger's features read about a lowercase word from lists: its lexicon info
/// (`WordLexicon`) and its person-name code (`Gazetteer.personNameEntries`), in one
/// open-addressing table. A capitalised token costs one probe (one likely cache miss) instead of
/// one in each of two tables, and the process zeroes one 2 MB table instead of two.
///
/// Lookups answer exactly what `HashTable` lookups of the two lists answer (key 0 reads key 1;
/// among equal keys the later one wins; a word missing from a list reads 0). Keys and values share
/// 16-byte slots; read-only after building.
struct WordFacts: Sendable {
    struct Slot {
        var key: UInt64 = 0
        var info: UInt32 = 0
        var person: UInt32 = 0
    }

    private let storage: SlotStorage<Slot>
    private let mask: Int

    /// A table of lexicon infos and person-name codes.
    init(lexicon: [(UInt64, UInt32)], personNames: [(UInt64, UInt32)]) {
        // At most 60 % full, as `HashTable`.
        let entries = lexicon.count + personNames.count
        var capacity = 16
        while capacity * 3 < entries * 5 { capacity <<= 1 }
        let storage = SlotStorage(count: capacity, empty: Slot())
        let mask = capacity - 1
        let s = storage.slots
        func slot(_ k: UInt64) -> UnsafeMutablePointer<Slot> {
            let key = k == 0 ? 1 : k
            var i = Self.slot(key, mask)
            while s[i].key != 0 && s[i].key != key { i = (i + 1) & mask }
            s[i].key = key
            return s + i
        }
        for (k, v) in lexicon { slot(k).pointee.info = v }
        for (k, v) in personNames { slot(k).pointee.person = v }
        self.storage = storage
        self.mask = mask
    }

    @inline(__always) private static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The lexicon info and person-name code of a word (0 for what a list does not hold).
    @inline(__always) func get(_ k: UInt64) -> (info: UInt32, person: UInt32) {
        let key = k == 0 ? 1 : k
        let s = storage.slots
        var i = Self.slot(key, mask)
        while true {
            let x = s[i].key
            if x == key { return (s[i].info, s[i].person) }
            if x == 0 { return (0, 0) }
            i = (i + 1) & mask
        }
    }
}
