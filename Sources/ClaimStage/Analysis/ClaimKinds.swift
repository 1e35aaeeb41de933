/// A set of claim kinds as a bit mask: what `ClaimAnalysis` collects per sentence, without the
/// hashing a `Set<ClaimKind>` does for every insert and test.
struct ClaimKinds: Sendable, Equatable, ExpressibleByArrayLiteral {
    private var bits: UInt16 = 0

    /// The empty set.
    init() {}

    /// A set of the given kinds.
    init(arrayLiteral kinds: ClaimKind...) {
        for k in kinds { insert(k) }
    }

    /// Whether no kind is in the set.
    var isEmpty: Bool { bits == 0 }

    /// Adds a kind.
    mutating func insert(_ kind: ClaimKind) { bits |= kind.bit }

    /// Whether the kind is in the set.
    func contains(_ kind: ClaimKind) -> Bool { bits & kind.bit != 0 }

    /// Whether the two sets share no kind.
    func isDisjoint(with other: ClaimKinds) -> Bool { bits & other.bits == 0 }

    /// Removes the kinds of `other`.
    mutating func subtract(_ other: ClaimKinds) { bits &= ~other.bits }

    /// The kinds in alphabetical order of their raw values (the order "kinds" is stored in).
    func sorted() -> [ClaimKind] { ClaimKind.alphabetical.filter(contains) }
}

extension ClaimKind {
    /// This kind's bit in `ClaimKinds`.
    var bit: UInt16 {
        switch self {
        case .factual: 1 << 0
        case .statistical: 1 << 1
        case .quotation: 1 << 2
        case .attributed: 1 << 3
        case .causal: 1 << 4
        case .comparative: 1 << 5
        case .predictive: 1 << 6
        case .recommendation: 1 << 7
        case .thesis: 1 << 8
        case .evaluative: 1 << 9
        }
    }

    /// Every kind, sorted by raw value.
    static let alphabetical = allCases.sorted()
}
