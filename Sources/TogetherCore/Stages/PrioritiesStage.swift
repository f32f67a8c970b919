import TogetherContent

extension StageKind {
    public static let priorities = StageKind("priorities")
}

/// What matters most: dots on the group's themes, person by person or as the group's count.
enum PrioritiesStage: StageScreen {
    static let kind = StageKind.priorities

    static let keys = [
        key([.char("+"), .char("=")], .dot(1), short: true),
        key([.char("-")], .dot(-1), short: true),
        key([.char("p")], .nextVoter, short: true),
        key([.char("o")], .sortByDots, short: true),
    ]

    /// Coming to the stage: the list is sorted by dots once, and then stays put while dots are given.
    static func entered(_ session: inout Session, _ content: ContentPacks) {
        session.dotOrder = session.rankedThemes().map(\.id)
    }

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        session.themesForDots().map { .groupTheme(id: $0.id) }
    }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(.mapDots, "\(session.groupThemes.reduce(0) { $0 + $1.totalDots })")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content, state = canvas.state
        let whose = Theming.voterLabel(session.voter, session, content)
        let line = session.voter.map { voter in
            content.say(.dotsGoToLeft, whose, "\(session.setup.votesPerPerson - session.dotsGiven(by: voter))",
                        "\(session.setup.votesPerPerson)")
        } ?? content.say(.dotsGoTo, whose)
        page.fixed = [.init(text: canvas.stage.prompt, role: .prompt),
                      .hinted(line, hint: " " + content.say(.pressPToChange), role: .heading)]
        let ranked = session.themesForDots()
        let tied = session.tiedAtCutOff(content)
        if !tied.isEmpty {
            page.fixed.append(.init(text: content.say(.tieAtCutOff, "\(content.plan(session.setup.plan).topThemes)",
                                                      tied.map(\.statement).joined(separator: "; "), "\(tied[0].totalDots)"),
                                    role: .error))
        }
        if ranked.isEmpty {
            page.list.append(.init(text: content.say(.noThemesYet), role: .error))
        }
        for (i, theme) in ranked.enumerated() {
            let dots = theme.totalDots
            let bar = state.view.showsSymbols ? " " + String(repeating: "●", count: min(dots, 20)) : ""
            page.list.append(.init(text: "\(i + 1). " + content.say(dots == 1 ? .themeOneDot : .themeDots, theme.statement,
                                                                   "\(dots)") + bar,
                                   row: canvas.rowIndex(.groupTheme(id: theme.id))))
        }
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        state.status = .init(content.say(.themesMadeInFinding))
    }

    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool {
        guard case .groupTheme? = row else { return false }
        Theming.dot(1, row, &session, &state, content)
        return true
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        switch action {
        case .dot(let delta):
            Theming.dot(delta, row, &session, &state, content)
        case .sortByDots:
            entered(&session, content)
            state.status = .init(content.say(.sortedByDots))
        case .nextVoter:
            let ids: [String?] = [nil] + session.people.map(\.id)
            let at = ids.firstIndex(of: session.voter) ?? 0
            session.voter = ids[(at + 1) % ids.count]
            state.status = .init(content.say(.dotsNowGoTo, Theming.voterLabel(session.voter, session, content)))
        default:
            break
        }
    }
}
