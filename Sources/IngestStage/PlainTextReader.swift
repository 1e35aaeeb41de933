import DocPipe
/// Reads plain text: the decoded source is the text, except a header of known `Key: value` lines
/// at the very top followed by a blank line ("President: Harry S. Truman"), which becomes metadata.
enum PlainTextReader {
    static func read(_ src: [UInt8]) -> ReaderOutput {
        var out = ReaderOutput(builder: MappedTextBuilder(capacity: src.count))
        var bodyStart = 0
        var fields: [(String, String)] = []
        var lineStart = 0
        var i = 0
        while i < src.count, fields.count < 8 {
            guard src[i] == 0x0A else { i += 1; continue }
            let line = String(decoding: src[lineStart..<i], as: UTF8.self).trimmingSuffix("\r")
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !fields.isEmpty { bodyStart = i + 1 }
                break
            }
            guard let colon = line.firstIndex(of: ":"), line.distance(from: line.startIndex, to: colon) <= 30,
                  MetadataFields.key(for: String(line[..<colon])) != nil, line[line.index(after: colon)...].first == " " else {
                fields.removeAll()
                break
            }
            fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            lineStart = i + 1
            i += 1
        }
        if bodyStart > 0 {
            for (k, v) in fields { MetadataFields.assign(key: k, value: v, to: &out) }
        }
        out.builder.copy(src, bodyStart..<src.count)
        return out
    }
}
