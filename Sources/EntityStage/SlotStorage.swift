#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocPipe

/// The slots of an open-addressing table (`HashTable`, `WordFacts`), in huge-page memory when
/// large (see `HugePages`), each starting as `empty`. Written only while the table is built.
final class SlotStorage<Slot>: @unchecked Sendable {
    let slots: UnsafeMutablePointer<Slot>

    init(count: Int, empty: Slot) {
        slots = HugePages.allocate(bytes: count * MemoryLayout<Slot>.stride).bindMemory(to: Slot.self, capacity: count)
        slots.initialize(repeating: empty, count: count)
    }

    deinit { free(slots) }
}
