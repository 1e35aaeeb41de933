import Foundation

/// Combines the parts written by `docpipe run --shard I/N` into the normal outputs, exactly as
/// one unsharded run would have written them. Refuses an incomplete set, a mix of shard counts,
/// or parts made with a different pipeline.
public struct ShardMerger: Sendable {
    /// The pipeline (its finish steps build the corpus files).
    public let config: PipelineConfig
    /// The folder holding the `I-of-N` parts.
    public let shardsDirectory: URL
    /// Where the merged outputs go.
    public let outputDirectory: URL

    /// Creates a merger.
    public init(config: PipelineConfig, shardsDirectory: URL, outputDirectory: URL) {
        self.config = config
        self.shardsDirectory = shardsDirectory
        self.outputDirectory = outputDirectory
    }

    /// A problem with the set of parts.
    public struct MergeError: Error, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// Merges; returns a report with the combined counts, failures and lock entries.
    public func merge() async throws -> RunReport {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: shardsDirectory.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let specs = names.compactMap { n -> ShardSpec? in ShardSpec(n.replacingOccurrences(of: "-of-", with: "/")) }
        guard let count = specs.first?.count else {
            throw MergeError(description: "no shard parts (folders named I-of-N) in \(shardsDirectory.path)")
        }
        guard specs.allSatisfy({ $0.count == count }) else {
            throw MergeError(description: "parts of different shard counts in \(shardsDirectory.path): \(names.joined(separator: ", "))")
        }
        var shardDirs: [URL] = []
        var missing: [String] = []
        for i in 0..<count {
            let dir = shardsDirectory.appendingPathComponent(ShardSpec(index: i, count: count).folderName)
            let marker = dir.appendingPathComponent(ShardWriter.marker)
            guard let data = fm.contents(atPath: marker.path), let m = try? JSONParser.parse(Array(data)) else {
                missing.append("\(i)/\(count)")
                continue
            }
            guard m["config"]?.stringValue == config.digest else {
                throw MergeError(description: "shard \(i)/\(count) was made with a different pipeline configuration; rerun it with: docpipe run --shard \(i)/\(count)")
            }
            shardDirs.append(dir)
        }
        guard missing.isEmpty else {
            throw MergeError(description: "incomplete shard set: \(missing.joined(separator: ", ")) missing or unfinished; run docpipe run --shard I/\(count) for each, then merge again")
        }

        try fm.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let output = OutputFolder(root: outputDirectory)
        output.removeLeftovers()
        var completed: [(DocumentOrder, String)] = []
        var failures: [(DocumentOrder, RunReport.Failure)] = []
        var lock: [(DocumentOrder, LockFile.Entry)] = []
        var parts: [String: [(DocumentOrder, URL, Int, Int)]] = [:]
        for dir in shardDirs {
            // Per-document files.
            if let e = fm.enumerator(atPath: dir.path) {
                while let rel = e.nextObject() as? String {
                    if rel == ".shard" || rel.hasPrefix(".shard/") { e.skipDescendants(); continue }
                    var isDir: ObjCBool = false
                    let u = dir.appendingPathComponent(rel)
                    guard fm.fileExists(atPath: u.path, isDirectory: &isDir), !isDir.boolValue, let d = fm.contents(atPath: u.path) else { continue }
                    try output.write(rel, bytes: [UInt8](d))
                }
            }
            let meta = dir.appendingPathComponent(".shard")
            for v in try Self.lines(meta.appendingPathComponent("documents.jsonl")) {
                completed.append((Self.order(v["order"]), v["id"]?.stringValue ?? ""))
            }
            for v in try Self.lines(meta.appendingPathComponent("errors.jsonl")) {
                let f = v["failure"] ?? .null
                failures.append((Self.order(v["order"]), RunReport.Failure(document: f["document"]?.stringValue ?? "", stage: f["stage"]?.stringValue ?? "",
                    source: f["source"]?.stringValue ?? "", message: f["message"]?.stringValue ?? "", code: f["code"]?.stringValue ?? "")))
            }
            for v in try Self.lines(meta.appendingPathComponent("lock.jsonl")) {
                let e = v["entry"] ?? .null
                lock.append((Self.order(v["order"]), LockFile.Entry(document: e["document"]?.stringValue ?? "", source: e["source"]?.stringValue ?? "",
                    input: e["input"]?.stringValue ?? "", outputs: (e["outputs"]?.objectValue ?? [:]).compactMapValues(\.stringValue))))
            }
            let partNames = (try? JSONParser.parse([UInt8](fm.contents(atPath: meta.appendingPathComponent("parts.json").path) ?? Data("[]".utf8))))?.arrayValue ?? []
            for p in partNames {
                guard let name = p["name"]?.stringValue, let file = p["file"]?.stringValue else { continue }
                let data = meta.appendingPathComponent("parts/\(file).data")
                for v in try Self.lines(meta.appendingPathComponent("parts/\(file).index")) {
                    guard let row = v.arrayValue, row.count == 3 else { continue }
                    parts[name, default: []].append((Self.order(row[0]), data, row[1].intValue ?? 0, row[2].intValue ?? 0))
                }
            }
        }
        completed.sort { $0.0 < $1.0 }
        failures.sort { $0.0 < $1.0 }
        lock.sort { $0.0 < $1.0 }
        let merged = MergedParts(entries: parts.mapValues { $0.sorted { $0.0 < $1.0 } })
        var report = RunReport()
        let ids = completed.map(\.1)
        report.failures = try await CorpusFinisher.finish(config: config, completed: { ids }, parts: merged, output: output,
                                                          failures: failures.map(\.1))
        report.documentsOK = completed.count
        report.documentsFailed = failures.filter { !$0.1.document.isEmpty }.count
        report.lockEntries = lock.map(\.1)
        report.stages = config.stages.map { RunReport.StageStats(name: $0.name, stageID: $0.stageID) }
        try AtomicFile.write(JSONWriter(pretty: true).bytes(report.json) + [0x0A], to: outputDirectory.appendingPathComponent("run.json"))
        return report
    }

    static func order(_ v: JSONValue?) -> DocumentOrder {
        let a = v?.arrayValue ?? []
        return DocumentOrder(file: a.first?.intValue ?? 0, record: a.count > 1 ? a[1].intValue ?? 0 : 0)
    }

    static func lines(_ url: URL) throws -> [JSONValue] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }
}

/// Corpus parts read back from several shards' data files, in global input order.
struct MergedParts: PartSource {
    let entries: [String: [(DocumentOrder, URL, Int, Int)]]

    func forEach(named name: String, _ body: ([UInt8]) throws -> Void) throws {
        var handles: [URL: FileHandle] = [:]
        defer { for h in handles.values { try? h.close() } }
        for (_, url, offset, length) in entries[name] ?? [] {
            let h: FileHandle
            if let existing = handles[url] { h = existing } else {
                h = try FileHandle(forReadingFrom: url)
                handles[url] = h
            }
            try h.seek(toOffset: UInt64(offset))
            try body([UInt8](try h.read(upToCount: length) ?? Data()))
        }
    }
}
