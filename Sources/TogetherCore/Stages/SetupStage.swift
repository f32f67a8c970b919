import TogetherContent

/// Getting ready: the workshop's details and who is taking part.
enum SetupStage: StageScreen {
    static let kind = StageKind.setup

    static let keys = [
        key([.char("r")], .chooseRole, short: true),
        key([.char("o")], .toggleConsent, short: true),
    ]

    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef] {
        SetupField.allCases.map(RowRef.setupField) + [.peopleHeader] + session.people.map { .person(id: $0.id) }
    }

    static func summary(_ session: Session, _ content: ContentPacks) -> String {
        content.say(.mapPeople, "\(session.people.count)")
    }

    static func draw(_ page: inout Page, _ canvas: StageCanvas) {
        let session = canvas.session, content = canvas.content, rowIndex = canvas.rowIndex
        page.fixed = [.init(text: canvas.stage.prompt, role: .prompt)]
        let s = session.setup
        let none = content.say(.setupNoneYet)
        let changes = "  " + content.say(.setupEnterChanges)
        let fields: [(SetupField, FacilitatorKey, String)] = [
            (.title, .setupTitle, s.title.isEmpty ? none : s.title),
            (.date, .setupDate, s.date),
            (.area, .setupArea, s.area.isEmpty ? none : s.area),
            (.contact, .setupContact, s.contact.isEmpty ? none : s.contact),
            (.language, .setupLanguage, (content.languages.first { $0.code == s.language }?.name ?? s.language)
                + (content.review == nil ? "" : " " + content.say(.setupToBeChecked))),
            (.groupType, .setupGroup, (content.groupType(s.groupType)?.label ?? s.groupType)),
            (.level, .setupLevel, (content.level(s.level)?.label ?? content.say(.setupNotSaid))),
            (.plan, .setupPlan, content.plan(s.plan).label),
            (.statementsPerPerson, .setupThingsEach, content.say(.setupThingsEachValue, "\(s.statementsPerPerson)")),
            (.votesPerPerson, .setupDotsEach, content.say(.setupDotsEachValue, "\(s.votesPerPerson)")),
            (.anonymous, .setupNames, content.say(s.anonymous ? .setupAnonymous : .setupNamed)),
            (.revealLater, .setupShow, content.say(s.revealLater ? .setupRevealLater : .setupShowAsTyped)),
        ]
        let labels = fields.map { content.say($0.1) + ":" }
        let labelWidth = max(13, (labels.map(TextWidth.of).max() ?? 0) + 1)
        for ((field, _, value), label) in zip(fields, labels) {
            // Fields whose words are typed open the box; the others are chosen, and say so to the facilitator.
            let hint = [.title, .date, .area, .contact].contains(field) ? "" : changes
            page.list.append(.hinted(TextWidth.pad(label, to: labelWidth) + value, hint: hint,
                                     row: rowIndex(.setupField(field))))
        }
        page.list.append(.init(text: content.say(.setupPeople, "\(session.people.count)"), role: .heading,
                               row: rowIndex(.peopleHeader)))
        for person in session.people {
            let role = content.role(person.role)?.label ?? person.role
            let quote = person.consentToQuote ? " · " + content.say(.setupMayBeQuoted) : ""
            let review = person.source == .review ? " · " + content.say(.fromAReview) : ""
            page.list.append(.init(text: "\(person.label) · \(role)\(quote)\(review)", row: rowIndex(.person(id: person.id)),
                                   indent: 2))
        }
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        Editing.begin(.newPerson, &session, &state)
    }

    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool {
        guard case .setupField(let field)? = row else { return false }
        switch field {
        case .groupType, .language, .level, .statementsPerPerson, .plan, .votesPerPerson:
            Choosing.open(.setup(field), session, &state, content)
        case .anonymous:
            session.setup.anonymous.toggle()
        case .revealLater:
            session.setup.revealLater.toggle()
            if !session.setup.revealLater, session.statements.contains(where: \.hidden) {
                state.status = .init(content.say(.shownAsTyped))
            }
        case .title, .date, .area, .contact:
            return false
        }
        return true
    }

    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        guard case .person(let id)? = row, let i = session.people.firstIndex(where: { $0.id == id }) else {
            state.status = .init(content.say(.moveToPersonFirst, action == .chooseRole ? "r" : "o"), isProblem: true)
            return
        }
        switch action {
        case .chooseRole:
            Choosing.open(.role(personId: id), session, &state, content)
        case .toggleConsent:
            session.people[i].consentToQuote.toggle()
            state.status = .init(session.people[i].consentToQuote
                                 ? content.say(.mayQuote, session.people[i].label)
                                 : content.say(.mayNotQuote, session.people[i].label))
        default:
            break
        }
    }
}
