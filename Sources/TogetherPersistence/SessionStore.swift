import Foundation
import TogetherCore

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
            if isFolder.boolValue { return }
            throw WriteError(path: folder.path, step: "opening the sessions folder", reason: "it is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(path: folder.path, step: "making the sessions folder", reason: "\(error.localizedDescription)")
        }
    }

    /// Reads every `.json` file in the folder (not below it). Files that cannot be read are reported, never touched.
    public func scan() -> Scan {
        var scan = Scan()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            do {
                let session = try SessionCodec.read(url)
                scan.sessions.append((url, session))
                remember(session, at: url)
            } catch {
                scan.problems.append(error)
            }
        }
        return scan
    }

    /// Opens one file and remembers where it came from, so saving writes back to it.
    public func open(_ url: URL) throws(SessionFileError) -> Session {
        let session = try SessionCodec.read(url)
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
        return SessionLock(for: url) == nil
    }

    /// Saves the whole session atomically. Returns where it went. Refuses when another Together has the file.
    @discardableResult
    public func save(_ session: Session) throws(WriteError) -> URL {
        let url = url(for: session)
        if locks[session.id] == nil {
            guard let lock = SessionLock(for: url) else {
                throw WriteError(path: url.path, step: "checking no one else has it open",
                                 reason: "this workshop is open in another Together window; close that one first")
            }
            locks[session.id] = lock
        }
        try AtomicFile.write(SessionCodec.encode(session), to: url)
        return url
    }
}
