import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an exchange with a worker process failed.
enum WorkerFailure: Error, Sendable {
    /// The process ended or closed its stdout (how it ended, e.g. "exited with status 3").
    case exited(String)
    /// No complete line arrived within the timeout.
    case timedOut(seconds: Double)
    /// Reading or writing a pipe failed.
    case io(String)
}

/// One running program speaking the JSON Lines protocol: its pipes and a line reader.
///
/// The pipes are non-blocking and driven by `poll`, so a write into a hung program and a read
/// from it share one deadline. Blocking calls run on a Dispatch thread, never on the
/// concurrency pool (see `exchange(_:timeout:)`).
final class ExternalWorker: Sendable {
    /// The process.
    let process: Process
    private let stdinPipe: Pipe
    private let stdoutPipe: Pipe
    private let stderrPipe: Pipe
    private let buffers = Mutex(Buffers())

    private struct Buffers {
        var stdout: [UInt8] = []
        /// How much of `stdout` is known to hold no newline (so long lines are scanned once).
        var scanned = 0
        var stderr: [UInt8] = []
        var stderrLines: [String] = []
        var stderrClosed = false
        var stdinClosed = false
    }

    private init(process: Process, stdin: Pipe, stdout: Pipe, stderr: Pipe) {
        self.process = process
        self.stdinPipe = stdin
        self.stdoutPipe = stdout
        self.stderrPipe = stderr
    }

    deinit { killNow() }

    /// Starts `executable` with `arguments` in `directory`.
    static func launch(executable: URL, arguments: [String], directory: URL, environment: [String: String]) throws -> ExternalWorker {
        ignoreSIGPIPE
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        // Through `ChildProcess`: a sibling holding this worker's stdout would hide its death.
        let (i, o, e) = try ChildProcess.run(process)
        for fd in [i.fileHandleForWriting.fileDescriptor, o.fileHandleForReading.fileDescriptor, e.fileHandleForReading.fileDescriptor] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return ExternalWorker(process: process, stdin: i, stdout: o, stderr: e)
    }

    /// Writing into a pipe whose reader died must fail with EPIPE, not kill docpipe.
    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Sends `request` (one line, newline included; may be empty) and waits for one line back,
    /// off the concurrency pool. Cancelling the task kills the process.
    func exchange(_ request: [UInt8], timeout: Double) async throws(WorkerFailure) -> [UInt8] {
        let result: Result<[UInt8], WorkerFailure> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: Result { () throws(WorkerFailure) in try self.exchangeBlocking(request, timeout: timeout) })
                }
            }
        } onCancel: {
            self.killNow()
        }
        return try result.get()
    }

    /// Stderr lines received so far (and forgets them).
    func takeStderrLines() -> [String] {
        buffers.withLock { b in
            defer { b.stderrLines.removeAll() }
            return b.stderrLines
        }
    }

    /// Bytes the program wrote after its last complete line (a protocol violation when not empty).
    var hasUnreadOutput: Bool { buffers.withLock { !$0.stdout.isEmpty } }

    /// Kills the process (and its process group, which Foundation gives it) at once.
    func killNow() {
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        if pid > 0 {
            _ = killpg(pid, SIGKILL)
            _ = kill(pid, SIGKILL)
        }
    }

    /// Closes the program's stdin (its signal to exit), waits up to `grace` seconds, then kills it.
    func shutDown(grace: Double) {
        buffers.withLock { b in
            if !b.stdinClosed {
                b.stdinClosed = true
                try? stdinPipe.fileHandleForWriting.close()
            }
        }
        waitForExit(within: grace)
        killNow()
        waitForExit(within: 5)
    }

    /// Waits at most `seconds` for Foundation to see the process end (after a kill: never hangs on
    /// a process whose end goes unnoticed).
    private func waitForExit(within seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(2_000) }
    }

    /// Whether the process has ended, seen without reaping it (Foundation reaps it): true even while
    /// its stdout stays open because another process holds the pipe (a child it started, say).
    var hasEnded: Bool {
        guard process.isRunning else { return true }
        var info = siginfo_t()
        if waitid(P_PID, id_t(process.processIdentifier), &info, WEXITED | WNOHANG | WNOWAIT) != 0 { return errno == ECHILD }
        return info.si_signo == SIGCHLD
    }

    /// How the process ended, after killing it if it had not ended within a short grace period.
    func reapStatus() -> String {
        waitForExit(within: 0.5)
        if process.isRunning {
            if hasEnded { return "ended" }  // Foundation has not noticed yet
            killNow()
            waitForExit(within: 5)
            return "closed its output and was killed"
        }
        switch process.terminationReason {
        case .exit: return "exited with status \(process.terminationStatus)"
        case .uncaughtSignal: return "was killed by signal \(process.terminationStatus)"
        @unknown default: return "ended"
        }
    }

    /// The blocking exchange: writes the request while reading stdout and stderr, until one
    /// complete stdout line has arrived and the whole request was written, or the deadline.
    func exchangeBlocking(_ request: [UInt8], timeout: Double) throws(WorkerFailure) -> [UInt8] {
        let inFD = stdinPipe.fileHandleForWriting.fileDescriptor
        let outFD = stdoutPipe.fileHandleForReading.fileDescriptor
        let errFD = stderrPipe.fileHandleForReading.fileDescriptor
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        var written = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        defer { drainStderr(errFD, &chunk) }
        while true {
            if written == request.count, let line = takeLine() { return line }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw hasEnded ? .exited(reapStatus()) : .timedOut(seconds: timeout) }
            let stderrOpen = !buffers.withLock { $0.stderrClosed }
            var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: stderrOpen ? errFD : -1, events: Int16(POLLIN), revents: 0)]
            if written < request.count { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            let waitMs = Int32(min(1000, (deadline - now) / 1_000_000 + 1))
            let ready = poll(&fds, nfds_t(fds.count), waitMs)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io("poll failed (errno \(errno))")
            }
            if ready == 0 {
                // Quiet: a dead process whose stdout another process keeps open never reaches EOF.
                if hasEnded { throw .exited(reapStatus()) }
                continue
            }
            if fds[1].revents != 0 { drainStderr(errFD, &chunk) }
            if fds[0].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(outFD, $0.baseAddress, $0.count) }
                if n == 0 { throw .exited(reapStatus()) }
                if n < 0 {
                    if errno != EAGAIN && errno != EINTR { throw .io("reading the program's output failed (errno \(errno))") }
                } else {
                    buffers.withLock { $0.stdout.append(contentsOf: chunk[0..<n]) }
                }
            }
            if fds.count > 2 && fds[2].revents != 0 {
                if fds[2].revents & Int16(POLLERR | POLLHUP) != 0 && fds[2].revents & Int16(POLLOUT) == 0 {
                    throw .exited(reapStatus())
                }
                let n = request.withUnsafeBytes { write(inFD, $0.baseAddress! + written, request.count - written) }
                if n < 0 {
                    if errno == EPIPE { throw .exited(reapStatus()) }
                    if errno != EAGAIN && errno != EINTR { throw .io("writing to the program failed (errno \(errno))") }
                } else {
                    written += n
                }
            }
        }
    }

    /// Removes and returns the first complete stdout line, without its newline (and a trailing CR).
    private func takeLine() -> [UInt8]? {
        buffers.withLock { b in
            guard let nl = b.stdout[b.scanned...].firstIndex(of: 0x0A) else {
                b.scanned = b.stdout.count
                return nil
            }
            var line = Array(b.stdout[..<nl])
            b.stdout.removeSubrange(...nl)
            b.scanned = 0
            if line.last == 0x0D { line.removeLast() }
            return line
        }
    }

    /// Reads whatever stderr holds without blocking and splits it into lines.
    private func drainStderr(_ fd: Int32, _ chunk: inout [UInt8]) {
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                if n == 0 { buffers.withLock { $0.stderrClosed = true } }
                return
            }
            let got = chunk[0..<n]
            buffers.withLock { b in
                b.stderr.append(contentsOf: got)
                while let nl = b.stderr.firstIndex(of: 0x0A) {
                    var line = Array(b.stderr[..<nl])
                    b.stderr.removeSubrange(...nl)
                    if line.last == 0x0D { line.removeLast() }
                    b.stderrLines.append(String(decoding: line, as: UTF8.self))
                }
            }
        }
    }
}
