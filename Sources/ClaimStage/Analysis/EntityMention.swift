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

    /// Labels that carry numbers a fact-checker can verify.
    static let numericLabels: Set<String> = ["PERCENT", "MONEY", "QUANTITY", "CARDINAL"]
    /// Labels that name actors who can be sources of a statement.
    static let actorLabels: Set<String> = ["PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"]
    /// Labels of time expressions.
    static let timeLabels: Set<String> = ["DATE", "TIME"]

    /// Whether the label is numeric.
    var isNumeric: Bool { EntityMention.numericLabels.contains(label) }

    /// The coarse class the check-worthiness features use, so entity-layer labels and token cues agree.
    var coarseClass: String {
        switch label {
        case "PERCENT": return "PERCENT"
        case "MONEY": return "MONEY"
        case "QUANTITY", "CARDINAL": return "NUMBER"
        case "DATE", "TIME": return "DATE"
        case "ORDINAL": return "ORDINAL"
        default: return "NAME"
        }
    }
}
