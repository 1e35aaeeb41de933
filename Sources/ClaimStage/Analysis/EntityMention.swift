import DocPipe

/// An entity inside a sentence, as the analyzer sees it: a byte range plus label and canonical name.
///
/// In the pipeline these come from the "entities" layer; when scoring bare sentences (training,
/// evaluation) `NumberCues` makes numeric and date mentions from the tokens instead.
struct EntityMention: Sendable, Equatable {
    /// First byte.
    var start: Int
    /// One past the last byte.
    var end: Int
    /// Label (PERSON, PERCENT…).
    var label: String
    /// Canonical name ("Thomas Buergenthal"); the covered text when the entity has none.
    var canonical: String
    /// Normalised value, when the entity stage gave one.
    var value: JSONValue?
    /// The mention's index in the document's entity layer (in canonical order), whose span holds
    /// the canonical name and value (then `canonical` is "" and `value` nil until a claim is
    /// rendered); -1 for mentions made from tokens.
    var layerIndex: Int32 = -1

    /// What the analyzer and the features need to know about the label, found once.
    let group: LabelGroup

    /// A mention; `label` decides its `group`.
    init(start: Int, end: Int, label: String, canonical: String, value: JSONValue? = nil) {
        self.start = start
        self.end = end
        self.label = label
        self.canonical = canonical
        self.value = value
        group = LabelGroup(label)
    }

    /// Label groups: numeric labels a fact-checker can verify, actors who can be sources of a
    /// statement, time expressions, ordinals and the rest.
    enum LabelGroup: UInt8, Sendable, Equatable, CaseIterable {
        case percent, money, number, time, ordinal, actor, other

        init(_ label: String) {
            switch label {
            case "PERCENT": self = .percent
            case "MONEY": self = .money
            case "QUANTITY", "CARDINAL": self = .number
            case "DATE", "TIME": self = .time
            case "ORDINAL": self = .ordinal
            case "PERSON", "ORG", "GPE", "NORP", "FAC", "LOC": self = .actor
            default: self = .other
            }
        }

        /// The coarse class of the group (see `EntityMention.coarseClass`).
        var coarseClass: String {
            switch self {
            case .percent: "PERCENT"
            case .money: "MONEY"
            case .number: "NUMBER"
            case .time: "DATE"
            case .ordinal: "ORDINAL"
            case .actor, .other: "NAME"
            }
        }
    }

    /// Whether the label is numeric (PERCENT, MONEY, QUANTITY, CARDINAL).
    var isNumeric: Bool { group == .percent || group == .money || group == .number }
    /// Whether the label names an actor (PERSON, ORG, GPE, NORP, FAC, LOC).
    var isActor: Bool { group == .actor }
    /// Whether the label is a time expression (DATE, TIME).
    var isTime: Bool { group == .time }

    /// The coarse class the check-worthiness features use, so entity-layer labels and token cues agree.
    var coarseClass: String { group.coarseClass }
}
