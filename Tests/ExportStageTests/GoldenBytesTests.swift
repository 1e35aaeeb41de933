import DocPipe
import DocPipeTestSupport
import ExportStage
import Foundation
import XCTest

/// Every file of every format, for the documents of `GoldenCorpus`, has exactly the bytes the
/// export wrote before it was optimised (their SHA-256 digests are in `GoldenDigests`). Set
/// `DOCPIPE_EXPORT_GOLDEN_DUMP=<folder>` to write the files there and print a new table.
final class GoldenBytesTests: XCTestCase {
    func testEveryFormatWritesTheGoldenBytes() async throws {
        try await check(variant: "defaults", options: with { $0.formats = ExportFormat.allCases.map(\.rawValue) },
                        expected: GoldenDigests.defaults)
    }

    func testUnguardedCSVWithAByteOrderMarkAndSmallTopListsWriteTheGoldenBytes() async throws {
        try await check(variant: "variant", options: with {
            $0.formats = ExportFormat.allCases.map(\.rawValue)
            $0.guardFormulas = false
            $0.csvByteOrderMark = true
            $0.reportTopClaims = 2
            $0.reportTopEntities = 3
        }, expected: GoldenDigests.variant)
    }

    private func check(variant: String, options: ExportOptions, expected: [String: String]) async throws {
        let run = try await ExportRun.run(GoldenCorpus.documents(), options: options)
        let digests = run.files.mapValues { SHA256.hex(of: $0) }
        if let dump = ProcessInfo.processInfo.environment["DOCPIPE_EXPORT_GOLDEN_DUMP"] {
            let root = URL(fileURLWithPath: dump).appendingPathComponent(variant)
            for (path, bytes) in run.files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            print("    static let \(variant): [String: String] = [")
            for path in run.paths { print("        \"\(path)\": \"\(digests[path]!)\",") }
            print("    ]")
        }
        XCTAssertEqual(run.paths, expected.keys.sorted(), "the same files")
        for path in run.paths where digests[path] != expected[path] {
            XCTFail("\(variant): \(path) differs from its golden bytes")
        }
    }
}
