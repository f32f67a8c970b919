import TogetherContent

extension StageKind {
    public static let makingItReal = StageKind("makingItReal")
}

/// Making It Real: one screen per theme, rated by the group, with examples, barriers, what should happen, actions.
enum MakingItRealStage: RatedItemStage {
    static let kind = StageKind.makingItReal
    static let progressWords = ParticipantKey.themeProgress
    static let questionWords = ParticipantKey.themeQuestion

    static func items(_ content: ContentPacks) -> [(id: String, label: String, prompt: String)] {
        content.makingItReal.themes.map { ($0.id, $0.label, $0.prompt) }
    }

    static func scale(_ content: ContentPacks) -> [RatingLevel] { content.makingItReal.scale }
    static func rating(of id: String, in session: Session) -> String? { session.themeReview(id).rating }
    static func rate(_ id: String, _ level: String, in session: inout Session) {
        session.updateThemeReview(id) { $0.rating = level }
    }
    static func place(_ id: String) -> NoteSlot.Place { .makingItReal(id) }
}
