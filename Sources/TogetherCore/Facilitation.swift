import Foundation
import TogetherContent

/// The stage map, the search and the theme chooser: lists shown over the screen until one is chosen.
enum Overlays {
    static func handles(_ overlay: AppState.Overlay) -> Bool {
        switch overlay {
        case .stageMap, .search, .chooseTheme, .choose: true
        case .help, .confirmDelete, .confirmLeave: false
        }
    }

    static func reduce(_ overlay: AppState.Overlay, _ session: inout Session, _ state: inout AppState,
                       _ action: Action, _ content: ContentPacks) {
        if action == .closeOverlay {
            state.overlay = nil
            return
        }
        switch overlay {
        case .stageMap(let focus):
            let stages = session.stages(content)
            switch action {
            case .focusUp: state.overlay = .stageMap(focus: max(0, focus - 1))
            case .focusDown: state.overlay = .stageMap(focus: min(stages.count - 1, focus + 1))
            case .activate: go(to: focus, &session, &state, content)
            case .choose(let n) where stages.indices.contains(n - 1): go(to: n - 1, &session, &state, content)
            default: break
            }
        case .chooseTheme(let ids, let focus):
            let count = session.groupThemes.count + 1
            var choice: Int?
            switch action {
            case .focusUp: state.overlay = .chooseTheme(statementIds: ids, focus: max(0, focus - 1))
            case .focusDown: state.overlay = .chooseTheme(statementIds: ids, focus: min(count - 1, focus + 1))
            case .activate: choice = focus
            case .choose(let n) where (1...count).contains(n): choice = n - 1
            default: break
            }
            guard let choice else { return }
            state.overlay = nil
            if choice < session.groupThemes.count {
                Theming.put(ids, into: session.groupThemes[choice].id, &session, &state, content)
            } else {
                Editing.begin(.newGroupTheme(statementIds: ids), &session, &state)
            }
        case .search(let query, let focus):
            let results = Search.results(session, query)
            switch action {
            case .insert(let text): state.overlay = .search(query: query + text, focus: 0)
            case .backspace: state.overlay = .search(query: String(query.dropLast()), focus: 0)
            case .focusUp: state.overlay = .search(query: query, focus: max(0, focus - 1))
            case .focusDown: state.overlay = .search(query: query, focus: max(0, min(results.count - 1, focus + 1)))
            case .activate:
                guard results.indices.contains(focus) else {
                    state.status = .init(content.say(.nothingFound), isProblem: true)
                    return
                }
                state.overlay = nil
                show(results[focus], &session, &state, content)
            default: break
            }
        case .choose(var list):
            var choice: Int?
            switch action {
            case .focusUp: list.focus = max(0, list.focus - 1)
            case .focusDown: list.focus = min(max(0, list.options.count - 1), list.focus + 1)
            case .activate: choice = list.focus
            case .choose(let n): choice = n - 1
            default: break
            }
            state.overlay = .choose(list)
            guard let choice else { return }
            guard list.options.indices.contains(choice) else {
                state.status = .init(content.say(.chooseNumber, "\(list.options.count)"), isProblem: true)
                return
            }
            state.overlay = nil
            Stages.screen(list.stage)?.chosen(list.options[choice].id, for: list.purpose, &session, &state, content)
        case .help, .confirmDelete, .confirmLeave:
            break
        }
    }

    static func go(to index: Int, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        let stage = session.stages(content)[index]
        session.position = Position(stage: stage.id, item: 0, focus: 0)
        state.overlay = nil
        state.status = .init(content.say(.now, stage.label))
    }

    /// Goes to where a statement is shown: its person's screen, or its kind on the theming stage.
    static func show(_ statement: Statement, _ session: inout Session, _ state: inout AppState,
                     _ content: ContentPacks) {
        let stages = session.stages(content).map(\.id)
        if stages.contains(.workingTogether), let person = session.people.firstIndex(where: { $0.id == statement.personId }) {
            session.position = Position(stage: .workingTogether, item: person, focus: 0)
        } else if let kind = content.workingTogether.categories.firstIndex(where: { $0.id == statement.category }) {
            session.position = Position(stage: .theming, item: kind, focus: 0)
        }
        Editing.focus(on: .statement(id: statement.id), &session, content)
        state.status = .init(content.say(.foundIt))
    }
}

/// Searching what people said. Hidden statements ("reveal later") are not searched, so a search never shows them.
public enum Search {
    public static func results(_ session: Session, _ query: String) -> [Statement] {
        let words = fold(query).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        let ordered = session.people.flatMap { person in session.statements.filter { $0.personId == person.id } }
        return ordered.filter { statement in
            !statement.hidden && words.allSatisfy { fold(statement.text).contains($0) }
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

/// Putting statements into the group's themes, suggestions of Making It Real themes, and dots.
enum Theming {
    static func reduce(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        switch action {
        case .cycleTheme:
            guard case .statement(let id)? = row, let i = session.statements.firstIndex(where: { $0.id == id }) else {
                state.status = .init(content.say(.moveToStatementThen, "t"), isProblem: true)
                return
            }
            let ids: [String?] = [nil] + content.makingItReal.themes.map(\.id)
            let at = ids.firstIndex(of: session.statements[i].themeId) ?? 0
            session.statements[i].themeId = ids[(at + 1) % ids.count]
            let label = session.statements[i].themeId.flatMap { content.theme($0)?.label } ?? content.say(.noTheme)
            state.status = .init(content.say(.themeIs, label))
        case .acceptSuggestion, .ignoreSuggestion:
            guard case .statement(let id)? = row, let i = session.statements.firstIndex(where: { $0.id == id }) else {
                state.status = .init(content.say(.moveToStatementFirst), isProblem: true)
                return
            }
            guard let suggestion = openSuggestion(session.statements[i], content) else {
                state.status = .init(content.say(.noSuggestion))
                return
            }
            let label = content.theme(suggestion.themeId)?.label ?? suggestion.themeId
            if action == .acceptSuggestion {
                session.statements[i].themeId = suggestion.themeId
                session.statements[i].suggestion = SuggestionRecord(themeId: suggestion.themeId, word: suggestion.word,
                                                                    decision: "accepted")
                state.status = .init(content.say(.themeIs, label))
            } else {
                session.statements[i].suggestion = SuggestionRecord(themeId: suggestion.themeId, word: suggestion.word,
                                                                    decision: "ignored")
                state.status = .init(content.say(.suggestionIgnored))
            }
        case .toggleMark:
            guard case .statement(let id)? = row else {
                state.status = .init(content.say(.moveToStatementFirst), isProblem: true)
                return
            }
            if state.marked.remove(id) == nil { state.marked.insert(id) }
            state.status = .init(content.say(.marked, "\(state.marked.count)"))
        case .putIntoTheme:
            let ids = chosen(row, state, session)
            guard !ids.isEmpty else {
                state.status = .init(content.say(.markFirst), isProblem: true)
                return
            }
            if session.groupThemes.isEmpty {
                Editing.begin(.newGroupTheme(statementIds: ids), &session, &state)
            } else {
                state.overlay = .chooseTheme(statementIds: ids, focus: 0)
            }
        case .toggleLink(let n):
            let themes = content.makingItReal.themes
            guard case .groupTheme(let id)? = row, let i = session.groupThemes.firstIndex(where: { $0.id == id }),
                  themes.indices.contains(n - 1) else {
                state.status = .init(content.say(.moveToGroupThemeFirst), isProblem: true)
                return
            }
            let link = themes[n - 1].id
            if let at = session.groupThemes[i].makingItReal.firstIndex(of: link) {
                session.groupThemes[i].makingItReal.remove(at: at)
                state.status = .init(content.say(.notLinkedNow, themes[n - 1].label))
            } else {
                session.groupThemes[i].makingItReal.append(link)
                let order = themes.map(\.id)
                session.groupThemes[i].makingItReal.sort { a, b in
                    (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
                }
                state.status = .init(content.say(.linked, themes[n - 1].label))
            }
        default:
            break
        }
    }

    /// The suggestion still waiting for a yes or no: none once the statement has a theme or a decision.
    static func openSuggestion(_ statement: Statement, _ content: ContentPacks) -> ThemeSuggestion? {
        guard statement.themeId == nil, statement.suggestion == nil else { return nil }
        return content.suggestTheme(for: statement.text)
    }

    /// The statements an action applies to: the marked ones (in screen order), or else the chosen one.
    static func chosen(_ row: RowRef?, _ state: AppState, _ session: Session) -> [String] {
        if !state.marked.isEmpty {
            return session.statements.map(\.id).filter { state.marked.contains($0) }
        }
        if case .statement(let id)? = row { return [id] }
        return []
    }

    static func put(_ ids: [String], into themeId: String, _ session: inout Session, _ state: inout AppState,
                    _ content: ContentPacks) {
        for i in session.statements.indices where ids.contains(session.statements[i].id) {
            session.statements[i].groupThemeId = themeId
        }
        state.marked.subtract(ids)
        let name = session.groupThemes.first { $0.id == themeId }?.statement ?? ""
        state.status = .init(ids.count == 1 ? content.say(.putInto, name) : content.say(.putManyInto, "\(ids.count)", name))
    }

    static func dot(_ delta: Int, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                    _ content: ContentPacks) {
        guard case .groupTheme(let id)? = row, let i = session.groupThemes.firstIndex(where: { $0.id == id }) else {
            state.status = .init(content.say(.moveToThemeFirst), isProblem: true)
            return
        }
        let who = voterLabel(state.voter, session, content)
        if let person = state.voter {
            let mine = session.groupThemes[i].dots[person] ?? 0
            if delta > 0, session.dotsGiven(by: person) >= session.setup.votesPerPerson {
                state.status = .init(content.say(.usedAllDots, who, "\(session.setup.votesPerPerson)"),
                                     isProblem: true)
                return
            }
            if delta < 0, mine == 0 {
                state.status = .init(content.say(.noDotsHere, who), isProblem: true)
                return
            }
            session.groupThemes[i].dots[person] = mine + delta == 0 ? nil : mine + delta
            let left = session.setup.votesPerPerson - session.dotsGiven(by: person)
            state.status = .init(content.say(.dotsLeft, who, "\(left)", "\(session.setup.votesPerPerson)"))
        } else {
            if delta < 0, session.groupThemes[i].groupDots == 0 {
                state.status = .init(content.say(.groupCountZero), isProblem: true)
                return
            }
            session.groupThemes[i].groupDots += delta
            state.status = .init(content.say(.groupCount, "\(session.groupThemes[i].groupDots)"))
        }
        // The list is in order of dots: keep the focus on the same theme as it moves.
        session.position.focus = session.rankedThemes().firstIndex { $0.id == id } ?? session.position.focus
    }

    static func voterLabel(_ voter: String?, _ session: Session, _ content: ContentPacks) -> String {
        guard let voter else { return content.say(.theGroupsCount) }
        return session.people.first { $0.id == voter }?.label ?? "?"
    }
}

/// Actions: what each is linked to, and the commissioning intention it carries.
enum Planning {
    /// What an action can be linked to, in the order Enter steps through them.
    static func linkChoices(_ session: Session, _ content: ContentPacks) -> [Link?] {
        [nil] + session.rankedThemes().map { Link(kind: .groupTheme, id: $0.id) }
            + content.makingItReal.themes.map { Link(kind: .makingItReal, id: $0.id) }
            + content.topTips.tips.map { Link(kind: .topTip, id: $0.id) }
    }

    static func cycleLink(_ id: String, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        guard let i = session.actions.firstIndex(where: { $0.id == id }) else { return }
        let choices = linkChoices(session, content)
        let at = choices.firstIndex(of: session.actions[i].link) ?? 0
        session.actions[i].link = choices[(at + 1) % choices.count]
        state.status = .init(content.say(.actionLinkedTo, linkLabel(session.actions[i].link, session, content)))
    }

    static func cycleIntention(_ id: String, _ session: inout Session, _ state: inout AppState,
                               _ content: ContentPacks) {
        guard let i = session.actions.firstIndex(where: { $0.id == id }) else { return }
        let choices: [String?] = [nil] + content.workshop.intentions.map(\.id)
        let at = choices.firstIndex(of: session.actions[i].intention) ?? 0
        session.actions[i].intention = choices[(at + 1) % choices.count]
        state.status = .init(content.say(.actionIntention, intentionLabel(session.actions[i].intention, content)))
    }

    static func linkLabel(_ link: Link?, _ session: Session, _ content: ContentPacks) -> String {
        guard let link else { return content.say(.nothingYet) }
        switch link.kind {
        case .groupTheme: return content.say(.linkOurTheme, session.groupThemes.first { $0.id == link.id }?.statement ?? "?")
        case .makingItReal: return content.say(.makingItRealLinks, content.theme(link.id)?.label ?? link.id)
        case .topTip: return content.say(.linkTopTip, content.tip(link.id)?.label ?? link.id)
        default: return link.id
        }
    }

    static func intentionLabel(_ id: String?, _ content: ContentPacks) -> String {
        id.flatMap { content.intention($0)?.label } ?? content.say(.notChosenYet)
    }
}

/// The stage timer: started, paused, given more time or hidden by the facilitator, never moving on by itself.
enum Timing {
    static func reduce(_ action: Action, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        let stage = session.position.stage
        let planned = (content.plan(session.setup.plan).minutes[stage.rawValue] ?? 0) * 60
        var timer = session.timers[stage.rawValue] ?? StageTimer(plannedSeconds: planned)
        let now = state.now
        switch action {
        case .timerStartPause:
            if let since = timer.runningSince {
                timer.elapsedSeconds += max(0, Int(now.timeIntervalSince(since)))
                timer.runningSince = nil
                state.status = .init(content.say(.timerPaused))
            } else {
                timer.runningSince = now
                timer.hidden = false
                state.status = .init(content.say(.timerStarted))
            }
        case .timerExtend:
            timer.plannedSeconds += 5 * 60
            state.status = .init(content.say(.timerMore))
        case .timerHide:
            timer.hidden.toggle()
            state.status = .init(content.say(timer.hidden ? .timerHidden : .timerShown))
        default:
            return
        }
        session.timers[stage.rawValue] = timer
    }

    /// What the header shows, to the minute (so the screen changes once a minute at most), or nil.
    static func label(_ timer: StageTimer?, now: Date, _ content: ContentPacks) -> String? {
        guard let timer, !timer.hidden else { return nil }
        let elapsed = timer.elapsed(at: now)
        let left = timer.plannedSeconds - elapsed
        let text: String
        if timer.plannedSeconds == 0 {
            text = content.say(.minSoFar, "\(elapsed / 60)")
        } else if left >= 0 {
            text = content.say(.minLeft, "\((left + 59) / 60)")
        } else {
            text = content.say(.minOver, "\((-left + 59) / 60)")
        }
        return content.say(timer.runningSince == nil ? .timerPausedLabel : .timerLabel, text)
    }
}
