/// `--shard I/N`: this process handles the documents whose id hashes to I modulo N.
///
/// The hash is SHA-256 of the document id (first 8 bytes, big-endian), never `Hasher`, so every
/// machine agrees. I counts from 0, so Slurm's `--array=0-(N-1)` maps directly.
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    /// This shard, 0 ..< count.
    public var index: Int
    /// Number of shards.
    public var count: Int

    /// Parses "I/N".
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { return nil }
        index = i
        count = n
    }

    /// A shard.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// The shard a document id belongs to.
    public static func shard(of id: String, count: Int) -> Int {
        var h = SHA256()
        h.update(id)
        let d = h.finalize()
        var v: UInt64 = 0
        for b in d.prefix(8) { v = v << 8 | UInt64(b) }
        return Int(v % UInt64(count))
    }

    /// Whether this shard handles the id.
    public func contains(_ id: String) -> Bool { ShardSpec.shard(of: id, count: count) == index }

    /// The shard's folder name, "I-of-N".
    public var folderName: String { "\(index)-of-\(count)" }

    /// "I/N".
    public var description: String { "\(index)/\(count)" }
}
