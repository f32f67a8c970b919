import TogetherContent

/// Reordering a person's statements, and moving a statement to another category or person.
/// Ranks stay 1, 2, 3 with no gaps, and no one ever ends up with more than the session allows.
enum Moving {
    static func move(_ id: String, _ action: Action, _ session: inout Session, _ state: inout AppState,
                     _ content: ContentPacks) {
        guard let statement = session.statements.first(where: { $0.id == id }) else { return }
        switch action {
        case .moveRank(let delta):
            var list = session.statements(of: statement.personId, in: statement.category).map(\.id)
            guard let at = list.firstIndex(of: id), list.indices.contains(at + delta) else {
                state.status = .init(content.say(delta < 0 ? .firstAlready : .lastAlready))
                return
            }
            list.swapAt(at, at + delta)
            setRanks(list, &session)
            state.status = .init(content.say(.nowNumber, "\(at + delta + 1)"))
        case .moveToNextCategory:
            let ids = content.workingTogether.categories.map(\.id)
            let next = ids[((ids.firstIndex(of: statement.category) ?? 0) + 1) % ids.count]
            relocate(statement, to: statement.personId, next, &session, &state, content)
        case .moveToNextPerson:
            let people = session.people.map(\.id)
            guard people.count > 1 else {
                state.status = .init(content.say(.nobodyElse), isProblem: true)
                return
            }
            let next = people[((people.firstIndex(of: statement.personId) ?? 0) + 1) % people.count]
            relocate(statement, to: next, statement.category, &session, &state, content)
        default:
            return
        }
        Editing.focus(on: .statement(id: id), &session, content)
    }

    static func relocate(_ statement: Statement, to personId: String, _ category: String, _ session: inout Session,
                         _ state: inout AppState, _ content: ContentPacks) {
        let label = content.category(category)?.label ?? category
        let who = session.people.first { $0.id == personId }?.label ?? ""
        let there = session.statements(of: personId, in: category)
        if there.count >= session.setup.statementsPerPerson {
            state.status = .init(content.say(.fullThere, who, "\(there.count)", label),
                                 isProblem: true)
            return
        }
        let left = session.statements(of: statement.personId, in: statement.category).map(\.id).filter { $0 != statement.id }
        guard let i = session.statements.firstIndex(where: { $0.id == statement.id }) else { return }
        session.statements[i].personId = personId
        session.statements[i].category = category
        setRanks(left, &session)
        setRanks(there.map(\.id) + [statement.id], &session)
        if personId != statement.personId, let p = session.people.firstIndex(where: { $0.id == personId }) {
            session.position.item = p // follow the statement to its new person
        }
        state.status = .init(content.say(.movedTo, label, who))
    }

    static func setRanks(_ ids: [String], _ session: inout Session) {
        for (rank, id) in ids.enumerated() {
            if let i = session.statements.firstIndex(where: { $0.id == id }) { session.statements[i].rank = rank + 1 }
        }
    }
}
