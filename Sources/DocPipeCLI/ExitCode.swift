/// The exit codes of `docpipe`, by meaning.
public enum ExitCode {
    /// Everything worked.
    public static let success: Int32 = 0
    /// The run finished but some documents failed (listed in errors.jsonl).
    public static let documentsFailed: Int32 = 1
    /// pipeline.json is invalid; nothing was written.
    public static let configError: Int32 = 2
    /// `--check` found outputs that differ from the lock file.
    public static let checkFailed: Int32 = 3
    /// An input/output failure of the tool itself (output folder not writable…).
    public static let ioError: Int32 = 74
    /// Stream mode: some records failed in a way that may succeed on retry (timeouts, crashed workers).
    public static let transient: Int32 = 75
    /// An internal error of docpipe itself.
    public static let internalError: Int32 = 70
    /// `merge`: the set of shard parts is incomplete or inconsistent.
    public static let incompleteShards: Int32 = 65
    /// Bad command-line usage.
    public static let usage: Int32 = 64
    /// Interrupted by SIGINT.
    public static let interrupted: Int32 = 130
}
