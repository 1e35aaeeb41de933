import DocPipe
import Foundation

/// Fills title metadata from the text when ingest found none, and splits a series statement
/// off a title ("Issues & Insights Vol. 19, WP 13: Promoting …" → series "Issues & Insights",
/// volume "19", number "WP 13").
enum TitleInference {
    /// A title for a document without one: the first heading, or a short first paragraph that
    /// does not read like a sentence. Nil when neither exists.
    static func infer(text: TextIndex, paragraphs: [Span]) -> String? {
        guard paragraphs.count >= 2 else { return nil }
        for (i, p) in paragraphs.prefix(3).enumerated() {
            let t = text.substring(p.start, p.end)
            if dateLeads.contains(where: { t.hasPrefix($0) }) || isBareDate(t) { continue }   // "Updated April 16, 2026"
            if p.type == "heading" || looksLikeTitle(t) { return t }
            // A short first line (a label) may precede the title heading.
            if i == 0, t.unicodeScalars.count < 40 { continue }
            return nil
        }
        return nil
    }

    /// "April 16, 2026", "16 April 2026": short and ending in a year.
    static func isBareDate(_ t: String) -> Bool {
        let u = Array(t.utf8)
        guard u.count >= 8, u.count <= 30, u.suffix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return t.split(separator: " ").count <= 4
    }

    /// Lines that carry a date, not a title.
    static let dateLeads = ["Updated ", "Published ", "Issued ", "Date:", "Dated "]

    /// Short, starts with a capital or digit, does not end like a sentence, and is not a salutation.
    static func looksLikeTitle(_ s: String) -> Bool {
        let scalars = s.unicodeScalars
        guard scalars.count >= 3, scalars.count <= 250, let last = scalars.last, !".,;:!?".unicodeScalars.contains(last),
              let f = scalars.first, f.properties.isUppercase || ("0"..."9").contains(f) else { return false }
        return true
    }

    /// Series, volume and number in a title, and the title without them.
    static func seriesParts(_ title: String) -> (series: String, volume: String?, number: String?, mainTitle: String)? {
        // "<series> Vol. <n>, <label> <m>: <main title>" or "<series> No. <m>: <main title>".
        guard let colon = title.range(of: ": ") else { return nil }
        let head = String(title[..<colon.lowerBound])
        let main = String(title[colon.upperBound...])
        guard head.count <= 80, !main.isEmpty else { return nil }
        let words = head.split(separator: " ").map(String.init)
        var series: [String] = []
        var volume: String?
        var number: String?
        var k = 0
        while k < words.count {
            let w = words[k].trimmingCharacters(in: CharacterSet(charactersIn: ","))
            let lower = w.lowercased()
            if ["vol.", "vol", "volume"].contains(lower), k + 1 < words.count {
                volume = words[k + 1].trimmingCharacters(in: CharacterSet(charactersIn: ","))
                k += 2
                continue
            }
            if ["no.", "no", "number", "issue", "nr."].contains(lower), k + 1 < words.count {
                number = words[k + 1].trimmingCharacters(in: CharacterSet(charactersIn: ","))
                k += 2
                continue
            }
            if volume != nil || number != nil, k + 1 < words.count, w.uppercased() == w, w.count <= 4,
               words[k + 1].first?.isNumber == true {
                // A labelled number such as "WP 13".
                number = w + " " + words[k + 1].trimmingCharacters(in: CharacterSet(charactersIn: ","))
                k += 2
                continue
            }
            if volume != nil || number != nil { return nil }   // words after the numbers: not a series statement
            series.append(words[k])
            k += 1
        }
        guard volume != nil || number != nil, !series.isEmpty else { return nil }
        return (series.joined(separator: " "), volume, number, main)
    }
}
