import DocPipe
import Foundation

/// Options of the normalize stage (`"options"` of the `normalize` entry in pipeline.json).
public struct NormalizeOptions: StageOptions {
    /// Compose characters to Unicode NFC.
    public var nfc: Bool = true
    /// Replace curly quotes with straight ones (‘’“” → '").
    public var straightenQuotes: Bool = false
    /// Replace en and em dashes with "-" (hyphen variants always become "-").
    public var asciiDashes: Bool = false
    /// Replace ". . ." and "..." with "…".
    public var ellipsis: Bool = true
    /// Expand ligatures (ﬁ → fi, ﬂ → fl, …).
    public var ligatures: Bool = true
    /// Lines removed wherever they stand alone (compared case-insensitively, spaces collapsed).
    public var boilerplateLines: [String] = NormalizeOptions.defaultBoilerplate
    /// Lines removed when they start with one of these (case-insensitive), e.g. "Download PDF".
    public var boilerplatePrefixes: [String] = ["Download PDF (", "[Download PDF", "Listen to this", "Skip to main content"]
    /// Regular expressions (NSRegularExpression syntax, case-insensitive) matched against whole
    /// lines of up to 300 bytes; matching lines are removed. Empty by default (regexes are slow).
    public var boilerplatePatterns: [String] = []
    /// Remove paragraph numbers like "28.\t" or "34. " that number every paragraph of UN records.
    public var stripParagraphNumbers: Bool = true
    /// Remove stage directions: "[Laughter]", "(Applause.)".
    public var removeStageDirections: Bool = false
    /// For paginated sources (PDF): drop lines that repeat at the top or bottom of pages, and page numbers.
    public var removeRunningHeaders: Bool = true
    /// Join words hyphenated across line breaks when the joined word occurs in the document (or looks like a word).
    public var joinHyphenation: Bool = true
    /// Join hard-wrapped lines of a paragraph with spaces.
    public var reflow: Bool = true
    /// Fill metadata "title" from the first heading or short first paragraph when ingest found none,
    /// and "series"/"volume"/"number" from a title like "Issues & Insights Vol. 19, WP 13: …".
    public var inferTitle: Bool = true
    /// Extra abbreviations (without the final period) that never end a sentence.
    public var abbreviations: [String] = []

    /// Lines that are boilerplate in the papers docpipe has met.
    public static let defaultBoilerplate = [
        "pacific forum History of Pacific Forum", "Hide Overview", "Skip to main content", "Share/Save", "Back to top",
        "Print", "Share", "Subscribe", "Site Feedback", "PDF Version History", "Listen", "Citation", "Tweet",
        "Share this page", "Email this page", "Related Content", "Advertisement", "Cookie settings", "Reuter",
        "CRS PRODUCT (LIBRARY OF CONGRESS)", "CRS INSIGHT", "INSIGHTi", "Prepared for Members and", "Committees of Congress",
    ]

    /// The defaults.
    public init() {}

    /// Boilerplate lines must not be empty.
    public func validate() -> [String] {
        var problems: [String] = []
        if boilerplateLines.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            problems.append("boilerplateLines must not contain empty lines")
        }
        if boilerplatePrefixes.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            problems.append("boilerplatePrefixes must not contain empty strings")
        }
        for p in boilerplatePatterns where (try? NSRegularExpression(pattern: p)) == nil {
            problems.append("boilerplatePatterns: '\(p)' is not a valid regular expression")
        }
        if abbreviations.contains(where: { $0.isEmpty || $0.contains(" ") }) {
            problems.append("abbreviations must be single words without spaces")
        }
        return problems
    }
}
