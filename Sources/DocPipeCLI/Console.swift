import Foundation
import Synchronization

/// Where a command's output goes: the real terminal, or a buffer in tests.
public final class Console: Sendable {
    private let sink: @Sendable (_ stream: Stream, _ text: String) -> Void
    /// Whether stderr is an interactive terminal (live progress only then).
    public let isTerminal: Bool

    /// Output streams.
    public enum Stream: Sendable { case out, err }

    /// A console writing to a custom sink.
    public init(isTerminal: Bool = false, sink: @escaping @Sendable (Stream, String) -> Void) {
        self.sink = sink
        self.isTerminal = isTerminal
    }

    /// The process's stdout and stderr.
    public static func standard() -> Console {
        Console(isTerminal: isatty(2) == 1) { stream, text in
            let data = Data(text.utf8)
            (stream == .out ? FileHandle.standardOutput : FileHandle.standardError).write(data)
        }
    }

    /// Writes a line to stdout.
    public func out(_ line: String) { sink(.out, line + "\n") }
    /// Writes a line to stderr.
    public func err(_ line: String) { sink(.err, line + "\n") }
    /// Writes raw text to stderr (progress lines with `\r`).
    public func errRaw(_ text: String) { sink(.err, text) }
}

/// A console that records everything, for tests.
public final class RecordingConsole: Sendable {
    private let buffer = Mutex<(out: String, err: String)>(("", ""))
    /// The console to pass to commands.
    public var console: Console {
        Console { [self] stream, text in
            self.buffer.withLock { if stream == .out { $0.out += text } else { $0.err += text } }
        }
    }
    /// Creates an empty recorder.
    public init() {}
    /// What went to stdout.
    public var stdout: String { buffer.withLock { $0.out } }
    /// What went to stderr.
    public var stderr: String { buffer.withLock { $0.err } }
}
