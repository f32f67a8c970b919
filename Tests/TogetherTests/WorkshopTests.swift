import Foundation
import Testing
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

@Suite("The workshop, stage by stage")
struct WorkshopTests {
    @Test("starting a new workshop opens setup with the title box ready")
    func newWorkshop() throws {
        var state = AppState()
        press([.enter], &state)
        let session = try #require(state.session)
        #expect(state.screen == .workshop)
        #expect(session.position.stage == .setup)
        #expect(session.draft?.target == .setupTitle)
        #expect(session.setup.date == "2026-03-14")
        #expect(session.setup.statementsPerPerson == 3)
        press(typing("Spring review") + [.enter], &state)
        #expect(state.session?.setup.title == "Spring review")
        #expect(state.session?.draft == nil)
    }

    @Test("setup: people are added one after another, full names are refused, roles change with r")
    func setupPeople() throws {
        var state = AppState()
        press([.enter] + typing("Review") + [.enter, .char("a")] + typing("AB") + [.enter] + typing("Sam Jones")
              + [.enter], &state)
        #expect(state.session?.people.map(\.label) == ["AB"])
        #expect(state.status?.isProblem == true)
        #expect(state.session?.draft?.text == "Sam Jones") // the words stay, to be corrected
        press(Array(repeating: .backspace, count: 5) + [.enter, .escape], &state)
        let session = try #require(state.session)
        #expect(session.people.map(\.label) == ["AB", "Sam"])
        #expect(session.people.map(\.role) == ["person", "person"])
        #expect(session.focusedRow(content) == .person(id: session.people[1].id))
        // r: the roles as a list, the person's own chosen; a first letter jumps, Enter picks, Esc changes nothing.
        press([.char("r")], &state)
        guard case .choose(let roles) = state.overlay else { Issue.record("no list of roles"); return }
        #expect(roles.options.map(\.id) == content.workshop.roles.map(\.id))
        #expect(roles.options[roles.focus].id == "person")
        press([.escape], &state)
        #expect(state.overlay == nil && state.session?.people[1].role == "person")
        press([.char("r"), .char("f"), .enter], &state)
        #expect(state.session?.people[1].role == "familyCarer")
        #expect(state.status?.text == "Sam is: Family carer")
    }

    @Test("setup: a date must be a real day; every choice of more than two is a list, chosen by arrows, number or letter")
    func setupFields() throws {
        var state = workshopWithPeople([])
        press([.up, .up, .up, .up, .up, .up], &state) // to the title, whatever the focus was
        press([.down, .enter] + Array(repeating: .backspace, count: 10) + typing("2026-02-30") + [.enter], &state)
        #expect(state.status?.isProblem == true)
        #expect(state.session?.setup.date == "2026-03-14")
        press(Array(repeating: .backspace, count: 2) + typing("28") + [.enter], &state)
        #expect(state.session?.setup.date == "2026-02-28")
        focus(on: .setupField(.language), &state)
        act([.activate, .activate], &state)
        #expect(state.session?.setup.language == "en", "one language loaded here: the list has it alone")
        // Kind of group: the list opens on the current one; down and Enter takes the next; Esc goes back unchanged.
        focus(on: .setupField(.groupType), &state)
        act([.activate], &state)
        guard case .choose(let groups) = state.overlay else { Issue.record("no list"); return }
        #expect(groups.options[groups.focus].id == "mixed")
        #expect(Render.frame(state, content, size: Size(width: 80, height: 24)).grid.text.contains("Esc: no"))
        act([.focusDown, .activate], &state)
        #expect(state.session?.setup.groupType == "providers")
        #expect(state.session?.setup.level == "strategic")
        // Level: by its number in the list; the way back is always there.
        focus(on: .setupField(.level), &state)
        act([.activate, .choose(1)], &state)
        #expect(state.session?.setup.level == "individual")
        act([.activate, .focusDown, .closeOverlay], &state)
        #expect(state.session?.setup.level == "individual" && state.overlay == nil)
        // Plan: by a first letter ("A shorter one-day workshop").
        focus(on: .setupField(.plan), &state)
        press([.enter, .char("a"), .enter], &state)
        #expect(state.session?.setup.plan == "oneDay")
        #expect(state.session?.stages(content).map(\.id).contains(.makingItReal) == false)
        focus(on: .setupField(.statementsPerPerson), &state)
        press([.enter, .char("4")], &state)
        #expect(state.session?.setup.statementsPerPerson == 4)
        focus(on: .setupField(.votesPerPerson), &state)
        press([.enter, .char("4")], &state)
        // Two choices are a switch: Enter turns them over.
        press([.down, .enter, .down, .enter], &state)
        #expect(state.session?.setup.votesPerPerson == 4)
        #expect(state.session?.setup.anonymous == false)
        #expect(state.session?.setup.revealLater == true)
    }

    @Test("Making It Real: one theme per screen, rated in words, with examples")
    func makingItReal() throws {
        var state = workshopWithPeople(["AB"])
        press([.char("]")], &state)
        #expect(state.session?.position.stage == .makingItReal)
        press([.char("2"), .char("a")] + typing("Easy read letters came late") + [.enter, .escape], &state)
        press([.char("n"), .char("1")], &state)
        let session = try #require(state.session)
        #expect(session.position.item == 1)
        #expect(session.themeReview("wellbeing").rating == "mixed")
        #expect(session.themeReview("wellbeing").examples.map(\.text) == ["Easy read letters came late"])
        #expect(session.themeReview("information").rating == "good")
        press(Array(repeating: .char("n"), count: 5), &state)
        #expect(state.session?.position.stage == .workingTogether)
        press([.char("b")], &state)
        #expect(state.session?.position.stage == .makingItReal)
        #expect(state.session?.position.item == 5)
    }

    @Test("Working Together for Change: up to N statements per category, ranked, tagged with a theme")
    func workingTogether() throws {
        var state = workshopWithPeople(["AB", "CD"])
        press([.char("]"), .char("]")], &state)
        #expect(state.session?.position.stage == .workingTogether)
        press([.char("a")] + typing("My flat") + [.enter] + typing("My job") + [.enter] + typing("Friends") + [.enter],
              &state)
        // The third fills the category. The box stays open, so letters typed on (u, d, m…) are never commands:
        // Enter keeps them in the box with a message, and nothing is added, undone, moved or deleted.
        #expect(state.session?.draft?.text == "")
        press(typing("udm t") + [.enter], &state)
        #expect(state.session?.draft?.text == "udm t")
        #expect(state.status?.isProblem == true)
        #expect(state.status?.text == "AB has 3 in Working already. The words stay in the box. Esc stops.")
        #expect(state.session?.statements.map(\.text) == ["My flat", "My job", "Friends"])
        #expect(state.overlay == nil)
        press([.escape, .char("a")], &state)
        #expect(state.status?.isProblem == true)
        press([.tab, .char("a")] + typing("Buses stop at six") + [.enter, .escape, .char("t"), .char("i"), .enter], &state)
        let session = try #require(state.session)
        let mine = session.statements.filter { $0.personId == session.people[0].id }
        #expect(mine.filter { $0.category == "working" }.map(\.rank) == [1, 2, 3])
        let bus = try #require(mine.first { $0.category == "notWorking" })
        #expect(bus.text == "Buses stop at six")
        #expect(bus.themeId == "information")
        press([.char("n"), .tab, .tab, .char("a")] + typing("A job in a garden") + [.enter], &state)
        #expect(state.session?.statements.last?.personId == state.session?.people[1].id)
        #expect(state.session?.statements.last?.category == "aspirations")
    }

    @Test("deleting asks first, and a statement's neighbours close the gap in rank")
    func deleting() throws {
        var state = workshopWithPeople(["AB"])
        press([.char("]"), .char("]"), .char("a")] + typing("One") + [.enter] + typing("Two") + [.enter]
              + typing("Three") + [.enter, .escape], &state)
        press([.up, .char("d")], &state)
        guard case .confirmDelete = state.overlay else {
            Issue.record("expected a question before deleting")
            return
        }
        press([.char("n")], &state)
        #expect(state.session?.statements.count == 3)
        press([.char("d"), .char("y")], &state)
        #expect(state.session?.statements.map(\.text) == ["One", "Three"])
        #expect(state.session?.statements.map(\.rank) == [1, 2])
    }

    @Test("top tips, wrap-up and finish")
    func laterStages() throws {
        var state = workshopWithPeople(["AB"])
        go(.topTips, &state)
        press([.char("3"), .char("a")] + typing("Letters are too long") + [.enter, .escape], &state)
        #expect(state.session?.tipReview("discrimination").rating == "poor")
        #expect(state.session?.tipReview("discrimination").notes.map(\.text) == ["Letters are too long"])
        press([.char("]"), .char("]"), .char("a")] + typing("Send the summary in May") + [.enter, .escape], &state)
        #expect(state.session?.position.stage == .wrapUp)
        #expect(state.session?.notes(in: NoteSlot(.wrapUp, .divergent)).map(\.text) == ["Send the summary in May"])
        press([.char("]"), .char("f")], &state)
        #expect(state.session?.status == .finished)
        #expect(press([.char("q")], &state) == [.quit])
    }

    @Test("editing keeps words typed with combining marks as one letter")
    func combiningMarks() throws {
        var state = workshopWithPeople(["AB"])
        press([.char("]"), .char("a")] + typing("Mae by") + [.char("w"), .char("\u{302}")] + typing("d da") + [.enter],
              &state)
        let text = try #require(state.session?.themeReview("wellbeing").examples.first?.text)
        #expect(text == "Mae byŵd da")
        #expect(text.count == 11)
    }

    @Test("Esc while typing throws away only the words not yet kept; every key reaches the draft")
    func draftIsKept() throws {
        var state = workshopWithPeople(["AB"])
        press([.char("]"), .char("a")] + typing("half a tho"), &state)
        #expect(state.session?.draft?.text == "half a tho")
        press([.escape], &state)
        #expect(state.session?.draft == nil)
        #expect(state.session?.themeReview("wellbeing").examples.isEmpty == true)
    }

    @Test("going back from the first stage stays put, and says so")
    func edges() {
        var state = workshopWithPeople([])
        press([.char("[")], &state)
        #expect(state.session?.position.stage == .setup)
        #expect(state.status?.text == "This is the first stage.")
    }

    @Test("the session's updatedAt moves only when something changed")
    func touched() {
        var state = workshopWithPeople(["AB"])
        let before = state.session
        #expect(before?.updatedAt == fixedNow)
        // A minute later: looking at the keys changes nothing, so nothing moves; the next stage moves it to now.
        let later = fixedNow.addingTimeInterval(60)
        let env = Environment(now: { later }, newSessionID: { "unused" })
        func apply(_ key: Key) {
            if let action = Workshop.action(for: .key(key), in: state) {
                Workshop.apply(&state, action, content: content, env: env)
            }
        }
        apply(.char("?"))
        apply(.char("?"))
        #expect(state.session == before)
        #expect(state.session?.updatedAt == fixedNow)
        apply(.char("]"))
        #expect(state.session?.position.stage != before?.position.stage)
        #expect(state.session?.updatedAt == later)
    }
}

@Suite("Focus is on a row")
struct FocusTests {
    @Test("dots never move the list under the cursor; o sorts it and the focus goes with its theme; a moved statement keeps it")
    func followsTheRow() throws {
        var state = sampleWorkshop()
        go(.priorities, &state)
        let ranked = try #require(state.session?.rankedThemes())
        #expect(ranked.count >= 2)
        let last = try #require(ranked.last)
        focus(on: .groupTheme(id: last.id), &state)
        let at = try #require(state.session?.position.focus)
        // Opening the stage sorted the list, and p changes whose dots: neither is a step to undo.
        let steps = state.undoStack.count
        act([.nextVoter, .nextVoter], &state)
        #expect(state.undoStack.count == steps)
        act([.nextVoter], &state) // back to the group's count
        // Enough dots to go to the top: the list stays as it was, so the next dot lands on the same theme.
        for _ in 0..<(ranked[0].totalDots + 1) { act([.dot(1)], &state) }
        #expect(state.session?.rankedThemes().first?.id == last.id)
        #expect(state.session?.focusedRow(content) == .groupTheme(id: last.id))
        #expect(state.session?.position.focus == at)
        // Sorting is asked for: the theme goes to the top, and the focus with it.
        act([.sortByDots], &state)
        #expect(state.session?.rows(content).first == .groupTheme(id: last.id))
        #expect(state.session?.focusedRow(content) == .groupTheme(id: last.id))
        #expect(state.session?.position.focus == 0)
        // A statement moved down its list keeps the focus.
        go(.workingTogether, &state)
        let first = try #require(state.session?.rows(content).first { if case .statement = $0 { true } else { false } })
        focus(on: first, &state)
        act([.moveRank(1)], &state)
        #expect(state.session?.focusedRow(content) == first)
    }
}

@Suite("Whose voice")
struct VoiceTests {
    @Test("a statement is the person's own words until the facilitator says otherwise with v")
    func voice() throws {
        var state = workshopWithPeople(["AB"])
        press([.char("]"), .char("]"), .char("a")] + typing("I want a job") + [.enter, .escape], &state)
        #expect(state.session?.statements[0].voice == .own)
        press([.char("v"), .down, .enter], &state)
        #expect(state.session?.statements[0].voice == .supported)
        press([.char("v"), .down, .enter], &state)
        #expect(state.session?.statements[0].voice == .onBehalf("familyCarer"))
        let frame = Render.frame(state, content, size: Size(width: 100, height: 24))
        #expect(frame.grid.text.contains("1. I want a job  (said for them by: family carer)"))
        let back = try SessionCodec.decode(SessionCodec.encode(state.session!), path: "v.json")
        #expect(back.statements[0].voice == .onBehalf("familyCarer"))
        press([.char("v"), .char("1")], &state)
        #expect(state.session?.statements[0].voice == .own)
    }
}

@Suite("Undo and redo")
struct UndoTests {
    @Test("a facilitator adds three working statements for AB, then undoes two and redoes one")
    func undoRedo() throws {
        var state = workshopWithPeople(["AB"])
        press([.char("]"), .char("]"), .char("a")] + typing("One") + [.enter] + typing("Two") + [.enter]
              + typing("Three") + [.enter, .escape], &state)
        #expect(state.session?.statements.count == 3)
        press([.char("u"), .char("u")], &state)
        #expect(state.session?.statements.map(\.text) == ["One"])
        press([.char("U")], &state)
        #expect(state.session?.statements.map(\.text) == ["One", "Two"])
        // A new change forgets what was undone.
        press([.char("a")] + typing("Four") + [.enter, .escape, .char("U")], &state)
        #expect(state.session?.statements.map(\.text) == ["One", "Two", "Four"])
        #expect(state.status?.text == "There is nothing to redo.")
        // Ids are never given out twice, even after undo.
        let ids = state.session!.statements.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("undo goes back across stages, all the way to the start, and brings back a deletion")
    func undoEverything() throws {
        var state = workshopWithPeople(["AB"])
        let start = try #require(state.session)
        press([.char("]"), .char("2"), .char("]"), .char("a")] + typing("Mine") + [.enter, .escape, .char("d"),
              .char("y")], &state)
        #expect(state.session?.statements.isEmpty == true)
        press([.char("u")], &state)
        #expect(state.session?.statements.map(\.text) == ["Mine"])
        #expect(state.session?.position.stage == .workingTogether)
        press([.char("u"), .char("u")], &state)
        #expect(state.session?.statements.isEmpty == true)
        #expect(state.session?.themeReview("wellbeing").rating == nil)
        #expect(state.session?.people.map(\.label) == start.people.map(\.label))
        press(Array(repeating: .char("u"), count: 5), &state)
        #expect(state.session?.people.isEmpty == true) // before AB was added
        #expect(state.session?.setup.title == "")
        #expect(state.status?.text == "There is nothing to undo.")
    }

    @Test("moving around and typing are not changes to undo")
    func notChanges() {
        var state = workshopWithPeople(["AB"])
        let count = state.undoStack.count
        press([.char("]"), .char("n"), .char("b"), .down, .char("a")] + typing("half"), &state)
        #expect(state.undoStack.count == count)
    }
}

@Suite("Reordering and moving statements")
struct MovingTests {
    func threeWorking() -> AppState {
        var state = workshopWithPeople(["AB", "CD"])
        press([.char("]"), .char("]"), .char("a")] + typing("One") + [.enter] + typing("Two") + [.enter]
              + typing("Three") + [.enter, .escape], &state) // at the most, the box stays open until Esc
        return state
    }

    func texts(_ state: AppState, _ person: Int, _ category: String) -> [String] {
        let s = state.session!
        return s.statements(of: s.people[person].id, in: category).map(\.text)
    }

    @Test("< and > change a statement's rank; the focus follows it")
    func rank() {
        var state = threeWorking()
        press([.char("<")], &state)
        #expect(texts(state, 0, "working") == ["One", "Three", "Two"])
        press([.char("<"), .char("<")], &state)
        #expect(texts(state, 0, "working") == ["Three", "One", "Two"])
        #expect(state.status?.text == "It is first already.")
        #expect(state.session?.focusedRow(content) == .statement(id: state.session!.statements[2].id))
    }

    @Test("m moves a statement to the next kind, p to the next person; ranks close up; limits hold")
    func move() {
        var state = threeWorking()
        press([.up, .char("m")], &state)
        #expect(texts(state, 0, "working") == ["One", "Three"])
        #expect(texts(state, 0, "notWorking") == ["Two"])
        #expect(state.session!.statements.map(\.rank).sorted() == [1, 1, 2])
        press([.char("p")], &state)
        #expect(texts(state, 1, "notWorking") == ["Two"])
        #expect(state.session?.position.item == 1)
        // CD fills Working; then nothing more can be moved in, and nothing is lost trying.
        press([.up, .up, .char("a")] + typing("A") + [.enter] + typing("B") + [.enter] + typing("C") + [.enter, .escape],
              &state)
        #expect(texts(state, 1, "working") == ["A", "B", "C"])
        press([.char("b"), .down, .char("p")], &state)
        #expect(state.status?.text == "CD has 3 in Working already. Delete or move one first.")
        #expect(texts(state, 0, "working") == ["One", "Three"])
        #expect(texts(state, 1, "working") == ["A", "B", "C"])
    }
}

@Suite("Search")
struct SearchTests {
    @Test("search finds what was said and written anywhere: statements, notes on every screen, themes, actions; Enter goes there")
    func everywhere() throws {
        var state = sampleWorkshop()
        go(.makingItReal, &state)
        act([.nextItem, .add], &state)
        press(typing("We grow beans at the allotment"), &state)
        act([.commitEdit, .cancelEdit], &state)
        go(.setup, &state)
        act([.startSearch], &state)
        press(typing("allotment"), &state)
        let hits = Search.results(state.session!, "allotment", content)
        #expect(hits.count == 1 && hits[0].stage == .makingItReal && hits[0].item == 1)
        #expect(Render.frame(state, content, size: Size(width: 100, height: 24)).grid.text
            .contains("Information I need when I need it · Examples: We grow beans at the allotment"))
        act([.activate], &state)
        #expect(state.session?.position.stage == .makingItReal && state.session?.position.item == 1)
        guard case .note(_, let id)? = state.session?.focusedRow(content) else { Issue.record("not on the note"); return }
        #expect(state.session?.themeReview("information").examples.first { $0.id == id }?.text == "We grow beans at the allotment")
        // Wrap-up notes, the group's themes, actions and why are found too; a hidden statement never is.
        for (words, kind) in [("summary by May", "wrap-up"), ("letters I can read", "theme"), ("Easy read letters", "action"),
                              ("checks them", "why")] {
            #expect(!Search.results(state.session!, words, content).isEmpty, "\(kind): \(words)")
        }
        var hidden = state.session!
        hidden.statements[0].hidden = true
        #expect(Search.results(hidden, hidden.statements[0].text, content).allSatisfy { $0.row != .statement(id: hidden.statements[0].id) })
    }
}

@Suite("Names stay in the room")
struct NamesTests {
    /// The wrap-up's first list of notes (where people did not agree), where `a` adds.
    func said(_ state: AppState) -> [String] {
        state.session?.notes(in: NoteSlot(.wrapUp, .divergent)).map(\.text) ?? []
    }

    @Test("in an anonymous workshop, a note with a person's label in it asks first: their role, [name], or keep")
    func labelInWords() throws {
        var state = workshopWithPeople(["KB", "Sam"])
        focus(on: .person(id: state.session!.people[0].id), &state)
        press([.char("r"), .char("f"), .enter], &state) // KB is a family carer
        go(.wrapUp, &state)
        act([.add], &state)
        press(typing("KB thinks the bus is late"), &state)
        act([.commitEdit], &state)
        guard case .choose(let list) = state.overlay else { Issue.record("no question about the name"); return }
        #expect(list.title == "These words have KB in them. This workshop has no names.")
        #expect(list.options.map(\.label) == ["Put [family carer] instead", "Put [name] instead", "Keep the words as they are"])
        #expect(said(state).isEmpty && state.session?.draft?.text == "KB thinks the bus is late")
        act([.activate], &state) // the first: their role
        #expect(said(state) == ["[family carer] thinks the bus is late"])
        // [name], for a name inside the words, whatever its capitals.
        press(typing("I asked sam about it"), &state)
        act([.commitEdit], &state)
        act([.choose(2)], &state)
        #expect(said(state).last == "I asked [name] about it")
        // Keep: the words as typed. A word that only contains the label ("Samuel", "about") is not a name.
        press(typing("Samuel sent a KB letter"), &state)
        act([.commitEdit, .choose(3)], &state)
        #expect(said(state).last == "Samuel sent a KB letter")
        press(typing("Samuel wrote about it"), &state)
        act([.commitEdit], &state)
        #expect(state.overlay == nil && said(state).last == "Samuel wrote about it")
        // A named workshop keeps names (with consent) without asking.
        var named = workshopWithPeople(["KB"])
        named.session?.setup.anonymous = false
        go(.wrapUp, &named)
        act([.add], &named)
        press(typing("KB spoke"), &named)
        act([.commitEdit], &named)
        #expect(named.overlay == nil && said(named) == ["KB spoke"])
    }
}

@Suite("The typing box")
struct TypingBoxTests {
    @Test("Ctrl-W takes back the last word, Ctrl-U everything before the cursor; s says on screen what it reads")
    func editingKeys() {
        var state = workshopWithPeople(["AB"])
        go(.wrapUp, &state)
        act([.add], &state)
        press(typing("Buses stop at six  "), &state)
        press([.ctrl("w")], &state)
        #expect(state.session?.draft?.text == "Buses stop at ")
        press([.left, .left, .left, .ctrl("w")], &state) // from inside a word: back to the word's start
        #expect(state.session?.draft?.text == "Buses at ")
        press([.end, .ctrl("u")], &state)
        #expect(state.session?.draft?.text == "" && state.cursor == 0)
        press(typing("Letters") + [.enter, .escape, .char("s")], &state)
        #expect(state.status?.text.hasPrefix("Reading aloud:") == true)
    }
}
