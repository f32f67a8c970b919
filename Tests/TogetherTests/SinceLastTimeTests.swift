import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// "Since last time": a later workshop follows up the actions of an earlier one.
@Suite("Since last time")
struct SinceLastTimeTests {
    /// An earlier workshop with the given actions, in an area, on a day.
    static func earlier(_ id: String, area: String, date: String, actions: [String]) -> Session {
        var session = Session(id: id, now: fixedNow, setup: Workshop.newSetup(content, testEnv))
        session.setup.title = "Workshop \(id)"
        session.setup.area = area
        session.setup.date = date
        session.actions = actions.enumerated().map { i, what in
            PlannedAction(id: "a\(i + 1)", what: what, who: "Team \(i + 1)", byWhen: "2026-12-01",
                          link: Link(kind: .makingItReal, id: "information"), intention: "improve", createdAt: fixedNow)
        }
        return session
    }

    /// A new workshop in Bristol on the plan that starts with "since last time", on that stage.
    static func laterWorkshop(earlier: [Session]) -> AppState {
        var state = workshopWithPeople(["AB"])
        state.earlier = earlier
        state.session?.setup.area = "Bristol"
        state.session?.setup.plan = "nextRound"
        go(.sinceLastTime, &state)
        return state
    }

    @Test("the list offers workshops with actions, this area first, newest first; Enter copies the chosen one's actions")
    func choosing() throws {
        let workshops = [
            Self.earlier("leeds", area: "Leeds", date: "2026-11-01", actions: ["Leeds action"]),
            Self.earlier("old", area: "Bristol", date: "2026-01-10", actions: ["Old action"]),
            Self.earlier("new", area: "bristol", date: "2026-06-10", actions: ["Easy read letters", "Bus times"]),
            Self.earlier("none", area: "Bristol", date: "2026-09-10", actions: []),
        ]
        var state = Self.laterWorkshop(earlier: workshops)
        #expect(state.session?.rows(content) == [.choice("")])
        press([.enter], &state)
        guard case .choose(let list) = state.overlay else {
            Issue.record("no list to choose from: \(String(describing: state.overlay))")
            return
        }
        // Same area (any case) first, newest first; a workshop with no actions is not offered.
        #expect(list.options.map(\.id) == ["new", "old", "leeds"])
        let frame = Render.frame(state, content, size: Size(width: 80, height: 24)).grid.text
        #expect(frame.contains("1. Workshop new · bristol · 2026-06-10"))
        press([.enter], &state)
        let followUp = try #require(state.session?.followUp)
        #expect(followUp.sessionId == "new" && followUp.date == "2026-06-10")
        #expect(followUp.items.map(\.what) == ["Easy read letters", "Bus times"])
        #expect(followUp.items[0].answers == "Making It Real: Information I need when I need it")
        #expect(followUp.items.allSatisfy { $0.outcome == nil })
        #expect(state.status?.text == "Looking at Workshop new: 2 actions.")
        #expect(state.session?.itemCount(.sinceLastTime, in: content) == 2)
    }

    @Test("1 to 4 and Enter say what became of each action; words go under what happened and how people feel")
    func recording() throws {
        var state = Self.laterWorkshop(earlier: [Self.earlier("e", area: "Bristol", date: "2026-06-10",
                                                             actions: ["Easy read letters", "Bus times"])])
        press([.enter, .enter], &state)
        press([.char("1")], &state)
        #expect(state.session?.followUp?.items[0].outcome == "done")
        #expect(state.status?.text == "Chosen: Done")
        // Enter on the answer steps on; a number outside the list says what to do.
        focus(on: .rating, &state)
        act([.activate], &state)
        #expect(state.session?.followUp?.items[0].outcome == "started")
        press([.char("9")], &state)
        #expect(state.session?.followUp?.items[0].outcome == "started")
        press([.char("a")] + typing("Letters now come in easy read") + [.enter, .escape], &state)
        press([.char("n"), .char("4"), .char("a")] + typing("Nobody did it") + [.enter, .escape], &state)
        let items = try #require(state.session?.followUp?.items)
        #expect(items.map(\.outcome) == ["started", "dropped"])
        #expect(items[0].happened.map(\.text) == ["Letters now come in easy read"])
        #expect(items[1].happened.map(\.text) == ["Nobody did it"])
        // How people feel: its own list, reached by its heading (by the keys, not by counting rows).
        focus(on: .notesHeader(NoteSlot(.followUp("a2"), .feeling)), &state)
        act([.add], &state)
        press(typing("Angry"), &state)
        act([.commitEdit, .cancelEdit], &state)
        #expect(state.session?.followUp?.items[1].feeling.map(\.text) == ["Angry"])
        // Undo takes back the last words; the file keeps everything and reads back the same.
        press([.char("u")], &state)
        #expect(state.session?.followUp?.items[1].feeling.isEmpty == true)
        let back = try SessionCodec.decode(SessionCodec.encode(state.session!), path: "f.json")
        #expect(back == state.session)
        // Once answers are saved the earlier workshop cannot be swapped for another.
        state.session?.position = Position(stage: .sinceLastTime, item: 0, focus: 0)
        press([.enter], &state)
        #expect(state.overlay == nil)
        #expect(state.status?.isProblem == true)
        #expect(state.session?.followUp?.sessionId == "e")
    }

    @Test("with no earlier workshop the stage says so; a plan can leave the stage out")
    func noneAndPlans() {
        var state = Self.laterWorkshop(earlier: [])
        press([.enter], &state)
        #expect(state.overlay == nil)
        #expect(state.status?.text == "There is no earlier workshop with actions in the sessions folder.")
        #expect(press([.char("1")], &state).isEmpty)
        #expect(state.session?.followUp == nil)
        for plan in content.workshop.plans {
            #expect(plan.stages.contains(.sinceLastTime) == (plan.id == "nextRound"), "\(plan.id)")
        }
    }

    @Test("plain mode: a number is the answer; the answer's line asks which answer; the answer is kept")
    func plain() throws {
        var state = Self.laterWorkshop(earlier: [Self.earlier("e", area: "Bristol", date: "2026-06-10",
                                                             actions: ["Easy read letters"])])
        press([.enter, .enter], &state)
        var mode = PlainMode()
        let rowOfAnswer = try #require(state.session?.rows(content).firstIndex(of: .rating))
        #expect(mode.interpret("2", state, content).actions == [.rate(2)], "a number on its own is the answer")
        let reply = mode.interpret("line \(rowOfAnswer + 1)", state, content)
        #expect(reply.message?.contains("1 Done · 2 Started · 3 Not started · 4 Dropped") == true)
        for action in reply.actions { Workshop.apply(&state, action, content: content, env: testEnv) }
        for action in mode.interpret("3", state, content).actions { Workshop.apply(&state, action, content: content, env: testEnv) }
        #expect(state.session?.followUp?.items[0].outcome == "notStarted")
    }

    @Test("a file with the same follow-up item twice is refused with the place")
    func repeatedItem() throws {
        var session = Self.laterWorkshop(earlier: [Self.earlier("e", area: "Bristol", date: "2026-06-10",
                                                               actions: ["One", "Two"])]).session!
        session.followUp = FollowUp(sessionId: "e", title: "", date: "", area: "", items: [
            FollowUpItem(id: "a1", what: "One", who: "", byWhen: "", answers: "", intention: nil),
            FollowUpItem(id: "a1", what: "Two", who: "", byWhen: "", answers: "", intention: nil),
        ])
        #expect(SessionRules.problem(session)?.path == "followUp.items[1].id")
    }

    @Test("the Easy Read handout says \"You said, we did\": each action, what became of it, what happened; in Welsh too")
    func handout() throws {
        var state = Self.laterWorkshop(earlier: [Self.earlier("e", area: "Bristol", date: "2026-06-10",
                                                             actions: ["Easy read letters", "Bus times"])])
        press([.enter, .enter, .char("1"), .char("a")] + typing("Letters now come in easy read") + [.enter, .escape],
              &state)
        let markdown = Handouts.easyRead(state.session!, content).markdown
        #expect(markdown.contains("# You said, we did"))
        #expect(markdown.contains("## We said we would: Easy read letters."))
        #expect(markdown.contains("We did it."))
        #expect(markdown.contains("- Letters now come in easy read."))
        // The second action has no answer yet.
        #expect(markdown.contains("## We said we would: Bus times.\n\nWe will tell you what happened."))
        // A workshop that follows nothing up has no such part.
        #expect(!Handouts.easyRead(sampleWorkshop().session!, content).markdown.contains("You said, we did"))
        // Every answer the stage offers has its sentence, in every language; the Welsh handout is in Welsh.
        for (code, packs) in allLanguages {
            for answer in packs.stage(.sinceLastTime)?.answers ?? [] {
                #expect(packs.words.words["sinceLastTime.easyRead.outcome.\(answer.id)"]?.isEmpty == false, "\(code) \(answer.id)")
            }
            for name in SinceLastTimeStage.easyReadWords {
                #expect(packs.words.words["sinceLastTime.easyRead.\(name)"]?.isEmpty == false, "\(code) \(name)")
            }
        }
        let cy = try #require(allLanguages["cy"])
        let welsh = Handouts.easyRead(state.session!, cy).markdown
        #expect(welsh.contains("Dywedoch chi, gwnaethon ni") && welsh.contains("Fe wnaethon ni hyn."))
    }

    @Test("tally: followed-up actions by what became of them, as an independent recount of the files finds; small counts hidden and not worked out")
    func tally() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = DemoData(content: content, seed: 11)
        let answers = ["done", "started", "notStarted", "dropped", nil, "made-up"]
        for i in 0..<6 {
            var s = demo.session(i)
            s.followUp = FollowUp(sessionId: "earlier-\(i)", title: "Earlier", date: "2026-01-01", area: s.setup.area,
                                  items: (0..<(2 + i % 3)).map { n in
                                      FollowUpItem(id: "a\(n)", what: "Action \(n)", who: "", byWhen: "", answers: "",
                                                   intention: nil, outcome: answers[(i + n * n) % answers.count] ?? nil,
                                                   happened: [Note(id: "n\(n)", text: "It happened", createdAt: fixedNow)])
                                  })
            try SessionCodec.encode(s).write(to: folder.appendingPathComponent("s\(i).json"))
        }
        // The recount reads the files as JSON, apart from the tally's readers.
        var expected: [String: Int] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as! [String: Any]
            for item in (json["followUp"] as! [String: Any])["items"] as! [[String: Any]] {
                let outcome = item["outcome"] as? String
                let key = outcome == nil ? "none" : (["done", "started", "notStarted", "dropped"].contains(outcome!) ? outcome! : "notRecognised")
                expected[key, default: 0] += 1
            }
        }
        let run = Tallier.run(paths: [folder.path], content: content)
        #expect(run.skipped.isEmpty && run.totals.sessions == 6)
        #expect(run.totals.followUps == expected)
        // The quick reader reads each file as the session model does.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let quick = try #require(LeanReader.read(data), "\(name): the quick reader refused it")
            #expect(quick == LeanSession(try SessionCodec.decode(data, path: name)), "\(name)")
        }
        let exact = ReportBuilder.build(run, content, ReportOptions(threshold: 1))
        let table = try #require(exact.tables.first { $0.id == "followUps" })
        #expect(table.rows.map(\.id) == ["done", "started", "notStarted", "dropped", "notRecognised", "none", "total"])
        // Published with the usual threshold, nothing small can be worked out from it.
        let report = ReportBuilder.build(run, content, ReportOptions(threshold: 3))
        let hidden = try #require(report.tables.first { $0.id == "followUps" }).rows.flatMap(\.cells).filter { $0 == .hidden }
        #expect(!hidden.isEmpty, "small outcome counts are hidden")
        let published = TallyFormat.json.render(report)
        let truth = try Attacker.truth(reportJSON: TallyFormat.json.render(exact))
        let result = try Attacker(reportJSON: published).attack(truth: truth)
        #expect(result.wrong.isEmpty && result.recovered.isEmpty, "\(result.recovered.prefix(5))")
        #expect(expected.values.contains { $0 < 3 && $0 > 0 }, "the case has small counts to protect")
    }
}
