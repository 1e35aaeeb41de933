import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks a folder with `opendir`/`readdir` (no URL or attribute objects per entry): cheap enough
/// to list an output folder of tens of thousands of files on every run.
public enum DirectoryWalker {
    /// One entry: its path relative to the root, and whether it is a folder.
    public struct Entry {
        /// Path relative to the root ("documents/a.json").
        public var relativePath: String
        /// The last component.
        public var name: String
        /// Whether it is a folder (symlinks are not followed).
        public var isDirectory: Bool
    }

    /// Calls `visit` for every entry below `root`, folders before their contents; returning false
    /// from `visit` for a folder skips its contents.
    public static func walk(_ root: String, _ visit: (Entry) -> Bool) {
        walkBytes(root) { e in visit(Entry(relativePath: e.path, name: e.name, isDirectory: e.isDirectory)) }
    }

    /// The name of a `readdir` entry.
    static func entryName(_ e: UnsafeMutablePointer<dirent>) -> String {
        String(decoding: nameBytes(e), as: UTF8.self)
    }

    /// The name bytes of a `readdir` entry (without the NUL), read in place: an entry is only as
    /// long as its name (`d_reclen`), so copying the whole 256-byte `d_name` field (which
    /// `e.pointee.d_name` does) can read past the end of readdir's buffer into an unmapped page.
    static func nameBytes(_ e: UnsafeMutablePointer<dirent>) -> UnsafeBufferPointer<UInt8> {
        let name = UnsafeRawPointer(e).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: name, count: strlen(name))
    }

    /// One entry as bytes, for walks over very many files: its relative path (valid during the
    /// call), where its name starts in it, whether it is a folder, and whether it or a folder
    /// above it is hidden (its name starts with a dot).
    struct ByteEntry {
        var relativePath: UnsafeBufferPointer<UInt8>
        var nameStart: Int
        var isDirectory: Bool
        var isHidden: Bool
        /// The name as a string.
        var name: String { String(decoding: UnsafeBufferPointer(rebasing: relativePath[nameStart...]), as: UTF8.self) }
        /// The relative path as a string.
        var path: String { String(decoding: relativePath, as: UTF8.self) }
    }

    /// `walk` without a string per entry.
    static func walkBytes(_ root: String, _ visit: (ByteEntry) -> Bool) {
        var relative: [UInt8] = []
        walkBytes(root, relative: &relative, hidden: false, visit)
    }

    private static func walkBytes(_ dir: String, relative: inout [UInt8], hidden: Bool, _ visit: (ByteEntry) -> Bool) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        let base = relative.count
        while let e = readdir(d) {
            let type = Int32(e.pointee.d_type)
            let bytes = nameBytes(e), n = bytes.count
            if n == 0 || bytes[0] == UInt8(ascii: ".") && (n == 1 || (n == 2 && bytes[1] == UInt8(ascii: "."))) { continue }
            relative.removeSubrange(base...)
            relative.append(contentsOf: bytes)
            let nameHidden = relative[base] == UInt8(ascii: ".")
            var isDir = type == Int32(DT_DIR)
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                isDir = lstat(dir + "/" + String(decoding: relative[base...], as: UTF8.self), &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            let descend = relative.withUnsafeBufferPointer {
                visit(ByteEntry(relativePath: $0, nameStart: base, isDirectory: isDir, isHidden: hidden || nameHidden))
            }
            if isDir && descend {
                let full = dir + "/" + String(decoding: relative[base...], as: UTF8.self)
                relative.append(UInt8(ascii: "/"))
                walkBytes(full, relative: &relative, hidden: hidden || nameHidden, visit)
            }
        }
        relative.removeSubrange(base...)
    }
}
