import Foundation
import DocPipe

/// Learns `WordVectors` from unlabelled text: skip-gram with negative sampling (word2vec) over the
/// `ClaimTokenizer` tokens of every .txt/.sgm file under the given folders, then spherical k-means
/// at two grains for cluster ids.
///
/// Deterministic: files are read in sorted path order, one thread, every random choice comes from
/// a fixed-seed SplitMix64, the logistic function is a table computed with `PortableMath`, powers
/// are square roots, and dot products sum SIMD lanes in a fixed order, so the same corpus gives
/// the same bytes on every platform.
public struct WordVectorTrainer: Sendable {
    /// Vector length (a multiple of 8).
    public var dimensions = 64
    /// Words kept (most frequent first).
    public var maxWords = 30_000
    /// Minimum count to keep a word.
    public var minCount = 5
    /// Context window (each side; shrunk at random per word as in word2vec).
    public var window = 5
    /// Negative samples per context word.
    public var negatives = 5
    /// Passes over the corpus.
    public var epochs = 3
    /// Starting learning rate (decays linearly to 1/10000 of it).
    public var learningRate: Float = 0.025
    /// Frequent-word subsampling threshold.
    public var subsample = 1e-4
    /// Coarse and fine k-means cluster counts.
    public var coarseClusters = 128, fineClusters = 512
    /// Seed.
    public var seed: UInt64 = 20_200_511

    /// Defaults.
    public init() {}

    /// Reads every .txt/.sgm file under `corpus` and learns the vectors.
    public func train(corpus: [String], log: (String) -> Void = { _ in }) throws -> WordVectors {
        var files: [String] = []
        for dir in corpus {
            let found = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
            files += found.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".sgm") }.map { dir + "/" + $0 }
        }
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        // Pass 1: the corpus as word ids, -1 between lines.
        var ids: [UInt64: Int32] = [:]
        var hashes: [UInt64] = []
        var counts: [Int] = []
        var stream: [Int32] = []
        var tokens: [ClaimToken] = []
        var totalBytes = 0
        for f in files {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: f)))
            totalBytes += bytes.count
            if f.hasSuffix(".sgm") { MarkupBlanking.blankTags(&bytes) }
            bytes.withUnsafeBufferPointer { buf in
                var lineStart = 0
                for i in 0...buf.count where i == buf.count || buf[i] == 0x0A {
                    ClaimTokenizer.tokenize(buf, lineStart..<i, into: &tokens)
                    lineStart = i + 1
                    guard tokens.count > 1 else { continue }
                    for t in tokens {
                        let k = WordVectors.key(t)
                        let id: Int32
                        if let x = ids[k] { id = x } else {
                            id = Int32(hashes.count)
                            ids[k] = id
                            hashes.append(k)
                            counts.append(0)
                        }
                        counts[Int(id)] += 1
                        stream.append(id)
                    }
                    stream.append(-1)
                }
            }
        }
        log("read \(files.count) files, \(totalBytes) bytes, \(stream.count) tokens, \(hashes.count) types")
        // Vocabulary: the most frequent words (ties by key).
        let ranked = hashes.indices.filter { counts[$0] >= minCount }.sorted {
            counts[$0] != counts[$1] ? counts[$0] > counts[$1] : hashes[$0] < hashes[$1]
        }
        let kept = Array(ranked.prefix(maxWords))
        var vocabIndex = [Int32](repeating: -1, count: hashes.count)
        for (r, k) in kept.enumerated() { vocabIndex[k] = Int32(r) }
        let V = kept.count, D = dimensions
        var corpus: [Int32] = []
        corpus.reserveCapacity(stream.count)
        for id in stream { corpus.append(id < 0 ? -1 : vocabIndex[Int(id)] < 0 ? -2 : vocabIndex[Int(id)]) }
        stream = []
        let vocabCounts = kept.map { counts[$0] }
        let total = Double(vocabCounts.reduce(0, +))
        // Keep probability of each word (word2vec's subsampling formula), as a 32-bit threshold.
        let keep: [UInt64] = vocabCounts.map { c in
            let f = Double(c) / (subsample * total)
            let p = min(1, ((f).squareRoot() + 1) / f)
            return UInt64(p * 4_294_967_295)
        }
        // Negative-sampling table over count^0.75 (= √c · √√c).
        let tableSize = 10_000_000
        var table = [Int32](repeating: 0, count: tableSize)
        let powers = vocabCounts.map { Double($0).squareRoot() * Double($0).squareRoot().squareRoot() }
        let powerSum = powers.reduce(0, +)
        var w = 0
        var cumulative = powers.isEmpty ? 1 : powers[0] / powerSum
        for i in 0..<tableSize {
            table[i] = Int32(w)
            if Double(i) / Double(tableSize) > cumulative, w < V - 1 { w += 1; cumulative += powers[w] / powerSum }
        }
        // Logistic table over [-6, 6].
        let sigmoidSize = 1000
        let sigmoid = (0..<sigmoidSize).map { Float(PortableMath.sigmoid((Double($0) / Double(sigmoidSize) * 2 - 1) * 6)) }
        var rng = SplitMix64(seed: seed)
        var syn0 = [Float](repeating: 0, count: V * D)
        for i in syn0.indices { syn0[i] = (Float(rng.next() >> 40) / Float(1 << 24) - 0.5) / Float(D) }
        var syn1 = [Float](repeating: 0, count: V * D)
        var neu1e = [Float](repeating: 0, count: D)
        let words = Double(corpus.count) * Double(epochs)
        var processed = 0.0
        var sentence: [Int32] = []
        syn0.withUnsafeMutableBufferPointer { s0 in
            syn1.withUnsafeMutableBufferPointer { s1 in
                neu1e.withUnsafeMutableBufferPointer { e in
                    for epoch in 0..<epochs {
                        var p = 0
                        while p < corpus.count {
                            sentence.removeAll(keepingCapacity: true)
                            // One line; out-of-vocabulary words (-2) are dropped, -1 ends the line.
                            while p < corpus.count, corpus[p] != -1 {
                                let id = Int(corpus[p])
                                p += 1
                                if id >= 0, rng.next() >> 32 <= keep[id] { sentence.append(Int32(id)) }
                            }
                            p += 1
                            processed = Double(epoch) * Double(corpus.count) + Double(p)
                            let alpha = max(learningRate * 0.0001, learningRate * Float(1 - processed / (words + 1)))
                            for (pos, center) in sentence.enumerated() {
                                let b = Int(rng.next() % UInt64(window))
                                let lo = max(0, pos - window + b), hi = min(sentence.count - 1, pos + window - b)
                                guard lo <= hi else { continue }
                                for c in lo...hi where c != pos {
                                    let l1 = Int(sentence[c]) * D
                                    for d in 0..<D { e[d] = 0 }
                                    for n in 0...negatives {
                                        let target: Int
                                        let label: Float
                                        if n == 0 { target = Int(center); label = 1 } else {
                                            target = Int(table[Int(rng.next() % UInt64(tableSize))])
                                            if target == Int(center) { continue }
                                            label = 0
                                        }
                                        let l2 = target * D
                                        let f = Self.dot(s0.baseAddress! + l1, s1.baseAddress! + l2, D)
                                        let g: Float
                                        if f > 6 { g = (label - 1) * alpha } else if f < -6 { g = label * alpha } else {
                                            g = (label - sigmoid[min(sigmoidSize - 1, Int((f + 6) * Float(sigmoidSize) / 12))]) * alpha
                                        }
                                        for d in 0..<D { e[d] += g * s1[l2 + d] }
                                        for d in 0..<D { s1[l2 + d] += g * s0[l1 + d] }
                                    }
                                    for d in 0..<D { s0[l1 + d] += e[d] }
                                }
                            }
                        }
                        log("word vectors: epoch \(epoch + 1)/\(epochs) done")
                    }
                }
            }
        }
        // Unit-length copies for clustering.
        var unit = syn0
        for r in 0..<V {
            var norm: Float = 0
            for d in 0..<D { norm += unit[r * D + d] * unit[r * D + d] }
            norm = norm.squareRoot()
            if norm > 0 { for d in 0..<D { unit[r * D + d] /= norm } }
        }
        let coarse = Self.kmeans(unit, count: V, dims: D, k: min(coarseClusters, V), iterations: 10, log: log)
        let fine = Self.kmeans(unit, count: V, dims: D, k: min(fineClusters, V), iterations: 10, log: log)
        // Rows sorted by key.
        let order = (0..<V).sorted { hashes[kept[$0]] < hashes[kept[$1]] }
        var keys: [UInt64] = [], vectors: [Float] = [], clusters: [UInt16] = []
        for r in order {
            keys.append(hashes[kept[r]])
            vectors += syn0[(r * D)..<((r + 1) * D)]
            clusters.append(UInt16(coarse[r]))
            clusters.append(UInt16(fine[r]))
        }
        let table0 = WordVectors(keys: keys, dimensions: D, vectors: vectors, clusters: clusters,
                                 coarseClusters: coarseClusters, fineClusters: fineClusters)
        // Round-trip through the file format, so callers see exactly what is shipped.
        return try WordVectors(bytes: table0.bytes)
    }

    /// Dot product of two `n`-float vectors (n a multiple of 8), lanes summed in a fixed order.
    @inline(__always) static func dot(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        var i = 0
        while i < n {
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
            let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            acc = acc + x * y
            i += 8
        }
        return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
    }

    /// Spherical k-means (dot product on unit vectors), seeded with evenly spaced words in
    /// frequency order; deterministic. Returns each word's cluster.
    static func kmeans(_ v: [Float], count n: Int, dims: Int, k: Int, iterations: Int, log: (String) -> Void) -> [Int] {
        guard n > 0, k > 0 else { return [Int](repeating: 0, count: n) }
        var centers = [Float](repeating: 0, count: k * dims)
        for c in 0..<k {
            let w = min(n - 1, c * n / k)
            for d in 0..<dims { centers[c * dims + d] = v[w * dims + d] }
        }
        var assign = [Int](repeating: 0, count: n)
        var vv = v
        for it in 0..<iterations {
            var changed = 0
            vv.withUnsafeMutableBufferPointer { vp in
                centers.withUnsafeMutableBufferPointer { cp in
                    for w in 0..<n {
                        var best = 0
                        var bestDot = -Float.infinity
                        for c in 0..<k {
                            let dot = Self.dot(vp.baseAddress! + w * dims, cp.baseAddress! + c * dims, dims)
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
