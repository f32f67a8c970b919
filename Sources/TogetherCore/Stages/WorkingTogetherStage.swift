import TogetherContent

extension StageKind {
    public static let workingTogether = StageKind("workingTogether")
}

/// Working Together for Change, first part: each person's things working, not working and for the future.
enum WorkingTogetherStage: StageScreen {
    static let kind = StageKind.workingTogether

    static let keys = [
        key([.tab, .char("c")], .nextCategory, short: true),
        key([.char("t")], .tagTheme, short: true),
        key([.char("<")], .moveRank(-1)),
        key([.char(">")], .moveRank(1)),
        key([.char("m")], .moveToNextCategory),
        key([.char("p")], .moveToNextPerson),
        key([.char("v")], .chooseVoice, short: true),
        key([.char("y")], .acceptSuggestion),
        key([.char("x")], .ignoreSuggestion),
    ]

    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int { max(1, session.people.count) }

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        guard let person = session.currentPerson() else { return [] }
        return content.workingTogether.categories.flatMap { category in
            [RowRef.categoryHeader(category.id)]
                + session.statements(of: person.id, in: category.id).map { .statement(id: $0.id) }
        }
    }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(.mapThingsSaid, "\(session.statements.count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content
        guard let person = session.currentPerson() else {
            page.fixed = [
                .init(text: canvas.stage.prompt, role: .prompt),
                .init(text: content.say(.nobodyYet), role: .error),
            ]
            return
        }
        page.progress = content.say(.personProgress, "\(session.position.item + 1)", "\(session.people.count)")
        let role = content.role(person.role)?.label ?? person.role
        page.fixed = [
            .init(text: "\(person.label) · \(role)", role: .heading),
            .init(text: canvas.stage.prompt, role: .prompt),
        ]
        let limit = session.setup.statementsPerPerson
        for category in content.workingTogether.categories {
            let items = session.statements(of: person.id, in: category.id)
            page.list.append(.init(text: StageParts.symbol(category, canvas.state)
                                       + content.say(.categoryCount, category.label, "\(items.count)", "\(limit)"),
                                   role: StageParts.role(of: category.id), row: canvas.rowIndex(.categoryHeader(category.id))))
            for statement in items {
                StageParts.statementLines(&page, statement, prefix: "\(statement.rank). ", session, content, canvas.rowIndex,
                                          peek: canvas.state.peek)
            }
        }
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        guard let person = session.currentPerson() else {
            state.status = .init(content.say(.nobodyYet), isProblem: true)
            return
        }
        let category = categoryOf(row, session) ?? content.workingTogether.categories[0].id
        let have = session.statements(of: person.id, in: category).count
        if have >= session.setup.statementsPerPerson {
            let label = content.category(category)?.label ?? category
            state.status = .init(content.say(.hasTheMost, person.label, "\(have)", label), isProblem: true)
            return
        }
        Editing.begin(.newStatement(personId: person.id, category: category), &session, &state)
    }

    static func categoryOf(_ row: RowRef?, _ session: Session) -> String? {
        switch row {
        case .categoryHeader(let id): id
        case .statement(let id): session.statements.first { $0.id == id }?.category
        default: nil
        }
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        switch action {
        case .nextCategory:
            let rows = Self.rows(session, content)
            let headers = rows.indices.filter { if case .categoryHeader = rows[$0] { true } else { false } }
            guard !headers.isEmpty else { return }
            session.position.focus = headers.first { $0 > session.position.focus } ?? headers[0]
        case .moveRank, .moveToNextCategory, .moveToNextPerson:
            guard case .statement(let id)? = row else {
                state.status = .init(content.say(.moveToStatementFirst), isProblem: true)
                return
            }
            Moving.move(id, action, &session, &state, content)
        case .chooseVoice:
            guard case .statement(let id)? = row else {
                state.status = .init(content.say(.moveToStatementThen, "v"), isProblem: true)
                return
            }
            Choosing.open(.voice(statementId: id), session, &state, content)
        default:
            Theming.reduce(action, row, &session, &state, content, env)
        }
    }
}
