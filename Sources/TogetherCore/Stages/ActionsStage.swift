import TogetherContent

extension StageKind {
    public static let actions = StageKind("actions")
}

/// Actions: what will be done, by whom, by when, what it answers and what kind of commissioning it is.
enum ActionsStage: StageScreen {
    static let kind = StageKind.actions

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        [.actionsHeader(nil)] + session.actions.flatMap { action in
            ActionField.allCases.map { RowRef.actionField(id: action.id, field: $0) }
        }
    }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(.mapActions, "\(session.actions.count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content
        page.fixed = [.init(text: canvas.stage.prompt, role: .prompt)]
        page.list.append(.hinted(content.say(.headingCount, content.say(.actionsWord), "\(session.actions.count)"),
                                 hint: content.say(.pressAToAdd), role: .heading, row: canvas.rowIndex(.actionsHeader(nil))))
        for (n, action) in session.actions.enumerated() {
            let fields: [(ActionField, String)] = [
                (.what, "\(n + 1). \(action.what)"),
                (.who, content.say(.actionWho, action.who.isEmpty ? content.say(.notSaidYet) : action.who)),
                (.byWhen, content.say(.actionByWhen, action.byWhen.isEmpty ? content.say(.notSaidYet) : action.byWhen)),
                (.link, content.say(.actionLinkedTo, Planning.linkLabel(action.link, session, content))),
                (.intention, content.say(.actionIntention, Planning.intentionLabel(action.intention, content))),
            ]
            for (field, text) in fields {
                let hint = field == .link || field == .intention ? "  " + content.say(.setupEnterChanges) : ""
                page.list.append(.hinted(text, hint: hint, row: canvas.rowIndex(.actionField(id: action.id, field: field)),
                                         indent: field == .what ? 0 : 3))
            }
        }
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        Editing.begin(.newAction(link: nil), &session, &state)
    }
}
