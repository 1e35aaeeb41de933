import DocPipe
import Foundation
import Synchronization

/// Shows run progress on stderr: a live line on a terminal, periodic plain lines for CI logs,
/// or nothing.
final class ProgressDisplay: Sendable {
    private let console: Console
    private let mode: String
    private let lastPrint = Mutex<Double>(-10)
    private let shown = Mutex(false)

    init(console: Console, mode: String) {
        self.console = console
        self.mode = mode
    }

    func update(_ p: RunProgress) {
        let live = mode == "auto" && console.isTerminal
        let plain = mode == "plain"
        guard live || plain else { return }
        let interval = live ? 0.1 : 5.0
        let due = lastPrint.withLock { last -> Bool in
            guard p.seconds - last >= interval || p.filesDone == p.filesTotal else { return false }
            last = p.seconds
            return true
        }
        guard due else { return }
        let rate = p.seconds > 0 ? Double(p.documentsDone) / p.seconds : 0
        let mbps = p.seconds > 0 ? Double(p.bytesDone) / 1_000_000 / p.seconds : 0
        let remaining = p.filesDone > 0 ? p.seconds / Double(p.filesDone) * Double(p.filesTotal - p.filesDone) : 0
        let line = String(format: "[%d/%d files] %d docs · %.1f docs/s · %.2f MB/s · ETA %.0fs",
                          p.filesDone, p.filesTotal, p.documentsDone, rate, mbps, remaining)
        if live {
            console.errRaw("\r\u{1B}[K" + line)
            shown.withLock { $0 = true }
        } else {
            console.err(line)
        }
    }

    /// Erases the live line before other output.
    func clear() {
        if shown.withLock({ $0 }) { console.errRaw("\r\u{1B}[K") }
    }
}
