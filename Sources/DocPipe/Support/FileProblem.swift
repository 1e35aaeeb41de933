import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Says why a path cannot be read as an input file, for error messages.
public enum FileProblem {
    /// Why `path` cannot be read: not a regular file (a named pipe, a socket, a device), or the
    /// error `open(2)` gives ("Permission denied"); "unknown error" when it can be read after all.
    public static func whyUnreadable(_ path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return String(cString: strerror(errno)) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO: return "it is a named pipe (FIFO), not a regular file"
        case S_IFSOCK: return "it is a socket, not a regular file"
        case S_IFCHR, S_IFBLK: return "it is a device, not a regular file"
        case S_IFDIR: return "it is a folder"
        default: return "it is not a regular file"
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        close(fd)
        return "unknown error"
    }

    /// Whether `path` is a regular file (following symbolic links).
    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }
}
