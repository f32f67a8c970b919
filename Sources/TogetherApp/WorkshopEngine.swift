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
    }

    /// The packs for the workshop's language (or the language Together was started in).
    public var content: ContentPacks {
        packs[state.session?.setup.language ?? defaultLanguage] ?? packs[defaultLanguage]!
    }

    public func apply(_ action: Action) {
        let effects = Workshop.apply(&state, action, content: content, env: env)
        saveIfChanged()
        for effect in effects {
            switch effect {
            case .quit: finished = true
            case .writeHandouts: writeHandouts()
            case .speak(let words):
                if !speaker.speak(words, language: content.language) {
                    state.status = .init(content.say(.noVoice))
                }
            }
        }
    }

    /// Leaving: anything unsaved is saved, any speech stopped.
    public func close() {
        saveIfChanged()
        speaker.cancel()
        finished = true
    }

    /// Writes the Easy Read summary and the full record next to the session file, never over another file.
    func writeHandouts() {
        guard let session = state.session else { return }
        do {
            let urls = try HandoutWriter.write(session, content, into: store.folder, stem: store.url(for: session)
                .deletingPathExtension().lastPathComponent)
            let names = urls.map(\.lastPathComponent)
            state.status = .init(content.say(.handoutsWritten, store.folder.path, names.joined(separator: ", ")))
        } catch {
            state.status = .init(content.say(.handoutsFailed, "\(error)"), isProblem: true)
        }
    }

    /// Writes the session whenever it differs from what is on disk, before the next key is read.
    func saveIfChanged() {
        guard let session = state.session, session != saved else { return }
        do {
            try store.save(session)
            saved = session
        } catch {
            state.status = .init(content.say(.saveFailed, "\(error)"), isProblem: true)
        }
    }

    /// The file the current session is saved in, once it has been saved.
    public var sessionURL: URL? {
        state.session.map { store.url(for: $0) }
    }
}
