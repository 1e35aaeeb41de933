/// Checks one UTF-8 sequence.
enum UTF8Validation {
    /// The length of the valid UTF-8 sequence starting at `i`, or 0 when it is not valid there.
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let n = b.count
        let c = b[i]
        func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(1), cont(2) else { return 0 }
            if c == 0xE0, b[i + 1] < 0xA0 { return 0 }   // overlong
            if c == 0xED, b[i + 1] >= 0xA0 { return 0 }  // surrogates
            return 3
        case 0xF0...0xF4:
            guard cont(1), cont(2), cont(3) else { return 0 }
            if c == 0xF0, b[i + 1] < 0x90 { return 0 }
            if c == 0xF4, b[i + 1] >= 0x90 { return 0 }
            return 4
        default:
            return 0
        }
    }
}
