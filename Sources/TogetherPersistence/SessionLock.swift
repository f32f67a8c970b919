#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Keeps two Together windows from writing the same session file, which would lose one of them's words.
/// An advisory lock on a hidden file beside the session (`.NAME.lock`); the system lets it go when the
/// process ends, however it ends, so a crash never leaves a session locked. Taken when a session is opened,
/// held until Together closes. The lock file is never followed through a symbolic link.
public final class SessionLock {
    private let fd: Int32
    public let url: URL

    public enum Problem: Error, Equatable {
        /// Another Together has the session open.
        case inUse
        /// The lock file is a symbolic link: Together will not create or lock a file somewhere else.
        case link(path: String)
        case cannotCreate(path: String, reason: String)
    }

    static func lockURL(for sessionFile: URL) -> URL { companion(of: sessionFile, "lock") }

    /// A hidden file that belongs with a session file, beside it: `.NAME.lock`, `.NAME.typing`, `.NAME.undo`.
    static func companion(of sessionFile: URL, _ kind: String) -> URL {
        sessionFile.deletingLastPathComponent().appendingPathComponent(".\(sessionFile.lastPathComponent).\(kind)")
    }

    /// Takes the lock for a session file.
    public static func take(for sessionFile: URL) throws(Problem) -> SessionLock {
        let url = lockURL(for: sessionFile)
        let fd = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            if errno == ELOOP { throw .link(path: url.path) }
            throw .cannotCreate(path: url.path, reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .inUse
        }
        _ = fchmod(fd, 0o600)
        return SessionLock(fd: fd, url: url)
    }

    private init(fd: Int32, url: URL) {
        self.fd = fd
        self.url = url
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
