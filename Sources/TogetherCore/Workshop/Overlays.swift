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
            case .jump(let letter): list.focus = Choosing.jump(letter, in: list) ?? list.focus
            default: break
            }
            state.overlay = .choose(list)
            guard let choice else { return }
            guard list.options.indices.contains(choice) else {
                state.status = .init(content.say(.chooseNumber, "\(list.options.count)"), isProblem: true)
                return
            }
            state.overlay = nil
            Choosing.chosen(list.options[choice].id, for: list.purpose, &session, &state, content)
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
