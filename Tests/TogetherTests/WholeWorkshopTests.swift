import Foundation
import Testing
@testable import TogetherContent
@testable import TogetherCore

/// A whole workshop of the size a new facilitator ran — 6 people, 33 statements, 7 themes, 18 dots, why, actions,
/// top tips, handouts — pressed key by key through the key table, counted, and checked: every key is one the
/// table gives where it is pressed (so `?` lists it), the result is what was meant, and the room's display shows
/// the wall on finding themes and on what matters most.
@Suite("A whole workshop, counted")
struct WholeWorkshopTests {
    final class Run {
        var state = AppState()
        /// Keys pressed, not counting the letters typed into a box.
        var keys = 0
        var typed = 0
        var unbound: [String] = []
        /// Keys the screen showed on its key line when pressed, at 80×24 and 120×40.
        var shown = [0, 0]
        let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
        var walls: [String] = []
        /// Every key, in order, to play again in tmux.
        var recorded: [Key] = []

        func press(_ list: [Key]) {
            recorded += list
            for k in list {
                if state.isTyping, case .char = k {
                    typed += 1
                } else {
                    keys += 1
                    let context = state.inputContext
                    if !Keymap.bindings(in: context).contains(where: { $0.keys.contains(k) }) { unbound.append("\(k) in \(context)") }
                    for (i, size) in sizes.enumerated() {
                        let screen = Render.frame(state, content, size: size).grid.text
                        let bottom = screen.split(separator: "\n").suffix(3).joined(separator: "\n")
                        if bottom.contains(k.label + " ") || bottom.contains(k.label + ":") { shown[i] += 1 }
                    }
                }
                TogetherTests.press([k], &state)
            }
        }
        func type(_ text: String) { press(typing(text)) }
        func act(_ action: Action) {
            guard let k = key(for: action, in: state) else { return }
            press([k])
        }
        var session: Session { state.session! }
        /// Moves the focus to a row with the keys for up and down.
        func focus(_ row: RowRef) {
            guard let target = session.rows(content).firstIndex(of: row) else {
                Issue.record("\(row) is not on this screen")
                return
            }
            while session.position.focus != target {
                let before = session.position.focus
                act(session.position.focus < target ? .focusDown : .focusUp)
                if session.position.focus == before { return }
            }
        }
        func next() { act(.nextStage) }
        func wall() {
            for size in sizes {
                walls.append(Display.frame(session, content, view: ViewOptions(), source: .init(name: "f"), size: size).grid.text)
            }
        }
    }

    /// The workshop, pressed through the engine.
    static func script() -> Run {
        let r = Run()
        // Getting ready: a title and six people.
        r.press([.enter]); r.type("Spring review"); r.press([.enter])
        r.act(.add)
        for name in ["AB", "CD", "EF", "GH", "IJ", "KL"] { r.type(name); r.press([.enter]) }
        r.press([.escape])
        // Making It Real: a rating for each theme, two examples.
        r.next()
        for i in 0..<6 {
            r.act(.rate(i % 3 + 1))
            if i < 2 { r.act(.add); r.type("An example for theme \(i + 1)"); r.press([.enter, .escape]) }
            if i < 5 { r.act(.nextItem) }
        }
        // Working Together for Change: 33 statements, each person's own.
        r.next()
        for person in 0..<6 {
            for (c, count) in [2, 2, person < 3 ? 2 : 1].enumerated() {
                r.act(.add)
                for n in 0..<count { r.type("Person \(person + 1) says thing \(c + 1).\(n + 1)"); r.press([.enter]) }
                r.press([.escape])
                if c < 2 { r.act(.nextCategory) }
            }
            if person < 5 { r.act(.nextItem) }
        }
        #expect(r.session.statements.count == 33)
        // Finding themes: seven themes from the statements, each linked to a Making It Real theme.
        r.next()
        let plan: [[Int]] = [[4, 4], [4, 4, 4], [5, 4]] // statements per theme, in each category
        var made = 0
        for (c, sizes) in plan.enumerated() {
            var at = 0
            for size in sizes {
                let ids = r.session.statements(in: content.workingTogether.categories[c].id).map(\.id)
                r.focus(.statement(id: ids[at]))
                for i in 0..<size {
                    r.act(.toggleMark)
                    if i < size - 1 { r.act(.focusDown) }
                }
                at += size
                r.act(.putIntoTheme)
                if made > 0 { r.act(.activate) } // "A new theme…" is chosen first
                made += 1
                r.type("I want theme number \(made)"); r.press([.enter])
            }
            r.act(.nextItem)
        }
        #expect(r.session.groupThemes.count == 7)
        for (i, theme) in r.session.groupThemes.enumerated() {
            r.focus(.groupTheme(id: theme.id))
            r.act(.toggleLink(i % 6 + 1))
        }
        r.wall()
        // What matters most: three dots from each person.
        r.next()
        for person in 0..<6 {
            r.act(.nextVoter)
            for d in 0..<3 {
                let ranked = r.session.themesForDots()
                r.focus(.groupTheme(id: ranked[(person + d * 2) % ranked.count].id))
                r.act(.dot(1))
            }
        }
        #expect(r.session.groupThemes.reduce(0) { $0 + $1.totalDots } == 18)
        r.wall()
        // Why, and what good would look like, for each theme that matters most.
        r.next()
        let top = r.session.topThemes(content).count
        for i in 0..<top {
            r.act(.add); r.type("Because of reason \(i + 1)"); r.press([.enter]); r.type("And deeper, \(i + 1)"); r.press([.enter, .escape])
            let theme = r.session.topThemes(content)[i]
            r.focus(.notesHeader(NoteSlot(.groupTheme(theme.id), .success)))
            r.act(.add); r.type("Good would look like \(i + 1)"); r.press([.enter, .escape])
            if i < top - 1 { r.act(.nextItem) }
        }
        // Top tips: a rating each, two barriers.
        r.next()
        for i in 0..<8 {
            r.act(.rate(i % 4 + 1))
            if i < 2 {
                r.focus(.notesHeader(NoteSlot(.topTip(content.topTips.tips[i].id), .barriers)))
                r.act(.add); r.type("It gets in the way \(i + 1)"); r.press([.enter, .escape])
            }
            if i < 7 { r.act(.nextItem) }
        }
        // Actions: three, each with who, by when, what it answers and an intention.
        r.next()
        for i in 0..<3 {
            r.focus(r.session.rows(content).first { if case .actionsHeader = $0 { true } else { false } }!)
            r.act(.add); r.type("Do thing \(i + 1)"); r.press([.enter]); r.type("Council team"); r.press([.enter])
            r.type("June 2027"); r.press([.enter])
            let action = r.session.actions[i].id
            r.focus(.actionField(id: action, field: .link))
            r.act(.activate); r.act(.focusDown); r.act(.activate)
            r.focus(.actionField(id: action, field: .intention))
            r.act(.activate); r.act(.focusDown); r.act(.activate)
        }
        // Wrap up, finish, handouts.
        r.next()
        r.act(.add); r.type("We will tell everyone in May"); r.press([.enter, .escape])
        r.next()
        r.act(.finishWorkshop)
        r.act(.writeHandouts)
        return r
    }

    /// What the workshop must have made, however it was run.
    static func check(_ s: Session, _ where_: String) {
        #expect(s.people.count == 6 && s.statements.count == 33 && s.groupThemes.count == 7, "\(where_)")
        #expect(s.groupThemes.allSatisfy { !$0.makingItReal.isEmpty }, "\(where_)")
        #expect(s.groupThemes.reduce(0) { $0 + $1.totalDots } == 18, "\(where_)")
        #expect(s.statements.filter { $0.groupThemeId != nil }.count == 29, "\(where_)")
        #expect(s.makingItReal.filter { $0.rating != nil }.count == 6 && s.topTips.filter { $0.rating != nil }.count == 8, "\(where_)")
        #expect(s.actions.count == 3 && s.actions.allSatisfy { $0.link != nil && $0.intention != nil && !$0.who.isEmpty }, "\(where_)")
        #expect(s.groupThemes.contains { !$0.causes.isEmpty && !$0.success.isEmpty }, "\(where_)")
        #expect(s.status == .finished, "\(where_)")
    }

    @Test("6 people, 33 statements, 7 themes, 18 dots, why, actions, tips and handouts: every key from the table, fewer than the 550 a new facilitator needed")
    func wholeWorkshop() throws {
        let r = Self.script()
        let s = r.session
        Self.check(s, "the engine")
        #expect(r.unbound.isEmpty, "keys not in the table where they were pressed: \(r.unbound.prefix(5))")
        #expect(r.keys < 550, "\(r.keys) keys")
        // The room's display on finding themes and on what matters most: the wall.
        for wall in r.walls { #expect(wall.contains("Our themes")) }
        print("A whole workshop: \(r.keys) keys plus \(r.typed) letters typed; the key line showed \(r.shown[0]) of them at 80×24 "
              + "and \(r.shown[1]) at 120×40, every one is in ? (the key table where it was pressed)")
    }

    /// The tmux names of keys that are not letters: the key's own label where tmux spells it the same.
    static func tmuxName(_ key: Key) -> String? {
        switch key {
        case .char: nil
        case .escape: "Escape"
        case .backTab: "BTab"
        case .pageUp: "PPage"
        case .pageDown: "NPage"
        case .backspace: "BSpace"
        case .delete: "DC"
        case .ctrl(let c): "C-\(c)"
        default: key.label
        }
    }

    @Test("the same keys, played in tmux to the real program at 80×24 and at 120×40, make the same workshop",
          .enabled(if: EndToEndTests.ready))
    func inTmux() throws {
        let keys = Self.script().recorded
        for (width, height) in [(80, 24), (120, 40)] {
            let tmux = EndToEndTests.Tmux()
            defer { tmux.stop() }
            try tmux.start("", width: width, height: height)
            try tmux.waitFor("Start a new workshop")
            // Letters in runs (sent as they are), the other keys by name; a pause after Escape so that the key
            // after it is not read as part of an escape sequence.
            var letters = ""
            for key in keys {
                if case .char(let c) = key { letters.append(c); continue }
                if !letters.isEmpty { try tmux.text(letters); letters = "" }
                try tmux.keys(Self.tmuxName(key)!)
                if key == .escape { Thread.sleep(forTimeInterval: 0.05) }
            }
            if !letters.isEmpty { try tmux.text(letters) }
            try tmux.waitFor("Handouts written", seconds: 60)
            try tmux.keys("q")
            #expect(tmux.waitForFile("exit", seconds: 30)?.contains("exit=0") == true)
            Self.check(try tmux.session(), "tmux \(width)×\(height)")
        }
    }
}
