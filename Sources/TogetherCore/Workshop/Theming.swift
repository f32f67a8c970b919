import Foundation
import TogetherContent

/// Putting statements into the group's themes, suggestions of Making It Real themes, and dots.
enum Theming {
    static func reduce(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        switch action {
        case .tagTheme:
            guard case .statement(let id)? = row else {
                state.status = .init(content.say(.moveToStatementThen, "t"), isProblem: true)
                return
            }
            Choosing.open(.theme(statementId: id), session, &state, content)
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
                                                                    decision: .accepted)
                state.status = .init(content.say(.themeIs, label))
            } else {
                session.statements[i].suggestion = SuggestionRecord(themeId: suggestion.themeId, word: suggestion.word,
                                                                    decision: .ignored)
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
                state.overlay = .chooseTheme(statementIds: ids, focus: session.groupThemes.count) // "A new theme…" first
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
        let who = voterLabel(session.voter, session, content)
        if let person = session.voter {
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
    }

    static func voterLabel(_ voter: String?, _ session: Session, _ content: ContentPacks) -> String {
        guard let voter else { return content.say(.theGroupsCount) }
        return session.people.first { $0.id == voter }?.label ?? "?"
    }
}
