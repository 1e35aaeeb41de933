@testable import NormalizeStage
import XCTest

/// `ByteWordSet` and `WordHashSet` answer exactly as `Set` does.
final class ByteWordSetTests: XCTestCase {
    func testByteWordSetAgreesWithSet() {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        func word() -> [UInt8] { (0..<Int(next() % 11)).map { _ in UInt8(0x61 + next() % 4) } }
        for round in 0..<50 {
            var words = (0..<Int(next() % 120)).map { _ in word() }
            if round % 5 == 0 { words.append([]) }
            let set = ByteWordSet(words), reference = Set(words)
            for _ in 0..<500 {
                let w = word()
                XCTAssertEqual(set.contains(w), reference.contains(w), "\(w)")
            }
            for w in words { XCTAssertTrue(set.contains(w)) }
        }
    }

    func testWordHashSetAgreesWithSet() {
        var set = WordHashSet(capacity: 4), reference = Set<UInt64>()
        var x: UInt64 = 0
        for i in 0..<5_000 {
            x = x &* 2_862_933_555_777_941_757 &+ 3_037_000_493
            let h = i % 97 == 0 ? 0 : x % 3_000
            set.insert(h)
            reference.insert(h)
        }
        for h in 0..<4_000 as Range<UInt64> { XCTAssertEqual(set.contains(h), reference.contains(h), "\(h)") }
    }
}
