import ArgumentParser
import Foundation
import TogetherAggregate
import TogetherApp
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Run a workshop (the default). Offers to carry on with unfinished workshops."
    )

    @OptionGroup var assets: AssetOptions

    @Option(help: "The folder for session files (default: ./sessions in a checkout; ~/Documents/Together when installed).")
    var sessions: String?

    @OptionGroup var look: LookOptions

    @Option(help: "The language for a new workshop: en (English) or cy (Cymraeg, wording to be checked). It can also be chosen at setup.",
            completion: .list(["en", "cy"]))
    var lang: String = "en"

    @Flag(help: "Line by line: numbered choices, no full-screen drawing (for a screen reader, or a script on stdin). Chosen by itself when TERM is dumb or unset, or input or output is not a terminal.")
    var plain = false

    @Argument(help: "A session file to open straight away.")
    var session: String?

    func run() throws {
        let content: ContentPacks, languages: [String: ContentPacks]
        do { (content, languages) = try assets.loadLanguages(lang) } catch let error as Failure { Self.fail(error) }
        let store = SessionStore(folder: URL(fileURLWithPath: sessions ?? assets.defaultSessions()))
        var state: AppState
        if let session {
            let url = URL(fileURLWithPath: session)
            _ = AtomicFile.removeStale(in: url.deletingLastPathComponent())
            var opened: Session
            do {
                opened = try store.open(url)
            } catch {
                Self.fail(Failure(message: "Cannot open \(error). The file was left as it is."))
            }
            if store.isInUseElsewhere(url) {
                // A second window on a workshop that is open: shown read-only, and it says so.
                var view = look.view()
                view.large = look.large
                guard let terminal = NcursesTerminal(colour: view.colour) else {
                    Self.fail(Failure(message: "\(session) is open in another Together window. Close that one first."))
                }
                Foundation.exit(DisplayRunner(target: .file(url), content: content, terminal: terminal, view: view,
                                              languages: languages, openElsewhere: true).run())
            }
            if url.lastPathComponent.hasPrefix("example-") {
                // A shipped example is never rewritten: it opens as a copy.
                opened = Workshop.copyOfExample(opened, content, .live)
            }
            do { try store.claim(opened) } catch { Self.fail(Failure(message: error.description)) }
            state = AppState(session: opened)
            // The workshops in the same folder, which "since last time" can follow up (read only when its plan has it).
            if opened.stages(content).contains(where: { $0.id == .sinceLastTime }) {
                state.earlier = store.scan().sessions.map(\.session).filter { !$0.actions.isEmpty && $0.id != opened.id }
            }
        } else {
            do { try store.prepare() } catch { Self.fail(Failure(message: error.description)) }
            _ = AtomicFile.removeStale(in: store.folder)
            state = WorkshopRunner.startScreen(store)
        }
        state.view = look.view()
        let speaker = Speaker.find(language: state.session?.setup.language ?? lang)
        if plain || PlainRunner.isNeeded() {
            let runner = PlainRunner(state: state, content: content, store: store, speaker: speaker,
                                     languages: languages)
            Foundation.exit(runner.run())
        }
        guard let terminal = NcursesTerminal(colour: state.view.colour) else {
            Self.fail(Failure(message: "Together needs a terminal to show the workshop, and this is not one "
                + "(or TERM is not set). Run it in a terminal window."))
        }
        let runner = WorkshopRunner(state: state, content: content, store: store, terminal: terminal,
                                    speaker: speaker, languages: languages)
        let code = runner.run()
        Foundation.exit(Self.farewell(runner.engine, runner.sessionURL, code))
    }

    /// What is printed on leaving: "Saved" only when it is true.
    static func farewell(_ engine: WorkshopEngine, _ url: URL?, _ code: Int32) -> Int32 {
        if engine.leftNothing {
            print("The new workshop had nothing in it, so nothing was kept.")
            return code
        }
        guard let url, engine.state.session != nil else { return code }
        if engine.allSaved {
            print("Saved: \(url.path)")
            return code
        }
        var message = "Not saved to \(url.path): \(engine.state.saveProblem ?? "saving failed")."
        if let copy = engine.rescuedTo {
            message += " A copy of everything is in \(copy.path). Open it with: together '\(copy.path)'"
        } else {
            message += " A copy could not be written either: the last words typed may be lost."
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return 4
    }
}

struct DisplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display",
        abstract: "The participant display: follows a workshop in large text on a second screen. Read-only."
    )

    @OptionGroup var assets: AssetOptions
    @OptionGroup var look: LookOptions

    @Option(help: "The folder to watch when no session file is named: the newest workshop in it is shown (default: as for the workshop).")
    var sessions: String?

    @Argument(help: "The session file to follow (the facilitator's Together saves it after every change).")
    var session: String?

    func run() throws {
        let content: ContentPacks, languages: [String: ContentPacks]
        do { (content, languages) = try assets.loadLanguages("en") } catch let error as Failure { Self.fail(error) }
        let sessions = self.sessions ?? assets.defaultSessions()
        let target: DisplayRunner.Target
        if let session {
            let url = URL(fileURLWithPath: session)
            guard FileManager.default.fileExists(atPath: url.path) else {
                Self.fail(Failure(message: "\(session) does not exist. Name the session file the facilitator is "
                    + "using (it is shown when their Together closes), or give no file to follow the newest in \(sessions)."))
            }
            target = .file(url)
        } else {
            let folder = URL(fileURLWithPath: sessions)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                Self.fail(Failure(message: "There is no folder \(sessions) to watch. Give a session file, or --sessions DIR."))
            }
            target = .newestIn(folder)
        }
        var view = look.view()
        view.large = true
        guard let terminal = NcursesTerminal(colour: view.colour) else {
            Self.fail(Failure(message: "The participant display needs a terminal window to draw in (TERM is not set "
                + "or this is not a terminal). Run it in a terminal on the second screen."))
        }
        Foundation.exit(DisplayRunner(target: target, content: content, terminal: terminal, view: view,
                                      languages: languages).run())
    }
}
