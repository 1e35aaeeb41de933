import Dispatch
import DocPipe

/// Stops the fuzzer with a message when an invariant does not hold (libFuzzer saves the input).
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError("invariant failed: \(message())", file: file, line: line) }
}

/// The fuzz input as an array.
func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// A box for handing a value out of a task.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Runs async work to completion from the fuzzer's synchronous entry point.
func runBlocking<T>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Reads structured values off the fuzz input, yielding zeros once it runs out.
struct ByteReader {
    var bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A value in 0..<bound (bound > 0).
    mutating func int(below bound: Int) -> Int {
        let v = Int(byte()) << 8 | Int(byte())
        return v % bound
    }

    /// Up to `max` bytes, its length taken from the input first.
    mutating func chunk(max: Int) -> [UInt8] {
        let n = min(int(below: max + 1), bytes.count - min(position, bytes.count))
        defer { position += n }
        return Array(bytes[position..<position + n])
    }

    /// The rest of the input.
    mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }
}

/// Checks what every stage must hand on: spans inside the text, and a source map that is
/// ordered, non-overlapping and inside text and source; with the source's scalars, also that
/// every mapped run holds the source's text (a space may stand for one whitespace scalar).
func checkDocument(_ doc: Document, source: [Unicode.Scalar], _ label: String) {
    checkDocument(doc, sourceScalars: source.count, label)
    let text = Array(doc.text.unicodeScalars)
    for seg in doc.sourceMap.segments {
        for k in 0..<seg.length {
            let t = text[seg.text + k], s = source[seg.source + k]
            require(t == s || (t == " " && (s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}")),
                    "\(label): map segment \(seg) scalar \(k) is \(t.escaped(asASCII: true)) but the source has \(s.escaped(asASCII: true))")
        }
    }
}

/// Checks what every stage must hand on: spans inside the text, and a source map that is
/// ordered, non-overlapping and inside text and source.
func checkDocument(_ doc: Document, sourceScalars: Int?, _ label: String) {
    let scalars = doc.text.unicodeScalars.count
    for (name, spans) in doc.layers {
        for s in spans {
            require(s.start >= 0 && s.start <= s.end && s.end <= scalars,
                    "\(label): layer \(name) span \(s.start)..<\(s.end) outside text of \(scalars) scalars")
        }
    }
    var lastEnd = 0
    for seg in doc.sourceMap.segments {
        require(seg.length > 0, "\(label): empty map segment \(seg)")
        require(seg.text >= lastEnd, "\(label): map segment \(seg) overlaps the one before (ends \(lastEnd))")
        require(seg.text + seg.length <= scalars, "\(label): map segment \(seg) past text of \(scalars) scalars")
        if let sourceScalars {
            require(seg.source >= 0 && seg.source + seg.length <= sourceScalars,
                    "\(label): map segment \(seg) past source of \(sourceScalars) scalars")
        }
        lastEnd = seg.text + seg.length
    }
}
