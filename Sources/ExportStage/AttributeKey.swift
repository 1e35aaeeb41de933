/// The attribute keys the export gives a column or a place of its own, told apart by length
/// first, so most keys cost at most one string comparison. All are ASCII letters (no `K`), for
/// which `String` equality is byte equality, so this finds exactly what `==` would.
enum AttributeKey {
    case attribution, canonical, checkworthiness, confidence, entities, hedges, isClaim, iso3, kind, kinds, value

    /// The known key `key` is, or nil.
    @inline(__always) static func of(_ key: String) -> AttributeKey? {
        switch key.utf8.count {
        case 4: return key == "kind" ? .kind : key == "iso3" ? .iso3 : nil
        case 5: return key == "kinds" ? .kinds : key == "value" ? .value : nil
        case 6: return key == "hedges" ? .hedges : nil
        case 7: return key == "isClaim" ? .isClaim : nil
        case 8: return key == "entities" ? .entities : nil
        case 9: return key == "canonical" ? .canonical : nil
        case 10: return key == "confidence" ? .confidence : nil
        case 11: return key == "attribution" ? .attribution : nil
        case 15: return key == "checkworthiness" ? .checkworthiness : nil
        default: return nil
        }
    }
}
