/// What the analyzer found in one sentence, with byte offsets; `Claims` turns it into span attributes.
struct ClaimAnalysis: Sendable {
    /// A cue span (hedge or attribution cue) in bytes.
    struct Cue: Sendable, Equatable {
        var start: Int
        var end: Int
    }

    /// Who a statement is attributed to.
    struct Attribution: Sendable, Equatable {
        /// How the source was found: "reported" (X said), "according", "evidential" (studies have
        /// shown), "stance" (X chose to), "self" (this paper argues).
        var via: String
        /// The source span, in bytes (nil when the cue names no source, as with "reportedly").
        var source: Cue?
        /// The cue span (said, according to, studies have shown…).
        var cue: Cue
        /// The entity the source is, when it is one.
        var entity: EntityMention?
    }

    /// Kinds found.
    var kinds = ClaimKinds()
    /// Hedge cue spans.
    var hedges: [Cue] = []
    /// The statement's source.
    var attribution: Attribution?
    /// Quotation spans (inside the quotation marks).
    var quotations: [Cue] = []
    /// Entities inside the sentence, in order.
    var entities: [EntityMention] = []
    /// Number of word tokens.
    var wordCount = 0
    /// Ends with a question mark.
    var isQuestion = false
    /// Ends with sentence punctuation (not a heading or fragment).
    var isComplete = false
    /// Cue categories found (for features), as a bit set over `CueCategory.rawValue`.
    var cueBits: UInt32 = 0
}
