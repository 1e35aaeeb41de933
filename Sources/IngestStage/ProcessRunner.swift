import Foundation
import DocPipe
import Synchronization

/// Runs a program to completion with a timeout, collecting its output.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var timedOut: Bool
    }

    static func run(_ executable: String, _ arguments: [String], timeout: Double) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Through `ChildProcess`, so that no other child holds this one's stdout open (the read
        // below would then wait for that one to end, past the timeout). Its input is empty.
        let (input, out, err) = try ChildProcess.run(process)
        try? input.fileHandleForWriting.close()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let errData = ErrorCollector(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let stderr = errData.finish()
        let timedOut = process.terminationReason == .uncaughtSignal
        return Result(status: process.terminationStatus, stdout: Array(stdout), stderr: stderr, timedOut: timedOut)
    }

    /// Reads a pipe on another thread, so a chatty stderr cannot block the process.
    final class ErrorCollector: Sendable {
        private let group = DispatchGroup()
        private let bytes = Mutex<[UInt8]>([])

        init(_ handle: FileHandle) {
            group.enter()
            DispatchQueue.global().async { [self] in
                let data = Array(handle.readDataToEndOfFile())
                bytes.withLock { $0 = data }
                group.leave()
            }
        }

        func finish() -> [UInt8] {
            group.wait()
            return bytes.withLock { $0 }
        }
    }
}
