import Foundation

/// Writes a sharded run's part: its per-document files plus, under `.shard/`, its corpus parts,
/// completed documents, failures and lock entries (each with its global input order) and a
/// completion marker. Built in a temporary folder and renamed into `<shards>/<I>-of-<N>`.
enum ShardWriter {
    /// The marker that says a shard part is complete.
    static let marker = ".shard/COMPLETE.json"

    static func write(shard: ShardSpec, config: PipelineConfig, state: RunState, spool: PartSpool, output: OutputFolder,
                      shardsDirectory: URL, files: Int) throws {
        let tmp = output.root
        let meta = tmp.appendingPathComponent(".shard")
        func order(_ o: DocumentOrder) -> JSONValue { [.int(o.file), .int(o.record)] }
        func lines(_ values: [JSONValue]) -> [UInt8] {
            var out: [UInt8] = []
            for v in values { JSONWriter().write(v, into: &out); out.append(0x0A) }
            return out
        }
        // Corpus parts: one data file and one index per part name.
        var names: [JSONValue] = []
        for (name, entries) in spool.entries().sorted(by: { $0.key < $1.key }) {
            let file = SHA256.hex(of: name)
            names.append(["name": .string(name), "file": .string(file)])
            var index: [JSONValue] = []
            var offset = 0
            try AtomicFile.write(to: meta.appendingPathComponent("parts/\(file).data")) { h in
                try spool.forEach(named: name) { bytes in try h.write(contentsOf: Data(bytes)) }
            }
            for (o, _, length) in entries {
                index.append([order(o), .int(offset), .int(length)])
                offset += length
            }
            try AtomicFile.write(lines(index), to: meta.appendingPathComponent("parts/\(file).index"))
        }
        try AtomicFile.write(JSONWriter().bytes(.array(names)), to: meta.appendingPathComponent("parts.json"))
        let completed = state.completedWithOrder()
        try AtomicFile.write(lines(completed.map { ["order": order($0.0), "id": .string($0.1)] }),
                             to: meta.appendingPathComponent("documents.jsonl"))
        let failures = state.failuresWithOrder()
        try AtomicFile.write(lines(failures.map { ["order": order($0.0), "failure": $0.1.json] }),
                             to: meta.appendingPathComponent("errors.jsonl"))
        try AtomicFile.write(lines(state.lockWithOrder().map { ["order": order($0.0), "entry": $0.1.json] }),
                             to: meta.appendingPathComponent("lock.jsonl"))
        let markerValue: JSONValue = ["shard": .int(shard.index), "of": .int(shard.count), "config": .string(config.digest),
                                      "documents": .int(completed.count), "failed": .int(failures.count), "files": .int(files)]
        try AtomicFile.write(JSONWriter(pretty: true).bytes(markerValue), to: tmp.appendingPathComponent(marker))
        // Replace any earlier part of the same shard in one rename.
        let final = shardsDirectory.appendingPathComponent(shard.folderName)
        let fm = FileManager.default
        if fm.fileExists(atPath: final.path) {
            let old = shardsDirectory.appendingPathComponent(".tmp-\(getpid())-old-\(shard.folderName)")
            try fm.moveItem(at: final, to: old)
            try fm.moveItem(at: tmp, to: final)
            try? fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: tmp, to: final)
        }
    }
}
