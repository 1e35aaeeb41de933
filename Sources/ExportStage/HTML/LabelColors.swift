/// Background colours for entity labels, shared by the HTML report and brat's visual.conf.
///
/// The built-in labels have fixed colours (close to displaCy's, which many users know); any
/// other label gets a light colour derived from an FNV-1a hash of its UTF-8 bytes, so the same
/// label has the same colour on every run and machine.
enum LabelColors {
    static let fixed: [String: String] = [
        "PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "LOC": "#ff9561", "NORP": "#c887fb",
        "FAC": "#9cc9cc", "EVENT": "#ffeb80", "LAW": "#ff8197", "WORK_OF_ART": "#f0d0ff", "PRODUCT": "#bfeeb7",
        "LANGUAGE": "#ffb3c7", "DATE": "#bfe1d9", "TIME": "#bfe1d9", "MONEY": "#e4e7d2", "PERCENT": "#e4e7d2",
        "QUANTITY": "#e4e7d2", "CARDINAL": "#e4e7d2", "ORDINAL": "#e4e7d2",
    ]

    /// `#rrggbb` for a label.
    static func color(for label: String) -> String {
        if let c = fixed[label] { return c }
        var h: UInt32 = 2_166_136_261
        for b in label.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return hex(hue: Double(h % 360), saturation: 0.7, lightness: 0.8)
    }

    /// A stronger colour for chart bars of claim kinds, by position.
    static func series(_ n: Int) -> String {
        let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]
        return palette[n % palette.count]
    }

    static func hex(hue: Double, saturation s: Double, lightness l: Double) -> String {
        let c = (1 - abs(2 * l - 1)) * s
        let x = c * (1 - abs((hue / 60).truncatingRemainder(dividingBy: 2) - 1))
        let m = l - c / 2
        let (r, g, b): (Double, Double, Double)
        switch hue {
        case ..<60: (r, g, b) = (c, x, 0)
        case ..<120: (r, g, b) = (x, c, 0)
        case ..<180: (r, g, b) = (0, c, x)
        case ..<240: (r, g, b) = (0, x, c)
        case ..<300: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        func byte(_ v: Double) -> String {
            let i = max(0, min(255, Int(((v + m) * 255).rounded())))
            let digits = Array("0123456789abcdef")
            return String([digits[i / 16], digits[i % 16]])
        }
        return "#" + byte(r) + byte(g) + byte(b)
    }
}
