import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Hands the allocator's free memory back to the system (glibc's `malloc_trim(0)`, which also
/// releases free pages in the middle of an arena). A long run calls it every few hundred files:
/// otherwise memory freed between documents stays resident, scattered over the arenas, and
/// resident size creeps up with the number of documents (docs/performance.md, "Flat memory").
enum FreeMemory {
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let trim: Trim? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    /// Returns free memory to the system (a no-op where the allocator has no such call).
    static func release() { _ = trim?(0) }
}
