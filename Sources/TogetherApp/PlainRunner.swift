import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence

/// Plain mode's loop: print, read a line, apply what it means, print what changed. No cursor addressing, no
/// colour, nothing drawn over what was printed: usable with a screen reader and from a script on stdin.
public final class PlainRunner {
    let engine: WorkshopEngine
    private var mode = PlainMode()
    private let readLine: () -> String?
    private let write: (String) -> Void

    public var state: AppState { engine.state }

    public init(state: AppState, content: ContentPacks, store: SessionStore, env: Environment = .live,
                speaker: Speaker = Speaker(engine: nil),
                languages: [String: ContentPacks] = [:], readLine: @escaping () -> String? = { Swift.readLine() },
                write: @escaping (String) -> Void = { print($0) }) {
        engine = WorkshopEngine(state: state, content: content, store: store, env: env, speaker: speaker,
                                languages: languages)
        self.readLine = readLine
        self.write = write
    }

    /// Runs until q or the end of the input. Everything is saved as it changes, so an interrupt loses nothing.
    public func run() -> Int32 {
        write(PlainMode.introduction(engine.content))
        say(mode.describe(engine.state, engine.content))
        while !engine.finished, let line = readLine() {
            let reply = mode.interpret(line, engine.state, engine.content)
            if let message = reply.message { write(message) }
            for step in reply.steps where !engine.finished {
                switch step {
                case .action(let action): engine.apply(action)
                case .key(let key):
                    let (action, message) = PlainMode.resolve(key, engine.state, engine.content)
                    if let message { write(message) }
                    if let action { engine.apply(action) }
                }
            }
            if !engine.finished { say(mode.describe(engine.state, engine.content)) }
        }
        engine.close()
        if let url = engine.sessionURL { write(engine.content.say(.savedIn, url.path)) }
        return 0
    }

    /// Plain mode is chosen by itself when there is no terminal to draw on: TERM dumb or unset, or input or
    /// output not a terminal.
    public static func isNeeded(environment: [String: String] = ProcessInfo.processInfo.environment,
                                inputIsTerminal: Bool = isatty(0) == 1, outputIsTerminal: Bool = isatty(1) == 1) -> Bool {
        let term = environment["TERM"] ?? ""
        return term.isEmpty || term == "dumb" || !inputIsTerminal || !outputIsTerminal
    }

    private func say(_ text: String) {
        if !text.isEmpty { write(text) }
    }
}
