import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherCore
@testable import TogetherContent
@testable import TogetherApp
@testable import TogetherPersistence

/// The `together` command run as a program, with no terminal: exit status, output and messages.
@Suite("Command line", .serialized)
struct CommandLineTests {
    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs the built program with stdin and stdout not a terminal; output and errors together.
    func together(_ args: [String], input: String = "/dev/null") throws -> Result {
        let folder = temporaryFolder()
        let out = folder.appendingPathComponent("out.txt")
        let status = spawnAndWait(EndToEndTests.binary.path, args, output: out.path, input: input)
        return Result(status: status, output: (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    static var built: Bool { EndToEndTests.required || FileManager.default.isExecutableFile(atPath: EndToEndTests.binary.path) }

    @Test("tally over the example sessions, in each format", .enabled(if: built))
    func tally() throws {
        let table = try together(["tally", "--no-cache"] + exampleSessions)
        #expect(table.status == 0)
        #expect(table.output.contains("Read 3 sessions; skipped 0."))
        #expect(table.output.contains("Commissioning themes, most important first"))
        let csv = try together(["tally", "--no-cache", "--format", "csv"] + exampleSessions)
        #expect(csv.output.contains("table,row_id,row_label,column_id,column_label,value,note,text"))
        let level = try together(["tally", "--no-cache", "--level", "operational"] + exampleSessions)
        #expect(level.output.contains("2 left out by the filters, 1 counted"))
        let badLevel = try together(["tally", "--no-cache", "--level", "national"] + exampleSessions)
        #expect(badLevel.status != 0)
        #expect(badLevel.output.contains("is not a level of commissioning"))
        // The files for working with: to standard output, with a word that they are not for publishing; never in --out.
        let actions = try together(["tally", "--no-cache", "--format", "actions-csv"] + exampleSessions)
        #expect(actions.status == 0)
        #expect(actions.output.contains("workshop,workshop_date,area,action,what,who,by_when"))
        #expect(actions.output.contains("Ask the bus company about a later bus"))
        #expect(actions.output.contains("it is for working with (a tracker, an analysis), not for publishing"))
        for binary in ["refi-qda", "xlsx"] {
            let file = temporaryFolder().appendingPathComponent("out.bin")
            let status = spawnAndWait(EndToEndTests.binary.path, ["tally", "--no-cache", "--format", binary] + exampleSessions,
                                      output: file.path)
            let bytes = [UInt8](try Data(contentsOf: file))
            #expect(status == 0, "\(binary)")
            // A ZIP file (both formats are ZIP archives), after the summary on standard error.
            #expect(bytes.count > 1000 && (0..<(bytes.count - 4)).contains { bytes[$0..<($0 + 4)] == [0x50, 0x4B, 0x03, 0x04] },
                    "\(binary)")
        }
        let outFolder = temporaryFolder().appendingPathComponent("out").path
        let notInOut = try together(["tally", "--no-cache", "--format", "refi-qda", "--out", outFolder] + exampleSessions)
        #expect(notInOut.status != 0 && notInOut.output.contains("is a file for working with"))
        #expect(!FileManager.default.fileExists(atPath: outFolder))
        let cymraeg = try together(["tally", "--no-cache", "--lang", "cy"] + exampleSessions)
        #expect(cymraeg.status == 0 && cymraeg.output.contains("Themâu comisiynu, y pwysicaf yn gyntaf"))
        let noSuchLanguage = try together(["tally", "--no-cache", "--lang", "fr"] + exampleSessions)
        #expect(noSuchLanguage.status != 0 && noSuchLanguage.output.contains("There are no content packs for --lang fr"))
        let wrong = try together(["tally", "--format", "pdf"] + exampleSessions)
        #expect(wrong.status != 0)
        #expect(wrong.output.contains("--format must be one of table, markdown, csv, json, html, easy-read, xlsx, actions-csv, refi-qda"))
    }

    @Test("tally --out writes every format with its guides, owner-only, and never into a folder with files", .enabled(if: built))
    func tallyOut() throws {
        let out = temporaryFolder().appendingPathComponent("report")
        let result = try together(["tally", "--no-cache", "--out", out.path] + exampleSessions)
        #expect(result.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == (TallyFormat.allCases.map(\.fileName) + ["tally-csv-README.md", "tally-report.schema.json"]).sorted())
        for name in names {
            let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
        let before = try Data(contentsOf: out.appendingPathComponent("tally.csv"))
        let again = try together(["tally", "--no-cache", "--out", out.path] + exampleSessions)
        #expect(again.status != 0)
        #expect(again.output.contains("already has files in it"))
        #expect(try Data(contentsOf: out.appendingPathComponent("tally.csv")) == before)
    }

    @Test("demo-data writes the sessions asked for, which the tally reads, and refuses a folder with files", .enabled(if: built))
    func demoData() throws {
        let out = temporaryFolder().appendingPathComponent("demo")
        let made = try together(["demo-data", "--sessions", "25", "--out", out.path])
        #expect(made.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 25)
        let tally = try together(["tally", "--no-cache", "--format", "json", out.path])
        #expect(tally.status == 0)
        #expect(tally.output.contains("Read 25 sessions; skipped 0."))
        let again = try together(["demo-data", "--sessions", "5", "--out", out.path])
        #expect(again.status != 0)
        #expect(again.output.contains("already has files in it"))
    }

    @Test("together --version says which Together this is", .enabled(if: built))
    func version() throws {
        let result = try together(["--version"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "together \(TogetherVersion.number)")
    }

    @Test("shell completions offer the values of every option with a fixed set", .enabled(if: built))
    func completions() throws {
        let bash = try together(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        for value in ["high-contrast", "low-stimulus", "easy-read", "markdown", "operational", "strategic", "cy"] {
            #expect(bash.output.contains(value), "\(value)")
        }
    }

    @Test("a copied program finds its assets in ../share/together, from any folder; without them it says how to point at them",
          .enabled(if: built))
    func installedLayout() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin"), share = root.appendingPathComponent("share/together")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share.deletingLastPathComponent(), withIntermediateDirectories: true)
        let program = bin.appendingPathComponent("together")
        // Written with O_CLOEXEC: a program another test starts meanwhile must not keep the copy open for writing,
        // or running the copy fails ("text file busy", exit 126).
        let bytes = try Data(contentsOf: EndToEndTests.binary)
        let fd = open(program.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        try #require(fd >= 0)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        try #require(written == bytes.count)
        let out = root.appendingPathComponent("out.txt").path
        // Run from a folder with no assets in it, as an installed program is.
        func run() -> Int32 {
            spawnAndWait("/bin/sh", ["-c", "cd '\(root.path)' && exec bin/together tally '\(exampleSessions[0])'"], output: out)
        }
        // Without assets anywhere it can find them: the message says what to do.
        let missing = run()
        let said = try String(contentsOfFile: out, encoding: .utf8)
        #expect(missing != 0 && said.contains("TOGETHER_ASSETS"), "\(said)")
        // Installed beside it: found by itself.
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("assets"), to: share)
        #expect(run() == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Sessions counted: 1."))
    }

    @Test("tally names a bad file and skips it; --strict stops", .enabled(if: built))
    func tallyBadFile() throws {
        let folder = temporaryFolder()
        try Data("{".utf8).write(to: folder.appendingPathComponent("cut.json"))
        let good = URL(fileURLWithPath: exampleSessions[0])
        try FileManager.default.copyItem(at: good, to: folder.appendingPathComponent("good.json"))
        let result = try together(["tally", "--no-cache", folder.path])
        #expect(result.status == 3)
        #expect(result.output.contains("Skipped \(folder.path)/cut.json: is not valid JSON"))
        #expect(result.output.contains("Read 1 session; skipped 1."))
        let strict = try together(["tally", "--no-cache", "--strict", folder.path])
        #expect(strict.status == 1)
        #expect(!strict.output.contains("Statements by Making It Real theme"))
        #expect(try String(contentsOf: folder.appendingPathComponent("cut.json"), encoding: .utf8) == "{")
    }

    @Test("a broken content pack stops with the file and the field", .enabled(if: built))
    func brokenPack() throws {
        let folder = temporaryFolder()
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: assetsFolder.appendingPathComponent("content"), to: content)
        let tips = content.appendingPathComponent("en/top-tips.json")
        let text = try String(contentsOf: tips, encoding: .utf8).replacingOccurrences(of: "\"label\": \"Be brave\",", with: "")
        try text.write(to: tips, atomically: true, encoding: .utf8)
        let result = try together(["tally", "--no-cache", "--assets", folder.path, exampleSessions[0]])
        #expect(result.status == 1)
        #expect(result.output.contains("top-tips.json: tips[4].label is missing"))
    }

    @Test("with no terminal, the workshop runs line by line: a script on stdin makes a workshop", .enabled(if: built))
    func noTerminal() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("script.txt")
        try Data("1\nPiped workshop\n13\n\nAB\n\n]\n1\n3\nq\n".utf8).write(to: script)
        let sessions = folder.appendingPathComponent("sessions")
        let result = try together(["--sessions", sessions.path], input: script.path)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Together, line by line"))
        #expect(result.output.contains("[1] Title:       Piped workshop"))
        #expect(!result.output.contains("\u{1B}["), "no escape sequences")
        let files = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".json") }
        let session = try SessionCodec.read(sessions.appendingPathComponent(try #require(files.first)))
        #expect(session.setup.title == "Piped workshop")
        #expect(session.people.map { $0.label } == ["AB"])
        #expect(session.themeReview("wellbeing").rating == "poor")
        // With nothing on stdin it shows the start screen and stops, saving nothing.
        let empty = try together(["--sessions", folder.appendingPathComponent("none").path])
        #expect(empty.status == 0)
        #expect(empty.output.contains("[1] Start a new workshop"))
    }

    @Test("plain mode is chosen by itself when TERM is dumb or unset")
    func plainWhenDumb() {
        let terminal = (inputIsTerminal: true, outputIsTerminal: true)
        #expect(PlainRunner.isNeeded(environment: ["TERM": "dumb"], inputIsTerminal: terminal.0, outputIsTerminal: terminal.1))
        #expect(PlainRunner.isNeeded(environment: [:], inputIsTerminal: true, outputIsTerminal: true))
        #expect(!PlainRunner.isNeeded(environment: ["TERM": "xterm-256color"], inputIsTerminal: true, outputIsTerminal: true))
        #expect(PlainRunner.isNeeded(environment: ["TERM": "xterm"], inputIsTerminal: false, outputIsTerminal: true))
        #expect(PlainRunner.isNeeded(environment: ["TERM": "xterm"], inputIsTerminal: true, outputIsTerminal: false))
    }
}
