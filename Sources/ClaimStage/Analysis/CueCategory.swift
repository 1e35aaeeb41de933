/// What a cue phrase signals. A phrase can belong to several categories.
enum CueCategory: Int, Sendable, CaseIterable {
    /// Epistemic hedge: approximately, apparently, may, reportedly, likely.
    case hedge
    /// Evidential weasel phrase whose first word is the source: "studies have shown", "experts say".
    case evidential
    /// Verb of saying: said, described, told, warned.
    case reportVerb
    /// Verb of saying that is also a common noun; counts only before "that" or a quotation.
    case reportVerbThat
    /// Stance ascribed to an actor: "have chosen to", "decided to", "believes".
    case stance
    /// "according to": the source follows.
    case according
    /// Cause and effect: because, led to, as a result.
    case causal
    /// Comparison: more than, compared with, the highest.
    case comparative
    /// Forecast or promise about the future: will, expected to, by 2030.
    case predictive
    /// What someone ought to do: should, must, we recommend.
    case recommendation
    /// The document speaking of itself: "this paper", "this report", "we".
    case selfReference
    /// Verb of a thesis statement: argues, proposes, contends.
    case thesisVerb
    /// Judgement words: deplorable, terrible, unacceptable, successful.
    case evaluative
    /// Words of quantity: percent, million, half, doubled, rate.
    case quantity
    /// Negation: not, never, no.
    case negation
    /// A month name (for telling "May 2019" from the modal "may").
    case month
}
