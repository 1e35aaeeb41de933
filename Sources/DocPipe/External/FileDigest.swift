import Foundation

/// SHA-256 digests of the files an external stage declares it depends on.
enum FileDigest {
    /// The digest of `path` (relative to `directory`). A folder's digest covers the relative
    /// path and digest of every file under it, in sorted order, so adding, removing or editing
    /// any of them changes it. Returns the problem as a message when the path cannot be read.
    static func sha256(of path: String, in directory: URL) -> Result<String, ExternalProblem> {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path).standardizedFileURL
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return .failure(ExternalProblem("declared file '\(path)' does not exist (paths are relative to the config file's folder); fix the path or remove it from \"files\""))
        }
        guard isDirectory.boolValue else {
            guard let data = fm.contents(atPath: url.path) else { return .failure(ExternalProblem("cannot read declared file '\(path)' (check its permissions)")) }
            return .success(SHA256.hex(of: [UInt8](data)))
        }
        guard let enumerator = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return .failure(ExternalProblem("cannot list declared folder '\(path)'"))
        }
        let base = url.resolvingSymlinksInPath().path
        var entries: [(String, String)] = []
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = file.resolvingSymlinksInPath().path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : file.lastPathComponent
            if relative.split(separator: "/").contains(where: { $0 == "__pycache__" || $0.hasPrefix(".") }) { continue }
            guard let data = fm.contents(atPath: file.path) else { return .failure(ExternalProblem("cannot read '\(relative)' in declared folder '\(path)'")) }
            entries.append((relative, SHA256.hex(of: [UInt8](data))))
        }
        var listing = ""
        for (relative, digest) in entries.sorted(by: { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }) {
            listing += "\(digest)  \(relative)\n"
        }
        return .success(SHA256.hex(of: listing))
    }
}
