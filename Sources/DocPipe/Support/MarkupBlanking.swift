/// Blanks markup out of raw corpus bytes for the trainers that learn word statistics from
/// unlabeled text (the entity lexicon, the claims word vectors).
public enum MarkupBlanking {
    /// Replaces every `<…>` tag with spaces, keeping byte offsets and line breaks outside tags.
    public static func blankTags(_ bytes: inout [UInt8]) {
        var inTag = false
        for i in bytes.indices {
            let b = bytes[i]
            if b == 0x3C { inTag = true }
            if inTag { bytes[i] = 0x20 }
            if b == 0x3E { inTag = false }
        }
    }
}
