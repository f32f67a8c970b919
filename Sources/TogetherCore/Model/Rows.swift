import TogetherContent

/// A line of a stage's screen that can have the focus. Reduce and render both use the same list,
/// so what the cursor sits on is always what an action changes.
public enum RowRef: Hashable, Sendable {
    case setupField(SetupField)
    case peopleHeader
    case person(id: String)
    case rating
    case notesHeader(NoteSlot)
    case note(NoteSlot, id: String)
    case categoryHeader(String)
    case statement(id: String)
    case groupThemesHeader
    case groupTheme(id: String)
    /// "Actions": adding here makes an action linked to what the screen is about (nil: not linked yet).
    case actionsHeader(Link?)
    case actionField(id: String, field: ActionField)
    case finishToggle
    case writeHandouts
    /// One of a list a stage offers to choose from (by the chosen thing's id).
    case choice(String)
}

public enum SetupField: String, CaseIterable, Sendable {
    case title, date, area, contact, language, groupType, level, plan, statementsPerPerson, votesPerPerson, anonymous, revealLater
}

extension Session {
    /// The stages of this session's plan, in order.
    public func stages(_ content: ContentPacks) -> [Stage] {
        content.plan(setup.plan).stages.compactMap { content.stage($0) }
    }

    /// Where the current stage is in the plan.
    public func stageIndex(in content: ContentPacks) -> Int {
        stages(content).firstIndex { $0.id == position.stage } ?? 0
    }

    /// How many screens a stage has: one per theme, person, tip, kind of statement or top theme.
    public func itemCount(_ stage: StageKind, in content: ContentPacks) -> Int {
        Stages.screen(stage)?.itemCount(self, content) ?? 1
    }

    public func currentTheme(_ content: ContentPacks) -> MakingItRealTheme? {
        let themes = content.makingItReal.themes
        return themes.indices.contains(position.item) ? themes[position.item] : nil
    }

    public func currentTip(_ content: ContentPacks) -> TopTip? {
        let tips = content.topTips.tips
        return tips.indices.contains(position.item) ? tips[position.item] : nil
    }

    public func currentPerson() -> Person? {
        people.indices.contains(position.item) ? people[position.item] : nil
    }

    /// On the theming stage: the kind of statement shown, or nil on the list of themes.
    public func currentCategory(_ content: ContentPacks) -> StatementCategory? {
        let categories = content.workingTogether.categories
        return categories.indices.contains(position.item) ? categories[position.item] : nil
    }

    /// On the "why" stage: the top theme shown.
    public func currentTopTheme(_ content: ContentPacks) -> GroupTheme? {
        let top = topThemes(content)
        return top.indices.contains(position.item) ? top[position.item] : nil
    }

    public func themeReview(_ themeId: String) -> ThemeReview {
        makingItReal.first { $0.themeId == themeId } ?? ThemeReview(themeId: themeId)
    }

    public func tipReview(_ tipId: String) -> TipReview {
        topTips.first { $0.tipId == tipId } ?? TipReview(tipId: tipId)
    }

    /// A person's statements in one category, in rank order.
    public func statements(of personId: String, in category: String) -> [Statement] {
        StatementOrder.shared.statements(of: personId, in: category, self)
    }

    func noteRows(_ place: NoteSlot.Place) -> [RowRef] {
        Session.sections(of: place).flatMap { section in
            let slot = NoteSlot(place, section)
            return [RowRef.notesHeader(slot)] + notes(in: slot).map { .note(slot, id: $0.id) }
        }
    }

    func linkedActionRows(_ link: Link) -> [RowRef] {
        [.actionsHeader(link)] + actions(linkedTo: link).map { .actionField(id: $0.id, field: .what) }
    }

    /// The focusable rows of the current screen, top to bottom: the current stage's own list.
    public func rows(_ content: ContentPacks) -> [RowRef] {
        Stages.current(self).rows(self, content)
    }

    public func focusedRow(_ content: ContentPacks) -> RowRef? {
        let rows = rows(content)
        return rows.indices.contains(position.focus) ? rows[position.focus] : nil
    }
}
