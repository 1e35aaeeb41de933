/// Check-worthiness in three bands, for tools that need a closed set of values.
enum CheckworthinessBand: String, CaseIterable {
    /// 0.66 and above.
    case high = "High"
    /// 0.33 up to 0.66.
    case medium = "Medium"
    /// Below 0.33.
    case low = "Low"

    init(_ score: Double) {
        self = score >= 0.66 ? .high : score >= 0.33 ? .medium : .low
    }
}
