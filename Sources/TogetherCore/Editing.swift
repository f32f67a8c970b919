import Foundation
import TogetherContent

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
        case .person(let id): return .person(id: id)
        case .statement(let id): return .statement(id: id)
        case .note(let id):
            switch session.position.stage {
            case .makingItReal: return session.currentTheme(content).map { .example(themeId: $0.id, id: id) }
            case .topTips: return session.currentTip(content).map { .tipNote(tipId: $0.id, id: id) }
            case .wrapUp: return .wrapUpNote(id: id)
            default: return nil
            }
        default: return nil
        }
    }

    static func existingText(_ target: EditTarget, _ session: Session) -> String? {
        switch target {
        case .setupTitle: session.setup.title
        case .setupDate: session.setup.date
        case .setupArea: session.setup.area
        case .person(let id): session.people.first { $0.id == id }?.label
        case .statement(let id): session.statements.first { $0.id == id }?.text
        case .example(let themeId, let id): session.themeReview(themeId).examples.first { $0.id == id }?.text
        case .tipNote(let tipId, let id): session.tipReview(tipId).notes.first { $0.id == id }?.text
        case .wrapUpNote(let id): session.wrapUp.first { $0.id == id }?.text
        case .newPerson, .newExample, .newStatement, .newTipNote, .newWrapUpNote: nil
        }
    }

    static func reduce(_ session: inout Session, _ state: inout AppState, _ action: Action,
                       _ content: ContentPacks, _ env: Environment) {
        guard var draft = session.draft else { return }
        var chars = Array(draft.text)
        let cursor = min(max(0, state.cursor), chars.count)
        switch action {
        case .insert(let typed):
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
        case .cursorLeft: state.cursor = max(0, cursor - 1)
        case .cursorRight: state.cursor = min(chars.count, cursor + 1)
        case .cursorHome: state.cursor = 0
        case .cursorEnd: state.cursor = chars.count
        case .cancelEdit:
            session.draft = nil
            state.status = .init(draft.target.addsItem ? "Stopped adding." : "Stopped. The words were not changed.")
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
                       _ content: ContentPacks, _ env: Environment) {
        let text = draft.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            session.draft = nil
            state.status = draft.target.addsItem
                ? .init("Stopped adding.")
                : .init("Nothing was typed, so the words stay as they were. Press d to delete.")
            return
        }
        if let problem = problem(with: text, for: draft.target) {
            state.status = .init(problem, isProblem: true)
            return
        }
        session.draft = nil
        let now = env.now()
        switch draft.target {
        case .setupTitle: session.setup.title = text
        case .setupDate: session.setup.date = text
        case .setupArea: session.setup.area = text
        case .newPerson:
            let id = session.makeID("p")
            session.people.append(Person(id: id, label: text, role: content.workshop.roles[0].id))
            focus(on: .person(id: id), &session, content)
        case .person(let id):
            if let i = session.people.firstIndex(where: { $0.id == id }) { session.people[i].label = text }
        case .newExample(let themeId):
            let note = Note(id: session.makeID("n"), text: text, createdAt: now)
            session.updateThemeReview(themeId) { $0.examples.append(note) }
            focus(on: .note(id: note.id), &session, content)
        case .example(let themeId, let id):
            session.updateThemeReview(themeId) { review in
                if let i = review.examples.firstIndex(where: { $0.id == id }) { review.examples[i].text = text }
            }
        case .newStatement(let personId, let category):
            let rank = session.statements(of: personId, in: category).count + 1
            let statement = Statement(id: session.makeID("st"), personId: personId, category: category,
                                      rank: rank, text: text, createdAt: now)
            session.statements.append(statement)
            focus(on: .statement(id: statement.id), &session, content)
            if rank >= session.setup.statementsPerPerson {
                let label = content.category(category)?.label ?? category
                state.status = .init("That is \(rank) in \(label). Press Tab for the next kind.")
                return
            }
        case .statement(let id):
            if let i = session.statements.firstIndex(where: { $0.id == id }) { session.statements[i].text = text }
        case .newTipNote(let tipId):
            let note = Note(id: session.makeID("n"), text: text, createdAt: now)
            session.updateTipReview(tipId) { $0.notes.append(note) }
            focus(on: .note(id: note.id), &session, content)
        case .tipNote(let tipId, let id):
            session.updateTipReview(tipId) { review in
                if let i = review.notes.firstIndex(where: { $0.id == id }) { review.notes[i].text = text }
            }
        case .newWrapUpNote:
            let note = Note(id: session.makeID("n"), text: text, createdAt: now)
            session.wrapUp.append(note)
            focus(on: .note(id: note.id), &session, content)
        case .wrapUpNote(let id):
            if let i = session.wrapUp.firstIndex(where: { $0.id == id }) { session.wrapUp[i].text = text }
        }
        state.status = .init("Saved.")
        if draft.target.addsItem {
            // Capture at the speed of talk: the box opens again for the next one. Esc or an empty Enter stops.
            session.draft = Draft(target: draft.target, text: "")
            state.cursor = 0
        }
    }

    /// A plain reason the words cannot be kept as they are, or nil when they can.
    static func problem(with text: String, for target: EditTarget) -> String? {
        switch target {
        case .setupDate:
            return isRealDay(text) ? nil : "Please type the date like this: 2026-03-14 (year, month, day)."
        case .newPerson, .person:
            return looksLikeFullName(text)
                ? "Use initials or a made-up first name, not a full name."
                : nil
        default:
            return nil
        }
    }

    static func isRealDay(_ text: String) -> Bool {
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
        case .note(let id):
            for i in session.makingItReal.indices { session.makingItReal[i].examples.removeAll { $0.id == id } }
            for i in session.topTips.indices { session.topTips[i].notes.removeAll { $0.id == id } }
            session.wrapUp.removeAll { $0.id == id }
        default:
            break
        }
    }
}
