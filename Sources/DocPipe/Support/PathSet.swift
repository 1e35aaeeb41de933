/// A set of relative paths kept as UTF-8 bytes in one buffer: built from a folder listing of
/// thousands of files without a `String` each, checked byte for byte.
struct PathSet: Sendable {
    private var index: ByteKeyIndex

    /// An empty set sized for about `capacity` paths.
    init(capacity: Int = 16) { index = ByteKeyIndex(capacity: capacity) }

    /// Number of paths.
    var count: Int { index.count }

    /// Adds a path given as UTF-8 bytes.
    mutating func insert(_ path: UnsafeBufferPointer<UInt8>) {
        index.appendIfAbsent(key: path)
    }

    /// Adds a path.
    mutating func insert(_ path: String) {
        var path = path
        path.withUTF8 { insert($0) }
    }

    /// Whether the set holds the path given as UTF-8 bytes.
    func contains(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        index.arena.withUnsafeBufferPointer { index.find(path, in: $0) != nil }
    }

    /// Whether the set holds the path.
    func contains(_ path: String) -> Bool { index.find(path) != nil }
}
