import TogetherContent

extension StageKind {
    public static let theming = StageKind("theming")
}

/// Finding themes: every statement of one kind on a screen, put into the group's own themes; then the themes,
/// linked to Making It Real.
enum ThemingStage: StageScreen {
    static let kind = StageKind.theming

    static let keys = [
        key([.char(" ")], .toggleMark, short: true, hintKey: "Space"),
        key([.char("i")], .putIntoTheme, short: true),
        key([.tab, .char("c")], .nextItem),
        key([.char("t")], .tagTheme),
        key([.char("y")], .acceptSuggestion, short: true),
        key([.char("x")], .ignoreSuggestion),
        key([.char("1")], .toggleLink(1), short: true, hintKey: "1-6"),
    ] + (2...6).map { key([.char(Character("\($0)"))], .toggleLink($0)) }

    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int {
        content.workingTogether.categories.count + 1
    }

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        if let category = session.currentCategory(content) {
            return StatementOrder.shared.rows(in: category.id, session)
        }
        return [.groupThemesHeader] + session.groupThemes.map { .groupTheme(id: $0.id) }
    }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        let done = session.statements.filter { $0.groupThemeId != nil }.count
        return content.say(.mapThemes, "\(session.groupThemes.count)", "\(done)", "\(session.statements.count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content, state = canvas.state, rowIndex = canvas.rowIndex
        let categories = content.workingTogether.categories
        page.progress = content.say(.partProgress, "\(session.position.item + 1)", "\(categories.count + 1)")
        if let category = session.currentCategory(content) {
            let items = session.statements(in: category.id)
            page.fixed = [
                .init(text: StageParts.symbol(category, state) + content.say(.everythingSaid, category.label, "\(items.count)"),
                      role: StageParts.role(of: category.id)),
                .init(text: content.say(.themingHowTo), role: .prompt),
            ]
            if items.isEmpty { page.list.append(.init(text: content.say(.nothingHereYet), role: .dim)) }
            let focus = page.focus ?? 0
            // Rows here are the statements in order: those a screen cannot reach are left out (not even looked
            // at: a thousand statements skipped one by one cost more than the screenful drawn).
            // (Above the focus a screenful; below it the next statement, or the first screenful.)
            var reach = items.indices
            if let near = canvas.near, focus < items.count {
                reach = max(0, focus - near)..<min(items.count, max(focus + 2, near) + 1)
            }
            for i in reach {
                let statement = items[i]
                let mark = !state.marked.isEmpty && state.marked.contains(statement.id) ? "[x] " : "[ ] "
                StageParts.statementLines(&page, statement, prefix: mark, session, content, rowIndex,
                                          peek: canvas.state.peek)
                if let theme = session.groupThemes.first(where: { $0.id == statement.groupThemeId }) {
                    page.list.append(.init(text: content.say(.inTheme, theme.statement), role: .dim, indent: 6))
                }
            }
            return
        }
        page.fixed = [
            .init(text: content.say(.ourThemes), role: .heading),
            .init(text: content.say(.linkWithNumbers,
                                    content.makingItReal.themes.enumerated().map { "\($0 + 1) \($1.label)" }
                                        .joined(separator: " · ")),
                  role: .prompt),
        ]
        page.list.append(.hinted(content.say(.headingCount, content.say(.themesWord), "\(session.groupThemes.count)"),
                                 hint: content.say(.pressAToAdd), role: .heading, row: rowIndex(.groupThemesHeader)))
        for theme in session.groupThemes {
            let count = session.statements.filter { $0.groupThemeId == theme.id }.count
            page.list.append(.init(text: content.say(.themeWithCount, theme.statement, "\(count)"),
                                   row: rowIndex(.groupTheme(id: theme.id)), indent: 2))
            page.list.append(.init(text: content.say(.makingItRealLinks, links(theme, content)), role: .dim, indent: 6))
        }
    }

    static func links(_ theme: GroupTheme, _ content: ContentPacks) -> String {
        theme.makingItReal.isEmpty ? content.say(.notLinkedYet)
            : theme.makingItReal.compactMap { content.theme($0)?.label }.joined(separator: "; ")
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        Editing.begin(.newGroupTheme(statementIds: Theming.chosen(row, state, session)), &session, &state)
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        Theming.reduce(action, row, &session, &state, content, env)
    }
}
