import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT into a graceful stop: the first Ctrl-C asks the run to stop after the documents
/// in flight; a second one exits at once with 130. (Results already cached stay valid either way:
/// cache writes are atomic.)
enum InterruptMonitor {
    private static let requested = Atomic<Bool>(false)
    private static let installed = Mutex<DispatchSourceSignal?>(nil)

    /// Starts listening for SIGINT (once per process).
    static func install(console: Console) {
        installed.withLock { source in
            guard source == nil else { return }
            signal(SIGINT, SIG_IGN)
            // A queue of its own: libdispatch gives a created queue a thread even when every thread
            // of the global pool is busy (workers blocked on an external stage), so Ctrl-C always
            // gets through.
            let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "docpipe.interrupt"))
            s.setEventHandler {
                // The second Ctrl-C quits now: `_exit`, not `exit`, which runs exit handlers that can wait
                // on locks held by busy workers. Every file is written to a temporary name and renamed,
                // so nothing half-written is left under a real name; the next run removes temporaries.
                if requested.exchange(true, ordering: .relaxed) { _exit(130) }
                console.err("\ninterrupted: finishing the documents in flight (Ctrl-C again to quit now)")
            }
            s.resume()
            source = s
        }
    }

    /// Whether a stop was requested.
    static var stopRequested: Bool { requested.load(ordering: .relaxed) }
}
