import DocPipe
import DocPipeTestSupport
import Foundation
import XCTest
@testable import IngestStage
@testable import NormalizeStage

/// Ingest + normalize over every file of ../shared/corpus/sample (skipped when it is absent).
/// Set NORMALIZE_DUMP_DIR to write each normalized document's text there for inspection.
final class SampleCorpusTests: XCTestCase {
    static func sampleFolder() throws -> URL {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = repo.deletingLastPathComponent().appendingPathComponent("shared/corpus/sample")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("../shared/corpus/sample is not present next to the repository; the sample-corpus test needs it")
        }
        return folder
    }

    /// Runs both stages over one file; failures and thrown errors are returned as messages.
    static func run(_ url: URL, relativePath: String, options: IngestOptions = IngestOptions()) async -> (docs: [Document], errors: [String]) {
        let bytes = (try? [UInt8](Data(contentsOf: url))) ?? []
        var docs: [Document] = []
        var errors: [String] = []
        do {
            let results = try await StageHarness.ingest(try Ingest(options: options), path: relativePath, bytes: bytes)
            let normalize = try Normalize(options: NormalizeOptions())
            for r in results {
                switch r {
                case .document(let d): docs.append(try await StageHarness.run(normalize, d).document)
                case .failure(let id, let message): errors.append("\(id): \(message)")
                }
            }
        } catch {
            errors.append("\(relativePath): \(error)")
        }
        return (docs, errors)
    }

    func testEverySampleFileIngestsAndNormalizesWithoutErrors() async throws {
        let folder = try Self.sampleFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(names.count, 30)
        let dump = ProcessInfo.processInfo.environment["NORMALIZE_DUMP_DIR"]
        var byFile: [String: [Document]] = [:]
        for name in names {
            if name.hasSuffix(".pdf"), PDFReader.locate("pdftotext") == nil { continue }
            let (docs, errors) = await Self.run(folder.appendingPathComponent(name), relativePath: name)
            XCTAssertEqual(errors, [], name)
            XCTAssertFalse(docs.isEmpty, name)
            for d in docs {
                assertWellFormed(d)
                XCTAssertEqual(d.spans(LayerName.sentences).isEmpty, d.text.isEmpty, d.id)
                if let dump {
                    let meta = JSONWriter(pretty: true).string(.object(d.metadata))
                    let sentences = texts(d, LayerName.sentences).joined(separator: "\n")
                    let index = TextIndex(d.text)
                    let headings = d.spans(LayerName.paragraphs).filter { $0.type == "heading" }.map { index.substring($0.start, $0.end) }
                    try? (meta + "\n\n" + d.text + "\n\n=== headings ===\n" + headings.joined(separator: "\n")
                          + "\n\n=== sentences ===\n" + sentences)
                        .write(toFile: "\(dump)/\(d.id).txt", atomically: true, encoding: .utf8)
                }
            }
            byFile[name] = docs
        }
        XCTAssertEqual(byFile["tapp_inaugurals.jsonl"]?.count, 58)
        let reuters = try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("reuters21578_reut2-021.json"))))
        XCTAssertEqual(byFile["reuters21578_reut2-021.json"]?.count, reuters.arrayValue?.count)
        XCTAssertEqual(Set(byFile["reuters21578_reut2-021.json"]?.map(\.id) ?? []).count, reuters.arrayValue?.count, "ids are unique")

        let wire = try XCTUnwrap(byFile["reuters21578_newid-17980.sgm"]?.first)
        XCTAssertEqual(wire.warnings.map(\.code), ["encoding.windows-1252"])
        XCTAssertTrue(wire.warnings[0].message.contains("0xFC → ü"), wire.warnings[0].message)
        XCTAssertTrue(wire.text.contains("ü"))

        let seed = try XCTUnwrap(byFile["pacific-forum-nk-human-rights.txt"]?.first)
        XCTAssertEqual(seed.metadata["title"], "Issues & Insights Vol. 19, WP 13: Promoting the Well-Being of North Korea’s Residents and Refugees through US-ROK Cooperation")
        XCTAssertEqual(seed.metadata["series"], "Issues & Insights")
        XCTAssertFalse(seed.text.contains("pacific forum History of Pacific Forum"))
    }
}
