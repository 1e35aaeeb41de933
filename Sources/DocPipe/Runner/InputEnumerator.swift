import Foundation

/// An input file found under one of the input roots.
public struct InputFile: Sendable, Equatable {
    /// Where it is.
    public var url: URL
    /// Its path relative to the root it was found under (for a file given directly, its name).
    public var relativePath: String
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
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return patterns.contains { fnmatch($0, relativePath, 0) == 0 || fnmatch($0, name, 0) == 0 }
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
                walk(root, prefix: "", seen: &seen, into: &found, broken: &broken)
                files.append(contentsOf: found.sorted { JSONWriter.utf8Less($0.relativePath, $1.relativePath) })
                problems.append(contentsOf: broken.sorted { JSONWriter.utf8Less($0, $1) }.map {
                    "\($0): symbolic link that does not resolve (a loop, or its target is missing); skipped"
                })
            } else {
                files.append(InputFile(url: root, relativePath: root.lastPathComponent))
            }
        }
        return (files, problems)
    }

    /// Walks a folder; `broken` collects symbolic links that do not resolve (loops, missing targets).
    private func walk(_ dir: URL, prefix: String, seen: inout Set<String>, into out: inout [InputFile], broken: inout [String]) {
        let real = dir.resolvingSymlinksInPath().standardizedFileURL.path
        guard !seen.contains(real) else { return }   // a symlink loop, or the same folder twice
        guard !excluded.contains(real) else { return }
        seen.insert(real)
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names where !name.hasPrefix(".") {
            let url = dir.appendingPathComponent(name)
            let rel = prefix.isEmpty ? name : "\(prefix)/\(name)"
            var isDir: ObjCBool = false
            if isExcluded(rel) { continue }
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
                var st = stat()
                if lstat(url.path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK { broken.append(rel) }
                continue
            }
            if isDir.boolValue {
                walk(url, prefix: rel, seen: &seen, into: &out, broken: &broken)
            } else {
                out.append(InputFile(url: url, relativePath: rel))
            }
        }
    }
}
