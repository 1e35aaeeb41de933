@testable import DocPipe
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `DirectoryWalker` reads a `readdir` entry only as far as its name: an entry is as long as its
/// name (`d_reclen`), not the 280 bytes of `struct dirent`, and the last one in readdir's buffer
/// can end right before an unmapped page.
@Suite struct DirectoryWalkerTests {
    #if canImport(Glibc)
    @Test func anEntryEndingAtAnUnmappedPageIsReadWithoutTouchingIt() throws {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let memory = try #require(mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        #expect(memory != MAP_FAILED)
        defer { munmap(memory, 2 * page) }
        // The second page is a guard: reading any byte of it ends the test process.
        #expect(mprotect(memory + page, page, PROT_NONE) == 0)
        // A short entry ("a.txt") whose record ends exactly at the guard page, as the kernel
        // packs them: header, name, NUL, padding to 8 bytes.
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let name = Array("a.txt".utf8)
        let record = (nameOffset + name.count + 1 + 7) / 8 * 8
        let entry = memory + page - record
        entry.initializeMemory(as: UInt8.self, repeating: 0, count: record)
        entry.storeBytes(of: UInt16(record), toByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_reclen)!, as: UInt16.self)
        entry.storeBytes(of: UInt8(DT_REG), toByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_type)!, as: UInt8.self)
        for (k, b) in name.enumerated() { entry.storeBytes(of: b, toByteOffset: nameOffset + k, as: UInt8.self) }
        let e = entry.assumingMemoryBound(to: dirent.self)
        #expect(DirectoryWalker.entryName(e) == "a.txt")
        #expect(Array(DirectoryWalker.nameBytes(e)) == name)
    }
    #endif

    @Test func walkListsNamesAndSkipsDotEntries() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walker-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for path in ["a.txt", "sub/b.json", ".hidden"] { try Data("x".utf8).write(to: root.appendingPathComponent(path)) }
        var seen: [String] = []
        DirectoryWalker.walk(root.path) { e in
            seen.append(e.isDirectory ? e.relativePath + "/" : e.relativePath)
            return true
        }
        #expect(seen.sorted() == [".hidden", "a.txt", "sub/", "sub/b.json"])
    }
}
