import TogetherContent

/// A stage with one item per screen that the group rates (a Making It Real theme, a top tip), with its notes and
/// the actions linked to it. A stage of this kind says only what its items are and where their ratings live.
protocol RatedItemStage: StageScreen {
    /// The items, one screen each, in the pack's order.
    static func items(_ content: ContentPacks) -> [(id: String, label: String, prompt: String)]
    static func scale(_ content: ContentPacks) -> [RatingLevel]
    static func rating(of id: String, in session: Session) -> String?
    static func rate(_ id: String, _ level: String, in session: inout Session)
    /// Where the item's notes are kept (and so what an action added beside them is linked to).
    static func place(_ id: String) -> NoteSlot.Place
    /// "Theme 2 of 6", and the question asked about each item.
    static var progressWords: ParticipantKey { get }
    static var questionWords: ParticipantKey { get }
}

extension RatedItemStage {
    static var keys: [KeyBinding] {
        [key([.char("1")], .rate(1), short: true, hintKey: "1-4")] + (2...4).map { key([.char(Character("\($0)"))], .rate($0)) }
    }

    static func currentItem(_ session: Session, _ content: ContentPacks) -> (id: String, label: String, prompt: String)? {
        let all = items(content)
        return all.indices.contains(session.position.item) ? all[session.position.item] : nil
    }

    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int { items(content).count }

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        guard let item = currentItem(session, content) else { return [] }
        return [.rating] + session.noteRows(place(item.id)) + (place(item.id).link.map(session.linkedActionRows) ?? [])
    }

    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place? {
        currentItem(session, content).map { place($0.id) }
    }

    static func ratingScale(_ content: ContentPacks) -> [RatingLevel]? { scale(content) }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        let all = items(content)
        return content.say(.mapRated, "\(all.filter { rating(of: $0.id, in: session) != nil }.count)", "\(all.count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content
        guard let item = currentItem(session, content) else { return }
        StageParts.ratedItem(&page, progress: content.say(progressWords, "\(session.position.item + 1)",
                                                          "\(items(content).count)"),
                             heading: item.label, prompt: item.prompt, question: content.say(questionWords),
                             chosen: rating(of: item.id, in: session), scale: scale(content), content, canvas.rowIndex)
        StageParts.noteSections(&page, session, place(item.id), content, canvas.rowIndex)
        if let link = place(item.id).link { StageParts.linkedActions(&page, session, link, content, canvas.rowIndex) }
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        StageParts.addNoteOrAction(row, &session, &state, content)
    }

    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool {
        guard row == .rating, let item = currentItem(session, content) else { return false }
        let next = StageParts.nextAnswer(after: rating(of: item.id, in: session), scale(content))
        handle(.rate(next), row, &session, &state, content, .live)
        return true
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        guard case .rate(let n) = action, let item = currentItem(session, content),
              let level = StageParts.level(n, scale(content), &state, content) else { return }
        rate(item.id, level.id, in: &session)
    }
}
