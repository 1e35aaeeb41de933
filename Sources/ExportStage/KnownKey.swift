/// Attribute keys that the value writer meets again and again, each with its quoted form (with
/// the colon) and its first eight bytes: writing one is a copy, with no escape test and no reading
/// of a small string's bytes through a copy on the stack.
struct KnownKey {
    /// `"key":`.
    let quoted: StaticString
    /// The key's first eight UTF-8 bytes, big-endian, zero-padded (as `ValueWriter.prefix`).
    let prefix: UInt64

    /// A key's quoted form and prefix (spelled out, so `of` costs no work beyond its comparisons;
    /// `ByteWritingTests` checks them against `ValueWriter.prefix`).
    init(_ quoted: StaticString, _ prefix: UInt64) {
        self.quoted = quoted
        self.prefix = prefix
    }

    /// Every known key (for the tests).
    static let names = ["end", "cue", "text", "iso3", "kind", "start", "label", "kinds", "value", "hedges", "entity", "isClaim", "entities", "canonical", "confidence", "quotations", "checkworthy", "attribution", "checkworthiness"]

    /// The known key `key` is, or nil (compared by length first; all are ASCII, where `==` is
    /// byte equality).
    @inline(__always) static func of(_ key: String) -> KnownKey? {
        switch key.utf8.count {
        case 3: return key == "end" ? KnownKey(#""end":"#, 0x656E_6400_0000_0000) : key == "cue" ? KnownKey(#""cue":"#, 0x6375_6500_0000_0000) : nil
        case 4: return key == "text" ? KnownKey(#""text":"#, 0x7465_7874_0000_0000) : key == "iso3" ? KnownKey(#""iso3":"#, 0x6973_6F33_0000_0000) : key == "kind" ? KnownKey(#""kind":"#, 0x6B69_6E64_0000_0000) : nil
        case 5:
            return key == "start" ? KnownKey(#""start":"#, 0x7374_6172_7400_0000) : key == "label" ? KnownKey(#""label":"#, 0x6C61_6265_6C00_0000) : key == "kinds" ? KnownKey(#""kinds":"#, 0x6B69_6E64_7300_0000)
                : key == "value" ? KnownKey(#""value":"#, 0x7661_6C75_6500_0000) : nil
        case 6: return key == "hedges" ? KnownKey(#""hedges":"#, 0x6865_6467_6573_0000) : key == "entity" ? KnownKey(#""entity":"#, 0x656E_7469_7479_0000) : nil
        case 7: return key == "isClaim" ? KnownKey(#""isClaim":"#, 0x6973_436C_6169_6D00) : nil
        case 8: return key == "entities" ? KnownKey(#""entities":"#, 0x656E_7469_7469_6573) : nil
        case 9: return key == "canonical" ? KnownKey(#""canonical":"#, 0x6361_6E6F_6E69_6361) : nil
        case 10: return key == "confidence" ? KnownKey(#""confidence":"#, 0x636F_6E66_6964_656E) : key == "quotations" ? KnownKey(#""quotations":"#, 0x7175_6F74_6174_696F) : nil
        case 11: return key == "checkworthy" ? KnownKey(#""checkworthy":"#, 0x6368_6563_6B77_6F72) : key == "attribution" ? KnownKey(#""attribution":"#, 0x6174_7472_6962_7574) : nil
        case 15: return key == "checkworthiness" ? KnownKey(#""checkworthiness":"#, 0x6368_6563_6B77_6F72) : nil
        default: return nil
        }
    }
}
