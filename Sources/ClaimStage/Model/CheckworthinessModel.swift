import DocPipe
import Foundation

/// A logistic-regression check-worthiness model over hashed features, loaded from the module's
/// resources (`Resources/checkworthiness.bin`) or built by `ClaimTrainer`.
///
/// File format (little-endian): magic "DPCW", format version UInt32, hash bits UInt32, feature
/// groups UInt32, threshold Float64, bias Float64, weight scale Float64, then 2^bits Int16
/// weights (weight = value × scale).
public struct CheckworthinessModel: Sendable, Equatable {
    /// Hash bits (the model has 2^bits weights).
    public let bits: Int
    /// Optional feature groups the model was trained with (see `FeatureHasher.Groups`).
    public let featureGroups: UInt32
    /// Weights, one per bucket.
    public var weights: [Float] { didSet { weightTable = nil } }
    /// A copy of `weights` in huge-page memory, read at random for every feature of a sentence
    /// (`FeatureHasher.linearLogit`); made for models read from a file, dropped when `weights` change.
    private(set) var weightTable: WeightTable?
    /// Bias.
    public var bias: Double
    /// Scores at or above this are check-worthy.
    public var threshold: Double
    /// The word vectors the cluster features (and the neural part) look words up in; not part of
    /// the file: models read from bytes use the bundled `WordVectors`.
    public var vectors: WordVectors?
    /// The neural part over word vectors (nil: linear only).
    var dense: DenseScorer?
    /// How the two logits combine: `blend[0] × linear + blend[1] × dense + blend[2]`.
    var blend: [Double] = [1, 0, 0]

    /// The current file-format version.
    public static let formatVersion: UInt32 = 2

    /// Creates a model.
    public init(bits: Int, featureGroups: UInt32 = 0, weights: [Float], bias: Double, threshold: Double,
                vectors: WordVectors? = nil) {
        precondition(weights.count == 1 << bits, "weights must have 2^bits entries")
        self.bits = bits
        self.featureGroups = featureGroups
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.vectors = vectors
    }

    /// The model shipped with the stage.
    public static let bundled: CheckworthinessModel? = {
        guard let url = Bundle.module.url(forResource: "checkworthiness", withExtension: "bin", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "checkworthiness", withExtension: "bin"),
              let bytes = AtomicFile.read(path: url.path) else { return nil }   // one read, no Data copy
        return try? CheckworthinessModel(bytes: bytes)
    }()

    /// The feature hasher matching this model.
    var hasher: FeatureHasher { FeatureHasher(bits: bits, groups: .init(rawValue: featureGroups), vectors: vectors) }

    /// Logit of the linear part for these feature buckets.
    func linearLogit(_ features: [Int32]) -> Double {
        guard !features.isEmpty else { return bias }
        var z = 0.0
        weights.withUnsafeBufferPointer { w in for f in features { z += Double(w[Int(f)]) } }
        return z / Double(features.count).squareRoot() + bias
    }

    /// Probability of the linear part alone.
    func probability(_ features: [Int32]) -> Double { PortableMath.sigmoid(linearLogit(features)) }

    /// Probability that a sentence is check-worthy, from its feature buckets and (when the model
    /// has a neural part) its dense encoding.
    func probability(_ features: [Int32], dense x: [Float], hiddenScratch h: inout [Float]) -> Double {
        guard let dense else { return probability(features) }
        return PortableMath.sigmoid(blend[0] * linearLogit(features) + blend[1] * dense.logit(x, hiddenScratch: &h) + blend[2])
    }

    /// `probability(_:dense:hiddenScratch:)` from the linear logit already found.
    func probability(linearLogit linear: Double, dense x: [Float], hiddenScratch h: inout [Float]) -> Double {
        guard let dense else { return PortableMath.sigmoid(linear) }
        return PortableMath.sigmoid(blend[0] * linear + blend[1] * dense.logit(x, hiddenScratch: &h) + blend[2])
    }

    /// Serialises the model (weights quantised to Int16).
    public var bytes: [UInt8] {
        var out: [UInt8] = Array("DPCW".utf8)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        u32(CheckworthinessModel.formatVersion)
        u32(UInt32(bits))
        u32(featureGroups)
        f64(threshold)
        f64(bias)
        let maxAbs = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maxAbs > 0 ? Double(maxAbs) / 32767 : 1
        f64(scale)
        out.reserveCapacity(out.count + weights.count * 2)
        for w in weights {
            let q = Int16(clamping: Int((Double(w) / scale).rounded()))
            withUnsafeBytes(of: q.littleEndian) { out.append(contentsOf: $0) }
        }
        u32(dense == nil ? 0 : 1)
        if let dense {
            for b in blend { f64(b) }
            dense.write(into: &out)
        }
        return out
    }

    /// Reads a model file (checkworthiness.bin).
    public init(contentsOf path: String) throws {
        try self.init(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Reads a model written by `bytes`.
    public init(bytes: [UInt8]) throws {
        guard bytes.count >= 40, Array(bytes[0..<4]) == Array("DPCW".utf8) else {
            throw StageModelError("not a check-worthiness model (bad magic)")
        }
        func u32(_ at: Int) -> UInt32 { UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24 }
        func f64(_ at: Int) -> Double { Double(bitPattern: UInt64(u32(at)) | UInt64(u32(at + 4)) << 32) }
        let version = u32(4)
        guard version == 1 || version == CheckworthinessModel.formatVersion else {
            throw StageModelError("model format \(version) is not supported (this build reads \(CheckworthinessModel.formatVersion))")
        }
        let bits = Int(u32(8))
        let linearEnd = 40 + (1 << bits) * 2
        guard bits >= 4, bits <= 24, bytes.count >= linearEnd + (version == 1 ? 0 : 4) else { throw StageModelError("truncated model") }
        let groups = u32(12)
        let threshold = f64(16), bias = f64(24), scale = f64(32)
        var weights = [Float](repeating: 0, count: 1 << bits)
        for i in 0..<weights.count {
            let at = 40 + i * 2
            let q = Int16(bitPattern: UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8)
            weights[i] = Float(Double(q) * scale)
        }
        var dense: DenseScorer?
        var blend: [Double] = [1, 0, 0]
        var end = linearEnd
        if version >= 2, u32(linearEnd) == 1 {
            guard bytes.count >= linearEnd + 28 else { throw StageModelError("truncated model") }
            blend = (0..<3).map { f64(linearEnd + 4 + 8 * $0) }
            let (d, after) = try DenseScorer.read(bytes, at: linearEnd + 28)
            dense = d
            end = after
        } else if version >= 2 {
            end = linearEnd + 4
        }
        guard end == bytes.count else { throw StageModelError("model file has trailing bytes") }
        let needsVectors = dense != nil || FeatureHasher.Groups(rawValue: groups).contains(.clusters)
        self.init(bits: bits, featureGroups: groups, weights: weights, bias: bias, threshold: threshold,
                  vectors: needsVectors ? WordVectors.bundled : nil)
        self.dense = dense
        self.blend = blend
        weightTable = WeightTable(self.weights)
    }

    /// Equal when every part of the model is (the weight table is derived from `weights`).
    public static func == (a: CheckworthinessModel, b: CheckworthinessModel) -> Bool {
        a.bits == b.bits && a.featureGroups == b.featureGroups && a.weights == b.weights && a.bias == b.bias
            && a.threshold == b.threshold && a.vectors == b.vectors && a.dense == b.dense && a.blend == b.blend
    }
}

/// The linear weights in `TableMemory` (huge pages): 1 MB read at random, one feature at a time.
final class WeightTable: @unchecked Sendable {
    private let memory: TableMemory
    /// The weights, one per bucket.
    let weights: UnsafePointer<Float>
    /// Number of weights.
    let count: Int
    /// How many weights a Double sum may add up exactly, in any order: the weights are all whole
    /// multiples of one power of two u (a model read from a file has Int16 × scale weights, so
    /// their exponents span about 16 binades), and a sum of n of them is exact while n × max|w| <
    /// 2^53 u. 0 when the weights are not all finite and normal (or zero).
    let exactTerms: Int

    /// A copy of `weights`.
    init(_ weights: [Float]) {
        count = weights.count
        memory = TableMemory(byteCount: weights.count * MemoryLayout<Float>.stride)
        let p = memory.bind(Float.self, at: 0, count: weights.count)
        weights.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: $0.count) }
        self.weights = UnsafePointer(p)
        exactTerms = WeightTable.exactTerms(weights)
    }

    /// See `exactTerms`.
    static func exactTerms(_ weights: [Float]) -> Int {
        var minExponent = Int.max, maxMagnitude: Double = 0
        for w in weights where w != 0 {
            guard w.isNormal else { return 0 }
            minExponent = min(minExponent, Int(w.exponent))
            maxMagnitude = max(maxMagnitude, Double(w.magnitude))
        }
        guard maxMagnitude > 0 else { return Int.max }
        // Every nonzero weight is a whole multiple of u = 2^(minExponent - 23).
        let u = Double(sign: .plus, exponent: minExponent - 23, significand: 1)
        let limit = Double(sign: .plus, exponent: 53, significand: 1) * u / maxMagnitude
        return limit >= Double(Int.max) ? Int.max : Int(limit) - 1
    }
}

/// A model file that cannot be read.
public struct StageModelError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
