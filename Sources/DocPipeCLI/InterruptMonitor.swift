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
            let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            s.setEventHandler {
                if requested.exchange(true, ordering: .relaxed) { exit(130) }
                console.err("\ninterrupted: finishing the documents in flight (Ctrl-C again to quit now)")
            }
            s.resume()
            source = s
        }
    }

    /// Whether a stop was requested.
    static var stopRequested: Bool { requested.load(ordering: .relaxed) }
}
