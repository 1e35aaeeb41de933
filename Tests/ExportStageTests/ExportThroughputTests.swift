import DocPipe
import DocPipeTestSupport
import ExportStage
import Foundation
import XCTest

/// Export throughput on a synthetic corpus, all formats; prints MB/s. Skipped unless
/// `DOCPIPE_EXPORT_BENCH=<documents>` is set (`DOCPIPE_EXPORT_BENCH_FORMATS=csv,html` picks
/// formats; run it in release:
/// `DOCPIPE_EXPORT_BENCH=200 swift test -c release --filter ExportThroughputTests`).
final class ExportThroughputTests: XCTestCase {
    func testThroughput() async throws {
        guard let n = ProcessInfo.processInfo.environment["DOCPIPE_EXPORT_BENCH"].flatMap(Int.init) else {
            throw XCTSkip("set DOCPIPE_EXPORT_BENCH=<documents> to measure export throughput")
        }
        // Each document: 40 copies of the brief's three paragraphs (~9 KB, 360 mentions, 120 claims).
        let brief = Fixtures.brief()
        let docs = (0..<n).map { i in Fixtures.repeated(brief, times: 40, id: "doc\(i)") }
        let bytes = docs.reduce(0) { $0 + $1.text.utf8.count }
        let clock = ContinuousClock()
        let start = clock.now
        let formats = ProcessInfo.processInfo.environment["DOCPIPE_EXPORT_BENCH_FORMATS"]?.split(separator: ",").map(String.init)
            ?? ExportFormat.allCases.map(\.rawValue)
        let run = try await ExportRun.run(docs, options: with { $0.formats = formats })
        let seconds = (clock.now - start) / .seconds(1)
        let out = run.files.values.reduce(0) { $0 + $1.count }
        print(String(format: "export \(formats.joined(separator: ",")): %d documents, %.1f MB text -> %.1f MB out in %.2f s: %.2f MB/s of text, %.0f docs/s",
                     n, Double(bytes) / 1e6, Double(out) / 1e6, seconds, Double(bytes) / 1e6 / seconds, Double(n) / seconds))
    }
}

/// Export of real documents read back from a per-document JSON folder (a run's `documents/`),
/// `DOCPIPE_EXPORT_BENCH_REPEAT` times (default 1), default formats; prints seconds. Skipped
/// unless `DOCPIPE_EXPORT_BENCH_DOCS=<folder>` is set. With `DOCPIPE_EXPORT_BENCH_CHECK=1` each
/// document's JSON and report page are compared with the folder's and its `../report/` (the
/// same run's outputs). For profiling `Export.process` alone (perf, callgrind).
final class ExportRealDocumentsBench: XCTestCase {
    func testRealDocuments() async throws {
        let env = ProcessInfo.processInfo.environment
        guard let folder = env["DOCPIPE_EXPORT_BENCH_DOCS"] else {
            throw XCTSkip("set DOCPIPE_EXPORT_BENCH_DOCS=<documents folder> to measure export of real documents")
        }
        let repeats = env["DOCPIPE_EXPORT_BENCH_REPEAT"].flatMap(Int.init) ?? 1
        let root = URL(fileURLWithPath: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        var docs: [(Document, [UInt8])] = []
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent(name)))
            docs.append((try Document(json: try JSONParser.parse(bytes)), bytes))
        }
        let stage = try Export(options: with { $0.formats = ["json", "jsonl", "csv", "html"] })
        let check = env["DOCPIPE_EXPORT_BENCH_CHECK"] == "1"
        let clock = ContinuousClock()
        let start = clock.now
        var written = 0
        for _ in 0..<repeats {
            for i in docs.indices {
                let (doc, original) = docs[i]
                let r = try await StageHarness.run(stage, doc)
                written += r.files.reduce(0) { $0 + $1.bytes.count } + r.parts.reduce(0) { $0 + $1.bytes.count }
                guard check else { continue }
                for f in r.files {
                    let expected = f.path.hasPrefix("documents/") ? original
                        : try [UInt8](Data(contentsOf: root.deletingLastPathComponent().appendingPathComponent(f.path)))
                    XCTAssert(f.bytes == expected, "\(f.path) differs")
                }
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        withExtendedLifetime(docs) {}  // freeing the documents is not the export's work
        print(String(format: "export of %d real documents x %d: %.1f MB out in %.3f s", docs.count, repeats, Double(written) / 1e6, seconds))
    }
}
