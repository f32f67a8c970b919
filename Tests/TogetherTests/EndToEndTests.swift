import Foundation
import Testing
@testable import TogetherCore
@testable import TogetherPersistence

/// The real program in a real (tmux) terminal: keys in, screen and session file out.
@Suite("End to end in tmux", .serialized)
struct EndToEndTests {
    static let binary = packageRoot.appendingPathComponent(".build/debug/together")
    static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// One tmux server of our own, so tests never touch anyone else's.
    final class Tmux {
        var socket = "together-test-\(UUID().uuidString.prefix(8))"
        let folder = temporaryFolder()

        @discardableResult
        func run(_ args: [String]) throws -> String {
            // Output goes to a file, not a pipe: the tmux server started by new-session keeps inherited
            // pipes open for ever. posix_spawn and waitpid, because Foundation's Process was seen to miss
            // the exit of a short-lived child here and wait for ever.
            let outURL = folder.appendingPathComponent("tmux-out-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: outURL) }
            let status = spawnAndWait(EndToEndTests.tmuxPath ?? "/usr/bin/tmux", ["-u", "-L", socket] + args, output: outURL.path)
            let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            if status != 0 && args.first != "kill-server" {
                throw TmuxError(message: "tmux \(args.joined(separator: " ")) failed (\(status)): \(text)")
            }
            return text
        }

        /// Starts Together at a size; after it ends the pane records its exit status and the terminal's settings.
        func start(_ arguments: String, width: Int = 80, height: Int = 24) throws {
            let command = "cd '\(packageRoot.path)' && env LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(EndToEndTests.binary.path)' "
                + "--sessions '\(folder.path)/sessions' \(arguments); echo \"exit=$?\" > '\(folder.path)/exit';"
                + " stty -a > '\(folder.path)/stty'; sleep 60"
            try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
        }

        func keys(_ keys: String...) throws { try run(["send-keys", "-t", "0"] + keys) }
        func text(_ text: String) throws { try run(["send-keys", "-t", "0", "-l", text]) }
        func screen() throws -> String { try run(["capture-pane", "-p", "-t", "0"]) }

        /// Waits until the screen shows something, or fails with what it did show.
        @discardableResult
        func waitFor(_ wanted: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if last.contains(wanted) { return last }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Issue.record("The screen never showed \"\(wanted)\". It showed:\n\(last)", sourceLocation: sourceLocation)
            return last
        }

        func waitForFile(_ name: String, seconds: Double = 15) -> String? {
            let url = folder.appendingPathComponent(name)
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { return text }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        }

        func session() throws -> Session {
            let sessions = folder.appendingPathComponent("sessions")
            let files = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".json") }
            try #require(files.count == 1, "expected one session file, found \(files)")
            return try SessionCodec.read(sessions.appendingPathComponent(files[0]))
        }

        func stop() { _ = try? run(["kill-server"]) }

        /// Stops this server and moves to a new one, so a fresh start never races the old server's exit.
        func restart() {
            stop()
            socket = "together-test-\(UUID().uuidString.prefix(8))"
        }
    }

    /// `scripts/test` (and so CI) sets `TOGETHER_REQUIRE_PROGRAM=1`: there a missing binary or tmux fails these
    /// tests instead of leaving them out. Run by hand without it, they are left out when the tools are missing.
    static var required: Bool { ProcessInfo.processInfo.environment["TOGETHER_REQUIRE_PROGRAM"] == "1" }
    static var ready: Bool { required || (tmuxPath != nil && FileManager.default.isExecutableFile(atPath: binary.path)) }

    @Test("where the tests must run the real program, the program and tmux are both there", .enabled(if: required))
    func programAndTmuxArePresent() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no program at \(Self.binary.path)")
        #expect(Self.tmuxPath != nil, "tmux is not installed: scripts/setup installs it")
    }

    @Test("a short workshop, walked with the keyboard, ends up in the session file", .enabled(if: ready))
    func shortWorkshop() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start("")
        try tmux.waitFor("Start a new workshop")
        try tmux.keys("Enter")
        try tmux.waitFor("Typing: the title")
        try tmux.text("Gŵyl haf")
        try tmux.keys("Enter", "a")
        try tmux.text("AB")
        try tmux.keys("Enter")
        try tmux.text("Siân")
        try tmux.keys("Enter", "Escape")
        try tmux.waitFor("Siân · Person with lived experience")
        try tmux.keys("]", "2")
        try tmux.waitFor("[2] Some good, some bad")
        try tmux.keys("]", "a")
        try tmux.text("Fy ngwaith 日本 👍")
        try tmux.keys("Enter", "Escape")
        let screen = try tmux.waitFor("1. Fy ngwaith 日本 👍")
        // Wide characters take two columns: the line ends exactly where the width says.
        let line = try #require(screen.split(separator: "\n").first { $0.contains("Fy ngwaith") })
        #expect(TextWidth.of(line) == TextWidth.of("    1. Fy ngwaith 日本 👍"))
        try tmux.keys("q")
        #expect(tmux.waitForFile("exit")?.contains("exit=0") == true)

        let session = try tmux.session()
        #expect(session.setup.title == "Gŵyl haf")
        #expect(session.people.map(\.label) == ["AB", "Siân"])
        #expect(session.themeReview("wellbeing").rating == "mixed")
        #expect(session.statements.map(\.text) == ["Fy ngwaith 日本 👍"])
        #expect(session.position.stage == .workingTogether)
        let stty = try #require(tmux.waitForFile("stty"))
        #expect(stty.contains(" icanon") && stty.contains(" echo"))
    }

    @Test("SIGTERM and Ctrl-C save first and leave the terminal as it was; resuming goes back to the same place",
          .enabled(if: ready))
    func signalsAndResume() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start("")
        try tmux.waitFor("Start a new workshop")
        try tmux.keys("Enter")
        try tmux.text("Evening group")
        try tmux.keys("Enter", "]", "n", "n", "a")
        try tmux.text("Words still being typ")
        try tmux.waitFor("> Words still being typ")
        try tmux.keys("C-c")
        #expect(tmux.waitForFile("exit")?.contains("exit=0") == true)
        let stty = try #require(tmux.waitForFile("stty"))
        #expect(stty.contains(" icanon") && stty.contains(" echo"))
        var session = try tmux.session()
        #expect(session.draft?.text == "Words still being typ")
        #expect(session.position.item == 2)

        tmux.restart()
        try FileManager.default.removeItem(at: tmux.folder.appendingPathComponent("exit"))
        try tmux.start("")
        try tmux.waitFor("Carry on: Evening group")
        try tmux.keys("Down", "Enter")
        try tmux.waitFor("> Words still being typ")
        try tmux.text("ed")
        try tmux.keys("Enter")
        try tmux.waitFor("- Words still being typed")
        let pid = try tmux.run(["display-message", "-p", "-t", "0", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane's shell runs Together as its child: send SIGTERM to that child.
        #expect(spawnAndWait("/usr/bin/pkill", ["-TERM", "-P", pid, "together"], output: "/dev/null") == 0)
        #expect(tmux.waitForFile("exit")?.contains("exit=0") == true)
        session = try tmux.session()
        #expect(session.themeReview("communities").examples.map(\.text) == ["Words still being typed"])
    }

    @Test("resizing redraws, a window too small says so, and SIGHUP (a closed terminal) saves", .enabled(if: ready))
    func resizeAndHangUp() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start("", width: 80, height: 24)
        try tmux.waitFor("Start a new workshop")
        try tmux.keys("Enter")
        try tmux.text("Café")
        try tmux.run(["resize-window", "-t", "0", "-x", "24", "-y", "8"])
        try tmux.waitFor("This window is too")
        try tmux.run(["resize-window", "-t", "0", "-x", "40", "-y", "12"])
        let screen = try tmux.waitFor("> Café")
        #expect(screen.split(separator: "\n").allSatisfy { TextWidth.of($0) <= 40 })
        let pid = try tmux.run(["display-message", "-p", "-t", "0", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(spawnAndWait("/usr/bin/pkill", ["-HUP", "-P", pid, "together"], output: "/dev/null") == 0)
        #expect(tmux.waitForFile("exit")?.contains("exit=0") == true)
        #expect(try tmux.session().draft?.text == "Café")
    }

    @Test("a broken session file named on the command line is refused with its path, and left as it is",
          .enabled(if: ready))
    func brokenFile() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        let bad = tmux.folder.appendingPathComponent("bad.json")
        try Data("{\"schemaVersion\": 1, \"id\": 5}".utf8).write(to: bad)
        try tmux.start("'\(bad.path)'")
        #expect(tmux.waitForFile("exit")?.contains("exit=1") == true)
        let screen = try tmux.screen()
        #expect(screen.contains("bad.json"))
        #expect(screen.contains("id should be text"))
        #expect(try String(contentsOf: bad, encoding: .utf8) == "{\"schemaVersion\": 1, \"id\": 5}")
    }
    @Test("a complete full-plan workshop: every stage, themes, dots, why, actions, handouts", .enabled(if: ready))
    func fullPlan() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start("", width: 100, height: 30)
        try tmux.waitFor("Start a new workshop")
        try tmux.keys("Enter")
        try tmux.text("Full day")
        try tmux.keys("Enter", "a")
        try tmux.text("AB")
        try tmux.keys("Enter")
        try tmux.text("Cy")
        try tmux.keys("Enter", "Escape")
        try tmux.waitFor("Cy · Person with lived experience")
        try tmux.keys("o")
        try tmux.waitFor("Cy · Person with lived experience · may be quoted")
        // Making It Real
        try tmux.keys("]", "1", "a")
        try tmux.text("Bus stops at six")
        try tmux.keys("Enter", "Escape")
        try tmux.waitFor("- Bus stops at six")
        // Working Together for Change: two people
        try tmux.keys("]", "a")
        try tmux.text("My own flat")
        try tmux.keys("Enter", "Escape", "Tab", "a")
        try tmux.text("Letters are too hard")
        try tmux.keys("Enter", "Escape", "n", "a")
        try tmux.text("Living with friends")
        try tmux.keys("Enter", "Escape")
        try tmux.waitFor("1. Living with friends")
        // Finding themes, with the stage timer running
        try tmux.keys("]", "T")
        try tmux.waitFor("timer: 45 min left")
        try tmux.keys("Space", "Down", "Space", "i")
        try tmux.text("I want a home of my own")
        try tmux.keys("Enter")
        try tmux.waitFor("in theme: I want a home of my own")
        try tmux.keys("Tab", "i")
        try tmux.waitFor("Put into a theme")
        try tmux.keys("Down", "Enter")
        try tmux.text("I want letters I can read")
        try tmux.keys("Enter", "Tab", "Tab", "Down", "4")
        try tmux.waitFor("Making It Real: My support my own way")
        // What matters most
        try tmux.keys("]")
        try tmux.text("++")
        try tmux.waitFor("1. I want a home of my own: 2 dots")
        // Why, and what good looks like
        try tmux.keys("]", "a")
        try tmux.text("Nobody asks us")
        try tmux.keys("Enter", "Escape")
        try tmux.waitFor("Why 1: Nobody asks us")
        // Top tips
        try tmux.keys("]", "3", "a")
        try tmux.text("No easy read")
        try tmux.keys("Enter", "Escape")
        try tmux.waitFor("- No easy read")
        // Actions
        try tmux.keys("]", "a")
        try tmux.text("Easy read letters")
        try tmux.keys("Enter")
        try tmux.text("Comms team")
        try tmux.keys("Enter")
        try tmux.text("June 2027")
        // What it answers and its intention: each a list, picked by number.
        try tmux.keys("Enter", "Down", "Down", "Down", "Enter")
        try tmux.waitFor("What does this action answer?")
        try tmux.keys("2", "Down", "Enter")
        try tmux.waitFor("What will happen to the service?")
        try tmux.keys("2")
        try tmux.waitFor("Intention: Keep paying for it (continue investing)")
        // Wrapping up, then finish and the handouts
        try tmux.keys("]", "a")
        try tmux.text("Views differ on day centres")
        try tmux.keys("Enter", "Escape", "]", "f", "w")
        try tmux.waitFor("Handouts written")
        try tmux.keys("q")
        #expect(tmux.waitForFile("exit")?.contains("exit=0") == true)

        let session = try tmux.session()
        #expect(session.status == .finished)
        #expect(session.people.map(\.consentToQuote) == [false, true])
        #expect(session.themeReview("wellbeing").rating == "good")
        #expect(session.statements.count == 3)
        #expect(session.rankedThemes().map(\.statement) == ["I want a home of my own", "I want letters I can read"])
        #expect(session.groupThemes[0].totalDots == 2)
        #expect(session.groupThemes[0].makingItReal == ["support"])
        #expect(session.statements.filter { $0.groupThemeId == session.groupThemes[0].id }.count == 2)
        #expect(session.groupThemes[0].causes.map(\.text) == ["Nobody asks us"])
        #expect(session.tipReview("discrimination").notes.map(\.text) == ["No easy read"])
        #expect(session.actions.first?.intention == "continue")
        #expect(session.actions.first?.link == Link(kind: .groupTheme, id: session.groupThemes[0].id))
        #expect(session.notes(in: NoteSlot(.wrapUp, .divergent)).map(\.text) == ["Views differ on day centres"])
        #expect(session.timers["theming"]?.runningSince != nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: tmux.folder.appendingPathComponent("sessions").path)
        #expect(files.filter { $0.hasSuffix("-easy-read.html") || $0.hasSuffix("-record.md") }.count == 2)
        #expect(tmux.waitForFile("stty")?.contains(" icanon") == true)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs a program with its output sent to a file and waits for it. Returns its exit status.
func spawnAndWait(_ path: String, _ args: [String], output: String, input: String = "/dev/null") -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = ([path] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    // The test runner's threads block some signals, and a spawned child inherits that mask: start the
    // child with none blocked and default handlers, as a terminal would.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGCHLD] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, &attributes, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status >> 8) & 0xFF

}
