import Foundation
import TogetherContent
import TogetherPublishing

/// Typing words and keeping them. The words being typed live in the session's draft, so they are saved
/// with every key and come back after a crash.
enum Editing {
    static func begin(_ target: EditTarget, _ session: inout Session, _ state: inout AppState) {
        let text = existingText(target, session) ?? ""
        session.draft = Draft(target: target, text: text)
        state.cursor = text.count
    }

    /// What `e` (or Enter) on a row would change, if the row has words.
    static func editTarget(for row: RowRef?, _ session: Session, _ content: ContentPacks) -> EditTarget? {
        switch row {
        case .setupField(.title): return .setupTitle
        case .setupField(.date): return .setupDate
        case .setupField(.area): return .setupArea
        case .setupField(.contact): return .setupContact
        case .person(let id): return .person(id: id)
        case .statement(let id): return .statement(id: id)
        case .note(let slot, let id): return .note(slot, id: id)
        case .groupTheme(let id): return .groupTheme(id: id)
        case .actionField(let id, let field) where [.what, .who, .byWhen].contains(field):
            return .actionField(id: id, field: field)
        default: return nil
        }
    }

    static func existingText(_ target: EditTarget, _ session: Session) -> String? {
        switch target {
        case .setupTitle: session.setup.title
        case .setupDate: session.setup.date
        case .setupArea: session.setup.area
        case .setupContact: session.setup.contact
        case .person(let id): session.people.first { $0.id == id }?.label
        case .statement(let id): session.statements.first { $0.id == id }?.text
        case .note(let slot, let id): session.notes(in: slot).first { $0.id == id }?.text
        case .groupTheme(let id): session.groupThemes.first { $0.id == id }?.statement
        case .actionField(let id, let field):
            session.actions.first { $0.id == id }.map { action in
                switch field {
                case .what: action.what
                case .who: action.who
                case .byWhen: action.byWhen
                case .link, .intention: ""
                }
            }
        case .newPerson, .newStatement, .newNote, .newGroupTheme, .newAction: nil
        }
    }

    static func reduce(_ session: inout Session, _ state: inout AppState, _ action: Action,
                       _ content: ContentPacks, _ env: Environment) {
        guard var draft = session.draft else { return }
        // Typing at the end of plain text (the usual key) costs the letter, not a copy of the whole text broken
        // into letters: in ASCII every letter is one byte, and a plain ASCII letter never joins the one before it.
        if case .insert(let typed) = action, state.cursor == draft.text.utf8.count,
           let first = typed.utf8.first, first >= 0x20, first < 0x7F,
           draft.text.utf8.withContiguousStorageIfAvailable({ !$0.contains { $0 >= 0x80 || $0 == 0x0D } }) == true {
            let typed = PlainText.withoutControls(typed)
            if typed.utf8.first == first {
                draft.text += typed
                state.cursor += typed.count
                session.draft = draft
                return
            }
        }
        var chars = Array(draft.text)
        let cursor = min(max(0, state.cursor), chars.count)
        switch action {
        case .insert(let typed):
            // Control characters (NUL, an escape, C1) are never kept, however they arrive.
            let typed = PlainText.withoutControls(typed)
            guard !typed.isEmpty else { break }
            // Joining by String keeps a combining mark with the letter before it (w + U+0302 is ŵ).
            let before = String(chars[..<cursor]) + typed
            draft.text = before + String(chars[cursor...])
            state.cursor = before.count
        case .backspace where cursor > 0:
            chars.remove(at: cursor - 1)
            draft.text = String(chars)
            state.cursor = cursor - 1
        case .deleteForward where cursor < chars.count:
            chars.remove(at: cursor)
            draft.text = String(chars)
        case .deleteWord where cursor > 0:
            // Back over spaces, then over the word before them.
            var start = cursor
            while start > 0, chars[start - 1] == " " { start -= 1 }
            while start > 0, chars[start - 1] != " " { start -= 1 }
            chars.removeSubrange(start..<cursor)
            draft.text = String(chars)
            state.cursor = start
        case .deleteToStart where cursor > 0:
            chars.removeSubrange(0..<cursor)
            draft.text = String(chars)
            state.cursor = 0
        case .cursorLeft: state.cursor = max(0, cursor - 1)
        case .cursorRight: state.cursor = min(chars.count, cursor + 1)
        case .cursorHome: state.cursor = 0
        case .cursorEnd: state.cursor = chars.count
        case .cancelEdit:
            session.draft = nil
            state.status = .init(content.say(draft.target.addsItem ? .stoppedAdding : .stoppedNotChanged))
            return
        case .commitEdit:
            commit(draft, &session, &state, content, env)
            return
        default:
            return
        }
        session.draft = draft
    }

    static func commit(_ draft: Draft, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment, namesChecked: Bool = false) {
        // One form for every accented letter (ŵ typed as one character or as w and a combining mark), so the
        // file, the search and the tally see the same words.
        let text = draft.text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        if text.isEmpty {
            session.draft = nil
            if case .actionField(let id, .who) = draft.target {
                // Skipping who: go on to by when.
                session.draft = Draft(target: .actionField(id: id, field: .byWhen),
                                      text: session.actions.first { $0.id == id }?.byWhen ?? "")
                state.cursor = session.draft?.text.count ?? 0
                state.status = .init(content.say(.byWhenQuestion))
                return
            }
            state.status = draft.target.addsItem
                ? .init(content.say(.stoppedAdding))
                : .init(content.say(.nothingTyped))
            return
        }
        if let problem = problem(with: text, for: draft.target, content, language: session.setup.language) {
            state.status = .init(problem, isProblem: true)
            return
        }
        // In an anonymous workshop a person's label in the words is noticed before they are kept, with a
        // one-key fix. The words stay in the box until the facilitator chooses.
        if session.setup.anonymous, !namesChecked, draft.target.isGroupWords,
           let person = Names.found(in: text, session.people) {
            Choosing.open(.nameInWords(personId: person.id), session, &state, content)
            return
        }
        // At the most a person can have, the box stays open with the words in it: letters typed on are never
        // taken as commands.
        if case .newStatement(let personId, let category) = draft.target {
            let have = session.statements(of: personId, in: category).count
            if have >= session.setup.statementsPerPerson {
                let label = content.category(category)?.label ?? category
                let person = session.people.first { $0.id == personId }?.label ?? ""
                state.status = .init(content.say(.wordsKeptAtMost, person, "\(have)", label), isProblem: true)
                return
            }
        }
        session.draft = nil
        let now = env.now()
        switch draft.target {
        case .setupTitle: session.setup.title = text
        case .setupDate: session.setup.date = text
        case .setupArea: session.setup.area = text
        case .setupContact: session.setup.contact = text
        case .newPerson:
            let id = session.makeID("p")
            session.people.append(Person(id: id, label: text, role: content.workshop.roles[0].id))
            focus(on: .person(id: id), &session, content)
        case .person(let id):
            if let i = session.people.firstIndex(where: { $0.id == id }) { session.people[i].label = text }
        case .newNote(let slot):
            let note = Note(id: session.makeID("n"), text: text, createdAt: now)
            session.updateNotes(slot) { $0.append(note) }
            focus(on: .note(slot, id: note.id), &session, content)
        case .note(let slot, let id):
            session.updateNotes(slot) { notes in
                if let i = notes.firstIndex(where: { $0.id == id }) { notes[i].text = text }
            }
        case .newGroupTheme(let ids):
            let theme = GroupTheme(id: session.makeID("th"), statement: text, createdAt: now)
            session.groupThemes.append(theme)
            if ids.isEmpty {
                focus(on: .groupTheme(id: theme.id), &session, content)
            } else {
                Theming.put(ids, into: theme.id, &session, &state, content)
                return
            }
        case .groupTheme(let id):
            if let i = session.groupThemes.firstIndex(where: { $0.id == id }) { session.groupThemes[i].statement = text }
        case .newAction(let link):
            let action = PlannedAction(id: session.makeID("a"), what: text, link: link, createdAt: now)
            session.actions.append(action)
            focus(on: .actionField(id: action.id, field: .what), &session, content)
            // An action is made in one go: what, then who, then by when.
            session.draft = Draft(target: .actionField(id: action.id, field: .who), text: "")
            state.cursor = 0
            state.status = .init(content.say(.savedNowWho))
            return
        case .actionField(let id, let field):
            guard let i = session.actions.firstIndex(where: { $0.id == id }) else { break }
            switch field {
            case .what: session.actions[i].what = text
            case .who: session.actions[i].who = text
            case .byWhen: session.actions[i].byWhen = text
            case .link, .intention: break
            }
            if field == .who && session.actions[i].byWhen.isEmpty {
                session.draft = Draft(target: .actionField(id: id, field: .byWhen), text: "")
                state.cursor = 0
                state.status = .init(content.say(.savedByWhen))
                return
            }
        case .newStatement(let personId, let category):
            let rank = session.statements(of: personId, in: category).count + 1
            let statement = Statement(id: session.makeID("st"), personId: personId, category: category,
                                      rank: rank, text: text, createdAt: now, hidden: session.setup.revealLater)
            session.statements.append(statement)
            focus(on: .statement(id: statement.id), &session, content)
            if rank >= session.setup.statementsPerPerson {
                let label = content.category(category)?.label ?? category
                state.status = .init(content.say(.thatIsRank, "\(rank)", label))
                session.draft = Draft(target: draft.target, text: "")
                state.cursor = 0
                return
            }
        case .statement(let id):
            if let i = session.statements.firstIndex(where: { $0.id == id }) { session.statements[i].text = text }
        }
        state.status = .init(content.say(.saved))
        if draft.target.addsItem {
            // Capture at the speed of talk: the box opens again for the next one. Esc or an empty Enter stops.
            session.draft = Draft(target: draft.target, text: "")
            state.cursor = 0
        }
    }

    /// A plain reason the words cannot be kept as they are, or nil when they can.
    static func problem(with text: String, for target: EditTarget, _ content: ContentPacks,
                        language: String = "en") -> String? {
        switch target {
        case .newGroupTheme, .groupTheme:
            return language != "en" || startsWithI(text)
                ? nil
                : content.say(.themeStartWithI)
        case .setupDate:
            return isRealDay(text) ? nil : content.say(.dateLikeThis)
        case .newPerson, .person:
            return looksLikeFullName(text)
                ? content.say(.notAFullName)
                : nil
        default:
            return nil
        }
    }

    static func isRealDay(_ text: String) -> Bool {
        if let quick = quickRealDay(text) { return quick }
        return isRealDayByCalendar(text)
    }

    /// `YYYY-MM-DD` in plain digits from 1600 on, by the Gregorian rules (the calendar's answer there, and many
    /// times quicker); nil for anything else, which the calendar decides (years before 1600 follow the Julian
    /// calendar in it).
    static func quickRealDay(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { b -> Bool? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let year = Gregorian.number(b, 0..<4),
                  Gregorian.number(b, 5..<7) != nil, Gregorian.number(b, 8..<10) != nil else { return nil }
            return year >= 1600 ? Gregorian.day(b) != nil : nil
        }
    }

    static func isRealDayByCalendar(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = calendar.date(from: components) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == y && back.month == m && back.day == d
    }

    /// "I want…", "I'm…", "I’d…": an "I" statement.
    static func startsWithI(_ text: String) -> Bool {
        guard text.first == "I" else { return false }
        let rest = text.dropFirst()
        return rest.isEmpty || rest.first == " " || rest.first == "'" || rest.first == "’"
    }

    /// Two or more words of three letters or more ("Sam Jones") look like a full name; "SJ", "Sam J" do not.
    static func looksLikeFullName(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" })
            .filter { $0.filter(\.isLetter).count >= 3 }
        return words.count >= 2
    }

    static func focus(on row: RowRef, _ session: inout Session, _ content: ContentPacks) {
        if let i = session.rows(content).firstIndex(of: row) { session.position.focus = i }
    }
}

/// Deleting after the facilitator said yes. A person's statements go with them (the question said so).
enum Deleting {
    static func delete(_ row: RowRef, from session: inout Session, _ content: ContentPacks) {
        switch row {
        case .person(let id):
            session.people.removeAll { $0.id == id }
            session.statements.removeAll { $0.personId == id }
            for i in session.groupThemes.indices { session.groupThemes[i].dots[id] = nil }
            session.position.item = min(session.position.item, max(0, session.people.count - 1))
        case .statement(let id):
            guard let gone = session.statements.first(where: { $0.id == id }) else { return }
            session.statements.removeAll { $0.id == id }
            // Keep ranks 1, 2, 3 with no gap.
            for i in session.statements.indices
            where session.statements[i].personId == gone.personId && session.statements[i].category == gone.category
                && session.statements[i].rank > gone.rank {
                session.statements[i].rank -= 1
            }
        case .note(let slot, let id):
            session.updateNotes(slot) { $0.removeAll { $0.id == id } }
        case .groupTheme(let id):
            session.groupThemes.removeAll { $0.id == id }
            for i in session.statements.indices where session.statements[i].groupThemeId == id {
                session.statements[i].groupThemeId = nil
            }
            for i in session.actions.indices where session.actions[i].link == Link(kind: .groupTheme, id: id) {
                session.actions[i].link = nil
            }
        case .actionField(let id, _):
            session.actions.removeAll { $0.id == id }
        default:
            break
        }
    }
}
