/// Numeric and date mentions found from tokens alone, standing in for the entities layer when a
/// bare sentence is scored (training and evaluation), so the entity features still fire.
enum NumberCues {
    private static let percentWords: TokenSet = TokenSet(["percent", "%", "per"])
    private static let moneyWords: TokenSet = TokenSet(["dollars", "dollar", "cents", "euros", "pounds", "yen"])
    private static let dollar = ClaimTokenizer.hash("$")
    private static let scaleWords: TokenSet = TokenSet(["million", "billion", "trillion", "thousand", "hundred"])

    /// PERCENT, MONEY, CARDINAL and DATE mentions (byte offsets, canonical = "").
    static func mentions(_ tokens: [ClaimToken], _ matches: [CueLexicon.Match]) -> [EntityMention] {
        var out: [EntityMention] = []
        var monthAt = Set<Int>()
        for m in matches where m.category == .month { monthAt.insert(m.first) }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if monthAt.contains(i), t.shape == .capitalized || i == 0 {
                var e = i + 1
                while e < tokens.count, tokens[e].shape == .number || tokens[e].first == 0x2C { e += 1 }
                if e > i + 1 || (i + 1 < tokens.count && tokens[i + 1].shape == .number) {
                    out.append(EntityMention(start: t.start, end: tokens[e - 1].end, label: "DATE", canonical: ""))
                    i = e
                    continue
                }
            }
            guard t.shape == .number || t.hash == dollar else { i += 1; continue }
            var s = i, e = i + 1
            var label = "CARDINAL"
            if t.hash == dollar {
                guard i + 1 < tokens.count, tokens[i + 1].shape == .number else { i += 1; continue }
                label = "MONEY"
                e = i + 2
            } else if t.end - t.start == 4, t.first == 0x31 || t.first == 0x32 {
                out.append(EntityMention(start: t.start, end: t.end, label: "DATE", canonical: ""))
                i += 1
                continue
            }
            if e < tokens.count, scaleWords.contains(tokens[e].hash) { e += 1 }
            if e < tokens.count, percentWords.contains(tokens[e].hash) { label = "PERCENT"; e += 1 }
            else if e < tokens.count, moneyWords.contains(tokens[e].hash) { label = "MONEY"; e += 1 }
            if s > 0, tokens[s - 1].hash == dollar { s -= 1; label = "MONEY" }
            out.append(EntityMention(start: tokens[s].start, end: tokens[e - 1].end, label: label, canonical: ""))
            i = e
        }
        return out
    }
}
