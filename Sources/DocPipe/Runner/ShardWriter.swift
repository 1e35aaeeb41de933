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
        for name in spool.names {
            let file = SHA256.hex(of: name)
            names.append(["name": .string(name), "file": .string(file)])
            var index: [UInt8] = []
            var offset = 0
            try AtomicFile.write(to: meta.appendingPathComponent("parts/\(file).data")) { h in
                try spool.forEachWithOrder(named: name) { o, bytes in
                    try h.write(contentsOf: Data(bytes))
                    JSONWriter().write([order(o), .int(offset), .int(bytes.count)], into: &index)
                    index.append(0x0A)
                    offset += bytes.count
                }
            }
            try AtomicFile.write(index, to: meta.appendingPathComponent("parts/\(file).index"))
        }
        try AtomicFile.write(JSONWriter().bytes(.array(names)), to: meta.appendingPathComponent("parts.json"))
        var completedCount = 0
        try AtomicFile.write(to: meta.appendingPathComponent("documents.jsonl")) { h in
            try state.forEachCompleted { o, id in
                try h.write(contentsOf: Data(JSONWriter().bytes(["order": order(o), "id": .string(id)]) + [0x0A]))
                completedCount += 1
            }
        }
        let failures = state.failuresWithOrder()
        try AtomicFile.write(lines(failures.map { ["order": order($0.0), "failure": $0.1.json] }),
                             to: meta.appendingPathComponent("errors.jsonl"))
        try AtomicFile.write(to: meta.appendingPathComponent("lock.jsonl")) { h in
            try state.forEachLockEntry { o, entry in
                // The entry's JSON is already canonical: splice it in as the value of "entry".
                try h.write(contentsOf: Data(Array("{\"entry\":".utf8) + entry + Array(",\"order\":".utf8) + JSONWriter().bytes(order(o)) + Array("}\n".utf8)))
            }
        }
        let markerValue: JSONValue = ["shard": .int(shard.index), "of": .int(shard.count), "config": .string(config.digest),
                                      "documents": .int(completedCount), "failed": .int(failures.count), "files": .int(files)]
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
