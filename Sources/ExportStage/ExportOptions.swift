import DocPipe

/// Options of the export stage, from the `options` object of its entry in pipeline.json.
public struct ExportOptions: StageOptions {
    /// Output formats to write (see `ExportFormat`); default json, jsonl, csv and html.
    public var formats: [String]
    /// Prefix CSV cells that start with `=`, `+`, `-`, `@`, tab or CR with `'`, so spreadsheets
    /// show them as text instead of running them as formulas.
    public var guardFormulas: Bool
    /// Start each CSV file with a UTF-8 byte-order mark, which Excel needs to detect UTF-8
    /// (most other readers do not want one: pandas then needs `encoding="utf-8-sig"`).
    public var csvByteOrderMark: Bool
    /// How many entities the HTML index lists (by mentions).
    public var reportTopEntities: Int
    /// How many claims the HTML index lists (by check-worthiness).
    public var reportTopClaims: Int

    /// The defaults.
    public init() {
        formats = ExportFormat.defaults.map(\.rawValue)
        guardFormulas = true
        csvByteOrderMark = false
        reportTopEntities = 25
        reportTopClaims = 20
    }

    /// Decodes options, taking the default for every key left out.
    public init(from decoder: any Decoder) throws {
        let d = ExportOptions()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formats = try c.decodeIfPresent([String].self, forKey: .formats) ?? d.formats
        guardFormulas = try c.decodeIfPresent(Bool.self, forKey: .guardFormulas) ?? d.guardFormulas
        csvByteOrderMark = try c.decodeIfPresent(Bool.self, forKey: .csvByteOrderMark) ?? d.csvByteOrderMark
        reportTopEntities = try c.decodeIfPresent(Int.self, forKey: .reportTopEntities) ?? d.reportTopEntities
        reportTopClaims = try c.decodeIfPresent(Int.self, forKey: .reportTopClaims) ?? d.reportTopClaims
    }

    /// Unknown format names and out-of-range counts.
    public func validate() -> [String] {
        var problems: [String] = []
        let known = ExportFormat.allCases.map(\.rawValue)
        for name in formats where ExportFormat(rawValue: name) == nil {
            let hint = Suggest.nearest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            problems.append("unknown export format '\(name)'\(hint); known formats: \(known.joined(separator: ", "))")
        }
        if reportTopEntities < 0 || reportTopEntities > 10_000 { problems.append("reportTopEntities must be between 0 and 10000") }
        if reportTopClaims < 0 || reportTopClaims > 10_000 { problems.append("reportTopClaims must be between 0 and 10000") }
        return problems
    }

    /// The chosen formats, known ones only, without duplicates.
    var selected: Set<ExportFormat> { Set(formats.compactMap(ExportFormat.init(rawValue:))) }
}
