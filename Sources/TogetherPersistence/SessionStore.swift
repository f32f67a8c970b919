#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TogetherCore
import TogetherPublishing

/// The sessions folder: finds unfinished workshops, and saves each session to its own file.
public final class SessionStore {
    public let folder: URL
    /// Where each session lives, for those opened from a file or already saved.
    private var paths: [String: URL] = [:]
    /// The locks this store holds, by session id: only the holder writes a session's file.
    private var locks: [String: SessionLock] = [:]

    public init(folder: URL) {
        self.folder = folder
    }

    /// What a scan of the folder found.
    public struct Scan {
        public var sessions: [(url: URL, session: Session)] = []
        public var problems: [SessionFileError] = []
    }

    /// Makes the folder (readable by its owner only) when it is not there yet.
    public func prepare() throws(WriteError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            if isFolder.boolValue {
                // Others may not read what people said: an existing folder open to them is closed, once, and told.
                var info = stat()
                if stat(folder.path, &info) == 0, info.st_mode & 0o077 != 0, info.st_uid == getuid() {
                    if chmod(folder.path, 0o700) == 0 { tightened.append(folder.path) }
                }
                return
            }
            throw WriteError(path: folder.path, step: "opening the sessions folder", reason: "it is a file, not a folder")
        }
        try OwnerOnly.makeFolder(folder)
    }

    /// Reads every `.json` file in the folder (not below it), on all cores. Files that cannot be read are
    /// reported, never touched.
    public func scan() -> Scan {
        var scan = Scan()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        let urls = names.map { folder.appendingPathComponent($0) }
        let results = Locked([Result<Session, SessionFileError>?](repeating: nil, count: urls.count))
        DispatchQueue.concurrentPerform(iterations: urls.count) { i in
            let result = Result { () throws(SessionFileError) -> Session in
                Self.withTyping(try SessionCodec.read(urls[i]), at: urls[i])
            }
            results.withLock { $0[i] = result }
        }
        for (url, result) in zip(urls, results.withLock { $0 }) {
            switch result {
            case .success(let session):
                scan.sessions.append((url, session))
                remember(session, at: url)
            case .failure(let error):
                scan.problems.append(error)
            case nil:
                break
            }
        }
        return scan
    }

    /// Opens one file and remembers where it came from, so saving writes back to it.
    public func open(_ url: URL) throws(SessionFileError) -> Session {
        if Self.isLink(url) {
            throw SessionFileError(path: url.path, jsonPath: "", reason: "is a symbolic link: Together only opens "
                + "real files, so that it never writes somewhere else. Open the file the link points to")
        }
        let session = Self.withTyping(try SessionCodec.read(url), at: url)
        remember(session, at: url)
        return session
    }

    public func remember(_ session: Session, at url: URL) {
        paths[session.id] = url
    }

    public func url(for session: Session) -> URL {
        if let known = paths[session.id] { return known }
        let day = Workshop.isoDay(session.createdAt)
        let short = String(session.id.filter { $0.isLetter || $0.isNumber }.prefix(8))
        var url = folder.appendingPathComponent("\(day)-\(short).json")
        var n = 2
        // Never write over a file that belongs to another session.
        while FileManager.default.fileExists(atPath: url.path) {
            url = folder.appendingPathComponent("\(day)-\(short)-\(n).json")
            n += 1
        }
        paths[session.id] = url
        return url
    }

    /// True when another Together is working on this file now.
    public func isInUseElsewhere(_ url: URL) -> Bool {
        if locks.values.contains(where: { $0.url == SessionLock.lockURL(for: url) }) { return false }
        if case .failure(.inUse) = Result(catching: { () throws(SessionLock.Problem) in try SessionLock.take(for: url) }) {
            return true
        }
        return false
    }

    /// Makes this window the one that writes the session: takes its lock (kept until Together closes).
    /// Throws when another Together has it open, or the lock or session file is a symbolic link.
    public func claim(_ session: Session) throws(WriteError) {
        guard locks[session.id] == nil else { return }
        let url = url(for: session)
        if Self.isLink(url) {
            throw WriteError(path: url.path, step: "opening", reason: "it is a symbolic link; Together only writes "
                + "real files in the sessions folder. Open the file the link points to instead")
        }
        do {
            locks[session.id] = try SessionLock.take(for: url)
        } catch {
            switch error {
            case .inUse:
                throw WriteError(path: url.path, step: "checking no one else has it open",
                                 reason: "this workshop is open in another Together window; close that one first")
            case .link(let path):
                throw WriteError(path: url.path, step: "taking the lock", reason: "\(path) is a symbolic link; "
                    + "remove it and open the workshop again")
            case .cannotCreate(let path, let reason):
                throw WriteError(path: url.path, step: "taking the lock", reason: "\(path): \(reason)")
            }
        }
    }

    /// Where workshops put away from the start screen go: a folder inside the sessions folder (the tally, which
    /// reads folders all the way down, still counts them).
    public var archive: URL { folder.appendingPathComponent("archive") }

    /// The workshops put away, newest first, with the files that could not be read left out.
    public func putAway() -> [(url: URL, session: Session)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        return names.compactMap { name in
            let url = archive.appendingPathComponent(name)
            return (try? SessionCodec.read(url)).map { (url, $0) }
        }.sorted { $0.session.updatedAt > $1.session.updatedAt }
    }

    /// Moves a workshop's file (and its undo file) between the sessions folder and the archive, by renaming:
    /// nothing is copied, nothing deleted, and nothing is ever written over. Refused while it is open elsewhere.
    public func move(_ url: URL, into destination: URL) throws(WriteError) -> URL {
        let target = destination.appendingPathComponent(url.lastPathComponent)
        if isInUseElsewhere(url) {
            throw WriteError(path: url.path, step: "moving", reason: "it is open in another Together window")
        }
        do { try OwnerOnly.makeFolder(destination) } catch { throw error }
        if FileManager.default.fileExists(atPath: target.path) {
            throw WriteError(path: target.path, step: "moving", reason: "a file of that name is there already; "
                + "nothing was moved")
        }
        guard rename(url.path, target.path) == 0 else {
            throw WriteError(path: url.path, step: "moving", reason: String(cString: strerror(errno)))
        }
        let undo = Self.undoURL(for: url)
        if FileManager.default.fileExists(atPath: undo.path) { _ = rename(undo.path, Self.undoURL(for: target).path) }
        return target
    }

    /// Lets another window have the session (when this one moves on to another workshop).
    public func release(_ session: Session) {
        locks[session.id] = nil
    }

    static func isLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Saves the whole session atomically. Returns where it went. Refuses when another Together has the file.
    @discardableResult
    public func save(_ session: Session) throws(WriteError) -> URL {
        try claim(session)
        let url = url(for: session)
        if try AtomicFile.write(SessionCodec.encode(session), to: url) { tightened.append(url.path) }
        // The whole file now holds the words being typed: the typing file beside it is done with.
        if let open = typing, open.url == Self.typingURL(for: url) {
            close(open.fd)
            typing = nil
        }
        unlink(Self.typingURL(for: url).path)
        return url
    }

    /// The words being typed and where the facilitator is, on their own: a small file beside the session
    /// (`.NAME.typing`), written in a fraction of a millisecond on each key so that even a `kill -9` keeps them,
    /// while the whole session file is written a moment later (when typing pauses, and at least twice a
    /// second). Opening the session puts them back when they are newer than the session file.
    public func saveTyping(_ session: Session) throws(WriteError) {
        try claim(session)
        let record = TypingRecord(sessionId: session.id, updatedAt: session.updatedAt, draft: session.draft,
                                  position: session.position)
        let url = Self.typingURL(for: url(for: session))
        var data = [UInt8](SessionCodec.encodeAny(record))
        // Written in place with one write (no rename, which can wait on the file system's journal): the new
        // record, then spaces over whatever was longer before, so the file is always one whole JSON value.
        if typing?.url != url {
            if let old = typing { close(old.fd) }
            let fd = Glibc.open(url.path, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else {
                throw WriteError(path: url.path, step: "keeping the words being typed", reason: String(cString: strerror(errno)))
            }
            _ = fchmod(fd, 0o600)
            typing = (url, fd, 0)
        }
        let previous = typing!.length
        if data.count < previous { data += [UInt8](repeating: 0x20, count: previous - data.count) }
        let n = data.withUnsafeBytes { pwrite(typing!.fd, $0.baseAddress, $0.count, 0) }
        guard n == data.count else {
            throw WriteError(path: url.path, step: "keeping the words being typed", reason: String(cString: strerror(errno)))
        }
        typing!.length = data.count
    }

    /// The typing file kept open while words are typed (closed when the whole session is saved).
    private var typing: (url: URL, fd: Int32, length: Int)?

    /// The versions undo can go back to, kept beside the session (`.NAME.undo`, owner-only) so that undo still
    /// works after Together is closed and opened again. The newest `undoKept` are kept.
    public static let undoKept = 100

    struct UndoRecord: Codable, Sendable {
        var sessionId: String
        var versions: [Session]
    }

    static func undoURL(for sessionFile: URL) -> URL { SessionLock.companion(of: sessionFile, "undo") }

    /// Where the undo file of a session goes, and a way to make its bytes that is safe on any thread (the
    /// caller writes it off the key path).
    public func undoFile(_ session: Session) -> (url: URL, make: @Sendable ([Session]) -> Data) {
        let id = session.id
        return (Self.undoURL(for: url(for: session)), { versions in
            SessionCodec.encodeAny(UndoRecord(sessionId: id, versions: Array(versions.suffix(Self.undoKept))))
        })
    }

    /// The versions undo can go back to for a session opened again; none when the file is missing, another
    /// session's, or any version in it breaks the session rules.
    public func undoVersions(for session: Session) -> [Session] {
        let file = Self.undoURL(for: url(for: session))
        guard !Self.isLink(file), let data = FileManager.default.contents(atPath: file.path),
              let record = SessionCodec.decodeAny(UndoRecord.self, data), record.sessionId == session.id,
              record.versions.allSatisfy({ $0.id == session.id && SessionRules.problem($0) == nil }) else { return [] }
        return record.versions
    }

    struct TypingRecord: Codable {
        var sessionId: String
        var updatedAt: Date
        var draft: Draft?
        /// Where the facilitator is (moving about is as quick as typing).
        var position: Position?
    }

    static func typingURL(for sessionFile: URL) -> URL { SessionLock.companion(of: sessionFile, "typing") }

    /// The session with the words being typed put back from the typing file, when that is newer.
    static func withTyping(_ session: Session, at url: URL) -> Session {
        let typing = typingURL(for: url)
        guard !isLink(typing), let data = FileManager.default.contents(atPath: typing.path),
              let record = SessionCodec.decodeAny(TypingRecord.self, data), record.sessionId == session.id,
              record.updatedAt >= session.updatedAt else { return session }
        var s = session
        s.draft = record.draft.map { Draft(target: $0.target, text: PlainText.withoutControls($0.text)) }
        if let position = record.position,
           SessionRules.place.contains(position.item), SessionRules.place.contains(position.focus) {
            s.position = position
        }
        s.updatedAt = record.updatedAt
        return s
    }

    /// Files and folders made owner-only because others could read them, to be told once.
    public var tightened: [String] = []
}
