import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence
@testable import TogetherTerminal

/// The whole program but the terminal: keys go in through the test terminal, screens and files come out.
@Suite("Driving the workshop")
struct DrivenTests {
    final class Harness {
        let folder: URL
        let store: SessionStore
        let terminal: TestTerminal
        let runner: WorkshopRunner

        init(state: AppState = AppState(), size: Size = Size(width: 80, height: 24), folder: URL = temporaryFolder(),
             store: SessionStore? = nil) {
            self.folder = folder
            self.store = store ?? SessionStore(folder: folder)
            terminal = TestTerminal(size: size)
            runner = WorkshopRunner(state: state, content: content, store: self.store, terminal: terminal, env: testEnv)
        }

        func press(_ keys: [Key]) { for key in keys { runner.handle(.key(key)) } }

        /// From the start screen: a new workshop with a title and people, left at Getting ready.
        func newWorkshop(_ title: String, people: [String]) {
            press([.enter])
            type(title)
            press([.enter, .char("a")])
            for person in people { type(person); press([.enter]) }
            press([.escape])
        }
        func type(_ text: String) { press(typing(text)) }

        /// The one session in the folder, as saved: as opening it again would show it (with the words being
        /// typed, which are kept on each key in the typing file beside it).
        func savedSession() throws -> Session {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            try #require(files.count == 1)
            return try SessionStore(folder: folder).open(folder.appendingPathComponent(files[0]))
        }
    }

    @Test("every change is on disk before the next key: even half-typed words")
    func savedAsTyped() throws {
        let h = Harness()
        h.press([.enter])
        h.type("Autumn")
        #expect(try h.savedSession().draft?.text == "Autumn")
        h.press([.enter, .char("a")])
        h.type("AB")
        h.press([.enter, .escape, .char("]"), .char("3")])
        let saved = try h.savedSession()
        #expect(saved.setup.title == "Autumn")
        #expect(saved.people.map(\.label) == ["AB"])
        #expect(saved.themeReview("wellbeing").rating == "poor")
        #expect(saved.position.stage == .makingItReal)
        #expect(h.terminal.screen.contains("[3] Not going well"))
        let file = try FileManager.default.contentsOfDirectory(atPath: h.folder.path)[0]
        #expect(try mode(of: h.folder.appendingPathComponent(file)) == 0o600)
    }

    @Test("resuming returns to exactly the stage, item, focus and words being typed")
    func resume() throws {
        let folder = temporaryFolder()
        do {
            // The first window, closed at the end of this block (as when the program ends).
            let first = Harness(folder: folder)
            first.newWorkshop("Review", people: ["AB", "CD"])
            first.press([.char("]"), .char("]"), .char("n"), .tab, .char("a")])
            first.type("Buses are la")
            first.press([.ctrl("c")])
            #expect(first.runner.finished)
        }

        let store = SessionStore(folder: folder)
        let scan = store.scan()
        let again = Harness(state: AppState(resumable: scan.sessions.map(\.session)), folder: folder, store: store)
        #expect(again.terminal.frames.isEmpty)
        again.press([.down, .enter])
        let screen = again.terminal.screen
        #expect(screen.contains("CD · Person with lived experience"))
        #expect(screen.contains("> Buses are la"))
        again.type("te")
        again.press([.enter, .escape])
        let saved = try again.savedSession()
        #expect(saved.statements.map(\.text) == ["Buses are late"])
        #expect(saved.statements.first?.category == "notWorking")
        #expect(saved.statements.first?.personId == saved.people[1].id)
    }

    @Test("nothing is drawn again when nothing changed")
    func noNeedlessRedraw() {
        let h = Harness()
        h.press([.enter])
        let count = h.terminal.frames.count
        h.press([.up, .up]) // already at the top while typing: left/up change nothing on screen
        h.press([.escape])
        let afterEscape = h.terminal.frames.count
        h.press([.char("k")]) // at the top already: only the status line clears
        #expect(h.terminal.frames.count == afterEscape + 1)
        h.press([.char("k"), .char("k")])
        #expect(h.terminal.frames.count == afterEscape + 1)
        #expect(count > 0)
    }

    @Test("a resize draws the screen at the new size")
    func resize() {
        let h = Harness()
        h.press([.enter])
        h.terminal.size = Size(width: 40, height: 12)
        h.runner.handle(.resize)
        #expect(h.terminal.lastFrame?.grid.size == Size(width: 40, height: 12))
        h.terminal.size = Size(width: 20, height: 5)
        h.runner.handle(.resize)
        #expect(h.terminal.screen.replacingOccurrences(of: "\n", with: " ").contains("too small"))
    }

    @Test("a signal saves and stops the loop, and the terminal is given back")
    func signalStops() throws {
        let h = Harness()
        h.press([.enter])
        h.type("Kept")
        h.terminal.pendingExitSignal = 15
        #expect(h.runner.run() == 0)
        #expect(h.terminal.closed)
        #expect(try h.savedSession().draft?.text == "Kept")
    }

    /// A workshop whose saves fail: its sessions folder is a file. Returns the harness and a folder to use.
    static func savesFail() throws -> (Harness, URL) {
        let folder = temporaryFolder()
        let blocked = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocked)
        return (Harness(folder: blocked), folder)
    }

    @Test("when saving fails the facilitator is told, and the words stay on screen")
    func saveFails() throws {
        let (h, _) = try Self.savesFail()
        h.press([.enter])
        h.type("Hello")
        #expect(h.terminal.screen.contains("Could not save"))
        #expect(h.terminal.screen.contains("> Hello"))
    }

    @Test("leaving while saves fail asks first: stay, or leave with a copy in the home folder; never a false Saved")
    func leaveWhileFailing() throws {
        let (h, folder) = try Self.savesFail()
        h.runner.engine.rescueFolder = folder.appendingPathComponent("home/together-rescue")
        h.press([.enter])
        h.type("Spring")
        h.press([.enter, .char("a")])
        h.type("AB")
        h.press([.enter, .escape, .char("q")])
        #expect(!h.runner.finished, "q does not leave while the words are not saved")
        #expect(h.terminal.screen.contains("Saving is not working"))
        #expect(h.terminal.screen.contains("c write a copy and leave · Esc stay"))
        h.press([.escape])
        #expect(!h.runner.finished)
        #expect(h.runner.engine.allSaved == false)
        h.press([.char("q"), .char("c")])
        #expect(h.runner.finished)
        let copy = try #require(h.runner.engine.rescuedTo)
        let rescued = try SessionCodec.read(copy)
        #expect(rescued.setup.title == "Spring")
        #expect(rescued.people.map(\.label) == ["AB"])
        #expect(try mode(of: copy) == 0o600)
        #expect(try mode(of: copy.deletingLastPathComponent()) == 0o700)
    }

    @Test("a signal while saves fail leaves a copy in the home folder, as there is no one to ask")
    func signalWhileFailing() throws {
        let (h, folder) = try Self.savesFail()
        h.runner.engine.rescueFolder = folder.appendingPathComponent("rescue")
        h.press([.enter])
        h.type("Kept somewhere")
        h.terminal.pendingExitSignal = 15
        _ = h.runner.run()
        let copy = try #require(h.runner.engine.rescuedTo)
        #expect(try SessionCodec.read(copy).draft?.text == "Kept somewhere")
    }
}

extension DrivenTests {
    @Test("a new workshop's first words go into its own file at once, not only beside it")
    func firstWordsOfANewWorkshop() throws {
        let h = Harness()
        h.press([.enter])
        h.type("Fi")
        let files = try FileManager.default.contentsOfDirectory(atPath: h.folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1, "the session file exists from the first key")
        // As the start screen would find it after a crash: the words are there.
        let scan = SessionStore(folder: h.folder).scan()
        #expect(scan.sessions.first?.session.draft?.text == "Fi")
    }
}

extension DrivenTests {
    @Test("undo still works after Together is closed and the workshop opened again")
    func undoAfterResume() throws {
        let folder = temporaryFolder()
        do {
            let first = Harness(folder: folder)
            first.newWorkshop("Review", people: ["AB"])
            first.press([.char("]"), .char("]"), .char("a")])
            first.type("One")
            first.press([.enter])
            first.type("Two")
            first.press([.enter, .escape])
            first.runner.engine.close()
        }
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".json") })
        let url = folder.appendingPathComponent(file)
        let store = SessionStore(folder: folder)
        let again = Harness(state: AppState(session: try store.open(url)), folder: folder, store: store)
        #expect(again.runner.state.session?.statements.map(\.text) == ["One", "Two"])
        again.press([.char("u")])
        #expect(again.runner.state.session?.statements.map(\.text) == ["One"], "the last change is undone")
        again.press([.char("u")])
        #expect(again.runner.state.session?.statements.map(\.text) == [])
        again.press([.char("U")])
        #expect(again.runner.state.session?.statements.map(\.text) == ["One"])
        again.runner.engine.close()
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".\(file).undo").path))
        // Another session's undo file, or a broken one, is never used.
        let undo = folder.appendingPathComponent(".\(file).undo")
        try Data("{\"sessionId\":\"someone-else\",\"versions\":[]}".utf8).write(to: undo)
        let thirdStore = SessionStore(folder: folder)
        let third = Harness(state: AppState(session: try thirdStore.open(url)), folder: folder, store: thirdStore)
        third.press([.char("u")])
        #expect(third.runner.state.status?.text == "There is nothing to undo.")
    }
}

extension DrivenTests {
    @Test("the key benchmark presses every key on every size, the sizes taking turns")
    func keyBenchmark() {
        let typing = KeyBenchmark.run(statements: [10, 30], stage: .workingTogether, size: Size(width: 80, height: 24),
                                      keys: 41, rounds: 4, content: content)
        #expect(typing.map(\.keys) == [41, 41])
        #expect(typing.map(\.typed) == [41, 41])
        #expect(typing.allSatisfy { $0.median > 0 && $0.p99 >= $0.median })
        let moving = KeyBenchmark.run(statements: [10], stage: .theming, size: Size(width: 200, height: 60), keys: 7,
                                      rounds: 20, content: content)
        #expect(moving.map(\.keys) == [7])
    }

    @Test("a long list built only near the focus draws exactly as the whole list would", arguments: [0, 1, 2, 7, 19, 20, 21, 22, 23, 40, 47, 48, 49, 50, 56, 57, 58, 59, 60, 61, 62, 63, 64, 80, 98, 99, 100, 101, 150, 299])
    func windowedList(_ focus: Int) {
        var session = KeyBenchmark.session(statements: 300, stage: .theming, content: content)
        session.draft = nil
        session.position = Position(stage: .theming, item: 0, focus: focus)
        var state = AppState(session: session)
        state.screen = .workshop
        for large in [false, true] {
            state.view.large = large
            for size in [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 200, height: 50),
                         Size(width: 200, height: 60), Size(width: 30, height: 8)] {
                let whole = Render.unstyled(state, content, size: size, windowed: false)
                #expect(Render.unstyled(state, content, size: size) == whole,
                        "focus \(focus) at \(size.width)×\(size.height), large \(large)")
            }
        }
    }
}

/// The start screen: what it chooses first, what it keeps, and the examples left as they are.
extension DrivenTests {
    @Test("one Enter and q leaves nothing: an empty new workshop is not kept, and says so")
    func blankNotKept() throws {
        let h = Harness()
        defer { try? FileManager.default.removeItem(at: h.folder) }
        h.press([.enter])              // a new workshop, its title box open
        h.press([.escape, .char("q")]) // nothing typed: leave
        #expect(h.runner.engine.finished)
        #expect(h.runner.engine.leftNothing && h.runner.engine.allSaved && h.runner.sessionURL == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: h.folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.isEmpty, "\(files)")
        // One letter of a title is something: it is kept.
        let h2 = Harness()
        defer { try? FileManager.default.removeItem(at: h2.folder) }
        h2.press([.enter]); h2.type("S"); h2.press([.enter])
        #expect(try h2.savedSession().setup.title == "S")
    }

    @Test("the newest unfinished workshop is chosen first; a shipped example opens as a copy and is never rewritten")
    func examplesAsCopies() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let example = folder.appendingPathComponent("example-leeds-partnership-board.json")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: exampleSessions[2]), to: example)
        let before = try Data(contentsOf: example)
        let store = SessionStore(folder: folder)
        let start = WorkshopRunner.startScreen(store)
        #expect(start.homeFocus == 1, "the workshop to carry on is chosen, not a new one")
        let h = Harness(state: start, folder: folder, store: store)
        h.press([.enter, .char("]"), .char("q")])
        #expect(try Data(contentsOf: example) == before, "the example is as it was")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count == 2, "\(files)")
        let copyName = try #require(files.first { !$0.hasPrefix("example-") })
        let copy = try SessionCodec.read(folder.appendingPathComponent(copyName))
        let original = try SessionCodec.read(example)
        #expect(copy.id != original.id && copy.setup.title == "\(original.setup.title) (a copy)")
        #expect(copy.statements == original.statements && copy.position.stage != original.position.stage)
    }
}

extension DrivenTests {
    @Test("x puts a workshop away into the archive folder, nothing deleted; Enter on it brings it back")
    func putAwayAndBack() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var older = sampleWorkshop().session!
        older.id = "older-one"
        older.updatedAt = fixedNow.addingTimeInterval(-3600)
        var newer = older
        newer.id = "newer-one"
        newer.setup.title = "Newer"
        newer.updatedAt = fixedNow
        let store = SessionStore(folder: folder)
        try store.save(older)
        try store.save(newer)
        store.release(older); store.release(newer)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count == 2)
        let fresh = SessionStore(folder: folder)
        let h = Harness(state: WorkshopRunner.startScreen(fresh), folder: folder, store: fresh)
        #expect(h.runner.state.homeFocus == 1 && h.runner.state.resumable.first?.id == "newer-one")
        h.press([.char("x")])
        #expect(h.terminal.screen.contains("Put away in the archive folder. Nothing was deleted."))
        #expect(h.terminal.screen.contains("Put away (1): Enter brings one back"))
        let archived = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("archive").path)
            .filter { $0.hasSuffix(".json") }
        #expect(archived.count == 1)
        #expect(try SessionCodec.read(folder.appendingPathComponent("archive").appendingPathComponent(archived[0])).id == "newer-one")
        // The tally reads folders all the way down: a workshop put away still counts.
        #expect(Tallier.run(paths: [folder.path], content: content).totals.sessions == 2)
        // Bring it back: it is the last row; Enter.
        h.press([.down, .down, .down, .enter])
        #expect(h.terminal.screen.contains("Brought back."))
        let back = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(back == names)
        #expect(h.runner.state.putAway.isEmpty && h.runner.state.resumable.count == 2)
    }
}
