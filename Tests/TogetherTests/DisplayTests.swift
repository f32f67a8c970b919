import Foundation
import Testing
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence
@testable import TogetherTerminal

@Suite("Participant display")
struct DisplayTests {
    static func working() -> Session {
        var state = ScreenTests.sample(at: .workingTogether)
        press([.down], &state)
        return state.session!
    }

    @Test("the display shows the chosen line big and the newest statements, at three sizes")
    func snapshots() {
        for size in LookTests.sizes {
            let frame = Display.frame(Self.working(), content, view: ViewOptions(),
                                      source: .init(name: "2026-03-14-0f1e2d3c.json"), size: size)
            assertGolden(LookTests.picture(frame), named: "display-\(size.width)x\(size.height)")
        }
    }

    @Test("the display shows the running timer and whose dots, and never the facilitator's key hints")
    func roomNotKeys() throws {
        var state = ScreenTests.sample(at: .priorities)
        let voter = try #require(state.session?.people.first)
        state.session?.voter = voter.id
        // The timer started ten minutes ago, with fifteen planned: the display's clock says 5 min left.
        state.session?.timers["priorities"] = StageTimer(plannedSeconds: 15 * 60, runningSince: fixedNow)
        let size = Size(width: 120, height: 40)
        func text(_ session: Session, _ now: Date) -> String {
            Display.frame(session, content, view: ViewOptions(), source: .init(name: "f"), size: size, now: now).grid.text
        }
        let later = text(state.session!, fixedNow.addingTimeInterval(10 * 60))
        #expect(later.contains("5 min left"), "\(later)")
        #expect(text(state.session!, fixedNow.addingTimeInterval(12 * 60)).contains("3 min left"))
        #expect(later.contains("Dots go to: \(voter.label)"))
        #expect(!later.contains("Press p"))
        // The facilitator's own screen has the hint; the room's does not, on any stage.
        #expect(Render.frame(state, content, size: size).grid.text.contains("Press p to change."))
        for stage in [StageKind.setup, .makingItReal, .actions, .finish] {
            let shown = text(ScreenTests.sample(at: stage).session!, fixedNow)
            for hint in ["(Enter changes it)", "press a to add", "(press w)", "Press p"] {
                #expect(!shown.contains(hint), "\(stage): \(hint)")
            }
        }
        #expect(Render.frame(ScreenTests.sample(at: .setup), content, size: size).grid.text.contains("(Enter changes it)"))
    }

    @Test("on finding themes and what matters most the display is the wall: every theme with its dots, in block letters as many as fit, the rest in normal text with a line saying so")
    func wall() throws {
        func wall(_ session: Session, _ size: Size) -> String {
            Display.frame(session, content, view: ViewOptions(), source: .init(name: "f"), size: size).grid.text
        }
        for stage in [StageKind.priorities, .theming] {
            let session = ScreenTests.sample(at: stage).session!
            let text = wall(session, Size(width: 120, height: 40))
            #expect(text.contains("Our themes"))
            #expect(text.contains("█") || text.contains("▀"), "\(stage): the wall is in block letters")
            // Each theme is either drawn big or written under the big ones.
            let below = session.groupThemes.filter { text.contains("\($0.statement): \($0.totalDots) dot") }.count
            #expect(below == 0 || text.contains("\(below) more below in small letters"), "\(stage)")
        }
        // Seven themes: on a big screen most are big; on a small one fewer, and it says how many are not.
        var many = ScreenTests.sample(at: .priorities).session!
        for i in 0..<4 {
            var theme = GroupTheme(id: "gx\(i)", statement: "I want thing number \(i + 1)", createdAt: fixedNow)
            theme.groupDots = i
            many.groupThemes.append(theme)
        }
        let count = many.groupThemes.count
        var bigCounts: [Int] = []
        for size in [Size(width: 220, height: 70), Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            let text = wall(many, size)
            let below = many.groupThemes.filter { text.contains("\($0.statement): \($0.totalDots) dot") }.count
            let big = text.contains("█") || text.contains("▀")
            if big, below > 0 { #expect(text.contains("\(below) more below in small letters"), "\(size)") }
            // Too small for even one theme big: every theme in normal text, and the room is told.
            if !big { #expect(below == count && text.contains("Large text does not fit here."), "\(size)") }
            bigCounts.append(big ? count - below : 0)
        }
        #expect(bigCounts[0] >= bigCounts[1] && bigCounts[1] >= bigCounts[2] && bigCounts[1] >= 1, "\(bigCounts)")
        #expect(bigCounts[0] > bigCounts[2], "\(bigCounts)")
        let frame = Display.frame(many, content, view: ViewOptions(), source: .init(name: "f"), size: Size(width: 120, height: 40))
        assertGolden(LookTests.picture(frame), named: "display-wall-120x40")
    }

    @Test("words being typed show big, unless statements are kept hidden until revealed")
    func draft() {
        var state = ScreenTests.sample(at: .workingTogether)
        press([.char("a")] + typing("Buses"), &state)
        let size = Size(width: 120, height: 40)
        let shown = Display.frame(state.session!, content, view: ViewOptions(), source: .init(name: "f"), size: size)
        #expect(shown.grid.text.contains("Being written: Working for AB"))
        #expect(shown.grid.text.contains("█"))
        #expect(!shown.grid.text.contains("> Buses"), "no typing box on the display")
        var hidden = state.session!
        hidden.setup.revealLater = true
        let secret = Display.frame(hidden, content, view: ViewOptions(), source: .init(name: "f"), size: size)
        #expect(!secret.grid.text.contains("Buses"))
        #expect(secret.grid.text.contains("Being written"))
        // Hidden statements are never among the newest.
        hidden.statements = hidden.statements.map { var s = $0; s.hidden = true; return s }
        let none = Display.frame(hidden, content, view: ViewOptions(), source: .init(name: "f"), size: size)
        #expect(!none.grid.text.contains("Just said"))
        #expect(!none.grid.text.contains("My flat"))
    }

    @Test("the runner reads the file again after each save (a new file renamed over the old), and only then draws")
    func follows() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SessionStore(folder: folder)
        var state = ScreenTests.sample(at: .workingTogether)
        state.session!.setup.statementsPerPerson = 9
        let url = try store.save(state.session!)
        let terminal = TestTerminal(size: Size(width: 100, height: 30))
        let runner = DisplayRunner(target: .file(url), content: content, terminal: terminal, view: ViewOptions())
        runner.poll()
        runner.render(force: true)
        #expect(runner.session == state.session)
        let drawn = terminal.frames.count
        runner.poll()
        runner.render(force: false)
        #expect(terminal.frames.count == drawn, "nothing changed, nothing drawn")

        for word in ["Apples", "Pears", "Plums"] {
            press(Array(repeating: .up, count: 20) + [.char("a")] + typing(word) + [.enter, .escape], &state)
            try store.save(state.session!)
            runner.poll()
            runner.render(force: false)
            #expect(runner.session == state.session)
            #expect(terminal.screen.contains(word))
        }
        // A file that is briefly gone or broken leaves the last words on the screen, with a note.
        try FileManager.default.removeItem(at: url)
        runner.poll()
        runner.render(force: false)
        #expect(terminal.screen.contains("Plums"))
        #expect(terminal.screen.contains("not there just now"))
        try Data("{ broken".utf8).write(to: url)
        runner.poll()
        runner.render(force: false)
        #expect(terminal.screen.contains("could not be read just now"))
        try store.save(state.session!)
        runner.poll()
        runner.render(force: false)
        #expect(!terminal.screen.contains("just now"))
        // Keys change only the look; the display never writes.
        let before = try Data(contentsOf: url)
        runner.handle(.key(.char("a")))
        runner.handle(.key(.char("C")))
        #expect(runner.view.theme == .highContrast)
        #expect(try Data(contentsOf: url) == before)
    }

    @Test("with no file named, the display follows the newest session in the folder")
    func newest() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SessionStore(folder: folder)
        var first = ScreenTests.sample(at: .workingTogether).session!
        first.id = "aaaaaaaa-first"
        first.setup.title = "Morning group"
        try store.save(first)
        let terminal = TestTerminal(size: Size(width: 100, height: 30))
        let runner = DisplayRunner(target: .newestIn(folder), content: content, terminal: terminal, view: ViewOptions())
        runner.poll()
        #expect(runner.session?.setup.title == "Morning group")
        Thread.sleep(forTimeInterval: 0.05)
        var second = first
        second.id = "bbbbbbbb-second"
        second.setup.title = "Evening group"
        try store.save(second)
        runner.poll()
        #expect(runner.session?.setup.title == "Evening group")
    }
}

extension EndToEndTests {
    @Test("the display in one terminal follows a session written by another process, within half a second",
          .enabled(if: ready))
    func displayFollows() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        let sessions = tmux.folder.appendingPathComponent("sessions")
        let store = SessionStore(folder: sessions)
        try store.prepare()
        var state = ScreenTests.sample(at: .workingTogether)
        state.session!.setup.statementsPerPerson = 9
        let url = try store.save(state.session!)
        let command = "cd '\(packageRoot.path)' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(Self.binary.path)' display "
            + "'\(url.path)'; echo \"exit=$?\" > '\(tmux.folder.path)/exit'; sleep 60"
        try tmux.run(["new-session", "-d", "-x", "100", "-y", "30", command])
        try tmux.waitFor("Following \(url.lastPathComponent)")
        var delays: [Double] = []
        for i in 1...5 {
            let word = "Apples\(i)"
            press(Array(repeating: .up, count: 20) + [.char("a")] + typing(word) + [.enter, .escape], &state)
            try store.save(state.session!)
            let saved = Date()
            var seen = false
            while Date().timeIntervalSince(saved) < 5 {
                if try tmux.screen().contains(word) { seen = true; break }
                Thread.sleep(forTimeInterval: 0.02)
            }
            #expect(seen, "\(word) never showed")
            delays.append(Date().timeIntervalSince(saved))
        }
        let sorted = delays.sorted()
        print("display: seconds from save to screen: \(delays.map { String(format: "%.3f", $0) })")
        #expect(sorted[sorted.count / 2] < 0.5, "median \(sorted[sorted.count / 2]) s")
        #expect(sorted.last! < 1.5, "slowest \(sorted.last!) s")
        let screen = try tmux.screen()
        #expect(screen.contains("█") || screen.contains("▀"), "big letters on the display")
        // The display never changes the file.
        let before = try Data(contentsOf: url)
        try tmux.keys("a", "d", "x")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try Data(contentsOf: url) == before)
        try tmux.keys("q")
        #expect(tmux.waitForFile("exit")?.contains("exit=0") == true)
    }
}
