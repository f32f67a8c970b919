import TogetherContent

/// Lists shown over a stage: the stage map, the theme chooser and the search.
enum OverlayPages {
    // MARK: Overlays

    static func stageMap(_ session: Session, _ content: ContentPacks, focus: Int) -> Page {
        var page = Page(title: content.say(.mapTitle))
        page.fixed = [.init(text: content.say(.mapPrompt), role: .prompt)]
        let current = session.stageIndex(in: content)
        for (i, stage) in session.stages(content).enumerated() {
            let here = i == current ? "  " + content.say(.mapYouAreHere) : ""
            page.list.append(.init(text: "\(i + 1). \(stage.label) · \(Stages.screen(stage.id).map { $0.summary(session, content) } ?? "")\(here)",
                                   row: i))
        }
        page.focus = focus
        return page
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
        return page
    }

    static func choice(_ list: AppState.ChoiceList, _ content: ContentPacks) -> Page {
        var page = Page(title: list.title)
        page.fixed = [.init(text: list.prompt, role: .prompt)]
        for (i, option) in list.options.enumerated() {
            page.list.append(.init(text: "\(i + 1). \(option.label)", row: i))
        }
        page.focus = list.options.isEmpty ? nil : list.focus
        return page
    }

    static func search(_ session: Session, _ content: ContentPacks, query: String, focus: Int) -> Page {
        var page = Page(title: content.say(.searchTitle))
        let results = Search.results(session, query, content)
        let hidden = session.statements.filter(\.hidden).count
        page.fixed = [.init(text: query.isEmpty ? content.say(.searchPrompt) : content.say(.searchFound, "\(results.count)"),
                            role: .prompt)]
        if hidden > 0 {
            page.fixed.append(.init(text: content.say(.searchHidden, "\(hidden)"),
                                    role: .dim))
        }
        for (i, hit) in results.enumerated() {
            page.list.append(.init(text: "\(hit.place): \(hit.text)", row: i))
        }
        page.focus = results.isEmpty ? nil : focus
        page.editor = (query, query.count)
        page.typingLabel = content.say(.searchTyping)
        return page
    }
}
