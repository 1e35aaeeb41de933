/// exp and the logistic function from + − × ÷ only, so training and scores give the same bits
/// on every platform (libm's `exp` may differ in the last place between systems).
enum PortableMath {
    private static let ln2 = 0.693_147_180_559_945_3

    /// e^x, accurate to a few ulp; clamps to [e^-700, e^700].
    static func exp(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        let x = min(max(x, -700), 700)
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        // Taylor series of e^r for |r| <= ln2/2, Horner form.
        var sum = 1.0
        var n = 14.0
        while n >= 1 {
            sum = 1 + sum * r / n
            n -= 1
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }

    /// Natural logarithm of a positive number, by Newton steps on `exp` (training only).
    static func log(_ x: Double) -> Double {
        guard x > 0 else { return -.infinity }
        // Start from the binary exponent, then refine y ← y + 2(x − e^y)/(x + e^y).
        var y = Double(x.exponent) * ln2
        for _ in 0..<8 {
            let e = exp(y)
            y += 2 * (x - e) / (x + e)
        }
        return y
    }

    /// 1 / (1 + e^-z).
    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
}
