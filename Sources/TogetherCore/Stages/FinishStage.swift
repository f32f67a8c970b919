import TogetherContent

/// Finishing: what the workshop made, marked finished, and the handouts written.
enum FinishStage: StageScreen {
    static let kind = StageKind.finish

    static let keys = [
        key([.char("f")], .finishWorkshop, short: true),
        key([.char("w")], .writeHandouts, short: true),
    ]

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] { [.finishToggle, .writeHandouts] }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(session.status == .finished ? .mapFinished : .mapNotFinished)
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content
        let rated = session.makingItReal.filter { $0.rating != nil }.count
        let tips = session.topTips.filter { $0.rating != nil }.count
        let counts = content.workingTogether.categories.map { category in
            "\(session.statements.filter { $0.category == category.id }.count) \(category.label.lowercased())"
        }.joined(separator: ", ")
        page.fixed = [.init(text: canvas.stage.prompt, role: .prompt)]
        page.list = [
            .init(text: content.say(.finishPeople, "\(session.people.count)")),
            .init(text: content.say(.finishThingsSaid, "\(session.statements.count)", counts)),
            .init(text: content.say(.finishThemesRated, "\(rated)", "\(content.makingItReal.themes.count)")),
            .init(text: content.say(.finishTipsRated, "\(tips)", "\(content.topTips.tips.count)")),
            .init(text: content.say(.finishThemesAndActions, "\(session.groupThemes.count)", "\(session.actions.count)")),
            .init(text: ""),
            .init(text: session.status == .finished ? "[x] " + content.say(.finishIsFinished)
                  : "[ ] " + content.say(.finishMarkFinished),
                  role: session.status == .finished ? .chosen : .normal, row: canvas.rowIndex(.finishToggle)),
            .hinted(content.say(.finishWriteHandouts), hint: " " + content.say(.pressW), row: canvas.rowIndex(.writeHandouts)),
        ]
    }

    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool {
        guard row == .finishToggle else { return false }
        toggle(&session, &state, content)
        return true
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        if action == .finishWorkshop { toggle(&session, &state, content) }
    }

    static func toggle(_ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        if session.status == .finished {
            session.status = .inProgress
            state.status = .init(content.say(.openAgain))
        } else {
            session.status = .finished
            state.status = .init(content.say(.finishedAndSaved))
        }
    }
}
