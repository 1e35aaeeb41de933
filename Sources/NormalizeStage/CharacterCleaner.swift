import DocPipe
/// Copies one line of text into a builder with the character-level clean-up: spaces collapsed,
/// control and zero-width characters dropped, Unicode spaces made plain, soft hyphens removed,
/// hyphen variants made "-", ligatures expanded, and (by option) quotes, dashes and ellipses.
struct CharacterCleaner {
    let options: NormalizeOptions

    /// Appends `s[range]` cleaned; a space is only written between non-space text.
    func emit(_ bytes: [UInt8], _ range: Range<Int>, into b: inout MappedTextBuilder) {
        bytes.withUnsafeBufferPointer { s in emit(s, bytes, range, into: &b) }
    }

    private func emit(_ s: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], _ range: Range<Int>, into b: inout MappedTextBuilder) {
        var i = range.lowerBound
        let end = range.upperBound
        var runStart = i
        @inline(__always) func flush(_ to: Int, _ b: inout MappedTextBuilder) { if to > runStart { b.copy(bytes, runStart..<to) } }
        @inline(__always) func space(_ b: inout MappedTextBuilder, at: Int, single: Bool) {
            guard let last = b.last, last != 0x20, last != 0x0A else { return }
            if single { b.copy(byte: 0x20, from: at) } else { b.insert(byte: 0x20) }
        }
        while i < end {
            // Eight bytes at a time through plain text: printable ASCII and single spaces inside a run.
            if let base = s.baseAddress {
                // The byte after the word (0 when there is none: a space there then needs the slow path).
                while i + 8 <= end, CharacterCleaner.isPlain(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self), inRun: i > runStart,
                                                             next: i + 8 < end ? base[i + 8] : 0x20) {
                    i += 8
                }
                if i >= end { break }
            }
            let c = s[i]
            if c >= 0x21 && c < 0x7F {
                if (c == 0x5B || c == 0x28) && options.removeStageDirections, let skip = stageDirectionLength(bytes, i, end) {
                    flush(i, &b)
                    i += skip
                    runStart = i
                    continue
                }
                if c == 0x2E && options.ellipsis, let skip = ellipsisLength(bytes, i, end) {
                    flush(i, &b)
                    b.insert(bytes: [0xE2, 0x80, 0xA6])
                    i += skip
                    runStart = i
                    continue
                }
                i += 1
                continue
            }
            if c == 0x20 || c == 0x09 {
                // A single space inside a run follows kept non-space text, so it would be written
                // as a copy of itself, merging with the run: the run just goes on (no flush per word).
                if c == 0x20, i > runStart, i + 1 < end, s[i + 1] != 0x20, s[i + 1] != 0x09 {
                    i += 1
                    continue
                }
                flush(i, &b)
                let single = c == 0x20 && (i + 1 >= end || (s[i + 1] != 0x20 && s[i + 1] != 0x09))
                space(&b, at: i, single: single)
                i += 1
                while i < end, s[i] == 0x20 || s[i] == 0x09 { i += 1 }
                runStart = i
                continue
            }
            if c < 0x80 {
                // Control characters (the line has no newlines).
                flush(i, &b); i += 1; runStart = i; continue
            }
            // Multi-byte: look at the whole scalar; only a few lead bytes can need a change.
            let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            guard i + len <= end else { i = end; break }
            if c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF { i += len; continue }
            let replacement = self.replacement(bytes, i, len)
            switch replacement {
            case .keep:
                break
            case .drop:
                flush(i, &b); runStart = i + len
            case .space:
                flush(i, &b); space(&b, at: i, single: false); runStart = i + len
            case .text(let bytes):
                flush(i, &b); b.insert(bytes: bytes); runStart = i + len
            }
            i += len
        }
        flush(min(i, end), &b)
    }

    /// Whether eight bytes (little-endian in `x`) can all stay in the current run unchanged: printable
    /// ASCII other than `[`, `(` and `.` (which may start a stage direction or an ellipsis), and single
    /// spaces (the last one followed by `next`, which must not be a space or tab) that are not, outside
    /// a run, the first.
    @inline(__always) static func isPlain(_ x: UInt64, inRun: Bool, next: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func has(_ b: UInt8) -> UInt64 {
            let y = x ^ (ones &* UInt64(b))
            return (y &- ones) & ~y & highs
        }
        let control = (x &- ones &* 0x20) & ~x & highs  // some byte below 0x20
        if (x & highs) | control | has(0x7F) | has(0x5B) | has(0x28) | has(0x2E) != 0 { return false }
        // Spaces, exactly: the high bit of each byte that is 0x20.
        let y = x ^ (ones &* 0x20)
        let spaces = ~(((y & lows) &+ lows) | y) & highs
        if spaces == 0 { return true }
        if spaces & (spaces << 8) != 0 { return false }  // two in a row
        if spaces >> 63 != 0, next == 0x20 || next == 0x09 { return false }  // the last byte, before another
        return inRun || spaces & 0x80 == 0
    }

    enum Replacement {
        case keep, drop, space
        case text([UInt8])
    }

    /// What a multi-byte scalar becomes.
    func replacement(_ s: [UInt8], _ i: Int, _ len: Int) -> Replacement {
        let c0 = s[i], c1 = s[i + 1]
        if len == 2 {
            if c0 == 0xC2 {
                if c1 == 0xA0 { return .space }          // no-break space
                if c1 == 0xAD { return .drop }           // soft hyphen
                if c1 >= 0x80 && c1 <= 0x9F { return .drop }  // C1 controls
            }
            return .keep
        }
        if len == 3 {
            let c2 = s[i + 2]
            if c0 == 0xE2 && c1 == 0x80 {
                switch c2 {
                case 0x80...0x8A, 0xAF: return .space                 // en quad … hair space, narrow nbsp
                case 0x8B, 0x8C, 0x8D, 0x8E, 0x8F, 0xAA...0xAE: return .drop  // zero-width, direction marks
                case 0x90, 0x91: return .text([0x2D])                  // hyphen, non-breaking hyphen
                case 0x93: return options.asciiDashes ? .text([0x2D]) : .keep
                case 0x94, 0x95: return options.asciiDashes ? .text([0x2D, 0x2D]) : .keep
                case 0x98, 0x99, 0x9A, 0x9B: return options.straightenQuotes ? .text([0x27]) : .keep
                case 0x9C, 0x9D, 0x9E, 0x9F: return options.straightenQuotes ? .text([0x22]) : .keep
                case 0xA8, 0xA9: return .space                         // line/paragraph separator
                default: return .keep
                }
            }
            if c0 == 0xE2 && c1 == 0x81 && (c2 == 0xA0 || c2 == 0x9F) { return c2 == 0xA0 ? .drop : .space }
            if c0 == 0xE3 && c1 == 0x80 && c2 == 0x80 { return .space }  // ideographic space
            if c0 == 0xEF && c1 == 0xBB && c2 == 0xBF { return .drop }    // BOM
            if c0 == 0xEF && c1 == 0xAC && options.ligatures {
                switch c2 {
                case 0x80: return .text(Array("ff".utf8))
                case 0x81: return .text(Array("fi".utf8))
                case 0x82: return .text(Array("fl".utf8))
                case 0x83: return .text(Array("ffi".utf8))
                case 0x84: return .text(Array("ffl".utf8))
                case 0x85, 0x86: return .text(Array("st".utf8))
                default: return .keep
                }
            }
            if c0 == 0xEF && c1 == 0xBF && c2 == 0xBD { return .keep }
        }
        return .keep
    }

    /// Bytes covered by a bracketed stage direction at `i` ("[Laughter]", "(Applause.)"), or nil.
    func stageDirectionLength(_ s: [UInt8], _ i: Int, _ end: Int) -> Int? {
        let close: UInt8 = s[i] == 0x5B ? 0x5D : 0x29
        var k = i + 1
        while k < end, k - i < 40, s[k] != close, s[k] != s[i] { k += 1 }
        guard k < end, s[k] == close, StageDirections.isDirection(s, (i + 1)..<k) else { return nil }
        return k + 1 - i
    }

    /// Bytes covered by ". . ." or "..." at `i`, or nil.
    func ellipsisLength(_ s: [UInt8], _ i: Int, _ end: Int) -> Int? {
        if i + 2 < end, s[i + 1] == 0x2E, s[i + 2] == 0x2E {
            var k = i + 3
            while k < end, s[k] == 0x2E { k += 1 }
            return k - i
        }
        if i + 4 < end, s[i + 1] == 0x20, s[i + 2] == 0x2E, s[i + 3] == 0x20, s[i + 4] == 0x2E {
            var k = i + 5
            while k + 1 < end, s[k] == 0x20, s[k + 1] == 0x2E { k += 2 }
            return k - i
        }
        return nil
    }
}
