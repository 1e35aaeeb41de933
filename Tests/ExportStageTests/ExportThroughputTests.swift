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
