import TogetherContent

/// The start screen: a new workshop, or one to carry on with.
enum HomePage {
    static func page(_ state: AppState, _ content: ContentPacks) -> Page {
        var page = Page(title: "Together")
        page.fixed = [
            .init(text: content.say(.homeHeading), role: .heading),
            .init(text: content.say(.homePrompt), role: .prompt),
        ]
        page.list.append(.init(text: content.say(.homeStartNew), row: 0))
        for (i, session) in state.resumable.enumerated() {
            let title = session.setup.title.isEmpty ? content.say(.homeNoTitle) : session.setup.title
            let place = session.setup.area.isEmpty ? "" : " · \(session.setup.area)"
            let stage = content.stage(session.position.stage)?.label ?? ""
            page.list.append(.init(text: content.say(.homeCarryOn, title + place, session.setup.date, stage), row: i + 1))
        }
        if !state.unreadable.isEmpty {
            page.list.append(.init(text: ""))
            page.list.append(.init(text: content.say(.homeUnreadable), role: .error))
            for problem in state.unreadable { page.list.append(.init(text: problem, role: .dim, indent: 2)) }
        }
        page.focus = state.homeFocus
        return page
    }
}

/// The screen for the stage the facilitator is on.
enum StagePage {
    /// With `near`, a long list is built only that many rows either side of the focus (what a screen can show).
    static func page(_ session: Session, _ content: ContentPacks, _ state: AppState, near: Int? = nil) -> Page {
        let stages = session.stages(content)
        let index = session.stageIndex(in: content)
        let stage = stages[index]
        var page = Page(title: stage.label, progress: content.say(.stageProgress, "\(index + 1)", "\(stages.count)"))
        let rows = session.rows(content)
        page.focus = rows.isEmpty ? nil : session.position.focus
        // Looked up once per row drawn: a table, not a search, so a thousand rows cost a thousand steps.
        var places: [RowRef: Int] = [:]
        for (i, row) in rows.enumerated() where places[row] == nil { places[row] = i }
        func rowIndex(_ ref: RowRef) -> Int? { places[ref] }

        switch stage.id {
        case .setup: setup(&page, session, content, rowIndex)
        case .makingItReal: makingItReal(&page, session, content, rowIndex)
        case .workingTogether: workingTogether(&page, session, content, state, stage, rowIndex)
        case .theming: StagePagesMore.theming(&page, session, content, state, stage, rowIndex, near: near)
        case .priorities: StagePagesMore.priorities(&page, session, content, state, stage, rowIndex)
        case .understand: StagePagesMore.understand(&page, session, content, stage, rowIndex)
        case .actions: StagePagesMore.actions(&page, session, content, stage, rowIndex)
        case .topTips: topTips(&page, session, content, rowIndex)
        case .wrapUp:
            page.fixed = [.init(text: stage.prompt, role: .prompt)]
            noteSections(&page, session, .wrapUp, content, rowIndex)
        case .finish: finish(&page, session, content, stage, rowIndex)
        }
        if let timer = Timing.label(session.timers[stage.id.rawValue], now: state.now, content) {
            page.progress = page.progress.isEmpty ? timer : "\(page.progress) · \(timer)"
        }
        if let draft = session.draft {
            page.typingLabel = typingLabel(draft.target, session, content)
            page.editor = (draft.text, state.cursor)
        }
        return page
    }

    static func setup(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ rowIndex: (RowRef) -> Int?) {
        page.fixed = [.init(text: content.stage(.setup)?.prompt ?? "", role: .prompt)]
        let s = session.setup
        let none = content.say(.setupNoneYet)
        let changes = "  " + content.say(.setupEnterChanges)
        let fields: [(SetupField, FacilitatorKey, String)] = [
            (.title, .setupTitle, s.title.isEmpty ? none : s.title),
            (.date, .setupDate, s.date),
            (.area, .setupArea, s.area.isEmpty ? none : s.area),
            (.language, .setupLanguage, (content.languages.first { $0.code == s.language }?.name ?? s.language)
                + (content.review == nil ? "" : " " + content.say(.setupToBeChecked)) + changes),
            (.groupType, .setupGroup, (content.groupType(s.groupType)?.label ?? s.groupType) + changes),
            (.level, .setupLevel, (content.level(s.level)?.label ?? content.say(.setupNotSaid)) + changes),
            (.plan, .setupPlan, content.plan(s.plan).label + changes),
            (.statementsPerPerson, .setupThingsEach, content.say(.setupThingsEachValue, "\(s.statementsPerPerson)") + changes),
            (.votesPerPerson, .setupDotsEach, content.say(.setupDotsEachValue, "\(s.votesPerPerson)") + changes),
            (.anonymous, .setupNames, content.say(s.anonymous ? .setupAnonymous : .setupNamed) + changes),
            (.revealLater, .setupShow, content.say(s.revealLater ? .setupRevealLater : .setupShowAsTyped) + changes),
        ]
        let labels = fields.map { content.say($0.1) + ":" }
        let labelWidth = max(13, (labels.map(TextWidth.of).max() ?? 0) + 1)
        for ((field, _, value), label) in zip(fields, labels) {
            page.list.append(.init(text: TextWidth.pad(label, to: labelWidth) + value, row: rowIndex(.setupField(field))))
        }
        page.list.append(.init(text: content.say(.setupPeople, "\(session.people.count)"), role: .heading,
                               row: rowIndex(.peopleHeader)))
        for person in session.people {
            let role = content.role(person.role)?.label ?? person.role
            let quote = person.consentToQuote ? " · " + content.say(.setupMayBeQuoted) : ""
            let review = person.source == "review" ? " · " + content.say(.fromAReview) : ""
            page.list.append(.init(text: "\(person.label) · \(role)\(quote)\(review)", row: rowIndex(.person(id: person.id)),
                                   indent: 2))
        }
    }

    static func makingItReal(_ page: inout Page, _ session: Session, _ content: ContentPacks,
                             _ rowIndex: (RowRef) -> Int?) {
        guard let theme = session.currentTheme(content) else { return }
        let review = session.themeReview(theme.id)
        ratedItem(&page, progress: content.say(.themeProgress, "\(session.position.item + 1)", "\(content.makingItReal.themes.count)"),
                  heading: theme.label, prompt: theme.prompt, question: content.say(.themeQuestion),
                  chosen: review.rating, scale: content.makingItReal.scale, content, rowIndex)
        noteSections(&page, session, .makingItReal(theme.id), content, rowIndex)
        linkedActions(&page, session, Link(kind: "makingItReal", id: theme.id), content, rowIndex)
    }

    static func topTips(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ rowIndex: (RowRef) -> Int?) {
        guard let tip = session.currentTip(content) else { return }
        let review = session.tipReview(tip.id)
        ratedItem(&page, progress: content.say(.tipProgress, "\(session.position.item + 1)", "\(content.topTips.tips.count)"),
                  heading: tip.label, prompt: tip.prompt, question: content.say(.tipQuestion),
                  chosen: review.rating, scale: content.topTips.scale, content, rowIndex)
        noteSections(&page, session, .topTip(tip.id), content, rowIndex)
        linkedActions(&page, session, Link(kind: "topTip", id: tip.id), content, rowIndex)
    }

    /// A theme or a tip: its heading and question, and a rating in words.
    static func ratedItem(_ page: inout Page, progress: String, heading: String, prompt: String, question: String,
                          chosen: String?, scale: [RatingLevel], _ content: ContentPacks,
                          _ rowIndex: (RowRef) -> Int?) {
        page.progress = progress
        page.fixed = [.init(text: heading, role: .heading), .init(text: prompt, role: .prompt)]
        rating(&page, question: question, chosen: chosen, scale: scale, content, rowIndex)
    }

    /// Every note list of a place, each under its heading.
    static func noteSections(_ page: inout Page, _ session: Session, _ place: NoteSlot.Place, _ content: ContentPacks,
                             _ rowIndex: (RowRef) -> Int?) {
        for section in Session.sections(of: place) {
            let slot = NoteSlot(place, section)
            let notes = session.notes(in: slot)
            page.list.append(.init(text: content.say(.headingPressAToAdd, content.sectionLabel(section), "\(notes.count)"),
                                   role: .heading, row: rowIndex(.notesHeader(slot))))
            for (i, note) in notes.enumerated() {
                let mark = section == "causes" ? content.say(.whyNumber, "\(i + 1)") + " " : "- "
                page.list.append(.init(text: mark + note.text, row: rowIndex(.note(slot, id: note.id)), indent: 2))
            }
        }
    }

    /// The actions linked to what the screen is about.
    static func linkedActions(_ page: inout Page, _ session: Session, _ link: Link, _ content: ContentPacks,
                              _ rowIndex: (RowRef) -> Int?) {
        let actions = session.actions(linkedTo: link)
        page.list.append(.init(text: content.say(.headingPressAToAdd, content.say(.actionsWord), "\(actions.count)"),
                               role: .heading,
                               row: rowIndex(.actionsHeader(link))))
        for action in actions {
            let who = action.who.isEmpty ? "" : " · \(action.who)"
            let when = action.byWhen.isEmpty ? "" : " · " + content.say(.byWhen, action.byWhen)
            page.list.append(.init(text: "- \(action.what)\(who)\(when)",
                                   row: rowIndex(.actionField(id: action.id, field: .what)), indent: 2))
        }
    }

    static func rating(_ page: inout Page, question: String, chosen: String?, scale: [RatingLevel],
                       _ content: ContentPacks, _ rowIndex: (RowRef) -> Int?) {
        let index = chosen.flatMap { id in scale.firstIndex { $0.id == id } }
        let answer = index.map { "[\($0 + 1)] \(scale[$0].label)" } ?? content.say(.notChosenYet)
        // In large text the answer alone is drawn big (or the question, until there is an answer).
        page.list.append(.init(text: "\(question) \(answer)", role: chosen == nil ? .normal : .chosen,
                               row: rowIndex(.rating), large: index.map { scale[$0].label } ?? question))
        let options = scale.enumerated().map { "\($0 + 1) \($1.label)" }.joined(separator: " · ")
        page.list.append(.init(text: options, role: .dim, indent: 2))
    }


    static func workingTogether(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ state: AppState,
                                _ stage: Stage, _ rowIndex: (RowRef) -> Int?) {
        guard let person = session.currentPerson() else {
            page.fixed = [
                .init(text: stage.prompt, role: .prompt),
                .init(text: content.say(.nobodyYet), role: .error),
            ]
            return
        }
        page.progress = content.say(.personProgress, "\(session.position.item + 1)", "\(session.people.count)")
        let role = content.role(person.role)?.label ?? person.role
        page.fixed = [
            .init(text: "\(person.label) · \(role)", role: .heading),
            .init(text: stage.prompt, role: .prompt),
        ]
        let limit = session.setup.statementsPerPerson
        for category in content.workingTogether.categories {
            let items = session.statements(of: person.id, in: category.id)
            let role = Self.role(of: category.id)
            page.list.append(.init(text: symbol(category, state) + content.say(.categoryCount, category.label, "\(items.count)", "\(limit)"),
                                   role: role, row: rowIndex(.categoryHeader(category.id))))
            for statement in items {
                statementLines(&page, statement, prefix: "\(statement.rank). ", session, content, rowIndex)
            }
        }
    }

    /// A statement with its theme and whose words, hidden until revealed when the session says so, and
    /// under the chosen one the Making It Real theme Together suggests.
    static func statementLines(_ page: inout Page, _ statement: Statement, prefix: String, _ session: Session,
                               _ content: ContentPacks, _ rowIndex: (RowRef) -> Int?) {
        let row = rowIndex(.statement(id: statement.id))
        if statement.hidden {
            page.list.append(.init(text: prefix + content.say(.hiddenUntilRevealed), role: .dim, row: row, indent: 2))
            return
        }
        let theme = statement.themeId.flatMap { content.theme($0)?.label }.map { "  [\($0)]" } ?? ""
        let voice = statement.voice == .own ? "" : "  (\(voiceLabel(statement.voice, content)))"
        let review = statement.source == "review" ? "  (\(content.say(.fromAReview)))" : ""
        page.list.append(.init(text: "\(prefix)\(statement.text)\(theme)\(voice)\(review)", row: row, indent: 2))
        if row != nil, row == page.focus, let suggestion = Theming.openSuggestion(statement, content) {
            let label = content.theme(suggestion.themeId)?.label ?? suggestion.themeId
            page.list.append(.init(text: content.say(.suggestedTheme, label, suggestion.word),
                                   role: .dim, indent: 6))
        }
    }

    /// Whose words, in plain English.
    static func voiceLabel(_ voice: Voice, _ content: ContentPacks) -> String {
        switch voice.kind {
        case "own": return content.say(.voiceOwn)
        case "supported": return content.say(.voiceSupported)
        case "onBehalf":
            let role = voice.speakerRole.flatMap { content.role($0)?.label.lowercased() } ?? content.say(.voiceSomeone)
            return content.say(.voiceOnBehalf, role)
        default: return voice.kind
        }
    }

    /// A category's symbol and a space, or nothing when symbols are off (the word is always there).
    static func symbol(_ category: StatementCategory, _ state: AppState) -> String {
        state.view.showsSymbols ? category.symbol + " " : ""
    }

    /// The colour role of a category; the symbol and the word are always shown as well.
    static func role(of category: String) -> Role {
        switch category {
        case "working": .working
        case "notWorking": .notWorking
        case "aspirations": .aspiration
        default: .heading
        }
    }

    static func finish(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ stage: Stage,
                       _ rowIndex: (RowRef) -> Int?) {
        let rated = session.makingItReal.filter { $0.rating != nil }.count
        let tips = session.topTips.filter { $0.rating != nil }.count
        let counts = content.workingTogether.categories.map { category in
            "\(session.statements.filter { $0.category == category.id }.count) \(category.label.lowercased())"
        }.joined(separator: ", ")
        page.fixed = [.init(text: stage.prompt, role: .prompt)]
        page.list = [
            .init(text: content.say(.finishPeople, "\(session.people.count)")),
            .init(text: content.say(.finishThingsSaid, "\(session.statements.count)", counts)),
            .init(text: content.say(.finishThemesRated, "\(rated)", "\(content.makingItReal.themes.count)")),
            .init(text: content.say(.finishTipsRated, "\(tips)", "\(content.topTips.tips.count)")),
            .init(text: content.say(.finishThemesAndActions, "\(session.groupThemes.count)", "\(session.actions.count)")),
            .init(text: ""),
            .init(text: session.status == .finished ? "[x] " + content.say(.finishIsFinished)
                  : "[ ] " + content.say(.finishMarkFinished),
                  role: session.status == .finished ? .chosen : .normal, row: rowIndex(.finishToggle)),
            .init(text: content.say(.finishWriteHandouts), row: rowIndex(.writeHandouts)),
        ]
    }

    static func typingLabel(_ target: EditTarget, _ session: Session, _ content: ContentPacks) -> String {
        switch target {
        case .setupTitle: return content.say(.typingTitle)
        case .setupDate: return content.say(.typingDate)
        case .setupArea: return content.say(.typingArea)
        case .newPerson: return content.say(.typingNewPerson)
        case .person: return content.say(.typingPerson)
        case .newStatement(let personId, let category):
            let who = session.people.first { $0.id == personId }?.label ?? ""
            return content.say(.typingStatementFor, content.category(category)?.label ?? category, who)
        case .statement: return content.say(.typingStatement)
        case .newNote(let slot), .note(let slot, _): return content.sectionLabel(slot.section)
        case .newGroupTheme(let ids):
            return ids.isEmpty ? content.say(.typingNewTheme) : content.say(.typingNewThemeFor, "\(ids.count)")
        case .groupTheme: return content.say(.typingTheme)
        case .newAction: return content.say(.typingWhat)
        case .actionField(_, let field):
            switch field {
            case .what: return content.say(.typingWhat)
            case .who: return content.say(.typingWho)
            case .byWhen: return content.say(.typingByWhen)
            case .link, .intention: return ""
            }
        }
    }
}
