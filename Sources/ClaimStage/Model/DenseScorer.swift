/// The neural part of the check-worthiness model: a one-hidden-layer perceptron over a sentence's
/// dense encoding (mean and element-wise maximum of its `WordVectors`), trained with Adam on
/// fixed-seed mini-batches (`DenseScorer.fit`). Its logit is blended with the linear model's.
struct DenseScorer: Sendable, Equatable {
    /// Input size (2 × vector dimensions).
    let inputs: Int
    /// Hidden units (a multiple of 8).
    let hidden: Int
    /// Per-input centre and inverse spread (standardisation fitted on the training inputs).
    let center: [Float], inverseSpread: [Float]
    /// First layer, input-major: `w1[i * hidden + j]` connects input i to hidden unit j.
    let w1: [Float]
    /// Hidden biases.
    let b1: [Float]
    /// Output weights.
    let w2: [Float]
    /// Output bias.
    let b2: Float
    /// The first layer again, in tiles of 8 hidden units, each input-major:
    /// `tiles[(t * inputs + i) * 8 + k] == w1[i * hidden + 8 * t + k]`, so `logits(_:count:into:scratch:)`
    /// reads it front to back.
    private let tiles: [Float]
    /// Whether `logits(_:count:into:scratch:)` may add the products of zero inputs, which `logit`
    /// skips: it may when the weights are finite and no hidden bias is -0, for then every partial
    /// sum is +0 or nonzero and adding ±0 leaves it as it was.
    private let batchable: Bool

    /// A scorer from its parameters.
    init(inputs: Int, hidden: Int, center: [Float], inverseSpread: [Float], w1: [Float], b1: [Float], w2: [Float], b2: Float) {
        precondition(hidden % 8 == 0 && w1.count == inputs * hidden && b1.count == hidden && w2.count == hidden)
        self.inputs = inputs
        self.hidden = hidden
        self.center = center
        self.inverseSpread = inverseSpread
        self.w1 = w1
        self.b1 = b1
        self.w2 = w2
        self.b2 = b2
        var tiles = [Float](repeating: 0, count: w1.count)
        for t in 0..<(hidden / 8) {
            for i in 0..<inputs { for k in 0..<8 { tiles[(t * inputs + i) * 8 + k] = w1[i * hidden + 8 * t + k] } }
        }
        self.tiles = tiles
        batchable = w1.allSatisfy(\.isFinite) && !b1.contains { $0 == 0 && $0.sign == .minus }
    }

    /// Equal when the parameters are (the tiles are derived from them).
    static func == (a: DenseScorer, b: DenseScorer) -> Bool {
        a.inputs == b.inputs && a.hidden == b.hidden && a.center == b.center && a.inverseSpread == b.inverseSpread
            && a.w1 == b.w1 && a.b1 == b.b1 && a.w2 == b.w2 && a.b2 == b.b2
    }

    /// The sentence encoding: mean and maximum of the vectors of the known words (zeros when none);
    /// `rows` are the words' rows in `vectors` (-1 skipped, see `WordVectors.rows`).
    ///
    /// Sixteen components at a time, their sums and maxima in registers over all the rows (the
    /// rows are one cache line each, read again from L1 for the next sixteen); each sum still adds
    /// the rows in order, from 0, as a plain loop over components would.
    static func encode(_ rows: [Int32], _ vectors: WordVectors, into out: inout [Float]) {
        let D = vectors.dimensions
        if out.count != 2 * D { out = [Float](repeating: 0, count: 2 * D) }
        out.withUnsafeMutableBufferPointer { encode(rows, vectors, writingTo: $0.baseAddress!) }
    }

    /// `encode(_:_:into:)` into `2 × dimensions` floats at `o` (a name of its own: `&array` would
    /// also convert to a pointer).
    static func encode(_ rows: [Int32], _ vectors: WordVectors, writingTo o: UnsafeMutablePointer<Float>) {
        let D = vectors.dimensions
        var n = 0
        for r32 in rows where r32 >= 0 { n += 1 }
        guard n > 0 else {
            for d in 0..<(2 * D) { o[d] = 0 }
            return
        }
        let inv = 1 / Float(n)
        rows.withUnsafeBufferPointer { rows in
            var d = 0
            while d + 16 <= D {
                var sum = SIMD16<Float>(repeating: 0), top = SIMD16<Float>(repeating: -.infinity)
                for r32 in rows where r32 >= 0 {
                    let r = Int(r32)
                    let q = vectors.quantizedRow(r) + d
                    var x = SIMD16<Float>()
                    for k in 0..<16 { x[k] = Float(q[k]) }
                    x = x * SIMD16<Float>(repeating: vectors.scale(r))
                    sum = sum + x
                    top = x.replacing(with: top, where: top .> x)
                }
                UnsafeMutableRawPointer(o).storeBytes(of: sum * SIMD16<Float>(repeating: inv), toByteOffset: 4 * d, as: SIMD16<Float>.self)
                UnsafeMutableRawPointer(o).storeBytes(of: top, toByteOffset: 4 * (D + d), as: SIMD16<Float>.self)
                d += 16
            }
            if d < D {  // the last eight (D is a multiple of 8)
                var sum = SIMD8<Float>(repeating: 0), top = SIMD8<Float>(repeating: -.infinity)
                for r32 in rows where r32 >= 0 {
                    let r = Int(r32)
                    let q = vectors.quantizedRow(r) + d
                    var x = SIMD8<Float>()
                    for k in 0..<8 { x[k] = Float(q[k]) }
                    x = x * SIMD8<Float>(repeating: vectors.scale(r))
                    sum = sum + x
                    top = x.replacing(with: top, where: top .> x)
                }
                UnsafeMutableRawPointer(o).storeBytes(of: sum * SIMD8<Float>(repeating: inv), toByteOffset: 4 * d, as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(o).storeBytes(of: top, toByteOffset: 4 * (D + d), as: SIMD8<Float>.self)
            }
        }
    }

    /// The logit for an encoding. The hidden layer is accumulated in registers, 32 units at a time
    /// (8 for a remainder), each unit summing its inputs in input order, as a plain loop would.
    func logit(_ x: [Float], hiddenScratch h: inout [Float]) -> Double {
        if h.count != hidden + inputs { h = [Float](repeating: 0, count: hidden + inputs) }
        let H = hidden, I = inputs
        var z: Float = b2
        h.withUnsafeMutableBufferPointer { hp in
            let acc = UnsafeMutableRawPointer(hp.baseAddress!)
            // Standardised inputs, after the hidden units in the scratch buffer.
            let xs = hp.baseAddress! + H
            x.withUnsafeBufferPointer { xp in
                center.withUnsafeBufferPointer { c in
                    inverseSpread.withUnsafeBufferPointer { s in
                        for i in 0..<I { xs[i] = (xp[i] - c[i]) * s[i] }
                    }
                }
            }
            b1.withUnsafeBufferPointer { b in
                w1.withUnsafeBufferPointer { w in
                    let bias = UnsafeRawPointer(b.baseAddress!), weights = UnsafeRawPointer(w.baseAddress!)
                    var j = 0
                    while j + 32 <= H {
                        var a0 = bias.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
                        var a1 = bias.loadUnaligned(fromByteOffset: 4 * (j + 8), as: SIMD8<Float>.self)
                        var a2 = bias.loadUnaligned(fromByteOffset: 4 * (j + 16), as: SIMD8<Float>.self)
                        var a3 = bias.loadUnaligned(fromByteOffset: 4 * (j + 24), as: SIMD8<Float>.self)
                        for i in 0..<I {
                            let xi = xs[i]
                            if xi == 0 { continue }
                            let xv = SIMD8<Float>(repeating: xi)
                            let row = 4 &* (i &* H &+ j)
                            a0 = a0 + xv * weights.loadUnaligned(fromByteOffset: row, as: SIMD8<Float>.self)
                            a1 = a1 + xv * weights.loadUnaligned(fromByteOffset: row + 32, as: SIMD8<Float>.self)
                            a2 = a2 + xv * weights.loadUnaligned(fromByteOffset: row + 64, as: SIMD8<Float>.self)
                            a3 = a3 + xv * weights.loadUnaligned(fromByteOffset: row + 96, as: SIMD8<Float>.self)
                        }
                        acc.storeBytes(of: a0, toByteOffset: 4 * j, as: SIMD8<Float>.self)
                        acc.storeBytes(of: a1, toByteOffset: 4 * (j + 8), as: SIMD8<Float>.self)
                        acc.storeBytes(of: a2, toByteOffset: 4 * (j + 16), as: SIMD8<Float>.self)
                        acc.storeBytes(of: a3, toByteOffset: 4 * (j + 24), as: SIMD8<Float>.self)
                        j += 32
                    }
                    while j < H {
                        var a = bias.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
                        for i in 0..<I where xs[i] != 0 {
                            a = a + SIMD8<Float>(repeating: xs[i]) * weights.loadUnaligned(fromByteOffset: 4 * (i * H + j), as: SIMD8<Float>.self)
                        }
                        acc.storeBytes(of: a, toByteOffset: 4 * j, as: SIMD8<Float>.self)
                        j += 8
                    }
                }
            }
            w2.withUnsafeBufferPointer { w in
                // Without a branch per unit (its sign is unpredictable): a unit at or below zero adds
                // 0 × w, which leaves the sum as it was, as skipping it did.
                for j in 0..<H { z += Swift.max(hp[j], 0) * w[j] }
            }
        }
        return Double(z)
    }

    /// The logits of `count` encodings stored one after another in `x`, each bit for bit what
    /// `logit(_:hiddenScratch:)` gives: every hidden unit still sums its inputs in input order and
    /// the output layer its units in unit order. Four sentences at a time share each load of the
    /// first layer (96 KB, which no longer fits the L1 cache: one sentence at a time, it streamed
    /// from the L2 cache once per sentence, and the loop waited on it).
    func logits(_ x: UnsafePointer<Float>, count: Int, into out: UnsafeMutablePointer<Double>, scratch: inout [Float]) {
        let I = inputs, H = hidden, B = 4
        guard batchable else {
            var h: [Float] = [], one = [Float](repeating: 0, count: I)
            for n in 0..<count {
                for i in 0..<I { one[i] = x[n * I + i] }
                out[n] = logit(one, hiddenScratch: &h)
            }
            return
        }
        if scratch.count < B * (4 * I + H) { scratch = [Float](repeating: 0, count: B * (4 * I + H)) }
        scratch.withUnsafeMutableBufferPointer { buffer in
            // Standardised inputs, each four times in a row (xs[(i * B + s) * 4 + 0...3]: loaded
            // ready to multiply, with no shuffle), then the hidden units (h[s * H + j]).
            let xs = buffer.baseAddress!, h = buffer.baseAddress! + 4 * B * I
            let inputs = UnsafeRawPointer(xs)
            center.withUnsafeBufferPointer { c in
                inverseSpread.withUnsafeBufferPointer { sp in
                    b1.withUnsafeBufferPointer { b in
                        tiles.withUnsafeBufferPointer { w in
                            w2.withUnsafeBufferPointer { w2 in
                                let bias = UnsafeRawPointer(b.baseAddress!), weights = UnsafeRawPointer(w.baseAddress!)
                                let hidden = UnsafeMutableRawPointer(h)
                                var first = 0
                                while first < count {
                                    let n = min(B, count - first)
                                    // A short last group repeats its first sentence.
                                    for s in 0..<B {
                                        let e = x + (first + (s < n ? s : 0)) * I
                                        for i in 0..<I {
                                            let v = (e[i] - c[i]) * sp[i]
                                            for k in 0..<4 { xs[(i * B + s) * 4 + k] = v }
                                        }
                                    }
                                    for t in 0..<(H / 8) {
                                        var a0 = bias.loadUnaligned(fromByteOffset: 32 * t, as: SIMD8<Float>.self)
                                        var a1 = a0, a2 = a0, a3 = a0
                                        let tile = 32 &* I &* t
                                        for i in 0..<I {
                                            let wv = weights.loadUnaligned(fromByteOffset: tile &+ 32 &* i, as: SIMD8<Float>.self)
                                            let at = 64 &* i
                                            let x0 = inputs.load(fromByteOffset: at, as: SIMD4<Float>.self)
                                            let x1 = inputs.load(fromByteOffset: at &+ 16, as: SIMD4<Float>.self)
                                            let x2 = inputs.load(fromByteOffset: at &+ 32, as: SIMD4<Float>.self)
                                            let x3 = inputs.load(fromByteOffset: at &+ 48, as: SIMD4<Float>.self)
                                            a0 = a0 + SIMD8(lowHalf: x0, highHalf: x0) * wv
                                            a1 = a1 + SIMD8(lowHalf: x1, highHalf: x1) * wv
                                            a2 = a2 + SIMD8(lowHalf: x2, highHalf: x2) * wv
                                            a3 = a3 + SIMD8(lowHalf: x3, highHalf: x3) * wv
                                        }
                                        hidden.storeBytes(of: a0, toByteOffset: 32 * t, as: SIMD8<Float>.self)
                                        hidden.storeBytes(of: a1, toByteOffset: 4 * H + 32 * t, as: SIMD8<Float>.self)
                                        hidden.storeBytes(of: a2, toByteOffset: 8 * H + 32 * t, as: SIMD8<Float>.self)
                                        hidden.storeBytes(of: a3, toByteOffset: 12 * H + 32 * t, as: SIMD8<Float>.self)
                                    }
                                    // The output layer of the four at once: four independent
                                    // chains of additions, each in unit order, instead of one
                                    // after another (a short group's repeats are dropped).
                                    var z0 = b2, z1 = b2, z2 = b2, z3 = b2
                                    let u1 = h + H, u2 = u1 + H, u3 = u2 + H
                                    for j in 0..<H {
                                        let w = w2[j]
                                        z0 += Swift.max(h[j], 0) * w
                                        z1 += Swift.max(u1[j], 0) * w
                                        z2 += Swift.max(u2[j], 0) * w
                                        z3 += Swift.max(u3[j], 0) * w
                                    }
                                    let z = SIMD4(z0, z1, z2, z3)
                                    for s in 0..<n { out[first + s] = Double(z[s]) }
                                    first += n
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Training settings.
    struct Settings: Sendable, Equatable {
        var hidden = 64
        var epochs = 20
        var learningRate = 0.001
        var l2 = 1e-4
        var batch = 16
        var seed: UInt64 = 20_200_511
    }

    /// Fits the perceptron on encodings `xs` with labels, visiting examples in a fixed-seed order.
    /// Arithmetic is in Double, sequential; the result is rounded to Float.
    static func fit(_ xs: [[Float]], _ labels: [Bool], weights: [Double], settings s: Settings) -> DenseScorer {
        let n = xs.count
        let I = xs.first?.count ?? 0, H = s.hidden
        // Standardisation.
        var mean = [Double](repeating: 0, count: I), sq = [Double](repeating: 0, count: I)
        for x in xs { for i in 0..<I { mean[i] += Double(x[i]) } }
        for i in 0..<I { mean[i] /= Double(max(n, 1)) }
        for x in xs { for i in 0..<I { let d = Double(x[i]) - mean[i]; sq[i] += d * d } }
        let inv = (0..<I).map { i in
            let sd = (sq[i] / Double(max(n, 1))).squareRoot()
            return sd > 1e-6 ? 1 / sd : 0
        }
        let center = mean.map { Float($0) }, inverseSpread = inv.map { Float($0) }
        let data: [[Double]] = xs.map { x in (0..<I).map { Double((x[$0] - center[$0]) * inverseSpread[$0]) } }
        var rng = SplitMix64(seed: s.seed)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) * 2 - 1 }
        let limit1 = (6 / Double(I + H)).squareRoot(), limit2 = (6 / Double(H + 1)).squareRoot()
        // Parameters: w1 (I×H), b1 (H), w2 (H), b2 (1), in one flat array.
        let P = I * H + H + H + 1
        var p = [Double](repeating: 0, count: P)
        for k in 0..<(I * H) { p[k] = uniform() * limit1 }
        for k in 0..<H { p[I * H + H + k] = uniform() * limit2 }
        let oB1 = I * H, oW2 = I * H + H, oB2 = I * H + 2 * H
        var m = [Double](repeating: 0, count: P), v = [Double](repeating: 0, count: P), g = [Double](repeating: 0, count: P)
        var h = [Double](repeating: 0, count: H), dh = [Double](repeating: 0, count: H)
        let beta1 = 0.9, beta2 = 0.999
        var b1t = 1.0, b2t = 1.0
        var order = Array(0..<n)
        for _ in 0..<s.epochs {
            rng.shuffle(&order)
            var start = 0
            while start < n {
                let end = min(n, start + s.batch)
                for k in 0..<P { g[k] = 0 }
                p.withUnsafeMutableBufferPointer { pp in
                    g.withUnsafeMutableBufferPointer { gg in
                        for e in order[start..<end] {
                            let x = data[e]
                            for j in 0..<H { h[j] = pp[oB1 + j] }
                            for a in 0..<I where x[a] != 0 {
                                let row = a * H
                                for j in 0..<H { h[j] += x[a] * pp[row + j] }
                            }
                            var z = pp[oB2]
                            for j in 0..<H where h[j] > 0 { z += h[j] * pp[oW2 + j] }
                            let dz = (PortableMath.sigmoid(z) - (labels[e] ? 1 : 0)) * weights[e]
                            gg[oB2] += dz
                            for j in 0..<H {
                                if h[j] > 0 {
                                    gg[oW2 + j] += dz * h[j]
                                    dh[j] = dz * pp[oW2 + j]
                                    gg[oB1 + j] += dh[j]
                                } else {
                                    dh[j] = 0
                                }
                            }
                            for a in 0..<I where x[a] != 0 {
                                let row = a * H, xa = x[a]
                                for j in 0..<H { gg[row + j] += dh[j] * xa }
                            }
                        }
                    }
                }
                let scale = 1 / Double(end - start)
                b1t *= beta1
                b2t *= beta2
                let stepSize = s.learningRate * (1 - b2t).squareRoot() / (1 - b1t)
                for k in 0..<P {
                    let gk = g[k] * scale + (k < oB1 || (k >= oW2 && k < oB2) ? s.l2 * p[k] : 0)
                    m[k] = beta1 * m[k] + (1 - beta1) * gk
                    v[k] = beta2 * v[k] + (1 - beta2) * gk * gk
                    p[k] -= stepSize * m[k] / (v[k].squareRoot() + 1e-8)
                }
                start = end
            }
        }
        return DenseScorer(inputs: I, hidden: H, center: center, inverseSpread: inverseSpread,
                           w1: p[0..<(I * H)].map { Float($0) }, b1: p[oB1..<oW2].map { Float($0) },
                           w2: p[oW2..<oB2].map { Float($0) }, b2: Float(p[oB2]))
    }

    /// One scorer whose logit is the mean of the given scorers' logits (same inputs and
    /// standardisation): their hidden layers side by side, output weights divided by their number.
    static func merged(_ bag: [DenseScorer]) -> DenseScorer {
        guard bag.count > 1 else { return bag[0] }
        let I = bag[0].inputs, H = bag.reduce(0) { $0 + $1.hidden }
        let k = Float(bag.count)
        var w1 = [Float](repeating: 0, count: I * H), b1: [Float] = [], w2: [Float] = [], b2: Float = 0
        var offset = 0
        for s in bag {
            for i in 0..<I { for j in 0..<s.hidden { w1[i * H + offset + j] = s.w1[i * s.hidden + j] } }
            b1 += s.b1
            w2 += s.w2.map { $0 / k }
            b2 += s.b2 / k
            offset += s.hidden
        }
        return DenseScorer(inputs: I, hidden: H, center: bag[0].center, inverseSpread: bag[0].inverseSpread, w1: w1, b1: b1, w2: w2, b2: b2)
    }

    /// Appends the scorer to a byte buffer: inputs and hidden (UInt32), then Float32 arrays
    /// center, inverseSpread, w1, b1, w2 and b2.
    func write(into out: inout [UInt8]) {
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(UInt32(inputs))
        u32(UInt32(hidden))
        for a in [center, inverseSpread, w1, b1, w2, [b2]] { for f in a { u32(f.bitPattern) } }
    }

    /// Reads a scorer written by `write(into:)` at `at`; returns it and the offset after it.
    static func read(_ bytes: [UInt8], at start: Int) throws -> (DenseScorer, Int) {
        func u32(_ at: Int) -> UInt32 { UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24 }
        guard bytes.count >= start + 8 else { throw StageModelError("truncated model (dense part)") }
        let I = Int(u32(start)), H = Int(u32(start + 4))
        let floats = 2 * I + I * H + 2 * H + 1
        guard H > 0, H % 8 == 0, bytes.count >= start + 8 + floats * 4 else { throw StageModelError("truncated model (dense part)") }
        var at = start + 8
        func take(_ k: Int) -> [Float] {
            var a = [Float](repeating: 0, count: k)
            for i in 0..<k { a[i] = Float(bitPattern: u32(at + 4 * i)) }
            at += 4 * k
            return a
        }
        let c = take(I), s = take(I), w1 = take(I * H), b1 = take(H), w2 = take(H), b2 = take(1)[0]
        return (DenseScorer(inputs: I, hidden: H, center: c, inverseSpread: s, w1: w1, b1: b1, w2: w2, b2: b2), at)
    }
}
