@testable import DocPipe
import Testing

/// `KeyFilter` never forgets a key it was given and rarely claims one it was not.
@Suite struct KeyFilterTests {
    @Test func rememberedKeysAreAlwaysFoundAndOthersRarely() {
        var filter = KeyFilter()
        let stored = (0..<20_000).map { SHA256.hex(of: "stored \($0)") }
        for k in stored { filter.insert(k) }
        #expect(stored.allSatisfy(filter.mayContain))
        let others = (0..<20_000).map { SHA256.hex(of: "other \($0)") }
        let falsePositives = others.filter(filter.mayContain).count
        #expect(falsePositives < 20, "about 3 expected at this load; got \(falsePositives)")
    }
}
