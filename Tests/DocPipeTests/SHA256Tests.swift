import DocPipe
import Testing

@Suite struct SHA256Tests {
    @Test func fipsVectors() {
        #expect(SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionA() {
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(chunk) }
        #expect(Hex.encode(h.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func chunkedEqualsOneShot() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let oneShot = SHA256.hex(of: data)
        for size in [1, 3, 63, 64, 65, 127, 500] {
            var h = SHA256()
            var i = 0
            while i < data.count {
                h.update(data[i..<min(i + size, data.count)])
                i += size
            }
            #expect(Hex.encode(h.finalize()) == oneShot, "chunk size \(size)")
        }
    }
}

@Suite struct XXHash64Tests {
    /// Reference values from Python's `xxhash` package (xxhash.xxh64(data, seed).hexdigest()).
    @Test func matchesTheReferenceImplementation() {
        #expect(String(XXHash64.hash([]), radix: 16) == "ef46db3751d8e999")
        #expect(String(XXHash64.hash(Array("abc".utf8)), radix: 16) == "44bc2cf5ad770999")
        #expect(String(XXHash64.hash([UInt8](repeating: 0x61, count: 100), seed: 7), radix: 16) == "b97967d02e227e7b")
        let bytes = (0..<3).flatMap { _ in (0...255).map { UInt8($0) } }
        #expect(String(XXHash64.hash(bytes), radix: 16) == "8e03c838c596036f")
        #expect(Checksum.hex(of: bytes).count == 32)
    }

    /// The checksum of pieces (fed through the streaming lanes) is the one of the joined bytes,
    /// however the pieces cut the 32-byte stripes.
    @Test func piecesEqualJoined() {
        let bytes = (0..<700).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }
        for sizes in [[700], [0, 700], [1, 699], [31, 1, 668], [32, 32, 636], [5, 27, 100, 0, 3, 565], [333, 333, 34], [699, 1]] {
            var pieces: [[UInt8]] = []
            var i = 0
            for n in sizes { pieces.append(Array(bytes[i..<(i + n)])); i += n }
            #expect(Checksum.hex(ofPieces: pieces) == Checksum.hex(of: bytes), "\(sizes)")
        }
        for n in [0, 5, 31, 32, 33, 64, 95] {
            let head = Array(bytes[..<n])
            #expect(Checksum.hex(ofPieces: [head]) == Checksum.hex(of: head), "\(n)")
        }
    }
}
