import Foundation

/// Reads words aloud through `spd-say` (when speech-dispatcher is running, so it queues with a screen reader
/// instead of talking over it) or `espeak-ng`. It never waits for the speech: the screen carries on at once.
/// Each new utterance cancels the one before. With neither installed it does nothing.
public final class Speaker {
    public enum Engine: Equatable, Sendable {
        /// `spd-say`, reading the words from its input.
        case speechDispatcher(path: String)
        /// `espeak-ng`, reading the words from its input; extra arguments such as `-w FILE.wav`.
        case espeak(path: String, extraArguments: [String])

        /// The program and its arguments; `language` (when given) picks the voice for these words.
        func launch(language: String?) -> (path: String, arguments: [String]) {
            switch self {
            case .speechDispatcher(let path):
                return (path, ["--wait", "-e"] + (language.map { ["-l", $0] } ?? []))
            case .espeak(let path, var arguments):
                if let language {
                    let voice = Speaker.espeakVoice(language)
                    if let at = arguments.firstIndex(of: "-v"), at + 1 < arguments.count {
                        arguments[at + 1] = voice
                    } else {
                        arguments += ["-v", voice]
                    }
                }
                return (path, arguments + ["--stdin"])
            }
        }
    }

    public let engine: Engine?
    private var current: Process?

    public init(engine: Engine?) {
        self.engine = engine
        if engine != nil { signal(SIGPIPE, SIG_IGN) }
    }

    /// Finds a speech engine on the PATH. `language` picks the voice (`cy` for Welsh).
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment,
                            language: String = "en") -> Speaker {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        func which(_ name: String) -> String? {
            folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if let spd = which("spd-say"), speechDispatcherRuns(environment) {
            return Speaker(engine: .speechDispatcher(path: spd))
        }
        if let espeak = which("espeak-ng") {
            return Speaker(engine: .espeak(path: espeak, extraArguments: ["-v", espeakVoice(language)]))
        }
        return Speaker(engine: nil)
    }

    /// espeak-ng's voice for a workshop language.
    static func espeakVoice(_ language: String) -> String { language == "cy" ? "cy" : "en-gb" }

    /// Whether speech-dispatcher's socket is there (it is started on demand by the desktop session).
    static func speechDispatcherRuns(_ environment: [String: String]) -> Bool {
        if let address = environment["SPEECHD_ADDRESS"], !address.isEmpty { return true }
        guard let runtime = environment["XDG_RUNTIME_DIR"] else { return false }
        return FileManager.default.fileExists(atPath: runtime + "/speech-dispatcher/speechd.sock")
    }

    /// Starts saying the words (in the voice for `language`, when given), after stopping anything still being
    /// said. Returns false when there is no way to speak (then nothing happens).
    @discardableResult
    public func speak(_ text: String, language: String? = nil) -> Bool {
        guard let engine else { return false }
        cancel()
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { return true }
        let (path, arguments) = engine.launch(language: language)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        current = process
        // The words are short; the pipe holds them without waiting for the reader.
        // A voice that stops at once must not take Together with it: a failed write is ignored (and SIGPIPE is
        // ignored from the start).
        try? input.fileHandleForWriting.write(contentsOf: Data((words + "\n").utf8))
        try? input.fileHandleForWriting.close()
        return true
    }

    /// Stops the words being said now, if any.
    public func cancel() {
        guard let process = current else { return }
        current = nil
        guard process.isRunning else { return }
        process.terminate()
        if case .speechDispatcher(let path) = engine {
            // spd-say hands the words to the server: ask it to stop our message too.
            let stop = Process()
            stop.executableURL = URL(fileURLWithPath: path)
            stop.arguments = ["-S"]
            try? stop.run()
        }
    }

    /// Waits for the words being said now to finish (for tests and for closing).
    public func waitUntilQuiet() {
        current?.waitUntilExit()
    }

    /// The process saying the words now, if any (for tests).
    public var speaking: Process? { current }
}
