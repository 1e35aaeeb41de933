import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Caps glibc's malloc arenas at two for the process (unless `MALLOC_ARENA_MAX` is set). By
/// default glibc gives every thread that contends an arena of its own, up to eight per core; a
/// long run then keeps freed memory scattered over many arenas and its resident size creeps up
/// with the number of documents (measured in docs/performance.md). Two arenas keep the two hot
/// threads of `--jobs 2` apart.
enum MallocArenas {
    /// Applies the cap (once, before any worker thread starts).
    static func limit() {
        #if canImport(Glibc)
        guard ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil,
              let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mArenaMax: Int32 = -8   // M_ARENA_MAX in <malloc.h>
        _ = unsafeBitCast(symbol, to: MallOpt.self)(mArenaMax, 2)
        #endif
    }
}
