import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tunes glibc's malloc for a long batch run (each setting unless its `MALLOC_…_` variable is set):
/// - at most one arena per core plus two: by default glibc gives every thread that contends an
///   arena of its own, up to eight per core, and a long run then keeps freed memory scattered over
///   many arenas, its resident size creeping up with the number of documents. One arena per
///   worker thread (Swift's pool has one per core), one for the main thread and one for
///   Dispatch's thread keep the workers apart: with fewer, two workers could end up sharing one,
///   and then every allocation and free not served by the thread's cache waited on the other's
///   lock (30,000–75,000 futex calls and up to 50 % more time on un300: "Fifth speed session" in
///   docs/performance.md).
/// - fixed 1 MB mmap and trim thresholds: by default both grow with the largest block freed so
///   far (up to 32 and 64 MB), so after one large document an arena keeps that much freed memory
///   resident for the rest of the run and peak memory depends on the run's history. Fixed, blocks
///   of 1 MB and more are returned when freed, and so is free memory over 1 MB at an arena's top.
/// Both measured in docs/performance.md ("Flat memory").
enum MallocArenas {
    /// Applies the settings (once, before any worker thread starts).
    static func limit() {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let environment = ProcessInfo.processInfo.environment
        // Parameter numbers from <malloc.h>.
        let settings: [(variable: String, parameter: Int32, value: Int32)] = [
            ("MALLOC_ARENA_MAX", -8, Int32(clamping: ProcessInfo.processInfo.activeProcessorCount + 2)), // M_ARENA_MAX
            ("MALLOC_MMAP_THRESHOLD_", -3, 1 << 20),    // M_MMAP_THRESHOLD
            ("MALLOC_TRIM_THRESHOLD_", -1, 1 << 20),    // M_TRIM_THRESHOLD
        ]
        for s in settings where environment[s.variable] == nil { _ = mallopt(s.parameter, s.value) }
        #endif
    }
}
