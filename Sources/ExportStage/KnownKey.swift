/// Attribute keys that the value writer meets again and again, each with its quoted form (with
/// the colon) and its first eight bytes: writing one is a copy, with no escape test and no reading
/// of a small string's bytes through a copy on the stack.
struct KnownKey {
    /// `"key":`.
    let quoted: StaticString
    /// The key's first eight UTF-8 bytes, big-endian, zero-padded (as `ValueWriter.prefix`).
    let prefix: UInt64

    init(_ quoted: StaticString) {
        self.quoted = quoted
        var x: UInt64 = 0
        let key = UnsafeBufferPointer(start: quoted.utf8Start + 1, count: quoted.utf8CodeUnitCount - 3)
        for (i, b) in key.prefix(8).enumerated() { x |= UInt64(b) << (56 - 8 * UInt64(i)) }
        prefix = x
    }

    /// The known key `key` is, or nil (compared by length first; all are ASCII, where `==` is
    /// byte equality).
    @inline(__always) static func of(_ key: String) -> KnownKey? {
        switch key.utf8.count {
        case 3: return key == "end" ? KnownKey(#""end":"#) : key == "cue" ? KnownKey(#""cue":"#) : nil
        case 4: return key == "text" ? KnownKey(#""text":"#) : key == "iso3" ? KnownKey(#""iso3":"#) : key == "kind" ? KnownKey(#""kind":"#) : nil
        case 5:
            return key == "start" ? KnownKey(#""start":"#) : key == "label" ? KnownKey(#""label":"#) : key == "kinds" ? KnownKey(#""kinds":"#)
                : key == "value" ? KnownKey(#""value":"#) : nil
        case 6: return key == "hedges" ? KnownKey(#""hedges":"#) : key == "entity" ? KnownKey(#""entity":"#) : nil
        case 7: return key == "isClaim" ? KnownKey(#""isClaim":"#) : nil
        case 8: return key == "entities" ? KnownKey(#""entities":"#) : nil
        case 9: return key == "canonical" ? KnownKey(#""canonical":"#) : nil
        case 10: return key == "confidence" ? KnownKey(#""confidence":"#) : key == "quotations" ? KnownKey(#""quotations":"#) : nil
        case 11: return key == "checkworthy" ? KnownKey(#""checkworthy":"#) : key == "attribution" ? KnownKey(#""attribution":"#) : nil
        case 15: return key == "checkworthiness" ? KnownKey(#""checkworthiness":"#) : nil
        default: return nil
        }
    }
}
