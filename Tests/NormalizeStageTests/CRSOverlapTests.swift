import DocPipe
import DocPipeTestSupport
import Foundation
import XCTest
@testable import IngestStage
@testable import NormalizeStage

/// The five CRS reports in the sample exist as PDF and as Markdown. Both should yield mostly the
/// same sentences; this measures how many (figures in docs/ingest-normalize.md).
final class CRSOverlapTests: XCTestCase {
    static let pairs = [
        ("crs_IF11175.11.pdf", "crs_IF11175v11-u-s-mexico-trade-relations.md"),
        ("crs_IF12106.21.pdf", "crs_IF12106v21-iran-and-nuclear-weapons-production.md"),
        ("crs_IF12672.12.pdf", "crs_IF12672v12-russia-s-nuclear-weapons.md"),
        ("crs_IF13204.2.pdf", "crs_IF13204v2-china-s-15th-five-year-plan-s-t-and-economic-pri.md"),
        ("crs_IN12678v4-u-s-iran-ceasefire-assessment-reactions-and-issu.pdf", "crs_IN12678v4-u-s-iran-ceasefire-assessment-reactions-and-issu.md"),
    ]

    /// A sentence compared loosely: letters and digits only, lowercased.
    static func key(_ s: String) -> String {
        String(s.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map { Character($0) }).lowercased()
    }

    static func sentences(_ url: URL) async throws -> [String] {
        var options = IngestOptions()
        if let mode = ProcessInfo.processInfo.environment["CRS_PDF_MODE"] { options.pdfMode = mode }
        let (docs, errors) = await SampleCorpusTests.run(url, relativePath: url.lastPathComponent, options: options)
        XCTAssertEqual(errors, [])
        return docs.flatMap { texts($0, LayerName.sentences) }.map(key).filter { $0.count >= 20 }
    }

    func testPDFAndMarkdownTwinsShareMostSentences() async throws {
        let folder = try SampleCorpusTests.sampleFolder()
        guard PDFReader.locate("pdftotext") != nil else { throw XCTSkip("pdftotext (poppler-utils) is not installed") }
        var report: [String] = []
        var totalShared = 0, totalMarkdown = 0
        for (pdf, md) in Self.pairs {
            let p = try await Self.sentences(folder.appendingPathComponent(pdf))
            let m = try await Self.sentences(folder.appendingPathComponent(md))
            let pset = Set(p), mset = Set(m)
            let shared = mset.intersection(pset).count
            let ofMarkdown = Double(shared) / Double(max(1, mset.count))
            let ofPDF = Double(shared) / Double(max(1, pset.count))
            totalShared += shared
            totalMarkdown += mset.count
            report.append(String(format: "%@: %d PDF / %d Markdown sentences, %d shared: %.1f%% of Markdown, %.1f%% of PDF",
                                 md, pset.count, mset.count, shared, ofMarkdown * 100, ofPDF * 100))
            if ProcessInfo.processInfo.environment["CRS_OVERLAP_DIFF"] != nil {
                print("--- only in \(md):\n" + m.filter { !pset.contains($0) }.joined(separator: "\n"))
                print("--- only in \(pdf):\n" + p.filter { !mset.contains($0) }.joined(separator: "\n"))
            }
            XCTAssertGreaterThan(ofMarkdown, 0.8, "\(md): too few Markdown sentences found in the PDF")
        }
        report.append(String(format: "all five: %.1f%% of Markdown sentences also in the PDF", Double(totalShared) * 100 / Double(max(1, totalMarkdown))))
        print(report.joined(separator: "\n"))
    }
}
