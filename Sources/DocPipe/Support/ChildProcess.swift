import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Starts child processes so that none inherits another one's pipes.
///
/// On Linux, Foundation's `Process.run` closes in the child only the descriptors that were open
/// when it listed them; a pipe another thread makes in between goes into the child. A process
/// holding another's stdout hides that one's end (no end of file) for as long as it lives itself:
/// an external stage's worker could keep a `pdftotext` run, or another worker, waiting forever.
/// Launches here make their pipes and start the process one at a time, with every pipe end
/// close-on-exec (the child still gets its own ends through `dup2`, which clears the flag).
public enum ChildProcess {
    private static let launching = Mutex(())

    /// Starts `process` with its input, output and error connected to new pipes, which it returns.
    public static func run(_ process: Process) throws -> (input: Pipe, output: Pipe, error: Pipe) {
        try launching.withLock { _ in
            let input = Pipe(), output = Pipe(), error = Pipe()
            for pipe in [input, output, error] {
                for fd in [pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor] {
                    _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
                }
            }
            process.standardInput = input
            process.standardOutput = output
            process.standardError = error
            try process.run()
            return (input, output, error)
        }
    }
}
