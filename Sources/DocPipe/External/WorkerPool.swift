import Foundation
import Synchronization

/// The long-lived worker processes of one external stage instance.
///
/// A document checks a worker out, exchanges one line with it and checks it back in, so the
/// pool grows to at most the number of documents in flight (the run's `--jobs`). A worker that
/// failed is killed instead of returned; the next document starts a fresh one.
final class WorkerPool: Sendable {
    /// How to start workers.
    let command: ExternalCommand
    /// What the workers must say when they start.
    let handshake: ExternalProtocol.Handshake
    private let state = Mutex(State())

    private struct State {
        var idle: [ExternalWorker] = []
        var live: [ExternalWorker] = []
        var started = 0
    }

    init(command: ExternalCommand, handshake: ExternalProtocol.Handshake) {
        self.command = command
        self.handshake = handshake
    }

    deinit {
        for w in state.withLock({ $0.live }) { w.killNow() }
    }

    /// Processes started so far (for tests and the run log).
    var startedCount: Int { state.withLock { $0.started } }
    /// Processes running now.
    var liveCount: Int { state.withLock { $0.live.count } }

    /// An idle worker, or a newly started one that passed the handshake.
    func checkOut() async throws(StageError) -> ExternalWorker {
        if let w = state.withLock({ $0.idle.popLast() }) { return w }
        let worker: ExternalWorker
        do {
            worker = try command.launch()
        } catch {
            throw StageError(code: "external.start-failed", "cannot start \(command.display): \(error)", retryable: true)
        }
        state.withLock { $0.live.append(worker); $0.started += 1 }
        do {
            let line = try await worker.exchange([], timeout: command.timeout)
            switch ExternalProtocol.Handshake.parse(line) {
            case .success(let h) where h == handshake:
                return worker
            case .success(let h):
                retire(worker)
                throw StageError(code: "external.changed",
                                 "\(command.display) now says it is '\(h.stage)' version \(h.version), not '\(handshake.stage)' version \(handshake.version) as when the run started; run again")
            case .failure(let p):
                retire(worker)
                throw StageError(code: "external.handshake", "\(command.display): \(p.message)", retryable: true)
            }
        } catch let e as StageError {
            throw e
        } catch let f as WorkerFailure {
            retire(worker)
            throw StageError(code: "external.handshake", "\(command.display) did not complete its handshake: \(WorkerPool.describe(f))", retryable: true)
        } catch {
            retire(worker)
            throw StageError(code: "external.handshake", "\(error)", retryable: true)
        }
    }

    /// Returns a healthy worker for the next document.
    func checkIn(_ worker: ExternalWorker) {
        if worker.hasUnreadOutput {
            // More than one line for one document: later answers would be misattributed.
            retire(worker)
            return
        }
        state.withLock { $0.idle.append(worker) }
    }

    /// Kills a worker that failed and forgets it.
    func retire(_ worker: ExternalWorker) {
        worker.killNow()
        state.withLock { s in
            s.live.removeAll { $0 === worker }
            s.idle.removeAll { $0 === worker }
        }
    }

    /// Closes every worker's stdin, gives them `grace` seconds to exit, then kills what is left.
    /// The pool stays usable: a later document starts new workers.
    func shutDown(grace: Double = 2) async {
        let workers = state.withLock { s in
            defer { s.live.removeAll(); s.idle.removeAll() }
            return s.live
        }
        guard !workers.isEmpty else { return }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                DispatchQueue.concurrentPerform(iterations: workers.count) { workers[$0].shutDown(grace: grace) }
                c.resume()
            }
        }
    }

    /// A failure in words.
    static func describe(_ f: WorkerFailure) -> String {
        switch f {
        case .exited(let how): return "the program \(how)"
        case .timedOut(let s): return "no answer within \(formatSeconds(s)) seconds (raise \"timeout\" if it needs longer)"
        case .io(let m): return m
        }
    }

    static func formatSeconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }
}
