import DocPipe

/// Writes JSON values (span attributes, metadata) with exactly the bytes `JSONWriter` gives,
/// faster, into a `ByteBuffer` (or both forms in one walk into a `TwinJSON`): an object's
/// members are insertion-sorted on the stack as the dictionary yields them, by their keys'
/// first eight bytes (whole keys only on ties), and objects of one member, the usual case for
/// nested attribute values, skip sorting.
struct ValueWriter {
    /// Indent by two spaces, members on their own lines (as `JSONWriter(pretty: true)`).
    let pretty: Bool

    /// Appends `value`, nested `indent` levels deep.
    func write<Sink: JSONSink & ~Copyable>(_ value: JSONValue, into out: inout Sink, indent: Int = 0) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.scalar { Bytes.int(i, &$0) }
        case .double(let d): out.scalar { Bytes.number(d, &$0) }
        case .string(let s): out.scalar { Bytes.jsonString(s, &$0) }
        case .array(let a):
            if a.isEmpty { out.append("[]"); return }
            out.append(UInt8(ascii: "["))
            for n in a.indices {  // elements read in place
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                write(a[n], into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            write(object: o, into: &out, indent: indent)
        }
    }

    /// Appends an object.
    func write<Sink: JSONSink & ~Copyable>(object o: [String: JSONValue], into out: inout Sink, indent: Int = 0) {
        if o.isEmpty { out.append("{}"); return }
        out.append(UInt8(ascii: "{"))
        if o.count == 1 {
            let i = o.startIndex
            member(o.keys[i], o.values[i], first: true, &out, indent)
        } else if o.count <= ValueWriter.smallObject && writeKnownKeys(o, &out, indent) {
            // Written in rank order (the usual attributes: every key a known one).
        } else if o.count <= ValueWriter.smallObject {
            // Insertion-sort the members' positions into a buffer on the stack as the dictionary
            // yields them, by their keys' first eight bytes (ties: the whole key); values are read
            // in place when written (no copies to retain and release). Known keys bring their
            // prefix and quoted form along.
            typealias Member = (prefix: UInt64, index: Dictionary<String, JSONValue>.Index, known: KnownKey?)
            withUnsafeTemporaryAllocation(of: Member.self, capacity: o.count) { buffer in
                let m = buffer.baseAddress!
                var n = 0
                var i = o.startIndex
                while i != o.endIndex {
                    let k = o.keys[i]
                    let (prefix, known) = KnownKey.lookup(k)
                    var j = n
                    while j > 0, m[j - 1].prefix > prefix || (m[j - 1].prefix == prefix && ValueWriter.tieLess(k, known, o.keys[m[j - 1].index], m[j - 1].known)) {
                        (m + j).moveInitialize(from: m + j - 1, count: 1)
                        j -= 1
                    }
                    (m + j).initialize(to: (prefix, i, known))
                    n += 1
                    o.formIndex(after: &i)
                }
                for j in 0..<n {
                    if let known = m[j].known {
                        if j > 0 { out.append(UInt8(ascii: ",")) }
                        newline(&out, indent + 1)
                        out.append(known.quoted)
                        value(o.values[m[j].index], &out, indent)
                    } else {
                        member(o.keys[m[j].index], o.values[m[j].index], first: j == 0, &out, indent)
                    }
                }
                m.deinitialize(count: n)
            }
        } else {
            var members = Array(o)
            members.sort { ValueWriter.less($0.key, $1.key) }
            for (n, m) in members.enumerated() { member(m.key, m.value, first: n == 0, &out, indent) }
        }
        newline(&out, indent)
        out.append(UInt8(ascii: "}"))
    }

    /// Appends the object of `o`'s members but those whose keys are known keys with their rank's
    /// bit (`1 << KnownKey.rank`) in `omitted`, when every key of `o` is a known key (`{}` when
    /// none is left); false, with nothing written, when one is not.
    func write(object o: [String: JSONValue], omitting omitted: UInt32, into out: inout ByteBuffer) -> Bool {
        let start = out.count
        out.append(UInt8(ascii: "{"))
        guard o.count <= KnownKey.count, writeKnownKeys(o, &out, 0, omitting: omitted) else {
            out.removeLast(out.count - start)
            return false
        }
        if out.count > start + 1 { newline(&out, 0) }
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// Appends `{"canonical":NAME}`, or with `other` (a member whose key sorts after "canonical")
    /// `{"canonical":NAME,"KEY":VALUE}`: an entity's usual attributes, without their dictionary.
    func write<Sink: JSONSink & ~Copyable>(canonical name: String, then other: (key: String, value: JSONValue)?, into out: inout Sink,
                                           indent: Int = 0) {
        out.append(UInt8(ascii: "{"))
        newline(&out, indent + 1)
        out.append(#""canonical":"#)
        out.keySpace(pretty: pretty)
        out.scalar { Bytes.jsonString(name, &$0) }
        if let other { member(other.key, other.value, first: false, &out, indent) }
        newline(&out, indent)
        out.append(UInt8(ascii: "}"))
    }

    /// Writes the members of `o` when all its keys are known keys: each one's position and key go to
    /// the slot of its rank and a bit per rank, read back lowest first (code-point order, with no
    /// comparison). False, with nothing written, when a key is not a known one.
    @inline(__always) private func writeKnownKeys<Sink: JSONSink & ~Copyable>(_ o: [String: JSONValue], _ out: inout Sink, _ indent: Int,
                                                                             omitting omitted: UInt32 = 0) -> Bool {
        // Small enough (19 slots) to stay on the stack.
        typealias Slot = (index: Dictionary<String, JSONValue>.Index, quoted: StaticString)
        return withUnsafeTemporaryAllocation(of: Slot.self, capacity: KnownKey.count) { buffer in
            let slots = buffer.baseAddress!
            var present: UInt32 = 0
            var i = o.startIndex
            while i != o.endIndex {
                guard let known = KnownKey.lookup(o.keys[i]).known, present & (1 << UInt32(known.rank)) == 0 else {
                    while present != 0 {
                        (slots + present.trailingZeroBitCount).deinitialize(count: 1)
                        present &= present - 1
                    }
                    return false
                }
                (slots + known.rank).initialize(to: (i, known.quoted))
                present |= 1 << UInt32(known.rank)
                o.formIndex(after: &i)
            }
            var first = true
            var written = present & ~omitted
            while written != 0 {
                let r = written.trailingZeroBitCount
                written &= written - 1
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(&out, indent + 1)
                out.append(slots[r].quoted)
                value(o.values[slots[r].index], &out, indent)
            }
            while present != 0 {
                (slots + present.trailingZeroBitCount).deinitialize(count: 1)
                present &= present - 1
            }
            return true
        }
    }

    /// Appends an object of `members` (distinct keys, in any order; sorted here).
    func write<Sink: JSONSink & ~Copyable>(members: inout [(key: String, value: JSONValue)], into out: inout Sink, indent: Int = 0) {
        if members.isEmpty { out.append("{}"); return }
        if members.count > 1 { members.sort { ValueWriter.less($0.key, $1.key) } }
        out.append(UInt8(ascii: "{"))
        for (n, m) in members.enumerated() { member(m.key, m.value, first: n == 0, &out, indent) }
        newline(&out, indent)
        out.append(UInt8(ascii: "}"))
    }

    /// Code-point order of two keys whose first eight bytes are equal: known keys by their quoted forms.
    @inline(__always) static func tieLess(_ a: String, _ knownA: KnownKey?, _ b: String, _ knownB: KnownKey?) -> Bool {
        if let knownA, let knownB { return KnownKey.less(knownA, knownB) }
        return JSONWriter.utf8Less(a, b)
    }

    /// Objects up to this many members are sorted on the stack.
    static let smallObject = 16

    /// A key's first eight UTF-8 bytes, big-endian, zero-padded: ordered as the keys are, except for ties.
    @inline(__always) static func prefix(_ key: String) -> UInt64 {
        if let fast = key.utf8.withContiguousStorageIfAvailable({ prefix($0) }) { return fast }
        var x: UInt64 = 0
        var shift: UInt64 = 56
        for b in key.utf8 {
            x |= UInt64(b) << shift
            if shift == 0 { break }
            shift -= 8
        }
        return x
    }

    /// `prefix` of a key given as UTF-8 bytes.
    @inline(__always) static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count >= 8 { return UInt64(bigEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt64.self)) }
        var x: UInt64 = 0
        for (i, b) in bytes.enumerated() { x |= UInt64(b) << (56 - 8 * UInt64(i)) }
        return x
    }

    @inline(__always) private func member<Sink: JSONSink & ~Copyable>(_ k: String, _ v: JSONValue, first: Bool, _ out: inout Sink, _ indent: Int) {
        if !first { out.append(UInt8(ascii: ",")) }
        newline(&out, indent + 1)
        out.scalar { Bytes.jsonString(k, &$0) }
        out.append(UInt8(ascii: ":"))
        value(v, &out, indent)
    }

    /// A member's value, after its key and colon.
    @inline(__always) private func value<Sink: JSONSink & ~Copyable>(_ v: JSONValue, _ out: inout Sink, _ indent: Int) {
        out.keySpace(pretty: pretty)
        switch v {  // the usual values without a call
        case .string(let s): out.scalar { Bytes.jsonString(s, &$0) }
        case .int(let i): out.scalar { Bytes.int(i, &$0) }
        case .bool(let b): out.append(b ? "true" : "false")
        default: write(v, into: &out, indent: indent + 1)
        }
    }

    /// Code-point order of keys (as `JSONWriter.utf8Less`), deciding on the first byte when it differs.
    @inline(__always) static func less(_ a: String, _ b: String) -> Bool {
        let x = a.utf8.first.map(Int.init) ?? -1, y = b.utf8.first.map(Int.init) ?? -1
        return x != y ? x < y : JSONWriter.utf8Less(a, b)
    }

    @inline(__always) private func newline<Sink: JSONSink & ~Copyable>(_ out: inout Sink, _ indent: Int) {
        out.lineBreak(indent, pretty: pretty)
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Calls `body` with every member in the dictionary's order, the value read in place rather
    /// than copied out (no retain and release for the members a walk only looks past).
    @inline(__always) func forEachMember(_ body: (String, JSONValue) -> Void) {
        var i = startIndex
        while i != endIndex {
            body(keys[i], values[i])
            formIndex(after: &i)
        }
    }
}
