import DocPipe

/// Metadata found in the text itself when the format carried none: a date printed near the top
/// ("Updated April 16, 2026", "Published 9 April 2026") or in the file name ("1951-04-11-report.txt").
enum TextHeuristics {
    /// Words that introduce a date line.
    static let dateLeads = ["updated ", "published ", "issued ", "date: ", "dated "]

    /// Fills "date" when it is missing.
    static func fillDate(_ metadata: inout [String: JSONValue], text: [UInt8], relativePath: String) {
        guard metadata["date"] == nil else { return }
        // The first lines of the text.
        var start = 0
        var lines = 0
        var i = 0
        let limit = min(text.count, 1500)
        while i <= limit, lines < 12 {
            if i == limit || text[i] == 0x0A {
                if i > start {
                    let line = String(decoding: text[start..<i], as: UTF8.self)
                    let lower = line.lowercased()
                    for lead in dateLeads where lower.hasPrefix(lead) && line.count < 80 {
                        if let iso = DateParser.iso8601(String(line.dropFirst(lead.count))) { metadata["date"] = .string(iso); return }
                    }
                    // A line that is only a full date ("April 16, 2026").
                    if line.count < 40, line.contains(where: \.isLetter), let iso = DateParser.iso8601(line), iso.count >= 10,
                       line.split(separator: " ").count <= 4 {
                        metadata["date"] = .string(iso)
                        return
                    }
                    lines += 1
                }
                start = i + 1
            }
            i += 1
        }
        // A YYYY-MM-DD date in the file name.
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        let u = Array(name.utf8)
        var k = 0
        while k + 10 <= u.count {
            let d = u[k..<(k + 10)]
            let isDate = d.enumerated().allSatisfy { j, c in j == 4 || j == 7 ? c == 0x2D : c >= 0x30 && c <= 0x39 }
            let boundedLeft = k == 0 || !(u[k - 1] >= 0x30 && u[k - 1] <= 0x39)
            let boundedRight = k + 10 == u.count || !(u[k + 10] >= 0x30 && u[k + 10] <= 0x39)
            if isDate, boundedLeft, boundedRight, let iso = DateParser.iso8601(String(decoding: d, as: UTF8.self)) {
                metadata["date"] = .string(iso)
                return
            }
            k += 1
        }
    }
}
