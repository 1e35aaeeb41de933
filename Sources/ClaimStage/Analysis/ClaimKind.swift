/// The kinds of claim a sentence can make (several at once). Raw values are what the
/// "kinds" attribute lists, sorted.
public enum ClaimKind: String, Sendable, CaseIterable, Comparable {
    /// Asserts something about the world that can be checked, with no more specific kind.
    case factual
    /// Involves numbers: percentages, amounts of money, counts, quantities.
    case statistical
    /// Carries a direct quotation.
    case quotation
    /// Reports what someone said, found or holds (a source other than the author).
    case attributed
    /// Says that one thing causes or leads to another.
    case causal
    /// Compares or ranks (more than, worse than, the highest, rose, doubled).
    case comparative
    /// Says what will happen.
    case predictive
    /// Says what someone should do.
    case recommendation
    /// States the document's own argument ("This paper argues…").
    case thesis
    /// Judges (deplorable, successful, chose to ignore).
    case evaluative

    /// Alphabetical order of raw values, the order "kinds" is stored in.
    public static func < (a: ClaimKind, b: ClaimKind) -> Bool { a.rawValue < b.rawValue }
}
