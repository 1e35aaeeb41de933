import DocPipe

/// Makes JSON objects with a known set of keys without hashing a key per object: each object starts
/// as a copy of a prebuilt dictionary holding those keys (a copy keeps its buckets, so the
/// prebuilt indices stay valid) and its values are set by index.
///
/// Keys are numbered in the order given: the required ones, then the optional ones. A template
/// with optional keys has a variant for each subset of them (`variant(_:)`).
struct ObjectTemplate: Sendable {
    /// The prototype of each variant, by the bit set of the optional keys it has.
    private let prototypes: [[String: JSONValue]]
    /// Per variant, the index of each numbered key (nil: the variant lacks that optional key).
    private let indices: [[Dictionary<String, JSONValue>.Index?]]

    /// A template with these keys always present and the optional ones (at most 8) as chosen.
    init(required: [String], optional: [String] = []) {
        precondition(optional.count <= 8)
        var prototypes: [[String: JSONValue]] = [], indices: [[Dictionary<String, JSONValue>.Index?]] = []
        for mask in 0..<(1 << optional.count) {
            let present = required + optional.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
            var prototype = [String: JSONValue](minimumCapacity: present.count)
            for k in present { prototype[k] = .null }
            prototypes.append(prototype)
            indices.append((required + optional).map { prototype.index(forKey: $0) })
        }
        self.prototypes = prototypes
        self.indices = indices
    }

    /// One variant: the keys it has, ready to make objects.
    struct Variant {
        fileprivate let prototype: [String: JSONValue]
        fileprivate let indices: [Dictionary<String, JSONValue>.Index?]

        /// A new object holding the variant's keys, every value null.
        func make() -> [String: JSONValue] { prototype }

        /// Sets the value of key number `key` (which the variant must have) in an object from `make()`.
        @inline(__always) func set(_ object: inout [String: JSONValue], _ key: Int, _ value: JSONValue) {
            object.values[indices[key]!] = value
        }
    }

    /// The variant with the optional keys whose bits are set in `optionalKeys` (bit 0: the first).
    func variant(_ optionalKeys: Int = 0) -> Variant {
        Variant(prototype: prototypes[optionalKeys], indices: indices[optionalKeys])
    }
}
