import Foundation
import Testing
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence
@testable import TogetherTerminal

/// The full Working Together for Change method, driven through the test terminal: keys in, the screen and
/// the saved session file checked.
@Suite("The method in depth")
struct MethodTests {
    typealias Harness = DrivenTests.Harness

    /// A harness on a new workshop with people AB and Cy, at setup.
    func started(_ people: [String] = ["AB", "Cy"]) -> Harness {
        let h = Harness()
        h.press([.enter])
        h.type("Spring review")
        h.press([.enter, .char("a")])
        for person in people { h.type(person); h.press([.enter]) }
        h.press([.escape])
        return h
    }

    /// Goes to a stage with the stage map, through the runner.
    func go(_ stage: StageKind, _ h: Harness) {
        h.press(stageMapKeys(to: stage, in: h.runner.state.session!) ?? [])
    }

    @Test("a plan chosen at setup decides the stages; the stage map jumps anywhere")
    func plansAndMap() throws {
        let h = started()
        h.press([.up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up])
        h.press([.down, .down, .down, .down, .enter, .char("3")]) // Plan: the list, and its third, Making It Real only
        #expect(try h.savedSession().setup.plan == "makingItRealOnly")
        #expect(h.terminal.screen.contains("Plan:        Making It Real only"))
        h.press([.char("g")])
        #expect(h.terminal.screen.contains("Go to a stage"))
        #expect(h.terminal.screen.contains("3. What we will do"))
        #expect(!h.terminal.screen.contains("Working Together for Change"))
        h.press([.char("3")])
        #expect(try h.savedSession().position.stage == .actions)
        h.press([.char("]"), .char("]"), .char("]")])
        #expect(try h.savedSession().position.stage == .finish)
        #expect(h.terminal.screen.contains("Stage 5 of 5"))
    }

    @Test("theming: mark several, put them into a new I-statement theme, link it to Making It Real")
    func theming() throws {
        let h = started()
        go(.workingTogether, h)
        h.press([.char("a")]); h.type("My own flat"); h.press([.enter]); h.type("My front door"); h.press([.enter, .escape])
        h.press([.char("n"), .char("a")]); h.type("Living with friends"); h.press([.enter, .escape])
        go(.theming, h)
        #expect(h.terminal.screen.contains("[ ] My own flat"))
        h.press([.char(" "), .down, .down, .char(" ")])
        #expect(h.terminal.screen.contains("[x] My own flat"))
        h.press([.char("i")])
        h.type("home of my own")
        h.press([.enter])
        #expect(h.terminal.screen.contains("starting with I"))
        #expect(try h.savedSession().groupThemes.isEmpty)
        h.press([.home]); h.type("I want a "); h.press([.enter])
        var saved = try h.savedSession()
        #expect(saved.groupThemes.map(\.statement) == ["I want a home of my own"])
        let theme = saved.groupThemes[0].id
        let grouped = saved.statements.filter { $0.groupThemeId == theme }.map(\.text).sorted()
        #expect(grouped == ["Living with friends", "My own flat"])
        #expect(h.terminal.screen.contains("in theme: I want a home of my own"))
        // The one left goes into the same theme by choosing it from the list.
        h.press([.up, .char("i")])
        #expect(h.terminal.screen.contains("Put into a theme"))
        #expect(h.terminal.screen.contains("> 2. A new theme"), "the list opens on a new theme")
        h.press([.char("1")])
        saved = try h.savedSession()
        #expect(saved.statements.allSatisfy { $0.groupThemeId == theme })
        // The list of themes: link to Making It Real themes 4 and 5, then unlink 5.
        h.press([.tab, .tab, .tab, .down, .char("4"), .char("5"), .char("5")])
        #expect(try h.savedSession().groupThemes[0].makingItReal == ["support"])
        #expect(h.terminal.screen.contains("Making It Real: My support my own way"))
    }

    @Test("a suggested Making It Real theme is accepted or ignored, and the file records which")
    func suggestions() throws {
        let h = started(["AB"])
        go(.workingTogether, h)
        h.press([.char("a")]); h.type("I feel lonely at weekends"); h.press([.enter]); h.type("Swimming on Fridays")
        h.press([.enter, .escape])
        h.press([.up])
        #expect(h.terminal.screen.contains("Suggested theme: Keeping family and friends and connections"))
        h.press([.char("y")])
        h.press([.down])
        #expect(h.terminal.screen.contains("Suggested theme: Keeping safe and well (it says \"swim\")"))
        h.press([.char("x")])
        let saved = try h.savedSession().statements
        #expect(saved[0].themeId == "communities")
        #expect(saved[0].suggestion == SuggestionRecord(themeId: "communities", word: "lonel", decision: .accepted))
        #expect(saved[1].themeId == nil)
        #expect(saved[1].suggestion?.decision == .ignored)
        #expect(!h.terminal.screen.contains("Suggested theme"))
    }

    @Test("dots: each person's up to the setting, or a group count; the list stays put until sorted with o")
    func dots() throws {
        var state = workshopWithPeople(["AB", "Cy"])
        state.session?.setup.votesPerPerson = 2
        state.session?.groupThemes = [GroupTheme(id: "th1", statement: "I want a job", createdAt: fixedNow),
                                     GroupTheme(id: "th2", statement: "I want to see friends", createdAt: fixedNow)]
        let h = Harness(state: state)
        go(.priorities, h)
        #expect(h.terminal.screen.contains("1. I want a job: 0 dots"))
        h.press([.down, .char("p"), .char("+"), .char("+"), .char("+")]) // AB: two dots, the third refused
        #expect(h.terminal.screen.contains("AB has used all 2 dots"))
        // The list does not move under the cursor: friends is still second, with its dots.
        #expect(h.terminal.screen.contains("2. I want to see friends: 2 dots"))
        h.press([.char("p"), .char("+"), .up, .char("p"), .char("+"), .char("+"), .char("+")]) // Cy 1; group 3
        let saved = try h.savedSession()
        let job = saved.groupThemes.first { $0.id == "th1" }!
        let friends = saved.groupThemes.first { $0.id == "th2" }!
        #expect(friends.dots == ["p1": 2, "p2": 1])
        #expect(job.groupDots == 3)
        #expect(saved.rankedThemes().map(\.id) == ["th1", "th2"]) // equal dots: the older theme first
        #expect(h.terminal.screen.contains("I want a job: 3 dots"))
        #expect(h.terminal.screen.contains("I want to see friends: 3 dots"))
        // Equal at the top two of a plan that looks at one theme in depth... the plan here looks at 3: no tie shown.
        #expect(!h.terminal.screen.contains("A tie for the top"))
        h.press([.char("-"), .char("-"), .char("-"), .char("-")])
        #expect(h.terminal.screen.contains("The group count for this theme is 0 already"))
    }

    @Test("why, again and again, and what good looks like, for each top theme")
    func understand() throws {
        var state = workshopWithPeople(["AB"])
        state.session?.groupThemes = [GroupTheme(id: "th1", statement: "I want a job", createdAt: fixedNow)]
        state.session?.groupThemes[0].groupDots = 4
        let h = Harness(state: state)
        go(.understand, h)
        #expect(h.terminal.screen.contains("I want a job (4 dots)"))
        h.press([.char("a")]); h.type("No one asks what I can do"); h.press([.enter])
        h.type("The forms only ask what I cannot do"); h.press([.enter, .escape])
        h.press([.down, .char("a")]); h.type("A paid job two days a week"); h.press([.enter, .escape])
        let theme = try h.savedSession().groupThemes[0]
        #expect(theme.causes.map(\.text) == ["No one asks what I can do", "The forms only ask what I cannot do"])
        #expect(theme.success.map(\.text) == ["A paid job two days a week"])
        #expect(h.terminal.screen.contains("Why 2: The forms only ask what I cannot do"))
    }

    @Test("an action: what, who, by when in one go; linked and given a commissioning intention")
    func actions() throws {
        let h = started(["AB"])
        go(.actions, h)
        h.press([.char("a")]); h.type("Easy read letters"); h.press([.enter])
        #expect(h.terminal.screen.contains("Typing: who will do it"))
        h.type("Council comms team"); h.press([.enter]); h.type("June 2027"); h.press([.enter])
        h.press([.down, .down, .down, .enter])            // linked to: the list, on "nothing yet"
        #expect(h.terminal.screen.contains("What does this action answer?"))
        h.press([.down, .enter])                          // the first choice after none
        h.press([.down, .enter, .char("5")])              // intention: the list, the fourth after "not chosen"
        let action = try h.savedSession().actions[0]
        #expect(action.what == "Easy read letters")
        #expect(action.who == "Council comms team")
        #expect(action.byWhen == "June 2027")
        #expect(action.link == Link(kind: .makingItReal, id: "wellbeing"))
        #expect(action.intention == "reconfigure")
        #expect(h.terminal.screen.contains("Intention: Change how it works (reconfigure)"))
        // It shows on the screen of what it is linked to.
        go(.makingItReal, h)
        #expect(h.terminal.screen.contains("- Easy read letters · Council comms team · by June 2027"))
    }

    @Test("Making It Real and top tips in depth: examples, what gets in the way, what should happen, actions")
    func inDepth() throws {
        let h = started(["AB"])
        go(.makingItReal, h)
        h.press([.char("1"), .down, .down, .char("a")]); h.type("The bus stops at six"); h.press([.enter, .escape])
        h.press([.down, .char("a")]); h.type("A later bus"); h.press([.enter, .escape])
        h.press([.down, .char("a")]); h.type("Ask the bus company"); h.press([.enter])
        h.press([.escape]) // who: skipped later
        go(.topTips, h)
        h.press([.char("2"), .down, .down, .char("a")]); h.type("No easy read"); h.press([.enter, .escape])
        let saved = try h.savedSession()
        let review = saved.themeReview("wellbeing")
        #expect(review.rating == "good")
        #expect(review.barriers.map(\.text) == ["The bus stops at six"])
        #expect(review.shouldHappen.map(\.text) == ["A later bus"])
        #expect(saved.actions.map(\.what) == ["Ask the bus company"])
        #expect(saved.actions[0].link == Link(kind: .makingItReal, id: "wellbeing"))
        #expect(saved.tipReview("discrimination").barriers.map(\.text) == ["No easy read"])
    }

    @Test("wrap-up: where people did not agree, who we have not heard from, next, what we will tell people")
    func wrapUp() throws {
        let h = started(["AB"])
        go(.wrapUp, h)
        let sections = ["divergent", "notHeard", "next", "tellBack", "other"]
        for (i, section) in sections.enumerated() {
            if i > 0 { h.press([.down]) }
            h.press([.char("a")]); h.type("Note for \(section)"); h.press([.enter, .escape])
        }
        let saved = try h.savedSession()
        for section in sections {
            #expect(saved.notes(in: NoteSlot(.wrapUp, NoteSection(rawValue: section))).map(\.text) == ["Note for \(section)"])
        }
        #expect(saved.wrapUp.map(\.text) == ["Note for other"])
        #expect(h.terminal.screen.contains("Who we have not heard from (1)"))
    }

    @Test("the timer starts, pauses, gets more time and hides, and never moves the workshop on")
    func timer() throws {
        let clock = Clock()
        let env = Environment(now: { clock.now }, newSessionID: { "timer-session" })
        var state = workshopWithPeople(["AB"])
        Workshop.apply(&state, .nextStage, content: content, env: env)
        let terminal = TestTerminal(size: Size(width: 80, height: 24))
        let folder = temporaryFolder()
        let runner = WorkshopRunner(state: state, content: content, store: SessionStore(folder: folder),
                                    terminal: terminal, env: env)
        runner.handle(.key(.char("T")))
        #expect(terminal.screen.contains("timer: 60 min left"))
        let presents = terminal.frames.count
        clock.now += 30
        runner.tick()
        #expect(terminal.frames.count == presents) // the same minute: nothing is drawn again
        clock.now += 60 * 61
        runner.tick()
        #expect(terminal.frames.count == presents + 1)
        #expect(terminal.screen.contains("timer: 2 min over"))
        #expect(runner.state.session?.position.stage == .makingItReal) // still here: time never moves it on
        runner.handle(.key(.char("X")))
        #expect(terminal.screen.contains("timer: 4 min left"))
        runner.handle(.key(.char("T")))
        #expect(terminal.screen.contains("timer paused, 4 min left"))
        clock.now += 600
        runner.tick()
        #expect(terminal.screen.contains("timer paused, 4 min left"))
        runner.handle(.key(.char("H")))
        #expect(!terminal.screen.contains("timer"))
        // Undo leaves the timer alone: it is not the group's words.
        runner.handle(.key(.char("u")))
        #expect(runner.state.session?.timers["makingItReal"]?.hidden == true)
    }

    final class Clock: @unchecked Sendable {
        var now = fixedNow
    }

    @Test("search finds statements and goes to them; hidden ones are not searched")
    func search() throws {
        let h = started()
        go(.workingTogether, h)
        h.press([.char("a")]); h.type("The café is closed"); h.press([.enter, .escape])
        h.press([.char("n"), .char("a")]); h.type("I want a CAFE job"); h.press([.enter, .escape])
        h.press([.char("b"), .char("/")])
        h.type("cafe")
        #expect(h.terminal.screen.contains("2 found"))
        #expect(h.terminal.screen.contains("Cy · Working: I want a CAFE job"))
        h.press([.down, .enter])
        let saved = try h.savedSession()
        #expect(saved.position.item == 1)
        #expect(saved.focusedRow(content) == .statement(id: saved.statements[1].id))
    }

    @Test("capture now, reveal later: statements stay hidden on screen until R")
    func revealLater() throws {
        let h = started(["AB"])
        h.press([.up, .up, .enter]) // Show: hide until revealed
        #expect(try h.savedSession().setup.revealLater)
        go(.workingTogether, h)
        h.press([.char("a")]); h.type("Staff are rude to me"); h.press([.enter, .escape])
        #expect(h.terminal.screen.contains("(hidden until revealed: press R)"))
        #expect(!h.terminal.screen.contains("Staff are rude"))
        h.press([.char("/")]); h.type("rude")
        #expect(h.terminal.screen.contains("0 found"))
        #expect(!h.terminal.screen.contains("Staff are rude"))
        h.press([.escape, .char("R")])
        #expect(h.terminal.screen.contains("Staff are rude to me"))
        #expect(try h.savedSession().statements[0].hidden == false)
    }

    @Test("reveal later: V shows the focused hidden statement's words on this screen only, to check them, until the next key; the room's display and the file keep them hidden")
    func peekAtHidden() throws {
        let h = started(["AB"])
        h.press([.up, .up, .enter]) // Show: hide until revealed
        go(.workingTogether, h)
        h.press([.char("a")]); h.type("Staf are rude to me"); h.press([.enter]); h.type("I like my flat"); h.press([.enter, .escape])
        h.press([.up])
        #expect(!h.terminal.screen.contains("Staf are rude"))
        h.press([.char("V")])
        #expect(h.terminal.screen.contains("Staf are rude to me  (only on this screen)"))
        #expect(!h.terminal.screen.contains("I like my flat"), "only the focused one")
        #expect(h.terminal.screen.contains("The room's screen does not."))
        // The room's display, drawn from the saved file, still hides it.
        let saved = try h.savedSession()
        #expect(saved.statements.allSatisfy { $0.hidden })
        let wall = Display.frame(saved, content, view: ViewOptions(), source: .init(name: "f"), size: Size(width: 120, height: 40))
        #expect(!wall.grid.text.contains("Staf"))
        // Fix the typo while it shows; the next key hides the words again.
        h.press([.char("e")])
        #expect(h.terminal.screen.contains("Staf are rude to me"), "the typing box has the words to change")
        h.press([.ctrl("u")]); h.type("Staff are rude to me"); h.press([.enter])
        let fixed = try h.savedSession()
        #expect(fixed.statements.contains { $0.text == "Staff are rude to me" && $0.hidden })
        #expect(!h.terminal.screen.contains("Staff are rude"))
        h.press([.char("V"), .down])
        #expect(!h.terminal.screen.contains("Staff are rude"), "moving hides it again")
        h.press([.char("V")])
        #expect(h.terminal.screen.contains("I like my flat  (only on this screen)"))
        h.press([.char("R")])
        #expect(h.terminal.screen.contains("Staff are rude to me"))
        h.press([.char("V")])
        #expect(h.terminal.screen.contains("Move to a hidden statement first."))
    }

    @Test("anonymous or named with consent; each person's consent to be quoted")
    func consent() throws {
        let h = started(["AB", "Cy"])
        h.press([.char("o")]) // on Cy, the last one added
        #expect(h.terminal.screen.contains("Cy · Person with lived experience · may be quoted"))
        var saved = try h.savedSession()
        #expect(saved.people.map(\.consentToQuote) == [false, true])
        #expect(saved.setup.anonymous)
        h.press([.up, .up, .up, .up, .enter])
        saved = try h.savedSession()
        #expect(saved.setup.anonymous == false)
        #expect(h.terminal.screen.contains("Named, with everyone's consent"))
    }

    @Test("w on the finish screen writes the four handouts next to the session, never over old ones")
    func handoutsFromFinish() throws {
        let h = started(["AB"])
        go(.finish, h)
        h.press([.char("w")])
        #expect(h.terminal.screen.contains("Handouts written"))
        h.press([.down, .enter])
        let files = try FileManager.default.contentsOfDirectory(atPath: h.folder.path).filter { !$0.hasSuffix(".json") && !$0.hasPrefix(".") }
        #expect(files.count == 8)
        #expect(files.contains { $0.hasSuffix("-2-easy-read.html") })
        for file in files { #expect(try mode(of: h.folder.appendingPathComponent(file)) == 0o600) }
    }
}

extension MethodTests {
    @Test("a tie at the cut-off for the themes looked at in depth is shown, with what to do")
    func tieAtCutOff() throws {
        var state = workshopWithPeople(["AB"])
        let top = content.plan(state.session!.setup.plan).topThemes
        state.session?.groupThemes = (0...top).map { i in
            var theme = GroupTheme(id: "th\(i)", statement: "I want thing \(i)", createdAt: fixedNow)
            theme.groupDots = i >= top - 1 ? 2 : 5 // the last place and the one after it: 2 dots each
            return theme
        }
        TogetherTests.go(.priorities, &state)
        let text = Render.frame(state, content, size: Size(width: 120, height: 40)).grid.text
        #expect(text.contains("A tie for the top \(top): I want thing \(top - 1); I want thing \(top). Each has 2 dots."), "\(text)")
        // One more dot settles it, and the line goes.
        focus(on: .groupTheme(id: "th\(top)"), &state)
        act([.dot(1)], &state)
        #expect(!Render.frame(state, content, size: Size(width: 120, height: 40)).grid.text.contains("A tie for the top"))
        #expect(state.session?.topThemes(content).last?.id == "th\(top)")
    }
}
