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
        // One pass over the statements (not one per person): a big workshop stays quick on every key.
        var byPerson: [String: [Statement]] = [:]
        for st in statements where st.category == category { byPerson[st.personId, default: []].append(st) }
        return people.flatMap { (byPerson[$0.id] ?? []).sorted { $0.rank < $1.rank } }
    }

    /// Dots a person has given, over all themes.
    public func dotsGiven(by personId: String) -> Int {
        groupThemes.reduce(0) { $0 + ($1.dots[personId] ?? 0) }
    }
}
