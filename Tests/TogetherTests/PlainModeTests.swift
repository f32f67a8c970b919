import Foundation
import Testing
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

@Suite("Plain mode")
struct PlainModeTests {
    /// Runs plain mode over lines of input; returns what it printed and the session it saved.
    static func run(_ lines: [String], folder: URL) -> (output: String, runner: PlainRunner) {
        var input = lines[...]
        var output: [String] = []
        let runner = PlainRunner(state: AppState(), content: content, store: SessionStore(folder: folder), env: testEnv,
                                 readLine: { input.popFirst() }, write: { output.append($0) })
        _ = runner.run()
        let text = output.joined(separator: "\n").replacingOccurrences(of: folder.path, with: "<sessions>") + "\n"
        return (text, runner)
    }

    @Test("a complete workshop from a script on stdin, line by line, matches its golden file")
    func completeWorkshop() throws {
        let script = try String(contentsOf: packageRoot.appendingPathComponent("Tests/TogetherTests/Fixtures/plain-workshop.txt"),
                                encoding: .utf8)
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (output, runner) = Self.run(script.components(separatedBy: "\n"), folder: folder)
        assertGolden(output, named: "plain-workshop")
        // No drawing: no escape sequences, no cursor addressing.
        #expect(!output.contains("\u{1B}"))

        let saved = try SessionCodec.read(try #require(runner.engine.sessionURL))
        #expect(saved == runner.state.session)
        #expect(saved.setup.title == "Spring review" && saved.setup.area == "Bristol")
        #expect(saved.people.map(\.label) == ["AB", "Siân", "Ŵyn", "Cy"])
        #expect(saved.people[0].role == "familyCarer" && saved.people[0].consentToQuote)
        #expect(saved.themeReview("wellbeing").rating == "mixed")
        #expect(saved.statements.map(\.text) == ["My own flat", "I go to college on Tuesdays",
                                                 "Letters are too hard to read", "Café job",
                                                 "I would like to live by the sea"])
        #expect(saved.groupThemes.map(\.statement) == ["I want a home of my own", "I want letters I can read",
                                                       "I want to be near the sea"])
        #expect(saved.groupThemes.map(\.totalDots) == [3, 1, 0])
        #expect(saved.actions.first?.who == "Council communications team")
        #expect(saved.actions.first?.intention != nil)
        #expect(saved.status == .finished)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.filter { $0.hasSuffix("-easy-read.md") || $0.hasSuffix("-record.html") }.count == 2)
    }

    @Test("line numbers stay put: a heading keeps its number when lines are added above it, and 2.1 chooses a line under heading 2")
    func stableNumbers() {
        var state = ScreenTests.sample(at: .workingTogether)
        let before = PlainMode.screen(state, content).list
        let heading = before.first { $0.contains("Needs to change") }!
        act([.add], &state)
        press(typing("Another thing that works") + [.enter, .escape], &state)
        let after = PlainMode.screen(state, content).list
        // Every line that was there is there with the same number; only the new line is new.
        #expect(Set(before).subtracting(after).allSatisfy { $0.contains("Working (") }, "\(Set(before).subtracting(after))")
        #expect(after.contains(heading))
        #expect(after.contains { $0.contains("] ") && $0.contains("Another thing that works") && $0.contains("[1.") })
        var mode = PlainMode()
        let label = heading.split(separator: "]").first!.dropFirst()
        let reply = mode.interpret("\(label).1", state, content)
        var moved = state
        for action in reply.actions { _ = Workshop.apply(&moved, action, content: content, env: testEnv) }
        #expect(PlainMode.screen(moved, content).focusLine?.hasPrefix("[\(label).1]") == true)
        #expect(mode.interpret("9.9", state, content).message?.contains("There is no line 9.9") == true)
    }

    @Test("what a line means: numbers choose, an empty line is Enter, keys by name, and clear words for mistakes")
    func lines() {
        var mode = PlainMode()
        var state = ScreenTests.sample(at: .setup)
        #expect(mode.interpret("3", state, content).actions == [.focusDown, .focusDown])
        #expect(mode.interpret("", state, content).actions == [.activate])
        #expect(mode.interpret("] n", state, content).steps == [.key(.char("]")), .key(.char("n"))])
        #expect(mode.interpret("key 2", ScreenTests.sample(at: .makingItReal), content).steps == [.key(.char("2"))])
        #expect(PlainMode.resolve(.char("2"), ScreenTests.sample(at: .makingItReal), content).action == .rate(2))
        #expect(mode.interpret("99", state, content).message?.contains("There is no line 99") == true)
        #expect(mode.interpret("hello", state, content).message?.contains("is not a key") == true)
        #expect(PlainMode.resolve(.char("?"), state, content).message?.contains("Keys for Getting ready") == true)
        // While typing, the line is the words, whatever they look like.
        press([.char("a")], &state)
        #expect(mode.interpret("2", state, content).actions == [.cursorEnd, .insert("2"), .commitEdit])
        #expect(mode.interpret("", state, content).actions == [.cancelEdit])
        // On a screen with a rating a number is the answer; "line 1" chooses the rating line, which asks.
        var rating = ScreenTests.sample(at: .topTips)
        #expect(mode.interpret("3", rating, content).actions == [.rate(3)])
        #expect(mode.interpret("9", rating, content).message?.contains("Type 1 to 4 for the answer") == true)
        let reply = mode.interpret("line 1", rating, content)
        #expect(reply.message?.hasPrefix("Which answer? 1 Doing well") == true)
        for action in reply.actions { Workshop.apply(&rating, action, content: content, env: testEnv) }
        #expect(mode.interpret("2", rating, content).actions == [.rate(2)])
    }

    @Test("Welsh letters typed with combining marks are kept as the same letters")
    func combiningMarks() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, runner) = Self.run(["1", "Gw\u{0302}yl", "13", "", "Sia\u{0302}n", "", "q"], folder: folder)
        let session = try #require(runner.state.session)
        #expect(session.setup.title == "Gŵyl")
        #expect(session.people.first?.label == "Siân")
        // Saved in one form (precomposed), whichever way the letters were typed.
        #expect(Array(session.setup.title.unicodeScalars) == Array("G\u{0175}yl".unicodeScalars))
        #expect(Array(session.people[0].label.unicodeScalars) == Array("Si\u{00E2}n".unicodeScalars))
    }
}

extension PlainModeTests {
    @Test("after a single answer, the box has closed and says so; an empty line then does not open it again")
    func afterTheTitle() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (output, runner) = Self.run(["1", "Spring review", "", "Bristol"], folder: folder)
        #expect(output.contains("Type the title, then Enter.\n") && !output.contains("Type the title, then Enter. An empty line"))
        #expect(output.contains("Done. Now a number chooses a line."))
        // "Bristol" is not taken as a new title: it is a key that does nothing here, and says so.
        #expect(runner.state.session?.setup.title == "Spring review")
        #expect(output.contains("Bristol"))
    }
}
