/// A growable byte buffer the export writes its files into: appends are a capacity test and a
/// copy, with none of the uniqueness checks and generic paths `[UInt8]` goes through for every
/// small append. Not copyable, so it owns its memory (or, in `collect`, borrows the array's).
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Whether `base` is ours to free (else it is the storage of the array `collect` builds).
    private var owned: Bool
    /// Bytes written.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        owned = true
    }

    /// An empty buffer writing into `storage` until it outgrows it.
    private init(writingInto storage: UnsafeMutableBufferPointer<UInt8>) {
        base = storage.baseAddress!
        capacity = storage.count
        owned = false
    }

    deinit { if owned { base.deallocate() } }

    /// The bytes `write` appends, written straight into the array returned when they fit in
    /// `estimate` bytes (no copy at the end), else collected and copied once.
    static func collect(estimate: Int, _ write: (inout ByteBuffer) -> Void) -> [UInt8] {
        var spilled: [UInt8]?
        let direct = [UInt8](unsafeUninitializedCapacity: max(estimate, 16)) { storage, initialized in
            var out = ByteBuffer(writingInto: storage)
            write(&out)
            if out.owned {
                spilled = out.array()
                initialized = 0
            } else {
                initialized = out.count
            }
        }
        return spilled ?? direct
    }

    /// Whether nothing is written.
    var isEmpty: Bool { count == 0 }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if capacity &- count < n { grow(n) }
    }

    @inline(never) private mutating func grow(_ n: Int) {
        let newCapacity = max(capacity * 2, count + n)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if owned { base.deallocate() }
        base = newBase
        capacity = newCapacity
        owned = true
    }

    /// Appends one byte.
    @inline(__always) mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count &+= 1
    }

    /// Appends bytes. Short runs (most appends: a key, a number, a bit of markup) are copied
    /// with two overlapping loads and stores that stay inside the run, instead of a call to memmove.
    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0 else { return }
        reserve(n)
        let from = UnsafeRawPointer(bytes.baseAddress!)
        let to = UnsafeMutableRawPointer(base + count)
        if n >= 8 && n <= 16 {
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (to + (n - 8)).storeBytes(of: (from + (n - 8)).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else if n >= 4 && n < 8 {
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            (to + (n - 4)).storeBytes(of: (from + (n - 4)).loadUnaligned(as: UInt32.self), as: UInt32.self)
        } else if n < 4 {
            to.storeBytes(of: from.load(as: UInt8.self), as: UInt8.self)
            if n > 1 { (to + (n - 2)).storeBytes(of: (from + (n - 2)).loadUnaligned(as: UInt16.self), as: UInt16.self) }
        } else {
            to.copyMemory(from: from, byteCount: n)
        }
        count &+= n
    }

    /// Appends a static string's UTF-8 bytes.
    @inline(__always) mutating func append(_ s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends an array's bytes.
    @inline(__always) mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends a string's UTF-8 bytes.
    @inline(__always) mutating func append(utf8 s: String) {
        s.withUTF8Bytes { append($0) }
    }

    /// Appends `n` bytes that `body` writes at the pointer it is given.
    @inline(__always) mutating func append(count n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) {
        reserve(n)
        body(base + count)
        count &+= n
    }

    /// Appends a line break and `indent` levels of two-space indentation.
    @inline(__always) mutating func appendLineBreak(_ indent: Int) {
        if indent <= 32 {
            append(UnsafeBufferPointer(start: ByteBuffer.indents.utf8Start, count: 1 + 2 * indent))
        } else {
            append(0x0A)
            for _ in 0..<indent { append("  ") }
        }
    }

    /// A line break and 32 levels of indentation.
    private static let indents: StaticString = "\n                                                                "

    /// Appends `other`'s bytes from `start` on.
    @inline(__always) mutating func append(contentsOf other: borrowing ByteBuffer, from start: Int) {
        append(UnsafeBufferPointer(start: other.base + start, count: other.count - start))
    }

    /// Forgets the last `n` bytes written.
    mutating func removeLast(_ n: Int) { count -= min(n, count) }

    /// Forgets the bytes written, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the bytes written.
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written, as an array (the buffer is used up).
    consuming func array() -> [UInt8] {
        let n = count
        let source = base
        return [UInt8](unsafeUninitializedCapacity: n) { buffer, initialized in
            if n > 0 { buffer.baseAddress!.initialize(from: source, count: n) }
            initialized = n
        }
    }
}
