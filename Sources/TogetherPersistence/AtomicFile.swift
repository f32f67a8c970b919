#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Why a file could not be written. The file that was there before is untouched.
public struct WriteError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var step: String
    public var reason: String

    public var description: String {
        "Could not save \(path) (\(step): \(reason)). The last saved copy is still there."
    }
}

/// Writes a whole file so that a crash or power cut leaves either the old file or the new one, never half.
///
/// Foundation's `.atomic` is not enough on Linux: it does not sync the folder (a power cut can undo the
/// rename) and it resets the file's mode. So: a temporary file in the same folder (mode 0600, or the
/// existing file's mode), write, fsync, rename over the target, fsync the folder; the temporary file is
/// removed on any error.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL, newFileMode: mode_t = 0o600) throws(WriteError) {
        let target = url.resolvingSymlinksInPath()
        let folder = target.deletingLastPathComponent()
        var mode = newFileMode
        var info = stat()
        if stat(target.path, &info) == 0 { mode = info.st_mode & 0o7777 }

        let temp = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        func fail(_ step: String, _ code: Int32 = errno) -> WriteError {
            WriteError(path: target.path, step: step, reason: String(cString: strerror(code)))
        }
        let fd = open(temp.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw fail("creating a temporary file") }
        var closed = false
        var done = false
        defer {
            if !closed { close(fd) }
            if !done { unlink(temp.path) }
        }
        // The umask may have taken bits away: set the mode we mean.
        guard fchmod(fd, mode) == 0 else { throw fail("setting the file mode") }
        let written: Int = data.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                offset += n
            }
            return offset
        }
        guard written == data.count else { throw fail("writing") }
        guard fsync(fd) == 0 else { throw fail("flushing to disk") }
        closed = true
        guard close(fd) == 0 else { throw fail("closing") }
        guard rename(temp.path, target.path) == 0 else { throw fail("renaming into place") }
        done = true
        // Best effort: make the rename itself durable.
        let dirfd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
    }
}
