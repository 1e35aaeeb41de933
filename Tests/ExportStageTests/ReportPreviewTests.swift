import ExportStage
import Foundation
import XCTest

/// Writes the fixture corpus's full export to `$DOCPIPE_EXPORT_PREVIEW` for looking at in a
/// browser (e.g. headless Chromium taking a screenshot); skipped when the variable is unset.
final class ReportPreviewTests: XCTestCase {
    func testWritePreviewWhenAsked() async throws {
        guard let dir = ProcessInfo.processInfo.environment["DOCPIPE_EXPORT_PREVIEW"] else {
            throw XCTSkip("set DOCPIPE_EXPORT_PREVIEW=<folder> to write a preview of the fixture report")
        }
        var options = ExportOptions()
        options.formats = ExportFormat.allCases.map(\.rawValue)
        let run = try await ExportRun.run([Fixtures.brief(), Fixtures.hostile(), Fixtures.plain()], options: options)
        let root = URL(fileURLWithPath: dir)
        for (path, bytes) in run.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }
}
