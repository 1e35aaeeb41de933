import Foundation

/// Walks a parsed pipeline.json, collecting every problem with its JSON path and position.
struct ConfigValidator {
    let file: String
    let positions: [String: SourcePosition]
    let registry: StageRegistry
    let externalStages: ExternalStageFactory?
    var issues: [ConfigIssue] = []

    init(file: String, positions: [String: SourcePosition], registry: StageRegistry, externalStages: ExternalStageFactory?) {
        self.file = file
        self.positions = positions
        self.registry = registry
        self.externalStages = externalStages
    }

    mutating func report(_ components: [String], _ message: String) {
        // Use the deepest path that has a recorded position.
        var c = components
        var pos = positions[c.joined()]
        while pos == nil && !c.isEmpty { c.removeLast(); pos = positions[c.joined()] }
        issues.append(ConfigIssue(file: file, path: JSONPath.render(components), position: pos, message: message))
    }

    mutating func validate(_ root: JSONValue, baseDirectory: URL) -> PipelineConfig? {
        guard case .object(let top) = root else {
            report([], "the top level must be an object with \"version\" and \"stages\"")
            return nil
        }
        for key in top.keys.sorted() where !PipelineConfig.topLevelKeys.contains(key) {
            report([JSONPath.member(key)], "unknown key '\(key)'\(Suggest.hint(for: key, in: PipelineConfig.topLevelKeys))")
        }
        if let v = top["version"] {
            if let n = v.intValue, n >= 1 {
                if n > PipelineConfig.supportedVersion {
                    report([".version"], "version \(n) is newer than this docpipe understands (highest supported: \(PipelineConfig.supportedVersion)); upgrade docpipe")
                }
            } else {
                report([".version"], "expected a positive integer such as 1, found \(v.typeDescription)")
            }
        }
        let inputs = stringArray(top["inputs"], [".inputs"], default: ["seeds"])
        let exclude = stringArray(top["exclude"], [".exclude"], default: [])
        let output = string(top["output"], [".output"], default: "out")
        var cache = ".docpipe/cache"
        var cacheMax: Int?
        if let c = top["cache"] {
            if case .object(let co) = c {
                for key in co.keys.sorted() where !["directory", "maxSize"].contains(key) {
                    report([".cache", JSONPath.member(key)], "unknown key '\(key)'\(Suggest.hint(for: key, in: ["directory", "maxSize"])); the cache takes \"directory\" and \"maxSize\"")
                }
                cache = string(co["directory"], [".cache", ".directory"], default: cache)
                if let m = co["maxSize"] {
                    if let n = m.intValue, n >= 0 { cacheMax = n } else if let t = m.stringValue, let n = CacheMaintenance.parseSize(t) { cacheMax = n } else {
                        report([".cache", ".maxSize"], "expected a size such as \"2GB\", \"500MiB\" or a number of bytes")
                    }
                }
            } else {
                cache = string(c, [".cache"], default: cache)
            }
        }
        var maxBytes = PipelineConfig.defaultMaxDocumentBytes
        if let m = top["maxDocumentBytes"] {
            if let n = m.intValue, n > 0 { maxBytes = n } else { report([".maxDocumentBytes"], "expected a positive number of bytes") }
        }
        var stages: [ConfiguredStage] = []
        if let s = top["stages"] {
            if case .array(let entries) = s {
                if entries.isEmpty { report([".stages"], "the pipeline needs at least one stage (start with {\"stage\": \"ingest\"})") }
                var names: [String: Int] = [:]
                for (i, entry) in entries.enumerated() {
                    if let st = configureStage(entry, at: [".stages", "[\(i)]"], baseDirectory: baseDirectory) {
                        if let prior = names[st.name] {
                            report([".stages", "[\(i)]", ".name"], "duplicate stage name '\(st.name)' (also used by stage \(prior)); give each instance its own \"name\"")
                        }
                        names[st.name] = i
                        stages.append(st)
                    } else {
                        stages.append(ConfiguredStage(name: "", stageID: "", version: 0, options: .null, requires: [], produces: [],
                                                      writesFiles: false, implementation: .document(PlaceholderStage())))
                    }
                }
                checkRequirements(stages)
            } else {
                report([".stages"], "expected an array of stage entries, found \(s.typeDescription)")
            }
        } else {
            report([], "missing \"stages\": list the stages to run, e.g. [{\"stage\": \"ingest\"}, {\"stage\": \"export\"}]")
        }
        guard issues.isEmpty else { return nil }
        var identity: [String: JSONValue] = [:]
        identity["stages"] = .array(stages.map { .object(["name": .string($0.name), "identity": $0.identity]) })
        identity["maxDocumentBytes"] = .int(maxBytes)
        let digest = SHA256.hex(of: JSONWriter().bytes(.object(identity)))
        return PipelineConfig(file: file, baseDirectory: baseDirectory, inputs: inputs, exclude: exclude, output: output, cacheDirectory: cache,
                              maxDocumentBytes: maxBytes, stages: stages, digest: digest, cacheMaxBytes: cacheMax)
    }

    mutating func string(_ v: JSONValue?, _ path: [String], default d: String) -> String {
        guard let v else { return d }
        if let s = v.stringValue, !s.isEmpty { return s }
        report(path, "expected a non-empty string (a path), found \(v.typeDescription)")
        return d
    }

    mutating func stringArray(_ v: JSONValue?, _ path: [String], default d: [String]) -> [String] {
        guard let v else { return d }
        guard let a = v.arrayValue else {
            report(path, "expected an array of paths such as [\"seeds\"], found \(v.typeDescription)")
            return d
        }
        var out: [String] = []
        for (i, e) in a.enumerated() {
            if let s = e.stringValue, !s.isEmpty { out.append(s) } else { report(path + ["[\(i)]"], "expected a path string, found \(e.typeDescription)") }
        }
        return out
    }

    mutating func configureStage(_ entry: JSONValue, at path: [String], baseDirectory: URL) -> ConfiguredStage? {
        guard case .object(let o) = entry else {
            report(path, "expected a stage entry object such as {\"stage\": \"entities\"}, found \(entry.typeDescription)")
            return nil
        }
        for key in o.keys.sorted() where !PipelineConfig.stageKeys.contains(key) {
            report(path + [JSONPath.member(key)], "unknown key '\(key)' in a stage entry\(Suggest.hint(for: key, in: PipelineConfig.stageKeys))")
        }
        var name: String?
        if let n = o["name"] {
            if let s = n.stringValue, !s.isEmpty, s == DocumentID.sanitize(s) { name = s } else {
                report(path + [".name"], "a stage name must be a non-empty string of letters, digits, '.', '-' or '_'")
            }
        }
        if o["command"] != nil {
            if o["stage"] != nil { report(path + [".stage"], "give either \"stage\" (a built-in id) or \"command\" (a program), not both") ; return nil }
            guard let factory = externalStages else {
                report(path + [".command"], "external stages are not available in this build")
                return nil
            }
            guard let n = name else {
                report(path, "an external stage needs a \"name\"")
                return nil
            }
            switch factory.make(name: n, entry: o, baseDirectory: baseDirectory) {
            case .success(let st): return st
            case .failure(let e):
                for (member, message) in e.problems { report(path + (member.isEmpty ? [] : [JSONPath.member(member)]), message) }
                return nil
            }
        }
        for key in ["files", "timeout", "requires", "produces"] where o[key] != nil {
            report(path + [JSONPath.member(key)], "'\(key)' applies to external stages (entries with \"command\") only")
        }
        guard let idValue = o["stage"] else {
            report(path, "missing \"stage\": name a stage id (\(registry.ids.joined(separator: ", "))) or a \"command\"")
            return nil
        }
        guard let id = idValue.stringValue else {
            report(path + [".stage"], "expected a stage id string, found \(idValue.typeDescription)")
            return nil
        }
        guard let descriptor = registry[id] else {
            report(path + [".stage"], "unknown stage '\(id)'\(Suggest.hint(for: id, in: registry.ids)); known stages: \(registry.ids.joined(separator: ", "))")
            return nil
        }
        var merged = descriptor.defaultOptions
        let optionKeys = descriptor.defaultOptions.keys.sorted()
        var optionProblems = false
        if let opts = o["options"] {
            if case .object(let given) = opts {
                for key in given.keys.sorted() {
                    if merged[key] == nil {
                        optionProblems = true
                        let known = optionKeys.isEmpty ? "it takes no options" : "valid options: \(optionKeys.joined(separator: ", "))"
                        report(path + [".options", JSONPath.member(key)],
                               "unknown option '\(key)' for stage '\(id)'\(Suggest.hint(for: key, in: optionKeys)); \(known)")
                    } else {
                        merged[key] = given[key]
                    }
                }
            } else {
                report(path + [".options"], "expected an object of options, found \(opts.typeDescription)")
                return nil
            }
        }
        guard !optionProblems else { return nil }
        let implementation: StageImplementation
        do {
            implementation = try descriptor.make(.object(merged))
        } catch let e as OptionsDecodingError {
            report(path + [".options"] + e.path, "\(e.message) (default: \(defaultDescription(descriptor, e.path)))")
            return nil
        } catch let e as StageConfigurationError {
            report(path + [".options"] + (e.key.map { [JSONPath.member($0)] } ?? []), e.message)
            return nil
        } catch {
            report(path + [".options"], "\(error)")
            return nil
        }
        return ConfiguredStage(name: name ?? id, stageID: id, version: descriptor.version, options: .object(merged),
                               requires: descriptor.requires, produces: descriptor.produces, writesFiles: descriptor.writesFiles,
                               implementation: implementation)
    }

    func defaultDescription(_ d: StageDescriptor, _ path: [String]) -> String {
        guard let first = path.first, first.hasPrefix("."), let v = d.defaultOptions[String(first.dropFirst())] else { return "see docpipe stages" }
        return JSONWriter().string(v)
    }

    mutating func checkRequirements(_ stages: [ConfiguredStage]) {
        var available: [String: String] = [:]
        for (i, st) in stages.enumerated() where !st.name.isEmpty {
            let path = [".stages", "[\(i)]"]
            switch st.implementation {
            case .source:
                if i != 0 { report(path + [".stage"], "'\(st.stageID)' reads input files, so it must be the first stage") }
            case .document:
                if i == 0 { report(path + [".stage"], "the first stage must read input files (e.g. \"ingest\"); '\(st.stageID)' processes documents") }
            }
            for need in st.requires where available[need] == nil {
                let producer = stages.first(where: { $0.produces.contains(need) && !$0.name.isEmpty })
                let fix = producer.map { "move stage '\($0.name)' before it" } ?? "add a stage that produces it before this one"
                report(path, "stage '\(st.name)' requires '\(need)', which no earlier stage produces; \(fix)")
            }
            for p in st.produces { available[p] = st.name }
        }
    }
}

/// Stands in for an entry that failed validation so later checks can go on.
struct PlaceholderStage: DocumentStage {
    static let id = "placeholder"
    static let version = 0
    static let summary = "internal"
    init(options: NoOptions) {}
    init() {}
    func process(_ document: Document, context: StageContext) async throws -> Document { document }
}
