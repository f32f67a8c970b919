import TogetherContent

/// The screens of the later Working Together for Change stages: themes, dots, why, and actions.
enum StagePagesMore {
    static func theming(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ state: AppState,
                        _ stage: Stage, _ rowIndex: (RowRef) -> Int?) {
        let categories = content.workingTogether.categories
        page.progress = "Part \(session.position.item + 1) of \(categories.count + 1)"
        if let category = session.currentCategory(content) {
            let items = session.statements(in: category.id)
            page.fixed = [
                .init(text: "\(StagePage.symbol(category, state))\(category.label): everything people said (\(items.count))",
                      role: StagePage.role(of: category.id)),
                .init(text: "Space marks a statement. i puts the marked ones into a theme. Tab: the next kind.",
                      role: .prompt),
            ]
            if items.isEmpty { page.list.append(.init(text: "Nothing here yet.", role: .dim)) }
            for statement in items {
                let mark = state.marked.contains(statement.id) ? "[x] " : "[ ] "
                StagePage.statementLines(&page, statement, prefix: mark, session, content, rowIndex)
                if let theme = session.groupThemes.first(where: { $0.id == statement.groupThemeId }) {
                    page.list.append(.init(text: "in theme: \(theme.statement)", role: .dim, indent: 6))
                }
            }
            return
        }
        page.fixed = [
            .init(text: "Our themes", role: .heading),
            .init(text: "Link each theme to Making It Real with the numbers: "
                  + content.makingItReal.themes.enumerated().map { "\($0 + 1) \($1.label)" }.joined(separator: " · "),
                  role: .prompt),
        ]
        page.list.append(.init(text: "Themes (\(session.groupThemes.count)): press a to add", role: .heading,
                               row: rowIndex(.groupThemesHeader)))
        for theme in session.groupThemes {
            let count = session.statements.filter { $0.groupThemeId == theme.id }.count
            page.list.append(.init(text: "\(theme.statement) (\(count) statements)",
                                   row: rowIndex(.groupTheme(id: theme.id)), indent: 2))
            page.list.append(.init(text: "Making It Real: " + links(theme, content), role: .dim, indent: 6))
        }
    }

    static func links(_ theme: GroupTheme, _ content: ContentPacks) -> String {
        theme.makingItReal.isEmpty ? "not linked yet"
            : theme.makingItReal.compactMap { content.theme($0)?.label }.joined(separator: "; ")
    }

    static func priorities(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ state: AppState,
                           _ stage: Stage, _ rowIndex: (RowRef) -> Int?) {
        var whose = "Dots go to: \(Theming.voterLabel(state.voter, session))"
        if let voter = state.voter {
            whose += " (\(session.setup.votesPerPerson - session.dotsGiven(by: voter)) of \(session.setup.votesPerPerson) left)"
        }
        page.fixed = [.init(text: stage.prompt, role: .prompt), .init(text: whose + ". Press p to change.", role: .heading)]
        let ranked = session.rankedThemes()
        if ranked.isEmpty {
            page.list.append(.init(text: "There are no themes yet. Press g and go to Finding themes.", role: .error))
        }
        for (i, theme) in ranked.enumerated() {
            let dots = theme.totalDots
            let bar = state.view.showsSymbols ? " " + String(repeating: "●", count: min(dots, 20)) : ""
            page.list.append(.init(text: "\(i + 1). \(theme.statement): \(dots) \(dots == 1 ? "dot" : "dots")\(bar)",
                                   row: rowIndex(.groupTheme(id: theme.id))))
        }
    }

    static func understand(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ stage: Stage,
                           _ rowIndex: (RowRef) -> Int?) {
        guard let theme = session.currentTopTheme(content) else {
            page.fixed = [
                .init(text: stage.prompt, role: .prompt),
                .init(text: "There are no themes yet. Press g and go to Finding themes.", role: .error),
            ]
            return
        }
        let top = session.topThemes(content)
        page.progress = "Top theme \(session.position.item + 1) of \(top.count)"
        page.fixed = [
            .init(text: "\(theme.statement) (\(theme.totalDots) dots)", role: .heading),
            .init(text: stage.prompt, role: .prompt),
        ]
        StagePage.noteSections(&page, session, .groupTheme(theme.id), content, rowIndex)
        StagePage.linkedActions(&page, session, Link(kind: "groupTheme", id: theme.id), rowIndex)
    }

    static func actions(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ stage: Stage,
                        _ rowIndex: (RowRef) -> Int?) {
        page.fixed = [.init(text: stage.prompt, role: .prompt)]
        page.list.append(.init(text: "Actions (\(session.actions.count)): press a to add", role: .heading,
                               row: rowIndex(.actionsHeader(nil))))
        for (n, action) in session.actions.enumerated() {
            let fields: [(ActionField, String)] = [
                (.what, "\(n + 1). \(action.what)"),
                (.who, "Who: " + (action.who.isEmpty ? "not said yet" : action.who)),
                (.byWhen, "By when: " + (action.byWhen.isEmpty ? "not said yet" : action.byWhen)),
                (.link, "Linked to: " + Planning.linkLabel(action.link, session, content) + "  (Enter changes it)"),
                (.intention, "Intention: " + Planning.intentionLabel(action.intention, content) + "  (Enter changes it)"),
            ]
            for (field, text) in fields {
                page.list.append(.init(text: text, row: rowIndex(.actionField(id: action.id, field: field)),
                                       indent: field == .what ? 0 : 3))
            }
        }
    }

    // MARK: Overlays

    static func stageMap(_ session: Session, _ content: ContentPacks, focus: Int) -> Page {
        var page = Page(title: "Go to a stage")
        page.fixed = [.init(text: "Choose a stage and press Enter, or press its number. Esc goes back.", role: .prompt)]
        let current = session.stageIndex(in: content)
        for (i, stage) in session.stages(content).enumerated() {
            let here = i == current ? "  (you are here)" : ""
            page.list.append(.init(text: "\(i + 1). \(stage.label) · \(summary(stage.id, session, content))\(here)",
                                   row: i))
        }
        page.focus = focus
        page.keyLine = "Enter go · 1-9 go to that stage · Esc back"
        return page
    }

    /// A few words on how far a stage has got.
    static func summary(_ stage: StageKind, _ session: Session, _ content: ContentPacks) -> String {
        switch stage {
        case .setup: return "\(session.people.count) people"
        case .makingItReal:
            return "\(session.makingItReal.filter { $0.rating != nil }.count) of \(content.makingItReal.themes.count) rated"
        case .workingTogether: return "\(session.statements.count) things said"
        case .theming:
            let done = session.statements.filter { $0.groupThemeId != nil }.count
            return "\(session.groupThemes.count) themes, \(done) of \(session.statements.count) statements in one"
        case .priorities: return "\(session.groupThemes.reduce(0) { $0 + $1.totalDots }) dots"
        case .understand: return "\(session.topThemes(content).count) top themes"
        case .topTips:
            return "\(session.topTips.filter { $0.rating != nil }.count) of \(content.topTips.tips.count) rated"
        case .actions: return "\(session.actions.count) actions"
        case .wrapUp: return "\(session.wrapUp.count + session.wrapUpSections.values.reduce(0) { $0 + $1.count }) notes"
        case .finish: return session.status == .finished ? "finished" : "not finished"
        }
    }

    static func chooseTheme(_ session: Session, ids: [String], focus: Int) -> Page {
        var page = Page(title: "Put into a theme")
        page.fixed = [.init(text: "Which theme \(ids.count == 1 ? "does this statement" : "do these \(ids.count) statements") "
                            + "go into? Enter chooses. Esc goes back.", role: .prompt)]
        for (i, theme) in session.groupThemes.enumerated() {
            page.list.append(.init(text: "\(i + 1). \(theme.statement)", row: i))
        }
        page.list.append(.init(text: "\(session.groupThemes.count + 1). A new theme…", row: session.groupThemes.count))
        page.focus = focus
        page.keyLine = "Enter choose · Esc back"
        return page
    }

    static func search(_ session: Session, _ content: ContentPacks, query: String, focus: Int) -> Page {
        var page = Page(title: "Search")
        let results = Search.results(session, query)
        let hidden = session.statements.filter(\.hidden).count
        page.fixed = [.init(text: query.isEmpty ? "Type words to look for. Enter goes to the one chosen. Esc goes back."
                            : "\(results.count) found. Up and Down choose, Enter goes there, Esc goes back.",
                            role: .prompt)]
        if hidden > 0 {
            page.fixed.append(.init(text: "\(hidden) hidden statements are not searched until they are revealed.",
                                    role: .dim))
        }
        for (i, statement) in results.enumerated() {
            let who = session.people.first { $0.id == statement.personId }?.label ?? ""
            let kind = content.category(statement.category)?.label ?? statement.category
            page.list.append(.init(text: "\(who) · \(kind): \(statement.text)", row: i))
        }
        page.focus = results.isEmpty ? nil : focus
        page.editor = (query, query.count)
        page.typingLabel = "words to look for"
        page.keyLine = "Enter go there · Up Down choose · Esc back"
        return page
    }
}
