import Foundation

/// How to run a pipeline (what the CLI flags set).
public struct RunOptions: Sendable {
    /// Input files or folders (already resolved).
    public var inputs: [URL]
    /// The output folder.
    public var outputDirectory: URL
    /// The cache folder; nil runs without a cache.
    public var cacheDirectory: URL?
    /// Documents processed at once.
    public var jobs: Int
    /// Stop at the first failed document.
    public var failFast: Bool
    /// Polled between documents; returning true stops the run gracefully (documents in flight
    /// finish, nothing new starts, corpus files are not rewritten). The CLI wires it to SIGINT.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Process only this shard's documents and write a shard part into `outputDirectory/I-of-N`
    /// (combined later by `ShardMerger`).
    public var shard: ShardSpec?
    /// Called as documents finish (for progress displays).
    public var progress: (@Sendable (RunProgress) -> Void)?
    /// Where to write the lock file when every document succeeds (nil: nowhere). Streamed from
    /// disk, so it costs no memory per document.
    public var lockOutput: URL?
    /// Whether the report carries the lock entries (read back into memory: for `--check`).
    public var collectLockEntries = false

    /// Creates options.
    public init(inputs: [URL], outputDirectory: URL, cacheDirectory: URL?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                failFast: Bool = false, progress: (@Sendable (RunProgress) -> Void)? = nil,
                shouldStop: (@Sendable () -> Bool)? = nil) {
        self.shouldStop = shouldStop
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.cacheDirectory = cacheDirectory
        self.jobs = max(1, jobs)
        self.failFast = failFast
        self.progress = progress
    }
}

/// A progress snapshot.
public struct RunProgress: Sendable {
    /// Input files finished.
    public var filesDone: Int
    /// Input files in all.
    public var filesTotal: Int
    /// Documents finished (ok or failed).
    public var documentsDone: Int
    /// Bytes of input read so far.
    public var bytesDone: Int
    /// Seconds since the start.
    public var seconds: Double
}
