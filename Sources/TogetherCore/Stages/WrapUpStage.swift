import TogetherContent

extension StageKind {
    public static let wrapUp = StageKind("wrapUp")
}

/// Before we finish: different views, who was not heard, what happens next, how people will be told.
enum WrapUpStage: StageScreen {
    static let kind = StageKind.wrapUp

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] { session.noteRows(.wrapUp) }

    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place? { .wrapUp }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(.mapNotes, "\(session.wrapUp.count + session.wrapUpSections.values.reduce(0) { $0 + $1.count })")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        page.fixed = [.init(text: canvas.stage.prompt, role: .prompt)]
        StageParts.noteSections(&page, canvas.session, .wrapUp, canvas.content, canvas.rowIndex)
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        StageParts.addNoteOrAction(row, &session, &state, content)
    }
}
