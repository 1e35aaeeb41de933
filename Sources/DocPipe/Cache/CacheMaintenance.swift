import Foundation

/// `docpipe cache` operations: statistics, size-bounded eviction, verification, clearing.
public struct CacheMaintenance: Sendable {
    /// The cache.
    public let cache: ArtifactCache

    /// Operates on a cache.
    public init(cache: ArtifactCache) { self.cache = cache }

    /// One object on disk.
    public struct Object: Sendable {
        /// Its key.
        public var key: String
        /// Where it is.
        public var url: URL
        /// Size on disk.
        public var bytes: Int
        /// Last use (modification time; reads touch it).
        public var lastUsed: Date
        /// The stage that wrote it, from its header.
        public var stageID: String
    }

    /// Every object, oldest use first (ties by key, so the order is stable).
    public func objects() -> [Object] {
        let root = cache.directory.appendingPathComponent("objects")
        let fm = FileManager.default
        var out: [Object] = []
        for shard in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            let dir = root.appendingPathComponent(shard)
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where !name.hasPrefix(".") {
                let url = dir.appendingPathComponent(name)
                let attrs = try? fm.attributesOfItem(atPath: url.path)
                out.append(Object(key: name, url: url, bytes: (attrs?[.size] as? NSNumber)?.intValue ?? 0,
                                  lastUsed: attrs?[.modificationDate] as? Date ?? .distantPast,
                                  stageID: ArtifactCache.stageID(ofObjectAt: url) ?? "?"))
            }
        }
        return out.sorted { ($0.lastUsed, $0.key) < ($1.lastUsed, $1.key) }
    }

    /// Counts and bytes, in all and by stage id.
    public struct Stats: Sendable {
        /// Objects.
        public var objects = 0
        /// Bytes.
        public var bytes = 0
        /// Per stage id: (objects, bytes).
        public var byStage: [String: (objects: Int, bytes: Int)] = [:]

        /// As JSON.
        public var json: JSONValue {
            ["objects": .int(objects), "bytes": .int(bytes),
             "stages": .object(byStage.mapValues { ["objects": .int($0.objects), "bytes": .int($0.bytes)] })]
        }
    }

    /// Statistics.
    public func stats() -> Stats {
        var s = Stats()
        for o in objects() {
            s.objects += 1
            s.bytes += o.bytes
            s.byStage[o.stageID, default: (0, 0)].objects += 1
            s.byStage[o.stageID, default: (0, 0)].bytes += o.bytes
        }
        return s
    }

    /// Evicts least recently used objects until the cache holds at most `maxBytes`; returns
    /// (objects removed, bytes freed).
    @discardableResult
    public func gc(maxBytes: Int) -> (removed: Int, freed: Int) {
        let all = objects()
        var total = all.reduce(0) { $0 + $1.bytes }
        var removed = 0, freed = 0
        for o in all where total > maxBytes {
            if (try? FileManager.default.removeItem(at: o.url)) != nil {
                total -= o.bytes
                removed += 1
                freed += o.bytes
            }
        }
        removeStaleTemporaries()
        return (removed, freed)
    }

    /// Re-hashes every object; removes and lists the corrupt ones.
    public func verify() -> (checked: Int, corrupt: [String]) {
        var corrupt: [String] = []
        let all = objects()
        for o in all {
            guard let data = FileManager.default.contents(atPath: o.url.path) else { continue }
            if case .failure(let e) = ArtifactCache.verify(Array(data)) {
                try? FileManager.default.removeItem(at: o.url)
                corrupt.append("\(o.key) (\(o.stageID)): \(e.message)")
            }
        }
        removeStaleTemporaries()
        return (all.count, corrupt)
    }

    /// Removes every object.
    public func clear() throws {
        let root = cache.directory.appendingPathComponent("objects")
        if FileManager.default.fileExists(atPath: root.path) { try FileManager.default.removeItem(at: root) }
    }

    /// Deletes temporary files left by killed writers: those whose process is gone, or older than an hour.
    public func removeStaleTemporaries() {
        let root = cache.directory.appendingPathComponent("objects")
        let fm = FileManager.default
        let cutoff = Date().addingTimeInterval(-3600)
        for shard in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] {
            let dir = root.appendingPathComponent(shard)
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasPrefix(".tmp-") {
                let url = dir.appendingPathComponent(name)
                let dead = OutputFolder.ownerPID(ofTemporary: name).map { kill($0, 0) != 0 && errno == ESRCH } ?? false
                let old = ((try? fm.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date).map { $0 < cutoff } ?? false
                if dead || old { try? fm.removeItem(at: url) }
            }
        }
    }

    /// Parses sizes like "500MB", "2 GiB", "1048576".
    public static func parseSize(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("GIB", 1_073_741_824), ("MIB", 1_048_576), ("KIB", 1024), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3),
                                         ("G", 1_073_741_824), ("M", 1_048_576), ("K", 1024), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n >= 0 else { return nil }
            return Int(n * factor)
        }
        return Int(t).flatMap { $0 >= 0 ? $0 : nil }
    }
}
