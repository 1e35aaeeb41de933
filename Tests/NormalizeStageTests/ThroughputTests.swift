import DocPipe
import DocPipeTestSupport
import Foundation
import XCTest
@testable import IngestStage
@testable import NormalizeStage

/// Ingest + normalize throughput over ../shared/corpus/bench on one core. Runs only when
/// DOCPIPE_BENCH=1, in a release build:
/// `DOCPIPE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ThroughputTests`.
/// Times are CPU seconds of the process (the machine is shared, so wall time is noisy).
final class ThroughputTests: XCTestCase {
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func testIngestNormalizeThroughput() async throws {
        guard ProcessInfo.processInfo.environment["DOCPIPE_BENCH"] == "1" else { throw XCTSkip("set DOCPIPE_BENCH=1 (release build) to measure") }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let root = repo.deletingLastPathComponent().appendingPathComponent("shared/corpus/bench")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { throw XCTSkip("../shared/corpus/bench is absent") }
        var paths: [String] = []
        while let p = walker.nextObject() as? String { if !p.hasPrefix(".") { paths.append(p) } }
        paths.sort()
        let inputs = paths.compactMap { p -> SourceInput? in
            guard let d = FileManager.default.contents(atPath: root.appendingPathComponent(p).path) else { return nil }
            return SourceInput(relativePath: p, bytes: [UInt8](d))
        }
        let bytes = inputs.reduce(0) { $0 + $1.bytes.count }
        let ingest = try Ingest(options: IngestOptions())
        let normalize = try Normalize(options: NormalizeOptions())
        var ingestTime = 0.0, normalizeTime = 0.0, documents = 0, errors = 0
        for input in inputs {
            let context = StageContext(instanceName: "ingest", documentID: input.documentID)
            let t0 = Self.cpuSeconds()
            let results = try await ingest.ingest(input, context: context)
            ingestTime += Self.cpuSeconds() - t0
            for r in results {
                guard case .document(let d) = r else { errors += 1; continue }
                let t1 = Self.cpuSeconds()
                _ = try await normalize.process(d, context: context)
                normalizeTime += Self.cpuSeconds() - t1
                documents += 1
            }
        }
        let mb = Double(bytes) / 1_000_000
        print(String(format: "bench: %d files, %.1f MB, %d documents, %d errors; ingest %.2f s (%.0f MB/s), normalize %.2f s (%.0f MB/s), both %.0f MB/s",
                     inputs.count, mb, documents, errors, ingestTime, mb / ingestTime, normalizeTime, mb / normalizeTime,
                     mb / (ingestTime + normalizeTime)))
        XCTAssertEqual(errors, 0)
    }
}
