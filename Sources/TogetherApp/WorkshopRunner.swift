import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

/// The main loop: input → keymap → action → reduce → save if the session changed → render → present.
/// Everything that decides lives in the core; this only moves values between the core and the world.
public final class WorkshopRunner {
    public private(set) var state: AppState
    private let content: ContentPacks
    private let store: SessionStore
    private let terminal: any Terminal
    private let env: Environment
    private let speaker: Speaker
    private var saved: Session?
    private var lastFrame: Frame?
    public private(set) var finished = false

    public init(state: AppState, content: ContentPacks, store: SessionStore, terminal: any Terminal,
                env: Environment = .live, speaker: Speaker = Speaker(engine: nil)) {
        self.speaker = speaker
        self.state = state
        self.content = content
        self.store = store
        self.terminal = terminal
        self.env = env
        saved = state.session
    }

    /// Runs until the facilitator closes Together or a signal asks it to stop. Returns the exit status.
    public func run() -> Int32 {
        render(force: true)
        while !finished {
            let signal = terminal.pendingExitSignal
            if signal != 0 {
                saveIfChanged()
                finished = true
                break
            }
            if let event = terminal.read(timeoutMilliseconds: 250) {
                handle(event)
            } else {
                tick()
            }
        }
        speaker.cancel()
        terminal.close()
        return 0
    }

    /// Handles one input: the seam that tests drive.
    public func handle(_ event: InputEvent) {
        if event == .resize {
            render(force: true)
            return
        }
        guard let action = Workshop.action(for: event, in: state) else { return }
        let effects = Workshop.apply(&state, action, content: content, env: env)
        saveIfChanged()
        for effect in effects {
            switch effect {
            case .quit: finished = true
            case .writeHandouts: writeHandouts()
            case .speak(let words):
                if !speaker.speak(words) {
                    state.status = .init("Reading aloud needs espeak-ng or speech-dispatcher on this computer.")
                }
            }
        }
        if !finished { render(force: false) }
    }

    /// Time passing with no key: the timer may show a new minute. Nothing is drawn unless the screen changed.
    public func tick() {
        // Only a running timer changes with time: with none, an idle moment costs nothing.
        guard state.session?.timers.values.contains(where: { $0.runningSince != nil }) == true else { return }
        Workshop.apply(&state, .tick, content: content, env: env)
        render(force: false)
    }

    /// Writes the Easy Read summary and the full record next to the session file, never over another file.
    func writeHandouts() {
        guard let session = state.session else { return }
        do {
            let urls = try HandoutWriter.write(session, content, into: store.folder, stem: store.url(for: session)
                .deletingPathExtension().lastPathComponent)
            let names = urls.map(\.lastPathComponent)
            state.status = .init("Handouts written in \(store.folder.path): \(names.joined(separator: ", "))")
        } catch {
            state.status = .init("The handouts could not be written: \(error)", isProblem: true)
        }
    }

    /// Writes the session whenever it differs from what is on disk, before the next key is read.
    func saveIfChanged() {
        guard let session = state.session, session != saved else { return }
        do {
            try store.save(session)
            saved = session
        } catch {
            state.status = .init("\(error) Keep Together open; it will try again.", isProblem: true)
        }
    }

    /// Draws only when something changed, so a screen reader is not disturbed by repaints.
    func render(force: Bool) {
        let frame = Render.frame(state, content, size: terminal.size)
        if force || frame != lastFrame {
            terminal.present(frame)
            lastFrame = frame
        }
    }

    /// The file the current session is saved in, once it has been saved.
    public var sessionURL: URL? {
        state.session.map { store.url(for: $0) }
    }
}
