import TogetherContent

extension StageKind {
    public static let makingItReal = StageKind("makingItReal")
}

/// Making It Real: one screen per theme, rated by the group, with examples, barriers, what should happen, actions.
enum MakingItRealStage: StageScreen {
    static let kind = StageKind.makingItReal

    static let keys = [key([.char("1")], .rate(1), short: true, hintKey: "1-4")]
        + (2...4).map { key([.char(Character("\($0)"))], .rate($0)) }

    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int { content.makingItReal.themes.count }

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        guard let theme = session.currentTheme(content) else { return [] }
        return [.rating] + session.noteRows(.makingItReal(theme.id))
            + session.linkedActionRows(Link(kind: .makingItReal, id: theme.id))
    }

    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place? {
        session.currentTheme(content).map { .makingItReal($0.id) }
    }

    static func ratingScale(_ content: ContentPacks) -> [RatingLevel]? { content.makingItReal.scale }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(.mapRated, "\(session.makingItReal.filter { $0.rating != nil }.count)",
                    "\(content.makingItReal.themes.count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content
        guard let theme = session.currentTheme(content) else { return }
        StageParts.ratedItem(&page, progress: content.say(.themeProgress, "\(session.position.item + 1)",
                                                          "\(content.makingItReal.themes.count)"),
                             heading: theme.label, prompt: theme.prompt, question: content.say(.themeQuestion),
                             chosen: session.themeReview(theme.id).rating, scale: content.makingItReal.scale,
                             content, canvas.rowIndex)
        StageParts.noteSections(&page, session, .makingItReal(theme.id), content, canvas.rowIndex)
        StageParts.linkedActions(&page, session, Link(kind: .makingItReal, id: theme.id), content, canvas.rowIndex)
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        StageParts.addNoteOrAction(row, &session, &state, content)
    }

    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool {
        guard row == .rating else { return false }
        let current = session.currentTheme(content).flatMap { session.themeReview($0.id).rating }
        handle(.rate(StageParts.nextAnswer(after: current, content.makingItReal.scale)), row, &session, &state, content,
               .live)
        return true
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        guard case .rate(let n) = action, let theme = session.currentTheme(content),
              let level = StageParts.level(n, content.makingItReal.scale, &state, content) else { return }
        session.updateThemeReview(theme.id) { $0.rating = level.id }
    }
}
