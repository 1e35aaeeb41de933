import Foundation
import DocPipe

/// Builds the word lexicon (`WordLexicon`) from unlabeled text, deterministically:
/// - counts every lowercase word, and how often it is capitalised when not sentence-initial;
/// - describes each kept word by the PPMI of its left and right neighbours (among the most
///   frequent words), projected to 96 dimensions, and clusters these vectors with spherical
///   k-means at three grains (64, 256, 1024 clusters).
/// Cheaper than Brown clustering (a minute instead of hours) and, as features, it does the same
/// job: grouping rare names with frequent ones used alike.
public struct WordLexiconBuilder: Sendable {
    /// Words kept (most frequent first).
    public var maxWords = 60_000
    /// Minimum count to keep a word.
    public var minCount = 3
    /// Context words (most frequent) whose left/right co-occurrence describes a word.
    public var contextWords = 400

    /// Defaults.
    public init() {}

    /// Reads every file under `corpus` (sorted paths; markup between < and > is skipped), writes the
    /// lexicon to `output`, and returns the number of words.
    public func build(corpus: [URL], output: URL, log: (String) -> Void = { _ in }) throws -> Int {
        var files: [URL] = []
        for dir in corpus {
            let items = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            files += items.filter { !$0.hasDirectoryPath }
        }
        files.sort { $0.path < $1.path }
        // Pass 1: token streams as word ids with sentence-start flags.
        var ids: [UInt64: Int32] = [:]
        var hashes: [UInt64] = []
        var count: [Int32] = [], capsMid: [Int32] = [], mid: [Int32] = []
        var stream: [Int32] = []  // -1 marks a sentence boundary
        var totalBytes = 0
        var tokens: [Token] = []
        for f in files {
            var bytes = [UInt8](try Data(contentsOf: f))
            totalBytes += bytes.count
            MarkupBlanking.blankTags(&bytes)
            bytes.withUnsafeBufferPointer { buf in
                var lineStart = 0
                for i in 0...buf.count where i == buf.count || buf[i] == 0x0A {
                    tokens.removeAll(keepingCapacity: true)
                    Tokenizer.tokenize(buf, lineStart..<i, into: &tokens)
                    lineStart = i + 1
                    var initial = true
                    stream.append(-1)
                    for t in tokens {
                        let h = TokenHashes.lower(buf, t)
                        let id: Int32
                        if let x = ids[h] { id = x } else {
                            id = Int32(hashes.count)
                            ids[h] = id
                            hashes.append(h)
                            count.append(0); capsMid.append(0); mid.append(0)
                        }
                        let k = Int(id)
                        count[k] += 1
                        if !initial && t.kind != .punct {
                            mid[k] += 1
                            if t.kind == .capitalized { capsMid[k] += 1 }
                        }
                        stream.append(id)
                        let isEnd = t.length == 1 && (buf[t.start] == 0x2E || buf[t.start] == 0x3F || buf[t.start] == 0x21)
                        initial = isEnd || (t.kind == .punct && initial)
                        if isEnd { stream.append(-1) }
                    }
                }
            }
        }
        log("read \(files.count) files, \(totalBytes) bytes, \(stream.count) tokens, \(hashes.count) types")
        // Rank words by count (ties by hash) and keep the top ones.
        let ranked = hashes.indices.filter { count[$0] >= Int32(minCount) }.sorted {
            count[$0] != count[$1] ? count[$0] > count[$1] : hashes[$0] < hashes[$1]
        }
        let kept = Array(ranked.prefix(maxWords))
        var contextIndex = [Int32](repeating: -1, count: hashes.count)
        for (r, k) in ranked.prefix(contextWords).enumerated() { contextIndex[k] = Int32(r) }
        var keptIndex = [Int32](repeating: -1, count: hashes.count)
        for (r, k) in kept.enumerated() { keptIndex[k] = Int32(r) }
        // Left and right context counts over the most frequent words.
        let C = contextWords, W = kept.count
        var counts = [Float](repeating: 0, count: W * 2 * C)
        var contextTotals = [Float](repeating: 0, count: 2 * C)
        var wordTotals = [Float](repeating: 0, count: W)
        for p in stream.indices {
            let id = stream[p]
            guard id >= 0 else { continue }
            let w = Int(keptIndex[Int(id)])
            guard w >= 0 else { continue }
            for (side, q) in [(0, p - 1), (1, p + 1)] where q >= 0 && q < stream.count && stream[q] >= 0 {
                let c = Int(contextIndex[Int(stream[q])])
                guard c >= 0 else { continue }
                counts[w * 2 * C + side * C + c] += 1
                contextTotals[side * C + c] += 1
                wordTotals[w] += 1
            }
        }
        // PPMI, projected onto `dims` fixed pseudo-random ±1 directions, unit length.
        let dims = 96
        var rng = SplitMix(seed: 0xC0FFEE)
        var proj = [Float](repeating: 0, count: 2 * C * dims)
        for k in proj.indices { proj[k] = rng.next() & 1 == 0 ? -1 : 1 }
        let grand = contextTotals.reduce(0, +)
        var vectors = [Float](repeating: 0, count: W * dims)
        for w in 0..<W where wordTotals[w] > 0 {
            for j in 0..<(2 * C) {
                let n = counts[w * 2 * C + j]
                guard n > 0 else { continue }
                let pmi = Foundation.log(n * grand / (wordTotals[w] * contextTotals[j]))
                guard pmi > 0 else { continue }
                for d in 0..<dims { vectors[w * dims + d] += pmi * proj[j * dims + d] }
            }
            var norm: Float = 0
            for d in 0..<dims { norm += vectors[w * dims + d] * vectors[w * dims + d] }
            norm = norm.squareRoot()
            if norm > 0 { for d in 0..<dims { vectors[w * dims + d] /= norm } }
        }
        counts = []
        // Three clusterings of different grain (64, 256 and 1024 clusters).
        let c64 = Self.kmeans(vectors, count: W, dims: dims, k: 64, iterations: 12, log: log)
        let c256 = Self.kmeans(vectors, count: W, dims: dims, k: 256, iterations: 12, log: log)
        let c1024 = Self.kmeans(vectors, count: W, dims: dims, k: 1024, iterations: 8, log: log)
        var entries: [(UInt64, UInt32)] = []
        entries.reserveCapacity(kept.count)
        for (r, k) in kept.enumerated() {
            let m = Int(mid[k])
            let capBucket: UInt32 = m < 2 ? 0 : 1 + UInt32((10 * Int(capsMid[k])) / m)  // 1…11
            let freqBucket = UInt32(min(15, Int(log2(Double(count[k])))))
            let clusters = UInt32(c1024[r] + 1) << 22 | UInt32(c256[r] + 1) << 14 | UInt32(c64[r]) << 8
            entries.append((hashes[k], clusters | capBucket << 4 | freqBucket))
        }
        entries.sort { $0.0 < $1.0 }
        let lexicon = WordLexicon(keys: entries.map(\.0), values: entries.map(\.1))
        try Data(lexicon.serialized()).write(to: output, options: .atomic)
        return entries.count
    }

    /// Spherical k-means (dot product on unit vectors), seeded with evenly spaced words in
    /// frequency order; deterministic. Returns each word's cluster.
    static func kmeans(_ v: [Float], count n: Int, dims: Int, k: Int, iterations: Int, log: (String) -> Void) -> [Int] {
        guard n > 0 else { return [] }
        var centers = [Float](repeating: 0, count: k * dims)
        for c in 0..<k {
            let w = min(n - 1, c * n / k)
            for d in 0..<dims { centers[c * dims + d] = v[w * dims + d] }
        }
        var assign = [Int](repeating: 0, count: n)
        for it in 0..<iterations {
            var changed = 0
            v.withUnsafeBufferPointer { vp in
                centers.withUnsafeBufferPointer { cp in
                    for w in 0..<n {
                        var best = 0
                        var bestDot = -Float.infinity
                        let wb = w * dims
                        for c in 0..<k {
                            var dot: Float = 0
                            let cb = c * dims
                            for d in 0..<dims { dot += vp[wb + d] * cp[cb + d] }
                            if dot > bestDot { bestDot = dot; best = c }
                        }
                        if assign[w] != best { changed += 1; assign[w] = best }
                    }
                }
            }
            var sums = [Float](repeating: 0, count: k * dims)
            for w in 0..<n { for d in 0..<dims { sums[assign[w] * dims + d] += v[w * dims + d] } }
            for c in 0..<k {
                var norm: Float = 0
                for d in 0..<dims { norm += sums[c * dims + d] * sums[c * dims + d] }
                norm = norm.squareRoot()
                if norm > 0 { for d in 0..<dims { centers[c * dims + d] = sums[c * dims + d] / norm } }
            }
            log("k-means k=\(k) iteration \(it + 1): \(changed) changed")
            if changed == 0 { break }
        }
        return assign
    }
}
