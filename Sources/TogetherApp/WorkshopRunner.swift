import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

/// The main loop: input → keymap → action → reduce → save if the session changed → render → present.
/// Everything that decides lives in the core; this only moves values between the core and the world.
public final class WorkshopRunner {
    let engine: WorkshopEngine
    private let terminal: any Terminal
    private var lastFrame: Frame?

    public var state: AppState { engine.state }
    public var finished: Bool { engine.finished }

    public init(state: AppState, content: ContentPacks, store: SessionStore, terminal: any Terminal,
                env: Environment = .live, speaker: Speaker = Speaker(engine: nil),
                languages: [String: ContentPacks] = [:]) {
        engine = WorkshopEngine(state: state, content: content, store: store, env: env, speaker: speaker,
                                languages: languages)
        self.terminal = terminal
    }

    /// Runs until the facilitator closes Together or a signal asks it to stop. Returns the exit status.
    public func run() -> Int32 {
        render(force: true)
        while !engine.finished {
            if terminal.pendingExitSignal != 0 { break }
            if let event = terminal.read(timeoutMilliseconds: 250) {
                handle(event)
            } else {
                tick()
            }
        }
        engine.close()
        terminal.close()
        return 0
    }

    /// Handles one input: the seam that tests drive.
    public func handle(_ event: InputEvent) {
        if event == .resize {
            render(force: true)
            return
        }
        guard let action = Workshop.action(for: event, in: engine.state) else { return }
        engine.apply(action)
        if !engine.finished { render(force: false) }
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

    /// The file the current session is saved in, once it has been saved.
    public var sessionURL: URL? { engine.sessionURL }
}
