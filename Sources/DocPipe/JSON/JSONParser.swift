/// A line and column in a text file, both counted from 1 (columns in Unicode scalars).
public struct SourcePosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int
    /// Creates a position.
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A syntax error in JSON text, with where it happened.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where.
    public var position: SourcePosition
    /// Byte offset of the error in the input.
    public var offset: Int
    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}

/// Parses JSON (RFC 8259) from UTF-8 bytes, optionally recording where each value starts.
///
/// Positions are keyed by JSON path (`$.stages[1].options.formats`), which is how config errors
/// point at the user's text. Nesting deeper than `maxDepth` is an error, not a stack overflow.
public struct JSONParser {
    /// The deepest nesting accepted.
    public static let maxDepth = 512

    /// Parses one JSON value filling the whole input (whitespace aside).
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var p = Cursor(bytes: bytes, record: false)
        return try p.parseDocument()
    }

    /// Parses one JSON value from a string.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses and also returns the start position of every value, keyed by JSON path.
    public static func parseWithPositions(_ bytes: [UInt8]) throws(JSONSyntaxError) -> (JSONValue, [String: SourcePosition]) {
        var p = Cursor(bytes: bytes, record: true)
        let v = try p.parseDocument()
        return (v, p.positions)
    }

    /// Converts a byte offset into a line and column (columns count Unicode scalars).
    public static func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }

    struct Cursor {
        let bytes: [UInt8]
        var i = 0
        let record: Bool
        var positions: [String: SourcePosition] = [:]
        var path: [String] = []
        var depth = 0

        init(bytes: [UInt8], record: Bool) {
            self.bytes = bytes
            self.record = record
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        }

        func fail(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
            let o = offset ?? i
            return JSONSyntaxError(message: message, position: JSONParser.position(of: o, in: bytes), offset: o)
        }

        mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
            skipWhitespace()
            let v = try parseValue()
            skipWhitespace()
            if i < bytes.count { throw fail("unexpected \(describe(bytes[i])) after the JSON value") }
            return v
        }

        mutating func skipWhitespace() {
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 } else { return }
            }
        }

        func describe(_ b: UInt8) -> String {
            if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return "byte 0x\(String(b, radix: 16, uppercase: true))"
        }

        mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
            guard i < bytes.count else { throw fail("unexpected end of input: a value was expected") }
            if record { positions[path.joined()] = JSONParser.position(of: i, in: bytes) }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw fail("unexpected \(describe(bytes[i])): a value was expected")
            }
        }

        mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
            let n = word.utf8CodeUnitCount
            let start = i
            if i + n <= bytes.count {
                var ok = true
                word.withUTF8Buffer { buf in
                    for k in 0..<n where bytes[start + k] != buf[k] { ok = false; break }
                }
                if ok { i += n; return }
            }
            throw fail("invalid literal: expected '\(word)'")
        }

        mutating func enter() throws(JSONSyntaxError) {
            depth += 1
            if depth > JSONParser.maxDepth { throw fail("nesting deeper than \(JSONParser.maxDepth) levels") }
        }

        mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
            try enter()
            defer { depth -= 1 }
            i += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw fail(i < bytes.count ? "expected a member name in double quotes" : "unexpected end of input inside an object")
                }
                let key = try parseString()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after member name \"\(key)\"") }
                i += 1
                skipWhitespace()
                if record { path.append(JSONPath.member(key)) }
                let value = try parseValue()
                if record { path.removeLast() }
                members[key] = value
                skipWhitespace()
                guard i < bytes.count else { throw fail("unexpected end of input inside an object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw fail("expected ',' or '}' in an object, found \(describe(bytes[i]))")
            }
        }

        mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
            try enter()
            defer { depth -= 1 }
            i += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
            elements.reserveCapacity(4)   // one allocation for the short arrays most lines hold
            while true {
                skipWhitespace()
                if record { path.append("[\(elements.count)]") }
                elements.append(try parseValue())
                if record { path.removeLast() }
                skipWhitespace()
                guard i < bytes.count else { throw fail("unexpected end of input inside an array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
                throw fail("expected ',' or ']' in an array, found \(describe(bytes[i]))")
            }
        }

        mutating func parseString() throws(JSONSyntaxError) -> String {
            let open = i
            i += 1
            let start = i
            // Fast path: no escapes; eight plain bytes at a time.
            while i < bytes.count {
                skipPlainStringBytes()
                guard i < bytes.count else { break }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    let s = String(decoding: bytes[start..<i], as: UTF8.self)
                    i += 1
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw fail("control character in a string (escape it as \\u00\(b < 16 ? "0" : "")\(String(b, radix: 16)))") }
                i += 1
            }
            var out = Array(bytes[start..<i])
            while i < bytes.count {
                // Runs between escapes are copied whole.
                let run = i
                skipPlainStringBytes()
                while i < bytes.count, bytes[i] >= 0x20, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
                if i > run { out.append(contentsOf: bytes[run..<i]) }
                guard i < bytes.count else { break }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if b < 0x20 { throw fail("control character in a string") }
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if code >= 0xD800 && code < 0xDC00 {
                        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            let low = try hex4()
                            if low >= 0xDC00 && low < 0xE000 {
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                appendScalar(0xFFFD, to: &out)
                                code = low
                            }
                        } else {
                            code = 0xFFFD
                        }
                    } else if code >= 0xDC00 && code < 0xE000 {
                        code = 0xFFFD
                    }
                    appendScalar(code, to: &out)
                default:
                    throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", at: i - 2)
                }
            }
            throw fail("unterminated string", at: open)
        }

        func appendScalar(_ code: UInt32, to out: inout [UInt8]) {
            let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }

        mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw fail("incomplete \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw fail("invalid hex digit in \\u escape")
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }

        /// Advances over whole 8-byte words holding no quote, backslash or control character.
        mutating func skipPlainStringBytes() {
            let n = bytes.count
            bytes.withUnsafeBytes { raw in
                while i + 8 <= n {
                    let v = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                    let quote = v ^ (ones &* 0x22), backslash = v ^ (ones &* 0x5C)
                    let special = ((v &- ones &* 0x20) & ~v) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                    if special & highs != 0 { return }
                    i += 8
                }
            }
        }

        mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
            let start = i
            var isInteger = true
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw fail("invalid number") }
            if bytes[i] == UInt8(ascii: "0") {
                i += 1
                if i < bytes.count, isDigit(bytes[i]) { throw fail("invalid number: leading zero") }
            } else {
                while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                isInteger = false
                i += 1
                guard i < bytes.count, isDigit(bytes[i]) else { throw fail("invalid number: digits expected after '.'") }
                while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                isInteger = false
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard i < bytes.count, isDigit(bytes[i]) else { throw fail("invalid number: digits expected in exponent") }
                while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            }
            if isInteger && i - start <= 18 {
                // Up to 18 characters cannot overflow: read the digits directly, no string.
                var v = 0
                var k = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
                while k < i { v = v &* 10 &+ Int(bytes[k] &- 0x30); k += 1 }
                return .int(bytes[start] == UInt8(ascii: "-") ? -v : v)
            }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if isInteger, let v = Int(text) { return .int(v) }
            guard let d = Double(text) else { throw fail("invalid number", at: start) }
            return .double(d)
        }

        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    }
}

/// Helpers for the JSON path strings used in config errors: `$.stages[2].options`.
public enum JSONPath {
    /// The path component for an object member: `.name`, or `["odd name"]` when not an identifier.
    public static func member(_ key: String) -> String {
        let simple = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
        }
        return simple ? ".\(key)" : "[\(JSONWriter.quoted(key))]"
    }

    /// Renders components (as produced by `member` and `[i]`) as a full path from the root `$`.
    public static func render(_ components: [String]) -> String { "$" + components.joined() }
}
