import TogetherContent

extension StageKind {
    public static let understand = StageKind("understand")
}

/// Why, and what good looks like: one screen per theme that matters most, with causes, success and actions.
enum UnderstandStage: StageScreen {
    static let kind = StageKind.understand

    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int { max(1, session.topThemes(content).count) }

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        guard let theme = session.currentTopTheme(content) else { return [] }
        return session.noteRows(.groupTheme(theme.id)) + session.linkedActionRows(Link(kind: .groupTheme, id: theme.id))
    }

    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place? {
        session.currentTopTheme(content).map { .groupTheme($0.id) }
    }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(.mapTopThemes, "\(session.topThemes(content).count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content
        guard let theme = session.currentTopTheme(content) else {
            page.fixed = [
                .init(text: canvas.stage.prompt, role: .prompt),
                .init(text: content.say(.noThemesYet), role: .error),
            ]
            return
        }
        let top = session.topThemes(content)
        page.progress = content.say(.topThemeProgress, "\(session.position.item + 1)", "\(top.count)")
        page.fixed = [
            .init(text: content.say(.themeWithDots, theme.statement, "\(theme.totalDots)"), role: .heading),
            .init(text: canvas.stage.prompt, role: .prompt),
        ]
        StageParts.noteSections(&page, session, .groupTheme(theme.id), content, canvas.rowIndex)
        StageParts.linkedActions(&page, session, Link(kind: .groupTheme, id: theme.id), content, canvas.rowIndex)
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        StageParts.addNoteOrAction(row, &session, &state, content)
    }
}
