import TogetherContent

/// The screens of the later Working Together for Change stages: themes, dots, why, and actions.
enum StagePagesMore {
    static func theming(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ state: AppState,
                        _ stage: Stage, _ rowIndex: (RowRef) -> Int?, near: Int? = nil) {
        let categories = content.workingTogether.categories
        page.progress = content.say(.partProgress, "\(session.position.item + 1)", "\(categories.count + 1)")
        if let category = session.currentCategory(content) {
            let items = session.statements(in: category.id)
            page.fixed = [
                .init(text: StagePage.symbol(category, state) + content.say(.everythingSaid, category.label, "\(items.count)"),
                      role: StagePage.role(of: category.id)),
                .init(text: content.say(.themingHowTo),
                      role: .prompt),
            ]
            if items.isEmpty { page.list.append(.init(text: content.say(.nothingHereYet), role: .dim)) }
            let focus = page.focus ?? 0
            for (i, statement) in items.enumerated() {
                // Rows here are the statements in order: those a screen cannot reach are left out.
                if let near, focus < items.count, abs(i - focus) > near { continue }
                let mark = state.marked.contains(statement.id) ? "[x] " : "[ ] "
                StagePage.statementLines(&page, statement, prefix: mark, session, content, rowIndex)
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
        page.list.append(.init(text: content.say(.headingPressAToAdd, content.say(.themesWord), "\(session.groupThemes.count)"),
                               role: .heading,
                               row: rowIndex(.groupThemesHeader)))
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

    static func priorities(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ state: AppState,
                           _ stage: Stage, _ rowIndex: (RowRef) -> Int?) {
        let whose = Theming.voterLabel(state.voter, session, content)
        let line = state.voter.map { voter in
            content.say(.dotsGoToLeft, whose, "\(session.setup.votesPerPerson - session.dotsGiven(by: voter))",
                        "\(session.setup.votesPerPerson)")
        } ?? content.say(.dotsGoTo, whose)
        page.fixed = [.init(text: stage.prompt, role: .prompt), .init(text: line, role: .heading)]
        let ranked = session.rankedThemes()
        if ranked.isEmpty {
            page.list.append(.init(text: content.say(.noThemesYet), role: .error))
        }
        for (i, theme) in ranked.enumerated() {
            let dots = theme.totalDots
            let bar = state.view.showsSymbols ? " " + String(repeating: "●", count: min(dots, 20)) : ""
            page.list.append(.init(text: "\(i + 1). " + content.say(dots == 1 ? .themeOneDot : .themeDots, theme.statement,
                                                                   "\(dots)") + bar,
                                   row: rowIndex(.groupTheme(id: theme.id))))
        }
    }

    static func understand(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ stage: Stage,
                           _ rowIndex: (RowRef) -> Int?) {
        guard let theme = session.currentTopTheme(content) else {
            page.fixed = [
                .init(text: stage.prompt, role: .prompt),
                .init(text: content.say(.noThemesYet), role: .error),
            ]
            return
        }
        let top = session.topThemes(content)
        page.progress = content.say(.topThemeProgress, "\(session.position.item + 1)", "\(top.count)")
        page.fixed = [
            .init(text: content.say(.themeWithDots, theme.statement, "\(theme.totalDots)"), role: .heading),
            .init(text: stage.prompt, role: .prompt),
        ]
        StagePage.noteSections(&page, session, .groupTheme(theme.id), content, rowIndex)
        StagePage.linkedActions(&page, session, Link(kind: "groupTheme", id: theme.id), content, rowIndex)
    }

    static func actions(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ stage: Stage,
                        _ rowIndex: (RowRef) -> Int?) {
        page.fixed = [.init(text: stage.prompt, role: .prompt)]
        page.list.append(.init(text: content.say(.headingPressAToAdd, content.say(.actionsWord), "\(session.actions.count)"),
                               role: .heading,
                               row: rowIndex(.actionsHeader(nil))))
        for (n, action) in session.actions.enumerated() {
            let fields: [(ActionField, String)] = [
                (.what, "\(n + 1). \(action.what)"),
                (.who, content.say(.actionWho, action.who.isEmpty ? content.say(.notSaidYet) : action.who)),
                (.byWhen, content.say(.actionByWhen, action.byWhen.isEmpty ? content.say(.notSaidYet) : action.byWhen)),
                (.link, content.say(.actionLinkedTo, Planning.linkLabel(action.link, session, content))
                    + "  " + content.say(.setupEnterChanges)),
                (.intention, content.say(.actionIntention, Planning.intentionLabel(action.intention, content))
                    + "  " + content.say(.setupEnterChanges)),
            ]
            for (field, text) in fields {
                page.list.append(.init(text: text, row: rowIndex(.actionField(id: action.id, field: field)),
                                       indent: field == .what ? 0 : 3))
            }
        }
    }

    // MARK: Overlays

    static func stageMap(_ session: Session, _ content: ContentPacks, focus: Int) -> Page {
        var page = Page(title: content.say(.mapTitle))
        page.fixed = [.init(text: content.say(.mapPrompt), role: .prompt)]
        let current = session.stageIndex(in: content)
        for (i, stage) in session.stages(content).enumerated() {
            let here = i == current ? "  " + content.say(.mapYouAreHere) : ""
            page.list.append(.init(text: "\(i + 1). \(stage.label) · \(summary(stage.id, session, content))\(here)",
                                   row: i))
        }
        page.focus = focus
        page.keyLine = content.say(.mapKeys)
        return page
    }

    /// A few words on how far a stage has got.
    static func summary(_ stage: StageKind, _ session: Session, _ content: ContentPacks) -> String {
        switch stage {
        case .setup: return content.say(.mapPeople, "\(session.people.count)")
        case .makingItReal:
            return content.say(.mapRated, "\(session.makingItReal.filter { $0.rating != nil }.count)",
                               "\(content.makingItReal.themes.count)")
        case .workingTogether: return content.say(.mapThingsSaid, "\(session.statements.count)")
        case .theming:
            let done = session.statements.filter { $0.groupThemeId != nil }.count
            return content.say(.mapThemes, "\(session.groupThemes.count)", "\(done)", "\(session.statements.count)")
        case .priorities: return content.say(.mapDots, "\(session.groupThemes.reduce(0) { $0 + $1.totalDots })")
        case .understand: return content.say(.mapTopThemes, "\(session.topThemes(content).count)")
        case .topTips:
            return content.say(.mapRated, "\(session.topTips.filter { $0.rating != nil }.count)",
                               "\(content.topTips.tips.count)")
        case .actions: return content.say(.mapActions, "\(session.actions.count)")
        case .wrapUp:
            return content.say(.mapNotes,
                               "\(session.wrapUp.count + session.wrapUpSections.values.reduce(0) { $0 + $1.count })")
        case .finish: return content.say(session.status == .finished ? .mapFinished : .mapNotFinished)
        }
    }

    static func chooseTheme(_ session: Session, _ content: ContentPacks, ids: [String], focus: Int) -> Page {
        var page = Page(title: content.say(.chooseThemeTitle))
        page.fixed = [.init(text: ids.count == 1 ? content.say(.chooseThemeOne) : content.say(.chooseThemeMany, "\(ids.count)"),
                            role: .prompt)]
        for (i, theme) in session.groupThemes.enumerated() {
            page.list.append(.init(text: "\(i + 1). \(theme.statement)", row: i))
        }
        page.list.append(.init(text: "\(session.groupThemes.count + 1). " + content.say(.chooseThemeNew), row: session.groupThemes.count))
        page.focus = focus
        page.keyLine = content.say(.chooseThemeKeys)
        return page
    }

    static func search(_ session: Session, _ content: ContentPacks, query: String, focus: Int) -> Page {
        var page = Page(title: content.say(.searchTitle))
        let results = Search.results(session, query)
        let hidden = session.statements.filter(\.hidden).count
        page.fixed = [.init(text: query.isEmpty ? content.say(.searchPrompt) : content.say(.searchFound, "\(results.count)"),
                            role: .prompt)]
        if hidden > 0 {
            page.fixed.append(.init(text: content.say(.searchHidden, "\(hidden)"),
                                    role: .dim))
        }
        for (i, statement) in results.enumerated() {
            let who = session.people.first { $0.id == statement.personId }?.label ?? ""
            let kind = content.category(statement.category)?.label ?? statement.category
            page.list.append(.init(text: "\(who) · \(kind): \(statement.text)", row: i))
        }
        page.focus = results.isEmpty ? nil : focus
        page.editor = (query, query.count)
        page.typingLabel = content.say(.searchTyping)
        page.keyLine = content.say(.searchKeys)
        return page
    }
}
