import TogetherContent

extension StageKind {
    public static let topTips = StageKind("topTips")
}

/// The NHS Confederation's top tips for commissioners: one screen per tip, rated, with notes and actions.
enum TopTipsStage: RatedItemStage {
    static let kind = StageKind.topTips
    static let progressWords = ParticipantKey.tipProgress
    static let questionWords = ParticipantKey.tipQuestion

    static func items(_ content: ContentPacks) -> [(id: String, label: String, prompt: String)] {
        content.topTips.tips.map { ($0.id, $0.label, $0.prompt) }
    }

    static func scale(_ content: ContentPacks) -> [RatingLevel] { content.topTips.scale }
    static func rating(of id: String, in session: Session) -> String? { session.tipReview(id).rating }
    static func rate(_ id: String, _ level: String, in session: inout Session) {
        session.updateTipReview(id) { $0.rating = level }
    }
    static func place(_ id: String) -> NoteSlot.Place { .topTip(id) }
}
