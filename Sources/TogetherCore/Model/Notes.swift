import Synchronization
import TogetherContent

/// The lists of notes a screen has, and where each is kept in the session.
extension Session {
    /// The note lists of a place, in the order they are shown.
    public static func sections(of place: NoteSlot.Place) -> [NoteSection] {
        switch place {
        case .makingItReal: [.examples, .barriers, .shouldHappen]
        case .topTip: [.notes, .barriers, .shouldHappen]
        case .wrapUp: [.divergent, .notHeard, .next, .tellBack, .other]
        case .groupTheme: [.causes, .success]
        case .followUp: [.happened, .feeling]
        }
    }

    public func notes(in slot: NoteSlot) -> [Note] {
        var copy = self
        var found: [Note] = []
        copy.updateNotes(slot) { found = $0 }
        return found
    }

    /// Changes one list of notes, wherever the slot says it is kept. Reading uses this too, so the two can
    /// never disagree about where a section lives.
    mutating func updateNotes(_ slot: NoteSlot, _ change: (inout [Note]) -> Void) {
        func review<R>(_ r: inout R, _ first: WritableKeyPath<R, [Note]>, _ barriers: WritableKeyPath<R, [Note]>,
                       _ shouldHappen: WritableKeyPath<R, [Note]>) {
            switch slot.section {
            case .barriers: change(&r[keyPath: barriers])
            case .shouldHappen: change(&r[keyPath: shouldHappen])
            default: change(&r[keyPath: first])
            }
        }
        switch slot.place {
        case .makingItReal(let id):
            updateThemeReview(id) { review(&$0, \.examples, \.barriers, \.shouldHappen) }
        case .topTip(let id):
            updateTipReview(id) { review(&$0, \.notes, \.barriers, \.shouldHappen) }
        case .wrapUp:
            if slot.section == .other {
                change(&wrapUp)
            } else {
                var notes = wrapUpSections[slot.section.rawValue] ?? []
                change(&notes)
                wrapUpSections[slot.section.rawValue] = notes.isEmpty ? nil : notes
            }
        case .groupTheme(let id):
            guard let i = groupThemes.firstIndex(where: { $0.id == id }) else { return }
            if slot.section == .success { change(&groupThemes[i].success) } else { change(&groupThemes[i].causes) }
        case .followUp(let id):
            guard let i = followUp?.items.firstIndex(where: { $0.id == id }) else { return }
            if slot.section == .feeling { change(&followUp!.items[i].feeling) } else { change(&followUp!.items[i].happened) }
        }
    }

    /// Group themes, most dots first; equal dots keep the order they were made in.
    public func rankedThemes() -> [GroupTheme] {
        groupThemes.enumerated().sorted { a, b in
            a.element.totalDots != b.element.totalDots ? a.element.totalDots > b.element.totalDots : a.offset < b.offset
        }.map(\.element)
    }

    /// The themes as "what matters most" shows them: in the order they had when the list was last sorted, any
    /// made since at the end.
    public func themesForDots() -> [GroupTheme] {
        guard let order = dotOrder else { return rankedThemes() }
        let byId = Dictionary(groupThemes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let listed = order.compactMap { byId[$0] }
        let listedIds = Set(listed.map(\.id))
        return listed + groupThemes.filter { !listedIds.contains($0.id) }
    }

    /// Themes tied at the last place of those looked at in depth (all of them, when there is such a tie).
    public func tiedAtCutOff(_ content: ContentPacks) -> [GroupTheme] {
        let ranked = rankedThemes(), top = content.plan(setup.plan).topThemes
        guard ranked.count > top, top > 0 else { return [] }
        let dots = ranked[top - 1].totalDots
        guard ranked[top].totalDots == dots else { return [] }
        return ranked.filter { $0.totalDots == dots }
    }

    /// The themes looked at in depth: the plan's number of top themes, or fewer when there are fewer.
    public func topThemes(_ content: ContentPacks) -> [GroupTheme] {
        Array(rankedThemes().prefix(content.plan(setup.plan).topThemes))
    }

    /// Actions linked to something, in the order they were made.
    public func actions(linkedTo link: Link) -> [PlannedAction] {
        actions.filter { $0.link == link }
    }

    /// Every statement of a category, person by person in the order people were added, then by rank.
    public func statements(in category: String) -> [Statement] {
        StatementOrder.shared.statements(in: category, self)
    }

    /// Dots a person has given, over all themes.
    public func dotsGiven(by personId: String) -> Int {
        groupThemes.reduce(0) { $0 + ($1.dots[personId] ?? 0) }
    }
}

/// The statements of each category in screen order, worked out once for each list of statements and people.
/// A screen asks for them several times on every key; moving the focus through a list of 1,000 must not sort
/// them again each time. The lists kept here are compared with the session's own: while neither has changed
/// they share storage, and Swift's array comparison answers at once; any change makes a new list.
final class StatementOrder: Sendable {
    static let shared = StatementOrder()

    private struct Kept {
        var statements: [Statement] = []
        var people: [Person] = []
        var byCategory: [String: (statements: [Statement], rows: [RowRef])] = [:]
        /// A person's statements of a category, by rank; keyed by person id, a zero byte, and category.
        var byPersonAndCategory: [String: [Statement]]?
    }
    private let kept = Mutex(Kept())

    func statements(in category: String, _ session: Session) -> [Statement] {
        lists(category, session).statements
    }

    /// The finding-themes rows of a category: one per statement, in the same order.
    func rows(in category: String, _ session: Session) -> [RowRef] {
        lists(category, session).rows
    }

    /// One person's statements of a category, by rank (the capture screen asks on every key).
    func statements(of personId: String, in category: String, _ session: Session) -> [Statement] {
        kept.withLock { kept in
            Self.refresh(&kept, session)
            if kept.byPersonAndCategory == nil {
                var groups: [String: [Statement]] = [:]
                for st in session.statements { groups[st.personId + "\u{0}" + st.category, default: []].append(st) }
                kept.byPersonAndCategory = groups.mapValues { $0.sorted { $0.rank < $1.rank } }
            }
            return kept.byPersonAndCategory?[personId + "\u{0}" + category] ?? []
        }
    }

    private static func refresh(_ kept: inout Kept, _ session: Session) {
        if kept.statements != session.statements || kept.people != session.people {
            kept = Kept(statements: session.statements, people: session.people)
        }
    }

    private func lists(_ category: String, _ session: Session) -> (statements: [Statement], rows: [RowRef]) {
        kept.withLock { kept in
            Self.refresh(&kept, session)
            if let known = kept.byCategory[category] { return known }
            let made = Self.order(category, session)
            let lists = (statements: made, rows: made.map { RowRef.statement(id: $0.id) })
            kept.byCategory[category] = lists
            return lists
        }
    }

    /// Person by person in the order people were added, then by rank: one pass over the statements.
    static func order(_ category: String, _ session: Session) -> [Statement] {
        var byPerson: [String: [Statement]] = [:]
        for st in session.statements where st.category == category { byPerson[st.personId, default: []].append(st) }
        return session.people.flatMap { (byPerson[$0.id] ?? []).sorted { $0.rank < $1.rank } }
    }
}
