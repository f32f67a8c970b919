import TogetherContent

extension StageKind {
    public static let topTips = StageKind("topTips")
}

/// The NHS Confederation's top tips for commissioners: one screen per tip, rated, with notes and actions.
enum TopTipsStage: StageScreen {
    static let kind = StageKind.topTips

    static let keys = [key([.char("1")], .rate(1), short: true, hintKey: "1-4")]
        + (2...4).map { key([.char(Character("\($0)"))], .rate($0)) }

    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int { content.topTips.tips.count }

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        guard let tip = session.currentTip(content) else { return [] }
        return [.rating] + session.noteRows(.topTip(tip.id)) + session.linkedActionRows(Link(kind: .topTip, id: tip.id))
    }

    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place? {
        session.currentTip(content).map { .topTip($0.id) }
    }

    static func ratingScale(_ content: ContentPacks) -> [RatingLevel]? { content.topTips.scale }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(.mapRated, "\(session.topTips.filter { $0.rating != nil }.count)", "\(content.topTips.tips.count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content
        guard let tip = session.currentTip(content) else { return }
        StageParts.ratedItem(&page, progress: content.say(.tipProgress, "\(session.position.item + 1)",
                                                          "\(content.topTips.tips.count)"),
                             heading: tip.label, prompt: tip.prompt, question: content.say(.tipQuestion),
                             chosen: session.tipReview(tip.id).rating, scale: content.topTips.scale, content,
                             canvas.rowIndex)
        StageParts.noteSections(&page, session, .topTip(tip.id), content, canvas.rowIndex)
        StageParts.linkedActions(&page, session, Link(kind: .topTip, id: tip.id), content, canvas.rowIndex)
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        StageParts.addNoteOrAction(row, &session, &state, content)
    }

    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool {
        guard row == .rating else { return false }
        let current = session.currentTip(content).flatMap { session.tipReview($0.id).rating }
        handle(.rate(StageParts.nextAnswer(after: current, content.topTips.scale)), row, &session, &state, content, .live)
        return true
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        guard case .rate(let n) = action, let tip = session.currentTip(content),
              let level = StageParts.level(n, content.topTips.scale, &state, content) else { return }
        session.updateTipReview(tip.id) { $0.rating = level.id }
    }
}
