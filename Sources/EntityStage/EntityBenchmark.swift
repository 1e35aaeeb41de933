import DocPipe
import Foundation

/// Measures throughput in the current process, in thread CPU time (one core): the tagger alone
/// (tokens/s, tokenizing excluded) and the whole stage (MB/s of text through the stage's
/// annotator, sentences given). Run from a
/// release build: `scripts/bench-ner.sh`.
public enum EntityBenchmark {
    /// Reads up to `megabytes` of files from `corpus` (sorted), and returns a printable report.
    public static func run(corpus: [URL], megabytes: Double) throws -> String {
        var files: [URL] = []
        for dir in corpus {
            files += try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).filter { !$0.hasDirectoryPath }
        }
        files.sort { $0.path < $1.path }
        var docs: [Document] = []
        var bytesTotal = 0
        for f in files {
            guard bytesTotal < Int(megabytes * 1_000_000) else { break }
            let text = String(decoding: try Data(contentsOf: f), as: UTF8.self)
            bytesTotal += text.utf8.count
            docs.append(Document(id: f.lastPathComponent, source: SourceInfo(path: f.lastPathComponent, mediaType: "text/plain",
                                 byteCount: text.utf8.count, sha256: ""), text: text,
                                 layers: [LayerName.sentences: simpleSentences(text)]))
        }
        let loadStart = Date()
        _ = try EntityResources.load(folder: EntityResources.folder, loadModel: true)
        let loadSeconds = Date().timeIntervalSince(loadStart)
        let resources = try EntityResources.shared.get()
        guard let tagger = resources.tagger else { return "no model loaded" }
        // 1. Tagger alone, on pre-tokenized sentences.
        var sentences: [([UInt8], [Token], [UInt64])] = []
        var tokenCount = 0
        for d in docs {
            let index = TextIndex(d.text)
            index.utf8.withUnsafeBufferPointer { buf in
                for s in d.spans(LayerName.sentences) {
                    let a = index.byteOffset(ofScalar: s.start), b = index.byteOffset(ofScalar: s.end)
                    var tokens: [Token] = []
                    Tokenizer.tokenize(buf, a..<b, into: &tokens)
                    guard !tokens.isEmpty else { continue }
                    let shifted = tokens.map { Token(start: $0.start - a, end: $0.end - a, kind: $0.kind) }
                    let bytes = Array(buf[a..<b])
                    let hashes = bytes.withUnsafeBufferPointer { bb in shifted.map { TokenHashes.lower(bb, $0) } }
                    sentences.append((bytes, shifted, hashes))
                    tokenCount += tokens.count
                }
            }
        }
        var scratch = Tagger.Scratch()
        var mentions: [Mention] = []
        let t0 = cpuSeconds()
        for (bytes, tokens, hashes) in sentences {
            mentions.removeAll(keepingCapacity: true)
            bytes.withUnsafeBufferPointer { tagger.tag($0, tokens, hashes, scratch: &scratch, into: &mentions) }
        }
        let taggerSeconds = cpuSeconds() - t0
        var sentenceScratch = FeatureExtractor.Sentence()
        let t2 = cpuSeconds()
        for (bytes, tokens, hashes) in sentences {
            bytes.withUnsafeBufferPointer { tagger.features.prepare($0, tokens, hashes, into: &sentenceScratch) }
        }
        let featureSeconds = cpuSeconds() - t2
        // 2. The whole stage.
        // Best of five passes, one scratch kept across documents (as the stage's pool does).
        var stageSeconds = Double.infinity
        var entityCount = 0
        var stageScratch = EntityExtractor.Scratch()
        for _ in 0..<5 {
            let t1 = cpuSeconds()
            entityCount = 0
            for d in docs {
                let annotated = EntityAnnotator(extractor: EntityExtractor(gazetteer: resources.gazetteer, tagger: resources.tagger), keep: [])
                    .annotate(d, scratch: &stageScratch)
                entityCount += annotated.count
            }
            stageSeconds = min(stageSeconds, cpuSeconds() - t1)
        }
        let mb = Double(bytesTotal) / 1_000_000
        return """
            documents: \(docs.count), text: \(String(format: "%.1f", mb)) MB, tokens: \(tokenCount), sentences: \(sentences.count)
            tagger alone: \(String(format: "%.3f", taggerSeconds)) s = \(String(format: "%.2f", Double(tokenCount) / taggerSeconds / 1e6)) M tokens/s (features alone: \(String(format: "%.2f", featureSeconds)) s)
            model + gazetteer load: \(String(format: "%.3f", loadSeconds)) s (wall clock)
            whole stage: \(String(format: "%.3f", stageSeconds)) s = \(String(format: "%.2f", mb / stageSeconds)) MB/s (\(entityCount) entities)
            """
    }

    /// CPU time of the calling thread (wall-clock time is meaningless on a loaded machine).
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Sentences at line breaks and after ". ", as a stand-in for the normalize stage.
    public static func simpleSentences(_ text: String) -> [Span] {
        var spans: [Span] = []
        var start = 0, i = 0
        var prev: Unicode.Scalar = " "
        for s in text.unicodeScalars {
            if s == "\n" || (s == " " && (prev == "." || prev == "?" || prev == "!")) {
                if i > start { spans.append(Span(start: start, end: i, type: "sentence")) }
                start = i + 1
            }
            prev = s
            i += 1
        }
        if i > start { spans.append(Span(start: start, end: i, type: "sentence")) }
        return spans
    }
}
