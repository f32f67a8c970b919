import TogetherContent
import TogetherPublishing

extension StageKind {
    public static let sinceLastTime = StageKind("sinceLastTime")
}

/// The earlier workshop a "since last time" stage follows up, copied into this session when it is chosen, so the
/// file says on its own what was followed up (the earlier file may be moved, changed or never shared).
public struct FollowUp: Codable, Equatable, Sendable {
    public var sessionId: String
    public var title: String
    /// The earlier workshop's day, `YYYY-MM-DD`.
    public var date: String
    public var area: String
    public var items: [FollowUpItem]

    public init(sessionId: String, title: String, date: String, area: String, items: [FollowUpItem]) {
        self.sessionId = sessionId
        self.title = title
        self.date = date
        self.area = area
        self.items = items
    }
}

/// One action the earlier workshop agreed, and what the group says became of it.
public struct FollowUpItem: Codable, Equatable, Sendable, Identifiable {
    /// The earlier action's id.
    public var id: String
    public var what: String
    public var who: String
    public var byWhen: String
    /// What the action answered (a theme of the group's, a Making It Real theme, a top tip), in words.
    public var answers: String
    public var intention: String?
    /// An answer id from the stage's `answers` in the workshop pack (done, started, not started, dropped); nil
    /// until the group says.
    public var outcome: String?
    /// What happened, in the group's words.
    public var happened: [Note]
    /// How people feel about it.
    public var feeling: [Note]

    public init(id: String, what: String, who: String, byWhen: String, answers: String, intention: String?,
                outcome: String? = nil, happened: [Note] = [], feeling: [Note] = []) {
        self.id = id
        self.what = what
        self.who = who
        self.byWhen = byWhen
        self.answers = answers
        self.intention = intention
        self.outcome = outcome
        self.happened = happened
        self.feeling = feeling
    }
}

/// Since last time: the group hears what happened to each action of an earlier workshop, says whether it was done,
/// started, not started or dropped, what happened in their words, and how they feel about it. Working Together for
/// Change is a cycle: this is where a new round starts.
enum SinceLastTimeStage: StageScreen {
    static let kind = StageKind.sinceLastTime

    static let keys = [key([.char("1")], .rate(1), short: true, hintKey: "1-4")]
        + (2...4).map { key([.char(Character("\($0)"))], .rate($0)) }

    /// Participant words for the Easy Read handout, under `sinceLastTime.easyRead.` in every language.
    static let easyReadWords = ["heading", "weSaid", "outcome.none"]

    static let words = ["choose", "chooseTitle", "choosePrompt", "noneFound", "from", "progress",
                        "question", "answered", "who", "chosen", "changeWhich", "keptOutcomes"]

    /// The answers the pack gives this stage (done, started, not started, dropped).
    static func ratingScale(_ content: ContentPacks) -> [RatingLevel]? { content.stage(kind)?.answers ?? [] }

    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int {
        max(1, session.followUp?.items.count ?? 0)
    }

    static func currentItem(_ session: Session) -> FollowUpItem? {
        guard let items = session.followUp?.items, items.indices.contains(session.position.item) else { return nil }
        return items[session.position.item]
    }

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        guard let followUp = session.followUp else { return [.choice("")] }
        guard let item = currentItem(session) else { return [.choice(followUp.sessionId)] }
        return [.choice(followUp.sessionId), .rating] + session.noteRows(.followUp(item.id))
    }

    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place? {
        currentItem(session).map { .followUp($0.id) }
    }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        guard let items = session.followUp?.items else { return say(content, "choose") }
        return content.say(.mapRated, "\(items.filter { $0.outcome != nil }.count)", "\(items.count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content
        page.fixed = [.init(text: canvas.stage.prompt, role: .prompt)]
        guard let followUp = session.followUp else {
            page.list.append(.init(text: say(content, "choose"), row: canvas.rowIndex(.choice(""))))
            return
        }
        let title = followUp.title.isEmpty ? content.say(.homeNoTitle) : followUp.title
        page.list.append(.init(text: say(content, "from", title, followUp.date) + "  " + say(content, "changeWhich"),
                               role: .dim, row: canvas.rowIndex(.choice(followUp.sessionId))))
        guard let item = currentItem(session) else {
            page.list.append(.init(text: say(content, "noneFound"), role: .error))
            return
        }
        page.progress = say(content, "progress", "\(session.position.item + 1)", "\(followUp.items.count)")
        page.fixed = [.init(text: item.what, role: .heading), .init(text: canvas.stage.prompt, role: .prompt)]
        if !item.answers.isEmpty { page.list.append(.init(text: say(content, "answered", item.answers), indent: 2)) }
        let who = [item.who, item.byWhen.isEmpty ? "" : content.say(.byWhen, item.byWhen)].filter { !$0.isEmpty }
        if !who.isEmpty { page.list.append(.init(text: say(content, "who", who.joined(separator: " · ")), indent: 2)) }
        StageParts.rating(&page, question: say(content, "question"), chosen: item.outcome,
                          scale: ratingScale(content) ?? [], content, canvas.rowIndex)
        StageParts.noteSections(&page, session, .followUp(item.id), content, canvas.rowIndex)
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        guard currentItem(session) != nil else {
            offerEarlier(&session, &state, content)
            return
        }
        StageParts.addNoteOrAction(row, &session, &state, content)
    }

    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool {
        switch row {
        case .choice:
            offerEarlier(&session, &state, content)
        case .rating:
            let scale = ratingScale(content) ?? []
            handle(.rate(StageParts.nextAnswer(after: currentItem(session)?.outcome, scale)), row, &session, &state,
                   content, .live)
        default:
            return false
        }
        return true
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        guard case .rate(let n) = action else { return }
        guard let item = currentItem(session) else {
            state.status = .init(say(content, "choose"), isProblem: true)
            return
        }
        guard let level = StageParts.level(n, ratingScale(content) ?? [], &state, content),
              let i = session.followUp?.items.firstIndex(where: { $0.id == item.id }) else { return }
        session.followUp?.items[i].outcome = level.id
    }

    /// "You said, we did": each action of the earlier workshop, what became of it, and what happened, in the
    /// participant words (`sinceLastTime.easyRead.*`).
    static func easyRead(_ doc: inout Document, _ session: Session, _ content: ContentPacks) {
        guard let items = session.followUp?.items, !items.isEmpty else { return }
        func say(_ name: String, _ values: String...) -> String {
            content.words.text(named: "sinceLastTime.easyRead.\(name)", values: values)
        }
        doc.add(.pictured("action", .heading(1, say("heading"))))
        for item in items {
            doc.add(.pictured("told", .heading(2, say("weSaid", Handouts.sentence(item.what)))))
            doc.add(.paragraph(say(item.outcome.map { "outcome.\($0)" } ?? "outcome.none")))
            if !item.happened.isEmpty { doc.add(.bullets(item.happened.map { Handouts.sentence($0.text) })) }
        }
    }

    /// The earlier workshops that agreed actions, those of the same area first, newest first.
    static func candidates(_ session: Session, _ state: AppState) -> [Session] {
        let area = session.setup.area.lowercased()
        return state.earlier.filter { $0.id != session.id && !$0.actions.isEmpty }.sorted { a, b in
            let sameA = !area.isEmpty && a.setup.area.lowercased() == area
            let sameB = !area.isEmpty && b.setup.area.lowercased() == area
            if sameA != sameB { return sameA }
            return a.setup.date != b.setup.date ? a.setup.date > b.setup.date : a.updatedAt > b.updatedAt
        }
    }

    static func offerEarlier(_ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        if let followUp = session.followUp,
           followUp.items.contains(where: { $0.outcome != nil || !$0.happened.isEmpty || !$0.feeling.isEmpty }) {
            state.status = .init(say(content, "keptOutcomes"), isProblem: true)
            return
        }
        let options = candidates(session, state).map { earlier in
            let title = earlier.setup.title.isEmpty ? content.say(.homeNoTitle) : earlier.setup.title
            let area = earlier.setup.area.isEmpty ? "" : " · \(earlier.setup.area)"
            return AppState.ChoiceList.Option(id: earlier.id, label: "\(title)\(area) · \(earlier.setup.date)")
        }
        guard !options.isEmpty else {
            state.status = .init(say(content, "noneFound"), isProblem: true)
            return
        }
        state.overlay = .choose(.init(title: say(content, "chooseTitle"), prompt: say(content, "choosePrompt"),
                                      options: options, focus: 0, purpose: .stage(kind, "earlier")))
    }

    static func chosen(_ id: String, for purpose: String, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks) {
        guard let earlier = state.earlier.first(where: { $0.id == id }) else { return }
        session.followUp = FollowUp(
            sessionId: earlier.id, title: earlier.setup.title, date: earlier.setup.date, area: earlier.setup.area,
            items: earlier.actions.map { action in
                FollowUpItem(id: action.id, what: action.what, who: action.who, byWhen: action.byWhen,
                             answers: action.link.map { Planning.linkLabel($0, earlier, content) } ?? "",
                             intention: action.intention)
            })
        session.position.item = 0
        session.position.focus = 0
        state.status = .init(say(content, "chosen", earlier.setup.title, "\(earlier.actions.count)"))
    }
}
