import TogetherContent

/// The start screen: a new workshop, or one to carry on with.
enum HomePage {
    static func page(_ state: AppState, _ content: ContentPacks) -> Page {
        var page = Page(title: "Together")
        page.fixed = [
            .init(text: content.say(.homeHeading), role: .heading),
            .init(text: content.say(.homePrompt), role: .prompt),
        ]
        page.list.append(.init(text: content.say(.homeStartNew), row: 0))
        for (i, session) in state.resumable.enumerated() {
            let title = session.setup.title.isEmpty ? content.say(.homeNoTitle) : session.setup.title
            let place = session.setup.area.isEmpty ? "" : " · \(session.setup.area)"
            let stage = content.stage(session.position.stage)?.label ?? ""
            page.list.append(.init(text: content.say(.homeCarryOn, title + place, session.setup.date, stage), row: i + 1))
        }
        if !state.sessionsFolder.isEmpty {
            page.fixed.append(.init(text: content.say(.homeSavedIn, state.sessionsFolder), role: .dim))
        }
        if !state.putAway.isEmpty {
            page.list.append(.init(text: content.say(.homePutAway, "\(state.putAway.count)"), role: .heading))
            for (i, session) in state.putAway.enumerated() {
                let title = session.setup.title.isEmpty ? content.say(.homeNoTitle) : session.setup.title
                page.list.append(.init(text: "\(title) · \(session.setup.date)", role: .dim,
                                       row: state.resumable.count + 1 + i, indent: 2))
            }
        }
        if !state.unreadable.isEmpty {
            page.list.append(.init(text: ""))
            page.list.append(.init(text: content.say(.homeUnreadable), role: .error))
            for problem in state.unreadable { page.list.append(.init(text: problem, role: .dim, indent: 2)) }
        }
        page.focus = state.homeFocus
        return page
    }
}
