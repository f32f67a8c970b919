import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

/// The main loop: input → keymap → action → reduce → save if the session changed → render → present.
/// Everything that decides lives in the core; this only moves values between the core and the world.
public final class WorkshopRunner {
    public let engine: WorkshopEngine
    private let terminal: any Terminal
    private var lastFrame: Frame?

    public var state: AppState { engine.state }
    public var finished: Bool { engine.finished }

    public init(state: AppState, content: ContentPacks, store: SessionStore, terminal: any Terminal,
                env: Environment = .live, speaker: Speaker = Speaker(engine: nil),
                languages: [String: ContentPacks] = [:]) {
        engine = WorkshopEngine(state: state, content: content, store: store, env: env, speaker: speaker,
                                languages: languages)
        engine.quickTyping = true
        self.terminal = terminal
    }

    /// Runs until the facilitator closes Together or a signal asks it to stop. Returns the exit status.
    public func run() -> Int32 {
        render(force: true)
        while !engine.finished {
            if terminal.pendingExitSignal != 0 { break }
            // While the session file is behind the words typed, a pause of a tenth of a second writes it whole.
            if let event = terminal.read(timeoutMilliseconds: engine.behind ? 100 : 250) {
                // Keys that have already arrived (a fast burst, a paste without brackets) are applied together:
                // one save and one drawing for all of them, done before the next key is waited for.
                handle(event, saving: false)
                var taken = 1
                while taken < Self.burst, !engine.finished, terminal.pendingExitSignal == 0,
                      let more = terminal.read(timeoutMilliseconds: 0) {
                    handle(more, saving: false)
                    taken += 1
                }
                engine.saveIfChanged()
                if !engine.finished { render(force: false) }
            } else {
                engine.saveIfChanged(whole: true)
                tick()
            }
        }
        engine.close()
        terminal.close()
        return 0
    }

    /// The most keys applied before a save and a drawing.
    static let burst = 4096

    /// Handles one input: the seam that tests drive. With `saving: false` the caller saves and draws.
    public func handle(_ event: InputEvent, saving: Bool = true) {
        if event == .resize {
            render(force: true)
            return
        }
        guard let action = Workshop.action(for: event, in: engine.state) else { return }
        engine.apply(action, saving: saving)
        if saving, !engine.finished { render(force: false) }
    }

    /// Time passing with no key: the timer may show a new minute. Nothing is drawn unless the screen changed.
    public func tick() {
        // Only a running timer changes with time: with none, an idle moment costs nothing.
        guard engine.state.session?.timers.values.contains(where: { $0.runningSince != nil }) == true else { return }
        engine.apply(.tick)
        render(force: false)
    }

    /// Draws only when something changed, so a screen reader is not disturbed by repaints.
    func render(force: Bool) {
        let frame = Render.frame(engine.state, engine.content, size: terminal.size)
        if force || frame != lastFrame {
            terminal.present(frame)
            lastFrame = frame
        }
    }

    /// The start screen: the unfinished workshops in the sessions folder, newest first, and any that cannot be
    /// opened (unreadable, or open in another window just now) with the reason.
    public static func startScreen(_ store: SessionStore) -> AppState {
        let scan = store.scan()
        let unfinished = scan.sessions.filter { $0.session.status != .finished }
        let inUse = unfinished.map { store.isInUseElsewhere($0.url) }
        let busy = zip(unfinished, inUse).filter { $0.1 }.map(\.0)
        var state = AppState(
            resumable: zip(unfinished, inUse).filter { !$0.1 }.map(\.0.session).sorted { $0.updatedAt > $1.updatedAt },
            unreadable: scan.problems.map(\.description)
                + busy.map { "\($0.url.path): open in another Together window just now" },
            earlier: scan.sessions.map(\.session).filter { !$0.actions.isEmpty })
        state.sessionsFolder = store.folder.path
        let away = store.putAway()
        state.putAway = away.map(\.session)
        for item in away { store.remember(item.session, at: item.url) }
        state.examples = Set(scan.sessions.filter { $0.url.lastPathComponent.hasPrefix("example-") }.map(\.session.id))
        return state
    }

    /// The file the current session is saved in, once it has been saved.
    public var sessionURL: URL? { engine.sessionURL }
}
