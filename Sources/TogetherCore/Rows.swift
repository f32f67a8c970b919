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
}

public enum SetupField: String, CaseIterable, Sendable {
    case title, date, area, language, groupType, level, plan, statementsPerPerson, votesPerPerson, anonymous, revealLater
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
        switch stage {
        case .makingItReal: content.makingItReal.themes.count
        case .workingTogether: max(1, people.count)
        case .topTips: content.topTips.tips.count
        case .theming: content.workingTogether.categories.count + 1
        case .understand: max(1, topThemes(content).count)
        case .setup, .priorities, .actions, .wrapUp, .finish: 1
        }
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
        statements.filter { $0.personId == personId && $0.category == category }.sorted { $0.rank < $1.rank }
    }

    /// The note lists on the current screen, and the place actions added here are linked to.
    func notePlace(_ content: ContentPacks) -> NoteSlot.Place? {
        switch position.stage {
        case .makingItReal: currentTheme(content).map { .makingItReal($0.id) }
        case .topTips: currentTip(content).map { .topTip($0.id) }
        case .understand: currentTopTheme(content).map { .groupTheme($0.id) }
        case .wrapUp: .wrapUp
        default: nil
        }
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

    /// The focusable rows of the current screen, top to bottom.
    public func rows(_ content: ContentPacks) -> [RowRef] {
        switch position.stage {
        case .setup:
            return SetupField.allCases.map(RowRef.setupField) + [.peopleHeader] + people.map { .person(id: $0.id) }
        case .makingItReal:
            guard let theme = currentTheme(content) else { return [] }
            return [.rating] + noteRows(.makingItReal(theme.id))
                + linkedActionRows(Link(kind: "makingItReal", id: theme.id))
        case .workingTogether:
            guard let person = currentPerson() else { return [] }
            return content.workingTogether.categories.flatMap { category in
                [RowRef.categoryHeader(category.id)]
                    + statements(of: person.id, in: category.id).map { .statement(id: $0.id) }
            }
        case .theming:
            if let category = currentCategory(content) {
                return statements(in: category.id).map { .statement(id: $0.id) }
            }
            return [.groupThemesHeader] + groupThemes.map { .groupTheme(id: $0.id) }
        case .priorities:
            return rankedThemes().map { .groupTheme(id: $0.id) }
        case .understand:
            guard let theme = currentTopTheme(content) else { return [] }
            return noteRows(.groupTheme(theme.id)) + linkedActionRows(Link(kind: "groupTheme", id: theme.id))
        case .topTips:
            guard let tip = currentTip(content) else { return [] }
            return [.rating] + noteRows(.topTip(tip.id)) + linkedActionRows(Link(kind: "topTip", id: tip.id))
        case .actions:
            return [.actionsHeader(nil)] + actions.flatMap { action in
                ActionField.allCases.map { RowRef.actionField(id: action.id, field: $0) }
            }
        case .wrapUp:
            return noteRows(.wrapUp)
        case .finish:
            return [.finishToggle, .writeHandouts]
        }
    }

    public func focusedRow(_ content: ContentPacks) -> RowRef? {
        let rows = rows(content)
        return rows.indices.contains(position.focus) ? rows[position.focus] : nil
    }
}
