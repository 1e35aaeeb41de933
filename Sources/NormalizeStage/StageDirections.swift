/// Bracketed stage directions in transcripts.
enum StageDirections {
    static let words: [[UInt8]] = ["laughter", "applause", "cheers", "cheering", "booing", "boos", "inaudible", "crosstalk",
                                   "music", "silence", "pause", "audience members", "standing ovation", "crowd chanting",
                                   "laughs", "sighs"].map { Array($0.utf8) }

    /// Whether the text inside brackets is a stage direction.
    static func isDirection(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        var key = LineClassifier.key(s, r)
        while let last = key.last, last == 0x2E || last == 0x21 { key.removeLast() }
        return words.contains(where: { key == $0 || (key.starts(with: $0) && key.count < $0.count + 12) })
    }
}
