import Foundation

/// What a run would redo, and why, worked out without running any stage: from the inputs'
/// digests, the cache's objects and the lock file.
public struct PipelineStatus: Sendable {
    /// One document × stage that would re-run.
    public struct Item: Sendable, Equatable {
        /// Document id (for an input whose records are unknown, the file's id).
        public var document: String
        /// Stage instance name ("" for a removed document).
        public var stage: String
        /// Stable reason code.
        public var code: Reason
        /// Human-readable reason.
        public var reason: String

        /// As JSON.
        public var json: JSONValue {
            ["document": .string(document), "stage": .string(stage), "code": .string(code.rawValue), "reason": .string(reason)]
        }
    }

    /// Why something re-runs.
    public enum Reason: String, Sendable {
        /// Not in the lock.
        case newDocument = "new-document"
        /// The input file's bytes changed.
        case inputChanged = "input-changed"
        /// The stage's options changed.
        case optionsChanged = "options-changed"
        /// The stage's version changed.
        case versionChanged = "version-changed"
        /// An external stage's command or declared files changed.
        case fingerprintChanged = "external-files-changed"
        /// The stage is new in the pipeline.
        case stageAdded = "stage-added"
        /// An earlier stage re-runs, so this one does too.
        case upstreamRerun = "upstream-rerun"
        /// The cached result is missing (evicted, or never written).
        case cacheMissing = "cache-missing"
        /// The cached result is damaged.
        case cacheCorrupt = "cache-corrupt"
        /// In the lock but no longer among the inputs.
        case documentRemoved = "document-removed"
    }

    /// Items in input order, stages in pipeline order.
    public var items: [Item]

    /// Works out the status.
    public static func compute(config: PipelineConfig, inputs: [URL], output: URL, cache: ArtifactCache?, lock: LockFile?) -> PipelineStatus {
        let (files, _) = InputEnumerator(excluding: [output] + (cache.map { [$0.directory] } ?? []), patterns: config.exclude).enumerate(inputs)
        let lockDocs = Dictionary((lock?.documents ?? []).map { ($0.document, $0) }, uniquingKeysWith: { a, _ in a })
        let lockStages = Dictionary((lock?.stages ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let stages = config.stages
        let keyer = CacheKey(stages: stages)
        // The first stage whose identity differs from the lock decides the reason of those after it.
        var stageChange: [(Int, Reason, String)] = []
        for (i, s) in stages.enumerated() {
            let now = LockFile.Stage(s)
            guard lock != nil else { break }
            guard let old = lockStages[s.name] else { stageChange.append((i, .stageAdded, "stage '\(s.name)' is new")); continue }
            if old.version != now.version {
                stageChange.append((i, .versionChanged, "stage '\(s.name)' version \(old.version) → \(now.version)"))
            } else if old.options != now.options {
                stageChange.append((i, .optionsChanged, "options of '\(s.name)' changed"))
            } else if old.fingerprint != now.fingerprint || old.stageID != now.stageID {
                stageChange.append((i, .fingerprintChanged, "command or files of '\(s.name)' changed"))
            }
        }
        // Documents whose outputs already stand in the output folder for these exact keys are
        // skipped by the runner without looking at the cache (see OutputState).
        let previous = cache != nil ? OutputState.read(output, config: config.digest) : nil
        let existing = previous != nil ? OutputFolder(root: output).existingFiles() : PathSet()
        var items: [Item] = []
        var seenDocs: Set<String> = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.url.path) else { continue }
            let sha = SHA256.hex(of: [UInt8](data))
            let fileID = DocumentID.from(relativePath: file.relativePath)
            let sourceKey = keyer.source(relativePath: file.relativePath, inputDigest: sha)
            var ids: [String]?
            if case .source(let impl) = stages[0].implementation, !impl.mayHoldManyDocuments(file.relativePath) {
                // One document named after the file; ingest's own result is present or not.
                ids = [fileID]
            } else if let cache, case .hit(let payload, _) = cache.read(SHA256.hex(of: "manifest:" + sourceKey)),
               let json = try? JSONParser.parse(payload), let docs = json["documents"]?.arrayValue {
                ids = docs.compactMap(\.stringValue)
            }
            let docIDs = ids ?? lockDocs.values.filter { $0.source == file.relativePath }.map(\.document).sorted()
            if docIDs.isEmpty {
                let (code, why) = lockDocs[fileID] == nil && lock != nil ? (Reason.newDocument, "new document") : notCachedReason(cache)
                items += stages.map { Item(document: fileID, stage: $0.name, code: code, reason: why) }
                continue
            }
            for id in docIDs {
                seenDocs.insert(id)
                let keys = keyer.chain(sourceKey: sourceKey, documentID: id)
                if let d = previous?.document(id), d.finalKey == keys.last, d.files.allSatisfy(existing.contains) { continue }
                let rerun = simulate(stages: stages, keys: keys, cache: cache, ingestPresent: ids != nil && cache?.header(sourceKey) != nil)
                let entry = lockDocs[id]
                for i in rerun.keys.sorted() {
                    let (code, why): (Reason, String)
                    if lock != nil && entry == nil {
                        (code, why) = (.newDocument, "new document")
                    } else if let entry, entry.input != sha {
                        (code, why) = (.inputChanged, "input \(file.relativePath) changed")
                    } else if let change = stageChange.first(where: { $0.0 <= i }) {
                        (code, why) = change.0 == i ? (change.1, change.2) : (.upstreamRerun, "follows '\(stages[change.0].name)': \(change.2)")
                    } else if let first = rerun.keys.min(), first < i {
                        (code, why) = (.upstreamRerun, "follows '\(stages[first].name)', which re-runs")
                    } else {
                        (code, why) = rerun[i]! ? (.cacheCorrupt, "cached result is damaged") : (.cacheMissing, "cached result is missing")
                    }
                    items.append(Item(document: id, stage: stages[i].name, code: code, reason: why))
                }
            }
        }
        for d in lock?.documents ?? [] where !seenDocs.contains(d.document) && !files.contains(where: { $0.relativePath == d.source }) {
            items.append(Item(document: d.document, stage: "", code: .documentRemoved, reason: "in the lock but no longer among the inputs"))
        }
        return PipelineStatus(items: items)
    }

    static func notCachedReason(_ cache: ArtifactCache?) -> (Reason, String) {
        (.cacheMissing, cache == nil ? "running without a cache" : "not in the cache")
    }

    /// Which stages the runner would compute for one document (index → whether its object is corrupt).
    static func simulate(stages: [ConfiguredStage], keys: [String], cache: ArtifactCache?, ingestPresent: Bool) -> [Int: Bool] {
        var rerun: [Int: Bool] = [:]
        var resolved: Set<Int> = []
        func state(_ i: Int) -> (present: Bool, corrupt: Bool) {
            guard let cache else { return (false, false) }
            if cache.header(keys[i]) != nil { return (true, false) }
            return (false, cache.contains(keys[i]))
        }
        func resolve(_ i: Int) {
            guard !resolved.contains(i) else { return }
            resolved.insert(i)
            if i == 0 {
                if !ingestPresent || !state(0).present { rerun[0] = state(0).corrupt }
                return
            }
            let s = state(i)
            if s.present { return }
            rerun[i] = s.corrupt
            resolve(i - 1)
        }
        var needed = (1..<max(stages.count, 1)).filter { stages[$0].writesFiles }
        if stages.count > 1 { needed.append(stages.count - 1) }
        if stages.count == 1 { needed = [0] }
        for i in needed { resolve(i) }
        for i in 1..<max(stages.count, 1) where !resolved.contains(i) {
            resolved.insert(i)
            let s = state(i)
            if !s.present { rerun[i] = s.corrupt; resolve(i - 1) }
        }
        return rerun
    }
}
