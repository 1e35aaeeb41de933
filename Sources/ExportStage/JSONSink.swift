/// Where `ValueWriter` writes a value: one `ByteBuffer` (compact or pretty, as the writer says)
/// or a `TwinJSON`, which gets both forms from one walk of the value.
protocol JSONSink: ~Copyable {
    /// Appends bytes every form has: a bracket, a comma, a literal, a known key with its colon.
    mutating func append(_ s: StaticString)
    /// Appends a byte every form has.
    mutating func append(_ b: UInt8)
    /// Appends a value's bytes (a number, a string literal, a key), which `write` renders once.
    mutating func scalar(_ write: (inout ByteBuffer) -> Void)
    /// Before a member or element `indent` levels deep: a line break and indentation in a pretty form.
    mutating func lineBreak(_ indent: Int, pretty: Bool)
    /// After a key's colon: a space in a pretty form.
    mutating func keySpace(pretty: Bool)
}

extension ByteBuffer: JSONSink {
    @inline(__always) mutating func scalar(_ write: (inout ByteBuffer) -> Void) { write(&self) }

    @inline(__always) mutating func lineBreak(_ indent: Int, pretty: Bool) {
        if pretty { appendLineBreak(indent) }
    }

    @inline(__always) mutating func keySpace(pretty: Bool) {
        if pretty { append(0x20) }
    }
}

/// A value written compact (as `ValueWriter(pretty: false)` writes it) and pretty (as
/// `ValueWriter(pretty: true)` writes it) in one walk, whatever the writer's `pretty` says.
/// Values are rendered once, into `compact`, and copied. Measured against two separate walks:
/// 2.2–2.7 % of a whole cold run less CPU (docs/performance.md, "The one walk for both
/// attribute forms").
struct TwinJSON: ~Copyable, JSONSink {
    var compact: ByteBuffer
    var pretty: ByteBuffer

    /// Writes on after what `compact` and `pretty` hold.
    init(compact: consuming ByteBuffer, pretty: consuming ByteBuffer) {
        self.compact = compact
        self.pretty = pretty
    }

    @inline(__always) mutating func append(_ s: StaticString) {
        compact.append(s)
        pretty.append(s)
    }

    @inline(__always) mutating func append(_ b: UInt8) {
        compact.append(b)
        pretty.append(b)
    }

    @inline(__always) mutating func scalar(_ write: (inout ByteBuffer) -> Void) {
        let start = compact.count
        write(&compact)
        pretty.append(contentsOf: compact, from: start)
    }

    @inline(__always) mutating func lineBreak(_ indent: Int, pretty _: Bool) { pretty.appendLineBreak(indent) }

    @inline(__always) mutating func keySpace(pretty _: Bool) { pretty.append(0x20) }
}
