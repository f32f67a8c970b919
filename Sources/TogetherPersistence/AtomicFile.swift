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
/// The one way Together writes a file: sessions, handouts, reports, the tally's cache.
///
/// Foundation's `.atomic` is not enough on Linux: it does not sync the folder (a power cut can undo the
/// rename) and it resets the file's mode. So: a temporary file in the same folder, owner-only (0600 whatever
/// the umask), write, fsync, rename over the target (or, for a file that must be new, link it in place, which
/// fails rather than replace anything), fsync the folder; the temporary file is removed on any error.
/// A target that is a symbolic link is refused: Together never writes through a link to somewhere else.
public enum AtomicFile {
    /// Writes the file. Returns true when the file was there before and others could read it: it is now
    /// owner-only, and the caller says so once.
    @discardableResult
    /// `durable: false` skips the flushes to disk, for files that can be made again (made-up data).
    public static func write(_ data: Data, to target: URL, mustBeNew: Bool = false,
                             durable: Bool = true) throws(WriteError) -> Bool {
        let folder = target.deletingLastPathComponent()
        var info = stat()
        var tightened = false
        if lstat(target.path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw WriteError(path: target.path, step: "checking the file", reason: "it is a symbolic link; "
                    + "Together does not write through links. Move the real file here, or open it where it is")
            }
            if mustBeNew {
                throw WriteError(path: target.path, step: "checking the file", reason: "a file of that name is there already")
            }
            tightened = info.st_mode & 0o077 != 0
        }
        let mode: mode_t = 0o600

        let temp = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        func fail(_ step: String, _ code: Int32 = errno) -> WriteError {
            WriteError(path: target.path, step: step, reason: String(cString: strerror(code)))
        }
        let fd = open(temp.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode)
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
        guard !durable || fsync(fd) == 0 else { throw fail("flushing to disk") }
        closed = true
        guard close(fd) == 0 else { throw fail("closing") }
        if mustBeNew {
            guard link(temp.path, target.path) == 0 else { throw fail("putting the new file in place") }
            unlink(temp.path)
        } else {
            guard rename(temp.path, target.path) == 0 else { throw fail("renaming into place") }
        }
        done = true
        // Best effort: make the rename itself durable.
        let dirfd = durable ? open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
        return tightened
    }

    /// Removes temporary files a save left behind when Together was killed in the middle of it (ours are
    /// `.NAME.PID.RANDOM.tmp`, and only those of processes no longer running are removed).
    public static func removeStale(in folder: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropFirst().dropLast(4).split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), UInt32(parts[parts.count - 1]) != nil else { continue }
            if pid == getpid() || kill(pid, 0) == 0 { continue } // a save in progress
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }
}

/// Folders Together makes are owner-only (0700) whatever the umask.
public enum OwnerOnly {
    public static func makeFolder(_ url: URL) throws(WriteError) {
        var missing: [URL] = []
        var at = url.standardizedFileURL
        while !FileManager.default.fileExists(atPath: at.path), at.path != "/" {
            missing.append(at)
            at = at.deletingLastPathComponent()
        }
        for folder in missing.reversed() {
            guard mkdir(folder.path, 0o700) == 0 || errno == EEXIST else {
                throw WriteError(path: folder.path, step: "making the folder", reason: String(cString: strerror(errno)))
            }
            _ = chmod(folder.path, 0o700) // the umask may have taken bits away, or added none
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw WriteError(path: url.path, step: "making the folder", reason: "it is a file, not a folder")
        }
    }
}
