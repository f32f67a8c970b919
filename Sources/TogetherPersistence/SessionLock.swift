#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Keeps two Together windows from writing the same session file, which would lose one of them's words.
/// An advisory lock on a hidden file beside the session (`.NAME.lock`); the system lets it go when the
/// process ends, however it ends, so a crash never leaves a session locked.
public final class SessionLock {
    private let fd: Int32
    public let url: URL

    static func lockURL(for sessionFile: URL) -> URL {
        sessionFile.deletingLastPathComponent().appendingPathComponent(".\(sessionFile.lastPathComponent).lock")
    }

    /// Takes the lock for a session file, or returns nil when another Together has it.
    public init?(for sessionFile: URL) {
        url = Self.lockURL(for: sessionFile)
        let fd = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
