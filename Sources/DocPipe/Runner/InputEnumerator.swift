import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An input file found under one of the input roots.
public struct InputFile: Sendable, Equatable {
    /// Where it is, as a file-system path (a run holds one per input file, so no `URL` and, when
    /// the relative path is the path's tail, no second string).
    public let path: String
    /// Byte offset of the relative path inside `path` (-1: kept in `explicitRelative`).
    private let relativeStart: Int32
    private let explicitRelative: String

    /// Its path relative to the root it was found under (for a file given directly, its name).
    public var relativePath: String {
        relativeStart < 0 ? explicitRelative : String(decoding: path.utf8.dropFirst(Int(relativeStart)), as: UTF8.self)
    }

    /// Where it is.
    public var url: URL { URL(fileURLWithPath: path) }

    /// An input file at `url`.
    public init(url: URL, relativePath: String) { self.init(path: url.path, relativePath: relativePath) }

    /// An input file at `path`.
    public init(path: String, relativePath: String) {
        self.path = path
        let p = path.utf8, r = relativePath.utf8
        if p.count >= r.count, p.count - r.count <= Int(Int32.max), p.suffix(r.count).elementsEqual(r) {
            relativeStart = Int32(p.count - r.count)
            explicitRelative = ""
        } else {
            relativeStart = -1
            explicitRelative = relativePath
        }
    }
}

/// Lists input files in a stable order: folders recursively, sorted by relative path, hidden
/// files and folders skipped, the output and cache folders never entered, symlink loops cut;
/// symbolic links that do not resolve are reported as problems.
public struct InputEnumerator {
    /// Folders never read as input (the output folder and the cache), as standardized paths.
    public var excluded: [String]
    /// Glob patterns (fnmatch) of relative paths or file names to skip ("README.md", "drafts/*").
    public var patterns: [String]

    /// Creates an enumerator that skips the given folders and files matching `patterns`.
    public init(excluding: [URL], patterns: [String] = []) {
        excluded = excluding.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        self.patterns = patterns
    }

    /// Whether a relative path matches one of the exclude patterns (by whole path or by file name).
    public func isExcluded(_ relativePath: String) -> Bool {
        guard !patterns.isEmpty else { return false }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return isExcluded(relativePath, name: name)
    }

    /// `isExcluded(_:)` for a path whose file name is known.
    private func isExcluded(_ relativePath: String, name: String) -> Bool {
        patterns.contains { fnmatch($0, relativePath, 0) == 0 || fnmatch($0, name, 0) == 0 }
    }

    /// Files under the given roots, and problems: roots that do not exist, links that do not resolve.
    public func enumerate(_ roots: [URL]) -> (files: [InputFile], problems: [String]) {
        var files: [InputFile] = []
        var problems: [String] = []
        let fm = FileManager.default
        for root in roots {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDir) else {
                problems.append("\(root.relativePath): no such file or folder")
                continue
            }
            if isDir.boolValue {
                var seen: Set<String> = []
                var found: [InputFile] = []
                var broken: [String] = []
                walk(root.path, prefix: "", seen: &seen, into: &found, broken: &broken)
                // Every path here is the root's path + "/" + the relative path: ordering the paths
                // orders the relative paths, without making a string per comparison.
                found.sort { JSONWriter.utf8Less($0.path, $1.path) }
                files.append(contentsOf: found)
                problems.append(contentsOf: broken.sorted { JSONWriter.utf8Less($0, $1) }.map {
                    "\($0): symbolic link that does not resolve (a loop, or its target is missing); skipped"
                })
            } else {
                files.append(InputFile(url: root, relativePath: root.lastPathComponent))
            }
        }
        return (files, problems)
    }

    /// Lists a folder with `readdir` and `stat` (following symlinks; no `URL` per entry: a run
    /// may list hundreds of thousands of files).
    /// `broken` collects symbolic links that do not resolve (loops, missing targets).
    private func walk(_ dir: String, prefix: String, seen: inout Set<String>, into out: inout [InputFile], broken: inout [String]) {
        guard let resolved = realpath(dir, nil) else { return }
        let real = String(cString: resolved)
        free(resolved)
        guard !seen.contains(real) else { return }   // a symlink loop, or the same folder twice
        guard !excluded.contains(real) else { return }
        seen.insert(real)
        guard let d = opendir(dir) else { return }
        // Regular files are known from `readdir`'s type without a `stat` (the worker stats each
        // input anyway); folders, symlinks and unknown types are stat'ed (symlinks followed).
        var names: [(name: String, regular: Bool)] = []
        while let e = readdir(d) {
            let name = DirectoryWalker.entryName(e)
            if !name.hasPrefix(".") { names.append((name, Int32(e.pointee.d_type) == Int32(DT_REG))) }
        }
        closedir(d)
        for (name, regular) in names {
            let path = "\(dir)/\(name)"
            let rel = prefix.isEmpty ? name : "\(prefix)/\(name)"
            if !patterns.isEmpty && isExcluded(rel, name: name) { continue }
            if regular {
                out.append(InputFile(path: path, relativePath: rel))
                continue
            }
            var st = stat()
            guard stat(path, &st) == 0 else {
                if lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK { broken.append(rel) }
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(path, prefix: rel, seen: &seen, into: &out, broken: &broken)
            } else {
                out.append(InputFile(path: path, relativePath: rel))
            }
        }
    }
}
