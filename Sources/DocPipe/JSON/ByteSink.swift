/// A growable byte buffer written through a raw pointer, for the JSON that the core writes per
/// document (deltas, spans, canonical documents): one capacity check per piece and no uniqueness
/// check, which is what most of the cost of many small `[UInt8]` appends is.
///
/// Writes the same bytes as the `JSONWriter` functions of the same names.
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    private(set) var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes (it grows as needed).
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written.
    consuming func bytes() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Appends the bytes written to `out`.
    func append(to out: inout [UInt8]) { out.append(contentsOf: UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(count + n) }
    }

    @inline(never)
    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    /// Appends bytes.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: from, count: bytes.count)
        count &+= bytes.count
    }

    /// Appends a literal's UTF-8 bytes.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends bytes.
    mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    /// Appends an integer in decimal (as `JSONWriter.appendInt`).
    mutating func appendInt(_ i: Int) {
        if i >= 0 && i < 10 { append(0x30 &+ UInt8(truncatingIfNeeded: i)); return }
        reserve(JSONWriter.maxDecimalLength)
        count &+= JSONWriter.writeDecimal(i, to: base + count)
    }

    /// Appends a number (as `JSONWriter.appendNumber`).
    mutating func appendNumber(_ d: Double) {
        guard d.isFinite else { append("null"); return }
        if d == d.rounded(), abs(d) < 9_007_199_254_740_992 {
            appendInt(Int(d))
        } else {
            var text = d.description
            text.withUTF8 { append($0) }
        }
    }

    /// Appends a JSON string literal (as `JSONWriter.appendString`). Read in place (small
    /// strings from the stack), without a mutable copy of the string.
    mutating func appendString(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) != nil { return }
        var s = s
        s.withUTF8 { appendQuoted($0) }
    }

    /// Appends UTF-8 bytes as a JSON string literal: plain ones (most keys, types and names)
    /// with one capacity check and one copy.
    @inline(__always)
    private mutating func appendQuoted(_ buf: UnsafeBufferPointer<UInt8>) {
        let n = buf.count
        guard Self.isPlain(buf) else {
            append(UInt8(ascii: "\""))
            JSONWriter.escape(buf) { append($0) }
            append(UInt8(ascii: "\""))
            return
        }
        reserve(n &+ 2)
        base[count] = UInt8(ascii: "\"")
        if let from = buf.baseAddress, n > 0 { (base + (count &+ 1)).update(from: from, count: n) }
        base[count &+ n &+ 1] = UInt8(ascii: "\"")
        count &+= n &+ 2
    }

    /// Whether no byte needs escaping: eight bytes at a time, the last few in a word that
    /// overlaps the one before, or byte by byte in a string shorter than a word (false may also
    /// mean "not sure": the caller then looks at every byte).
    @inline(__always)
    private static func isPlain(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = buf.count
        guard n >= 8 else {
            for b in buf where JSONWriter.isSpecial(b) { return false }
            return true
        }
        let raw = UnsafeRawBufferPointer(buf)
        var i = 0
        while i + 8 <= n {
            if JSONWriter.mayNeedEscaping(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) { return false }
            i += 8
        }
        return i == n || !JSONWriter.mayNeedEscaping(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)))
    }
}

extension JSONWriter {
    /// Appends a value in compact form (the bytes `writeCompact(_:into:)` gives for `[UInt8]`).
    static func writeCompact(_ value: JSONValue, into out: inout ByteSink) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.appendInt(i)
        case .double(let d): out.appendNumber(d)
        case .string(let s): out.appendString(s)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for k in a.indices {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(a[k], into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o): writeCompact(o, into: &out)
        }
    }

    /// A member's place while an object's keys are sorted: its key's first sixteen bytes (as two
    /// big-endian numbers, zero-padded, so numbers compare like the bytes) and its index.
    private struct SortedMember {
        var prefix: UInt64
        var prefix2: UInt64
        var index: Dictionary<String, JSONValue>.Index

        init(key: String, index: Dictionary<String, JSONValue>.Index) {
            self.index = index
            (prefix, prefix2) = key.utf8.withContiguousStorageIfAvailable { buf in
                (Self.word(buf, from: 0), Self.word(buf, from: 8))
            } ?? Array(key.utf8).withUnsafeBufferPointer { buf in (Self.word(buf, from: 0), Self.word(buf, from: 8)) }
        }

        /// Eight bytes of `buf` from `start` as a big-endian number, zero-padded past the end.
        @inline(__always)
        private static func word(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64 {
            let n = buf.count - start
            if n >= 8 { return UInt64(bigEndian: UnsafeRawPointer(buf.baseAddress! + start).loadUnaligned(as: UInt64.self)) }
            var v: UInt64 = 0
            var k = 0
            while k < n {
                v |= UInt64(buf[start + k]) << (56 - 8 * UInt64(k))
                k += 1
            }
            return v
        }

        /// Whether this member's key comes before `other`'s (whole keys compared only when the
        /// first sixteen bytes tie).
        @inline(__always)
        func precedes(_ other: SortedMember, in o: [String: JSONValue]) -> Bool {
            if prefix != other.prefix { return prefix < other.prefix }
            if prefix2 != other.prefix2 { return prefix2 < other.prefix2 }
            return utf8Less(o.keys[index], o.keys[other.index])
        }
    }

    /// Appends an object in compact form, keys in UTF-8 byte order. Small objects (span
    /// attributes) are insertion-sorted on the stack by key prefix.
    static func writeCompact(_ o: [String: JSONValue], into out: inout ByteSink) {
        let count = o.count
        if count == 0 { out.append("{}"); return }
        if count == 1, let only = o.first {
            out.append(UInt8(ascii: "{"))
            out.appendString(only.key)
            out.append(UInt8(ascii: ":"))
            writeCompact(only.value, into: &out)
            out.append(UInt8(ascii: "}"))
            return
        }
        guard count <= 16 else {
            out.append(UInt8(ascii: "{"))
            for (n, m) in o.sorted(by: { utf8Less($0.key, $1.key) }).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                out.appendString(m.key)
                out.append(UInt8(ascii: ":"))
                writeCompact(m.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
            return
        }
        withUnsafeTemporaryAllocation(of: SortedMember.self, capacity: count) { order in
            var n = 0
            var i = o.startIndex
            while i != o.endIndex {
                order.initializeElement(at: n, to: SortedMember(key: o.keys[i], index: i))
                n += 1
                o.formIndex(after: &i)
            }
            defer { _ = order.deinitialize() }
            for a in 1..<n {
                var j = a
                while j > 0 {
                    guard order[j].precedes(order[j - 1], in: o) else { break }
                    order.swapAt(j, j - 1)
                    j -= 1
                }
            }
            out.append(UInt8(ascii: "{"))
            for k in 0..<n {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.appendString(o.keys[order[k].index])
                out.append(UInt8(ascii: ":"))
                writeCompact(o.values[order[k].index], into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
