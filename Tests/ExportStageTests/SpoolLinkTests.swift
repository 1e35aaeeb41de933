@testable import DocPipe
import Foundation
import XCTest

/// The export's corpus files are linked into place from the core's spool when their parts lie
/// in input order; the spool holds back parts of later files to keep them so.
final class SpoolLinkTests: XCTestCase {
    private func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("spool-link-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    func testPartsArrivingOutOfOrderAreWrittenInOrderAndLinkedIntoPlace() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spool = PartSpool(directory: dir.appendingPathComponent(".docpipe-tmp-spool"), reorders: true)
        defer { spool.close() }
        let output = OutputFolder(root: dir)
        // Two documents in flight at a time, finishing out of order.
        let finishing = [1, 0, 2, 4, 3, 5]
        var inFlight: Set<Int> = [0, 1]
        var next = 2
        for k in finishing {
            try spool.append([OutputPart(name: "x/p", bytes: Array("doc \(k)\n".utf8))], order: DocumentOrder(file: k, record: 0))
            inFlight.remove(k)
            if next < 6 { inFlight.insert(next); next += 1 }
            try spool.advance(toFile: inFlight.min() ?? next)
        }
        let context = SpoolCorpusContext(instanceName: "x", completedIDs: { [] }, spool: spool, output: output)
        try context.write(file: "all.txt", header: [], part: "p", footer: [])
        try context.write(file: "again.txt", header: [], part: "p", footer: [])   // copied: the spool file was handed out
        try context.write(file: "framed.txt", header: Array("<".utf8), part: "p", footer: Array(">".utf8))
        let expected = (0..<6).map { "doc \($0)\n" }.joined()
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("all.txt"), encoding: .utf8), expected)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("again.txt"), encoding: .utf8), expected)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("framed.txt"), encoding: .utf8), "<" + expected + ">")
        var st = stat()
        XCTAssertEqual(stat(dir.appendingPathComponent("all.txt").path, &st), 0)
        XCTAssertEqual(st.st_nlink, 2, "linked from the spool file")
        XCTAssertEqual(output.writtenPaths, ["again.txt", "all.txt", "framed.txt"])
        spool.close()
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("all.txt"), encoding: .utf8), expected, "outlives the spool")
    }

    func testPartsLeftOutOfOrderAreStillReadInOrder() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spool = PartSpool(directory: dir.appendingPathComponent(".docpipe-tmp-spool"), reorders: true)
        defer { spool.close() }
        let output = OutputFolder(root: dir)
        // Without `advance` the held parts are written when first read; a document of an earlier
        // file arriving after the watermark passed it makes the file unfit for linking.
        try spool.append([OutputPart(name: "x/p", bytes: [2])], order: DocumentOrder(file: 2, record: 0))
        try spool.advance(toFile: 3)
        try spool.append([OutputPart(name: "x/p", bytes: [3])], order: DocumentOrder(file: 3, record: 0))
        try spool.append([OutputPart(name: "x/p", bytes: [1])], order: DocumentOrder(file: 1, record: 0))
        try spool.append([OutputPart(name: "x/p", bytes: [5])], order: DocumentOrder(file: 5, record: 0))
        try spool.append([OutputPart(name: "x/p", bytes: [4])], order: DocumentOrder(file: 4, record: 0))
        var seen: [UInt8] = []
        try spool.forEach(named: "x/p") { seen += $0 }
        XCTAssertEqual(seen, [1, 2, 3, 4, 5])
        XCTAssertNil(try spool.inOrderFile(named: "x/p"))
        let context = SpoolCorpusContext(instanceName: "x", completedIDs: { [] }, spool: spool, output: output)
        try context.write(file: "all.bin", header: [], part: "p", footer: [])
        XCTAssertEqual(AtomicFile.read(path: dir.appendingPathComponent("all.bin").path), [1, 2, 3, 4, 5])
    }
}
