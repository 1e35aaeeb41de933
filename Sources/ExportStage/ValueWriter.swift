import DocPipe

/// Writes JSON values (span attributes, metadata) with exactly the bytes `JSONWriter` gives,
/// faster: an object's members are sorted once as (key, value) pairs (no lookup per key), and
/// objects of one member, the usual case for nested attribute values, skip sorting.
struct ValueWriter {
    /// Indent by two spaces, members on their own lines (as `JSONWriter(pretty: true)`).
    let pretty: Bool

    /// Appends `value`, nested `indent` levels deep.
    func write(_ value: JSONValue, into out: inout [UInt8], indent: Int = 0) {
        switch value {
        case .null: Bytes.raw("null", &out)
        case .bool(let b): if b { Bytes.raw("true", &out) } else { Bytes.raw("false", &out) }
        case .int(let i): Bytes.int(i, &out)
        case .double(let d): JSONWriter.appendNumber(d, to: &out)
        case .string(let s): JSONWriter.appendString(s, to: &out)
        case .array(let a):
            if a.isEmpty { Bytes.raw("[]", &out); return }
            out.append(UInt8(ascii: "["))
            for (n, element) in a.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                write(element, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            write(object: o, into: &out, indent: indent)
        }
    }

    /// Appends an object.
    func write(object o: [String: JSONValue], into out: inout [UInt8], indent: Int = 0) {
        if o.isEmpty { Bytes.raw("{}", &out); return }
        out.append(UInt8(ascii: "{"))
        if o.count == 1 {
            let (k, v) = o.first!
            member(k, v, first: true, &out, indent)
        } else {
            var members = Array(o)
            members.sort { ValueWriter.less($0.key, $1.key) }
            for (n, m) in members.enumerated() { member(m.key, m.value, first: n == 0, &out, indent) }
        }
        newline(&out, indent)
        out.append(UInt8(ascii: "}"))
    }

    @inline(__always) private func member(_ k: String, _ v: JSONValue, first: Bool, _ out: inout [UInt8], _ indent: Int) {
        if !first { out.append(UInt8(ascii: ",")) }
        newline(&out, indent + 1)
        JSONWriter.appendString(k, to: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        write(v, into: &out, indent: indent + 1)
    }

    /// Code-point order of keys (as `JSONWriter.utf8Less`), deciding on the first byte when it differs.
    @inline(__always) static func less(_ a: String, _ b: String) -> Bool {
        let x = a.utf8.first.map(Int.init) ?? -1, y = b.utf8.first.map(Int.init) ?? -1
        return x != y ? x < y : JSONWriter.utf8Less(a, b)
    }

    @inline(__always) private func newline(_ out: inout [UInt8], _ indent: Int) {
        guard pretty else { return }
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }
}
