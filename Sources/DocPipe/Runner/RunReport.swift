/// What a run did: written to `out/run.json` (not part of the deterministic outputs) and
/// summarised on one line.
public struct RunReport: Sendable {
    /// Per stage instance.
    public struct StageStats: Sendable {
        /// Instance name.
        public var name: String
        /// Stage id.
        public var stageID: String
        /// Wall time spent inside the stage, summed over documents (seconds).
        public var seconds: Double = 0
        /// Results read from the cache (or satisfied by a later stage's cached result).
        public var hits = 0
        /// Results computed.
        public var misses = 0
        /// Documents that failed in this stage.
        public var failed = 0
    }

    /// A failed document.
    public struct Failure: Sendable, Equatable {
        /// Document id.
        public var document: String
        /// Stage instance name.
        public var stage: String
        /// Input file (relative path).
        public var source: String
        /// Why.
        public var message: String
        /// Stable code.
        public var code: String

        /// As JSON (one line of errors.jsonl).
        public var json: JSONValue {
            ["document": .string(document), "stage": .string(stage), "source": .string(source), "message": .string(message),
             "code": .string(code)]
        }
    }

    /// Input files found.
    public var files = 0
    /// Documents that completed every stage.
    public var documentsOK = 0
    /// Documents that failed.
    public var documentsFailed = 0
    /// Bytes of input read.
    public var bytes = 0
    /// Per-stage figures, in pipeline order.
    public var stages: [StageStats] = []
    /// Failures in input order.
    public var failures: [Failure] = []
    /// Run-level warnings (corrupt cache objects, a read-only cache…).
    public var warnings: [String] = []
    /// Wall time of the whole run.
    public var seconds: Double = 0
    /// Workers used.
    public var jobs = 1
    /// Whether the cache was used.
    public var cacheEnabled = true
    /// Lock entries of the completed documents, in input order.
    public var lockEntries: [LockFile.Entry] = []
    /// Whether the run stopped early (fail-fast or interruption).
    public var stoppedEarly = false
    /// Whether it stopped because `shouldStop` said so (SIGINT).
    public var interrupted = false

    /// Cache hits over all stage executions.
    public var hits: Int { stages.reduce(0) { $0 + $1.hits } }
    /// Cache misses over all stage executions.
    public var misses: Int { stages.reduce(0) { $0 + $1.misses } }
    /// Stage executions (hits + misses).
    public var stageRuns: Int { hits + misses }

    /// The report as JSON (run.json).
    public var json: JSONValue {
        [
            "files": .int(files),
            "documents": ["ok": .int(documentsOK), "failed": .int(documentsFailed)],
            "bytes": .int(bytes),
            "cache": ["enabled": .bool(cacheEnabled), "hits": .int(hits), "misses": .int(misses)],
            "stages": .array(stages.map {
                ["name": .string($0.name), "stage": .string($0.stageID), "seconds": .double(($0.seconds * 1000).rounded() / 1000),
                 "hits": .int($0.hits), "misses": .int($0.misses), "failed": .int($0.failed)]
            }),
            "warnings": .array(warnings.map { .string($0) }),
            "seconds": .double((seconds * 1000).rounded() / 1000),
            "jobs": .int(jobs),
            "stoppedEarly": .bool(stoppedEarly),
            "interrupted": .bool(interrupted),
        ]
    }
}
