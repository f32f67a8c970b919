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
                       _ action: Action, _ content: ContentPacks, _ env: Environment) {
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
            let results = Search.results(session, query, content)
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
            Choosing.chosen(list.options[choice].id, for: list.purpose, &session, &state, content, env)
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

    /// Goes to where a search result is shown, with the focus on it.
    static func show(_ hit: SearchHit, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        session.position = Position(stage: hit.stage, item: hit.item, focus: 0)
        Editing.focus(on: hit.row, &session, content)
        state.status = .init(content.say(.foundIt))
    }
}

/// One place a search found the words: what it says, where it is (in words), and the screen and row that show it.
public struct SearchHit: Equatable, Sendable {
    public var text: String
    public var place: String
    public var stage: StageKind
    public var item: Int
    public var row: RowRef
}

/// Searching everything people said and wrote down: statements, notes on every screen (examples, what gets in the
/// way, why, what happened…), the group's themes and the actions. Hidden statements ("reveal later") are not
/// searched, so a search never shows them. Only what a stage of this workshop's plan shows is found.
public enum Search {
    public static func results(_ session: Session, _ query: String, _ content: ContentPacks) -> [SearchHit] {
        let words = fold(query).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        func matches(_ text: String) -> Bool { let t = fold(text); return words.allSatisfy { t.contains($0) } }
        let inPlan = Set(session.stages(content).map(\.id))
        var hits: [SearchHit] = []
        func add(_ text: String, _ place: String, _ stage: StageKind, _ item: Int, _ row: RowRef) {
            if inPlan.contains(stage), matches(text) { hits.append(SearchHit(text: text, place: place, stage: stage, item: item, row: row)) }
        }
        func notes(_ place: NoteSlot.Place, _ heading: String, _ stage: StageKind, _ item: Int) {
            for section in Session.sections(of: place) {
                let slot = NoteSlot(place, section)
                for note in session.notes(in: slot) {
                    add(note.text, "\(heading) · \(content.sectionLabel(section))", stage, item, .note(slot, id: note.id))
                }
            }
        }
        for (p, person) in session.people.enumerated() {
            for st in session.statements where st.personId == person.id && !st.hidden {
                let kind = content.category(st.category)?.label ?? st.category
                if inPlan.contains(.workingTogether) {
                    add(st.text, "\(person.label) · \(kind)", .workingTogether, p, .statement(id: st.id))
                } else if let c = content.workingTogether.categories.firstIndex(where: { $0.id == st.category }) {
                    add(st.text, "\(person.label) · \(kind)", .theming, c, .statement(id: st.id))
                }
            }
        }
        for (i, theme) in content.makingItReal.themes.enumerated() { notes(.makingItReal(theme.id), theme.label, .makingItReal, i) }
        let list = content.workingTogether.categories.count
        for theme in session.groupThemes {
            add(theme.statement, content.say(.ourThemes), .theming, list, .groupTheme(id: theme.id))
        }
        for (i, theme) in session.topThemes(content).enumerated() { notes(.groupTheme(theme.id), theme.statement, .understand, i) }
        for (i, tip) in content.topTips.tips.enumerated() { notes(.topTip(tip.id), tip.label, .topTips, i) }
        for action in session.actions {
            add(action.what, content.say(.actionsWord), .actions, 0, .actionField(id: action.id, field: .what))
        }
        notes(.wrapUp, content.stage(.wrapUp)?.label ?? "", .wrapUp, 0)
        for (i, item) in (session.followUp?.items ?? []).enumerated() { notes(.followUp(item.id), item.what, .sinceLastTime, i) }
        return hits
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
