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
        walk(root, prefix: "", visit)
    }

    /// The name of a `readdir` entry.
    static func entryName(_ e: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: e.pointee.d_name) { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<n]), as: UTF8.self)
        }
    }

    private static func walk(_ dir: String, prefix: String, _ visit: (Entry) -> Bool) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let e = readdir(d) {
            let name = entryName(e)
            if name == "." || name == ".." { continue }
            let full = "\(dir)/\(name)"
            var isDir = Int32(e.pointee.d_type) == Int32(DT_DIR)
            if Int32(e.pointee.d_type) == Int32(DT_UNKNOWN) {
                var st = stat()
                isDir = lstat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            let rel = prefix.isEmpty ? name : "\(prefix)/\(name)"
            let descend = visit(Entry(relativePath: rel, name: name, isDirectory: isDir))
            if isDir && descend { walk(full, prefix: rel, visit) }
        }
    }
}
