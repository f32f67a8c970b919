import Foundation
import Testing
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// The real program in tmux, attacked: killed while keys arrive, fed bytes that are not text, a long paste,
/// the keys that used to freeze it, and a second window on the same workshop.
@Suite("End to end: attacks", .serialized)
struct EndToEndAttackTests {
    typealias Tmux = EndToEndTests.Tmux
    static var ready: Bool { EndToEndTests.ready }

    /// A session file waiting in the title box, so every key typed goes into its draft.
    static func sessionFile(in tmux: Tmux, title: String = "", statements: Int = 0) throws -> URL {
        var session = Session(id: "kill-test-\(UUID().uuidString.prefix(6))", now: Date(),
                              setup: Setup(title: "", date: "2026-11-30", area: "", groupType: "", statementsPerPerson: 3))
        session.draft = Draft(target: .setupTitle, text: title)
        // A big workshop, where saving the whole file takes longest.
        for i in 0..<(statements + 2) / 3 {
            session.people.append(Person(id: "p\(i)", label: "P\(i)", role: "person"))
        }
        for i in 0..<statements {
            session.statements.append(Statement(id: "s\(i)", personId: "p\(i / 3)", category: "working", rank: i % 3 + 1,
                                                text: "Statement number \(i), in the words people use", createdAt: Date()))
        }
        let folder = tmux.folder.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("workshop.json")
        try AtomicFile.write(SessionCodec.encode(session), to: url)
        return url
    }

    func pid(_ tmux: Tmux) throws -> String {
        try tmux.run(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("kill -9 at random moments while keys arrive (1,000 statements): every key sent 100 ms before the kill is in the file",
          .enabled(if: ready))
    func killLoop() throws {
        let rounds = Int(ProcessInfo.processInfo.environment["E2E_KILLS"] ?? "") ?? 100
        let tmux = Tmux()
        defer { tmux.stop() }
        let url = try Self.sessionFile(in: tmux, statements: 1_000)
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzŵâ")
        var lost = 0, checked = 0
        for round in 0..<rounds {
            // Read as Together reads it when it opens again (the words being typed are kept beside the file).
            let before = try SessionStore(folder: url.deletingLastPathComponent()).open(url).draft?.text ?? ""
            let command = "cd '\(packageRoot.path)' && exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(EndToEndTests.binary.path)' '\(url.path)'"
            if round == 0 {
                try tmux.run(["new-session", "-d", "-x", "80", "-y", "24", command])
                try tmux.run(["set-option", "-t", "0", "remain-on-exit", "on"]) // the pane stays for the next start
            } else {
                try tmux.run(["respawn-pane", "-k", "-t", "0", command])
            }
            try tmux.waitFor("Typing", seconds: 20)
            var sent: [(Character, Date)] = []
            let count = Int.random(in: 3...25, using: &rng)
            for _ in 0..<count {
                let c = alphabet.randomElement(using: &rng)!
                try tmux.text(String(c))
                sent.append((c, Date()))
                Thread.sleep(forTimeInterval: 0.02) // about 50 keys a second with the send itself
            }
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.15, using: &rng))
            let killedAt = Date()
            let pane = try pid(tmux)
            _ = spawnAndWait("/bin/kill", ["-9", pane], output: "/dev/null")
            Thread.sleep(forTimeInterval: 0.05)
            let after = try SessionStore(folder: url.deletingLastPathComponent()).open(url).draft?.text ?? ""
            let due = before + String(sent.filter { killedAt.timeIntervalSince($0.1) > 0.1 }.map(\.0))
            let all = before + String(sent.map(\.0))
            checked += 1
            if !after.hasPrefix(due) { lost += 1 }
            #expect(after.hasPrefix(due), "round \(round): expected at least \(due.debugDescription), found \(after.debugDescription)")
            #expect(all.hasPrefix(after), "round \(round): the file holds something never typed: \(after.debugDescription)")
        }
        print("kill -9 rounds: \(checked), with a key sent over 100 ms before the kill missing: \(lost)")
    }

    @Test("bytes that are not UTF-8 become U+FFFD and what follows is kept; control bytes are dropped",
          .enabled(if: ready))
    func rawBytes() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        let url = try Self.sessionFile(in: tmux)
        try tmux.start("'\(url.path)'")
        try tmux.waitFor("Typing")
        // "naïve" typed on a terminal set to Latin-1 (ï is 0xEF), then NUL and a C1 byte, then more words.
        try tmux.run(["send-keys", "-t", "0", "-H", "6e", "61", "ef", "76", "65", "00", "20", "6f", "6b"])
        try tmux.waitFor("na\u{FFFD}ve ok")
        try tmux.keys("C-c")
        #expect(tmux.waitForFile("exit")?.contains("exit=0") == true)
        #expect(try SessionCodec.read(url).draft?.text == "na\u{FFFD}ve ok")
    }

    @Test("a 10,000-character paste is read as words in one go, quickly; pasted letters are never commands",
          .enabled(if: ready))
    func longPaste() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        let url = try Self.sessionFile(in: tmux)
        try tmux.start("'\(url.path)'", width: 100, height: 30)
        try tmux.waitFor("Typing")
        let words = String(repeating: "the bus stops at six ", count: 476).prefix(10_000)
        try tmux.run(["set-buffer", "-b", "p", String(words) + "\nand a second line"])
        let start = Date()
        try tmux.run(["paste-buffer", "-p", "-b", "p", "-t", "0"])
        var text = ""
        while Date().timeIntervalSince(start) < 30 {
            text = (try? SessionCodec.read(url).draft?.text) ?? ""
            if text.hasSuffix("a second line") { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let seconds = Date().timeIntervalSince(start)
        print("10,000-character paste on disk after \(String(format: "%.2f", seconds)) s")
        #expect(text == String(words) + " and a second line", "the line break became a space; nothing was lost")
        #expect(seconds < 10)
        // Pasted outside a typing box, letters do nothing (u would undo, d would delete, q would quit).
        try tmux.keys("Escape")
        Thread.sleep(forTimeInterval: 0.3)
        let before = try Data(contentsOf: url)
        let screen = try tmux.screen()
        try tmux.run(["set-buffer", "-b", "q", "uudq"])
        try tmux.run(["paste-buffer", "-p", "-b", "q", "-t", "0"])
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try Data(contentsOf: url) == before)
        #expect(try tmux.screen() == screen, "still open, nothing changed")
    }

    @Test("Ctrl-S does not freeze Together, and Ctrl-\\ saves and leaves the terminal as it was", .enabled(if: ready))
    func freezeKeys() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        let url = try Self.sessionFile(in: tmux)
        try tmux.start("'\(url.path)'")
        try tmux.waitFor("Typing")
        try tmux.keys("C-s")
        try tmux.text("still here")
        try tmux.waitFor("still here", seconds: 5)
        try tmux.keys("C-\\")
        #expect(tmux.waitForFile("exit")?.contains("exit=0") == true)
        let stty = try #require(tmux.waitForFile("stty"))
        #expect(stty.contains(" icanon") && stty.contains(" echo") && stty.contains(" ixon"))
        #expect(!(try tmux.screen()).contains("crashed"))
        #expect(try SessionCodec.read(url).draft?.text == "still here")
    }

    @Test("two windows on one workshop: the second shows it read-only and says so; nothing is overwritten",
          .enabled(if: ready))
    func twoWindows() throws {
        let first = Tmux()
        defer { first.stop() }
        let url = try Self.sessionFile(in: first)
        try first.start("'\(url.path)'")
        try first.waitFor("Typing")
        let second = Tmux()
        defer { second.stop() }
        try second.start("'\(url.path)'")
        try second.waitFor("open in another window")
        try second.text("from the second")
        try first.text("from the first")
        try first.waitFor("from the first")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try SessionCodec.read(url).draft?.text == "from the first")
        try second.keys("q")
        try first.keys("C-c")
        #expect(first.waitForFile("exit")?.contains("exit=0") == true)
        #expect(try SessionCodec.read(url).draft?.text == "from the first")
    }
}

extension EndToEndAttackTests {
    /// A tiny file system of its own, where the machine lets us make one (root, Linux); nil elsewhere.
    static func tinyDisk(at folder: URL) -> Bool {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return spawnAndWait("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", folder.path], output: "/dev/null") == 0
    }

    @Test("a full disk: the words stay on screen, q asks, c leaves a copy at home; what it says on leaving is true",
          .enabled(if: ready))
    func fullDisk() throws {
        let tmux = Tmux()
        defer { tmux.stop() }
        let sessions = tmux.folder.appendingPathComponent("sessions")
        guard Self.tinyDisk(at: sessions) else {
            print("full disk: this machine does not let the tests make a small file system; the injected failure in DrivenTests covers it")
            return
        }
        defer { _ = spawnAndWait("/bin/umount", ["-l", sessions.path], output: "/dev/null") }
        let home = tmux.folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let command = "cd '\(packageRoot.path)' && env HOME='\(home.path)' LANG=C.UTF-8 LC_ALL=C.UTF-8 "
            + "'\(EndToEndTests.binary.path)' --sessions '\(sessions.path)'; echo \"exit=$?\" > '\(tmux.folder.path)/exit'; sleep 60"
        try tmux.run(["new-session", "-d", "-x", "100", "-y", "30", command])
        try tmux.waitFor("Start a new workshop")
        try tmux.keys("Enter")
        try tmux.text("Full disk day")
        try tmux.keys("Enter", "a")
        try tmux.text("AB")
        try tmux.keys("Enter", "Escape")
        try tmux.waitFor("AB · Person with lived experience")
        // Fill what is left of the disk, then add someone: the save cannot be written.
        _ = spawnAndWait("/bin/dd", ["if=/dev/zero", "of=\(sessions.path)/filler", "bs=4k"], output: "/dev/null")
        try tmux.keys("a")
        try tmux.text("CD")
        try tmux.keys("Enter", "Escape")
        try tmux.waitFor("Could not save")
        try tmux.waitFor("CD · Person with lived experience") // the words stay on screen
        try tmux.keys("q")
        try tmux.waitFor("Saving is not working")
        try tmux.keys("Escape")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!FileManager.default.fileExists(atPath: tmux.folder.appendingPathComponent("exit").path), "Esc stays")
        try tmux.keys("q")
        try tmux.waitFor("Saving is not working")
        try tmux.keys("c")
        let exit = tmux.waitForFile("exit") ?? ""
        let screen = try tmux.screen()
        let rescue = home.appendingPathComponent("together-rescue")
        let copies = ((try? FileManager.default.contentsOfDirectory(atPath: rescue.path)) ?? []).filter { $0.hasSuffix(".json") }
        try #require(copies.count == 1, "c writes a copy in the home folder")
        let copy = try SessionCodec.read(rescue.appendingPathComponent(copies[0]))
        #expect(copy.setup.title == "Full disk day")
        #expect(copy.people.map(\.label) == ["AB", "CD"])
        // What it says on leaving is true: "Saved" only if the file really holds the last words.
        print("full disk: on leaving it said \(screen.contains("Saved:") ? "Saved (the disk had room again)" : "Not saved, with the copy")")
        if screen.contains("Saved:") {
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions.path).first { $0.hasSuffix(".json") })
            #expect(try SessionCodec.read(sessions.appendingPathComponent(file)).people.count == 2)
            #expect(exit.contains("exit=0"))
        } else {
            #expect(screen.contains("Not saved to") && screen.contains("together-rescue"))
            #expect(exit.contains("exit=4"))
        }
    }
}
