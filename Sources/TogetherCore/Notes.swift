import TogetherContent

/// The lists of notes a screen has, and where each is kept in the session.
extension Session {
    /// The note lists of a place, in the order they are shown.
    public static func sections(of place: NoteSlot.Place) -> [String] {
        switch place {
        case .makingItReal: ["examples", "barriers", "shouldHappen"]
        case .topTip: ["notes", "barriers", "shouldHappen"]
        case .wrapUp: ["divergent", "notHeard", "next", "tellBack", "other"]
        case .groupTheme: ["causes", "success"]
        }
    }

    public func notes(in slot: NoteSlot) -> [Note] {
        switch slot.place {
        case .makingItReal(let id):
            let review = themeReview(id)
            switch slot.section {
            case "barriers": return review.barriers
            case "shouldHappen": return review.shouldHappen
            default: return review.examples
            }
        case .topTip(let id):
            let review = tipReview(id)
            switch slot.section {
            case "barriers": return review.barriers
            case "shouldHappen": return review.shouldHappen
            default: return review.notes
            }
        case .wrapUp:
            return slot.section == "other" ? wrapUp : wrapUpSections[slot.section] ?? []
        case .groupTheme(let id):
            guard let theme = groupThemes.first(where: { $0.id == id }) else { return [] }
            return slot.section == "success" ? theme.success : theme.causes
        }
    }

    mutating func updateNotes(_ slot: NoteSlot, _ change: (inout [Note]) -> Void) {
        switch slot.place {
        case .makingItReal(let id):
            updateThemeReview(id) { review in
                switch slot.section {
                case "barriers": change(&review.barriers)
                case "shouldHappen": change(&review.shouldHappen)
                default: change(&review.examples)
                }
            }
        case .topTip(let id):
            updateTipReview(id) { review in
                switch slot.section {
                case "barriers": change(&review.barriers)
                case "shouldHappen": change(&review.shouldHappen)
                default: change(&review.notes)
                }
            }
        case .wrapUp:
            if slot.section == "other" {
                change(&wrapUp)
            } else {
                var notes = wrapUpSections[slot.section] ?? []
                change(&notes)
                wrapUpSections[slot.section] = notes.isEmpty ? nil : notes
            }
        case .groupTheme(let id):
            guard let i = groupThemes.firstIndex(where: { $0.id == id }) else { return }
            if slot.section == "success" { change(&groupThemes[i].success) } else { change(&groupThemes[i].causes) }
        }
    }

    /// Group themes, most dots first; equal dots keep the order they were made in.
    public func rankedThemes() -> [GroupTheme] {
        groupThemes.enumerated().sorted { a, b in
            a.element.totalDots != b.element.totalDots ? a.element.totalDots > b.element.totalDots : a.offset < b.offset
        }.map(\.element)
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
        people.flatMap { statements(of: $0.id, in: category) }
    }

    /// Dots a person has given, over all themes.
    public func dotsGiven(by personId: String) -> Int {
        groupThemes.reduce(0) { $0 + ($1.dots[personId] ?? 0) }
    }
}
