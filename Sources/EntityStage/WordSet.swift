/// A read-only set of word hashes backed by `HashTable` (no SipHash rehashing on lookup).
struct WordSet: Sendable {
    private let table: HashTable

    /// The set of the lowercase hashes of `words`.
    init(_ words: [String]) { table = HashTable(words.map { (WordHash.lower($0), 1) }) }

    /// Whether the set holds a hash.
    @inline(__always) func contains(_ h: UInt64) -> Bool { table.get(h) != nil }
}
