import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence

/// What both ways of running a workshop share (the full screen and plain mode): apply an action, save the
/// session whenever it changed, and carry out the effects the core asks for.
public final class WorkshopEngine {
    public var state: AppState
    /// The packs of every language; the workshop's own language chooses which are used.
    let packs: [String: ContentPacks]
    let defaultLanguage: String
    let store: SessionStore
    let env: Environment
    let speaker: Speaker
    private var saved: Session?
    public private(set) var finished = false

    public init(state: AppState, content: ContentPacks, store: SessionStore, env: Environment, speaker: Speaker,
                languages: [String: ContentPacks] = [:]) {
        self.state = state
        packs = languages.isEmpty ? [content.language: content] : languages
        defaultLanguage = content.language
        self.store = store
        self.env = env
        self.speaker = speaker
        saved = state.session
        restoreUndo()
    }

    /// Undo goes on working after Together is closed and opened again: the versions are read back.
    private func restoreUndo() {
        guard let session = state.session, state.undoStack.isEmpty else { return }
        state.undoStack = store.undoVersions(for: session)
        undoWritten = state.undoStack.last
    }

    /// The newest version in the undo file, to write it again only when undo has something new.
    private var undoWritten: Session?

    /// Writes the undo file in the background when the undo list changed.
    private func saveUndo() {
        guard let session = state.session, state.undoStack.last != undoWritten else { return }
        undoWritten = state.undoStack.last
        let (url, make) = store.undoFile(session)
        let versions = state.undoStack
        let problem = backgroundProblem
        background.async {
            do throws(WriteError) { try AtomicFile.write(make(versions), to: url) } catch { problem.withLock { $0 = error } }
        }
    }

    /// The packs for the workshop's language (or the language Together was started in).
    public var content: ContentPacks {
        packs[state.session?.setup.language ?? defaultLanguage] ?? packs[defaultLanguage]!
    }

    /// Applies an action and saves. With `saving: false` (keys that arrived together, such as a fast burst of
    /// typing) the caller saves once after the last of them, before waiting for the next key.
    public func apply(_ action: Action, saving: Bool = true) {
        let effects = Workshop.apply(&state, action, content: content, env: env)
        claimIfNew()
        if saving || !effects.isEmpty { saveIfChanged() }
        for effect in effects {
            switch effect {
            case .quit:
                finished = true
                saveIfChanged(whole: true)
            case .writeHandouts: writeHandouts()
            case .rescueCopy: rescue()
            case .speak(let words):
                if !speaker.speak(words, language: content.language) { report(.noVoice) }
            case .putAway(let id): move(id, away: true)
            case .bringBack(let id): move(id, away: false)
            }
        }
    }

    /// Puts a workshop away into the archive folder, or brings it back, and says how it went.
    func move(_ id: String, away: Bool) {
        let list = away ? state.resumable : state.putAway
        guard let session = list.first(where: { $0.id == id }) else { return }
        let from = away ? store.url(for: session) : store.archive.appendingPathComponent(store.url(for: session).lastPathComponent)
        do {
            let moved = try store.move(from, into: away ? store.archive : store.folder)
            store.remember(session, at: moved)
            report(away ? .putAway(sessionId: id) : .broughtBack(sessionId: id))
        } catch {
            report(.notMoved(error.reason))
        }
    }

    /// What became of an effect goes back through the core, which decides what the facilitator is told.
    func report(_ outcome: EffectOutcome) {
        Workshop.apply(&state, .reported(outcome), content: content, env: env)
    }

    /// Leaving: anything unsaved is saved, any speech stopped. When saving still fails (a signal asked Together
    /// to stop, so there is no one to ask), a copy goes to the home folder.
    public func close() {
        background.sync {}
        saveIfChanged(whole: true)
        if state.saveProblem != nil, rescuedTo == nil { rescue() }
        background.sync {} // the undo file too
        if let session = state.session { store.release(session) }
        speaker.cancel()
        finished = true
    }

    /// True when what is on screen is in the session file (or is a blank new workshop, which is not kept).
    public var allSaved: Bool { state.session == nil || state.session == saved || leftNothing }
    /// Where a copy goes when the sessions folder cannot be written: `~/together-rescue`.
    public var rescueFolder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory())
        .appendingPathComponent("together-rescue")
    /// Where a copy was written because the session file could not be.
    public private(set) var rescuedTo: URL?

    /// Writes the session to `~/together-rescue/` (owner-only), for when the sessions folder cannot be written.
    func rescue() {
        guard let session = state.session else { return }
        let folder = rescueFolder
        let url = folder.appendingPathComponent(store.url(for: session).lastPathComponent)
        do {
            try OwnerOnly.makeFolder(folder)
            try AtomicFile.write(SessionCodec.encode(session), to: url)
            rescuedTo = url
            report(.rescueWritten(url.path))
        } catch {
            report(.rescueFailed("\(error)"))
        }
    }

    /// Writes the Easy Read summary and the full record next to the session file, never over another file.
    func writeHandouts() {
        guard let session = state.session else { return }
        do {
            let urls = try HandoutWriter.write(session, content, into: store.folder, stem: store.url(for: session)
                .deletingPathExtension().lastPathComponent)
            report(.handoutsWritten(folder: store.folder.path, files: urls.map(\.lastPathComponent)))
        } catch {
            report(.handoutsFailed("\(error)"))
        }
    }

    /// A session opened here (carried on from the start screen, or new) is this window's from the moment it
    /// opens: its lock is taken then, not at the first save, so a second window cannot open it too.
    private var claimed: String?
    func claimIfNew() {
        guard let session = state.session, session.id != claimed else { return }
        do {
            try store.claim(session)
            claimed = session.id
            saved = saved?.id == session.id ? saved : session
            restoreUndo()
        } catch {
            // Only another window having it closes it here; any other trouble (a folder that cannot be written)
            // keeps the words on screen, and the save says what is wrong.
            guard store.isInUseElsewhere(store.url(for: session)) else { return }
            report(.openElsewhere(sessionId: session.id))
        }
    }

    /// In the full screen, words being typed are kept on each key in a small file of their own, and the whole
    /// session is written when typing pauses (and at least twice a second): each key costs the same however
    /// big the workshop is. Elsewhere (plain mode, tests) every change writes the whole session.
    public var quickTyping = false
    /// True while the session file is behind the words typed (they are in the typing file).
    public private(set) var behind = false
    private var lastWhole = Date.distantPast
    static let wholeEvery: TimeInterval = 0.5

    /// Writes the session whenever it differs from what is on disk, before the next key is read. With `whole`,
    /// the whole session file is written even when only the words being typed changed.
    public func saveIfChanged(whole: Bool = false) {
        reportBackground()
        // Back to what was last written whole (moved away and back within the second, which is as fine as
        // `updatedAt` goes) while the typing file says otherwise: the typing file is written again, so it
        // stands for where the facilitator is now.
        guard let session = state.session, session != saved || behind else { return }
        // A new workshop with nothing in it is not written: one Enter on the start screen leaves nothing behind.
        if session.isBlank, !isOnDisk(session) { return }
        // The typing file only stands beside a session file: a workshop never written whole is written whole.
        if quickTyping, !whole, let saved, Self.onlyTyping(from: saved, to: session),
           FileManager.default.fileExists(atPath: store.url(for: session).path),
           (try? store.saveTyping(session)) != nil {
            behind = true
            // The whole file follows at least twice a second, written off the key path.
            if session != saved, Date().timeIntervalSince(lastWhole) >= Self.wholeEvery {
                lastWhole = Date()
                writeInBackground(session)
            }
            return
        }
        background.sync {} // a whole save still being written in the background goes first
        do {
            try store.save(session)
            saved = session
            saveUndo()
            behind = false
            lastWhole = Date()
            let tightened = store.tightened
            store.tightened.removeAll()
            report(.saved(tightened: tightened))
        } catch {
            report(.saveFailed(message: "\(error)", reason: error.reason))
        }
    }

    /// Whole saves started from the typing path run here, one after another, so a key never waits for them.
    private let background = DispatchQueue(label: "together.whole-save")
    private let backgroundProblem = Locked<WriteError?>(nil)

    private func writeInBackground(_ session: Session) {
        let url = store.url(for: session)
        let problem = backgroundProblem
        background.async {
            do throws(WriteError) {
                try AtomicFile.write(SessionCodec.encode(session), to: url)
            } catch {
                problem.withLock { $0 = error }
            }
        }
    }

    /// A whole save in the background that failed is told like any other.
    private func reportBackground() {
        guard let error = backgroundProblem.withLock({ problem -> WriteError? in defer { problem = nil }; return problem }) else { return }
        report(.saveFailed(message: "\(error)", reason: error.reason))
    }

    /// True when the only differences are the words in the typing box and where the facilitator is.
    static func onlyTyping(from a: Session, to b: Session) -> Bool {
        if a.draft?.target != b.draft?.target { return false }
        var same = a
        same.draft = b.draft
        same.position = b.position
        same.updatedAt = b.updatedAt
        return same == b
    }

    /// The file the current session is saved in, once it has been saved (nil for a blank one never written).
    public var sessionURL: URL? {
        state.session.flatMap { $0.isBlank && !isOnDisk($0) ? nil : store.url(for: $0) }
    }

    func isOnDisk(_ session: Session) -> Bool { FileManager.default.fileExists(atPath: store.url(for: session).path) }

    /// True when the session on screen is a new one with nothing in it, so nothing was kept.
    public var leftNothing: Bool { state.session.map { $0.isBlank && !isOnDisk($0) } ?? false }
}
