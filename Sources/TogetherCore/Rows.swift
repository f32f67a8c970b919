import TogetherContent

/// A line of a stage's screen that can have the focus. Reduce and render both use the same list,
/// so what the cursor sits on is always what an action changes.
public enum RowRef: Equatable, Sendable {
    case setupField(SetupField)
    case peopleHeader
    case person(id: String)
    case rating
    case notesHeader
    case note(id: String)
    case categoryHeader(String)
    case statement(id: String)
    case finishToggle
}

public enum SetupField: String, CaseIterable, Sendable {
    case title, date, area, groupType, statementsPerPerson
}

extension Session {
    /// The stages in the pack's order.
    public func stageIndex(in content: ContentPacks) -> Int {
        content.workshop.stages.firstIndex { $0.id == position.stage } ?? 0
    }

    /// How many screens a stage has: one per theme, person or tip.
    public func itemCount(_ stage: StageKind, in content: ContentPacks) -> Int {
        switch stage {
        case .makingItReal: content.makingItReal.themes.count
        case .workingTogether: max(1, people.count)
        case .topTips: content.topTips.tips.count
        case .setup, .wrapUp, .finish: 1
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

    /// The focusable rows of the current screen, top to bottom.
    public func rows(_ content: ContentPacks) -> [RowRef] {
        switch position.stage {
        case .setup:
            return SetupField.allCases.map(RowRef.setupField) + [.peopleHeader] + people.map { .person(id: $0.id) }
        case .makingItReal:
            guard let theme = currentTheme(content) else { return [] }
            return [.rating, .notesHeader] + themeReview(theme.id).examples.map { .note(id: $0.id) }
        case .workingTogether:
            guard let person = currentPerson() else { return [] }
            return content.workingTogether.categories.flatMap { category in
                [RowRef.categoryHeader(category.id)]
                    + statements(of: person.id, in: category.id).map { .statement(id: $0.id) }
            }
        case .topTips:
            guard let tip = currentTip(content) else { return [] }
            return [.rating, .notesHeader] + tipReview(tip.id).notes.map { .note(id: $0.id) }
        case .wrapUp:
            return [.notesHeader] + wrapUp.map { .note(id: $0.id) }
        case .finish:
            return [.finishToggle]
        }
    }

    public func focusedRow(_ content: ContentPacks) -> RowRef? {
        let rows = rows(content)
        return rows.indices.contains(position.focus) ? rows[position.focus] : nil
    }
}
