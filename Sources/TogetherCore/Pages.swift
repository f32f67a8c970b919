import TogetherContent

/// The start screen: a new workshop, or one to carry on with.
enum HomePage {
    static func page(_ state: AppState, _ content: ContentPacks) -> Page {
        var page = Page(title: "Together")
        page.fixed = [
            .init(text: "Co-production workshops", role: .heading),
            .init(text: "Start a new workshop, or carry on with one that is not finished.", role: .prompt),
        ]
        page.list.append(.init(text: "Start a new workshop", row: 0))
        for (i, session) in state.resumable.enumerated() {
            let title = session.setup.title.isEmpty ? "(no title yet)" : session.setup.title
            let place = session.setup.area.isEmpty ? "" : " · \(session.setup.area)"
            let stage = content.stage(session.position.stage)?.label ?? ""
            page.list.append(.init(text: "Carry on: \(title)\(place) · \(session.setup.date) · at \(stage)", row: i + 1))
        }
        if !state.unreadable.isEmpty {
            page.list.append(.init(text: ""))
            page.list.append(.init(text: "These files could not be opened, and were left as they are:", role: .error))
            for problem in state.unreadable { page.list.append(.init(text: problem, role: .dim, indent: 2)) }
        }
        page.focus = state.homeFocus
        return page
    }
}

/// The screen for the stage the facilitator is on.
enum StagePage {
    static func page(_ session: Session, _ content: ContentPacks) -> Page {
        let stages = content.workshop.stages
        let index = session.stageIndex(in: content)
        let stage = stages[index]
        var page = Page(title: stage.label, progress: "Stage \(index + 1) of \(stages.count)")
        let rows = session.rows(content)
        page.focus = rows.isEmpty ? nil : session.position.focus
        func rowIndex(_ ref: RowRef) -> Int? { rows.firstIndex(of: ref) }

        switch stage.id {
        case .setup: setup(&page, session, content, rowIndex)
        case .makingItReal: makingItReal(&page, session, content, rowIndex)
        case .workingTogether: workingTogether(&page, session, content, stage, rowIndex)
        case .topTips: topTips(&page, session, content, rowIndex)
        case .wrapUp:
            page.fixed = [.init(text: stage.prompt, role: .prompt)]
            notes(&page, "Notes", session.wrapUp, rowIndex)
        case .finish: finish(&page, session, content, stage, rowIndex)
        }
        if let draft = session.draft { page.typingLabel = typingLabel(draft.target, session, content) }
        return page
    }

    static func setup(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ rowIndex: (RowRef) -> Int?) {
        page.fixed = [.init(text: content.stage(.setup)?.prompt ?? "", role: .prompt)]
        let s = session.setup
        let fields: [(SetupField, String, String)] = [
            (.title, "Title", s.title.isEmpty ? "(none yet)" : s.title),
            (.date, "Date", s.date),
            (.area, "Area", s.area.isEmpty ? "(none yet)" : s.area),
            (.groupType, "Group", (content.groupType(s.groupType)?.label ?? s.groupType) + "  (Enter changes it)"),
            (.statementsPerPerson, "Things each", "\(s.statementsPerPerson) of each kind  (Enter changes it)"),
        ]
        for (field, label, value) in fields {
            page.list.append(.init(text: TextWidth.pad(label + ":", to: 13) + value, row: rowIndex(.setupField(field))))
        }
        page.list.append(.init(text: "People (\(session.people.count)): press a to add", role: .heading,
                               row: rowIndex(.peopleHeader)))
        for person in session.people {
            let role = content.role(person.role)?.label ?? person.role
            page.list.append(.init(text: "\(person.label) · \(role)", row: rowIndex(.person(id: person.id)), indent: 2))
        }
    }

    static func makingItReal(_ page: inout Page, _ session: Session, _ content: ContentPacks,
                             _ rowIndex: (RowRef) -> Int?) {
        guard let theme = session.currentTheme(content) else { return }
        let review = session.themeReview(theme.id)
        ratedItem(&page, progress: "Theme \(session.position.item + 1) of \(content.makingItReal.themes.count)",
                  heading: theme.label, prompt: theme.prompt, question: "How is it going here?",
                  chosen: review.rating, scale: content.makingItReal.scale, notesLabel: "Examples",
                  notes: review.examples, rowIndex)
    }

    static func topTips(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ rowIndex: (RowRef) -> Int?) {
        guard let tip = session.currentTip(content) else { return }
        let review = session.tipReview(tip.id)
        ratedItem(&page, progress: "Tip \(session.position.item + 1) of \(content.topTips.tips.count)",
                  heading: tip.label, prompt: tip.prompt, question: "How well are they doing?",
                  chosen: review.rating, scale: content.topTips.scale, notesLabel: "Notes", notes: review.notes, rowIndex)
    }

    /// A theme or a tip: its heading and question, a rating in words, and notes.
    static func ratedItem(_ page: inout Page, progress: String, heading: String, prompt: String, question: String,
                          chosen: String?, scale: [RatingLevel], notesLabel: String, notes: [Note],
                          _ rowIndex: (RowRef) -> Int?) {
        page.progress = progress
        page.fixed = [.init(text: heading, role: .heading), .init(text: prompt, role: .prompt)]
        rating(&page, question: question, chosen: chosen, scale: scale, rowIndex)
        self.notes(&page, notesLabel, notes, rowIndex)
    }

    static func rating(_ page: inout Page, question: String, chosen: String?, scale: [RatingLevel],
                       _ rowIndex: (RowRef) -> Int?) {
        let answer = chosen.flatMap { id in scale.firstIndex { $0.id == id } }
            .map { "[\($0 + 1)] \(scale[$0].label)" } ?? "not chosen yet"
        page.list.append(.init(text: "\(question) \(answer)", role: chosen == nil ? .normal : .chosen,
                               row: rowIndex(.rating)))
        let options = scale.enumerated().map { "\($0 + 1) \($1.label)" }.joined(separator: " · ")
        page.list.append(.init(text: options, role: .dim, indent: 2))
    }

    static func notes(_ page: inout Page, _ label: String, _ notes: [Note], _ rowIndex: (RowRef) -> Int?) {
        page.list.append(.init(text: "\(label) (\(notes.count)): press a to add", role: .heading,
                               row: rowIndex(.notesHeader)))
        for note in notes {
            page.list.append(.init(text: "- " + note.text, row: rowIndex(.note(id: note.id)), indent: 2))
        }
    }

    static func workingTogether(_ page: inout Page, _ session: Session, _ content: ContentPacks, _ stage: Stage,
                                _ rowIndex: (RowRef) -> Int?) {
        guard let person = session.currentPerson() else {
            page.fixed = [
                .init(text: stage.prompt, role: .prompt),
                .init(text: "Nobody is on the list yet. Press [ to go back and add people.", role: .error),
            ]
            return
        }
        page.progress = "Person \(session.position.item + 1) of \(session.people.count)"
        let role = content.role(person.role)?.label ?? person.role
        page.fixed = [
            .init(text: "\(person.label) · \(role)", role: .heading),
            .init(text: stage.prompt, role: .prompt),
        ]
        let limit = session.setup.statementsPerPerson
        for category in content.workingTogether.categories {
            let items = session.statements(of: person.id, in: category.id)
            let role = Self.role(of: category.id)
            page.list.append(.init(text: "\(category.symbol) \(category.label) (\(items.count) of \(limit))",
                                   role: role, row: rowIndex(.categoryHeader(category.id))))
            for statement in items {
                let theme = statement.themeId.flatMap { content.theme($0)?.label }.map { "  [\($0)]" } ?? ""
                let voice = statement.voice == .own ? "" : "  (\(voiceLabel(statement.voice, content)))"
                page.list.append(.init(text: "\(statement.rank). \(statement.text)\(theme)\(voice)",
                                       row: rowIndex(.statement(id: statement.id)), indent: 2))
            }
        }
    }

    /// Whose words, in plain English.
    static func voiceLabel(_ voice: Voice, _ content: ContentPacks) -> String {
        switch voice.kind {
        case "own": return "their own words"
        case "supported": return "with support"
        case "onBehalf":
            let role = voice.speakerRole.flatMap { content.role($0)?.label.lowercased() } ?? "someone who knows them"
            return "said for them by: \(role)"
        default: return voice.kind
        }
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
            .init(text: "People: \(session.people.count)"),
            .init(text: "Things said: \(session.statements.count) (\(counts))"),
            .init(text: "Making It Real themes rated: \(rated) of \(content.makingItReal.themes.count)"),
            .init(text: "Top tips rated: \(tips) of \(content.topTips.tips.count)"),
            .init(text: ""),
            .init(text: session.status == .finished
                  ? "[x] This workshop is finished. Everything is saved."
                  : "[ ] Mark this workshop as finished (press f)",
                  role: session.status == .finished ? .chosen : .normal, row: rowIndex(.finishToggle)),
        ]
    }

    static func typingLabel(_ target: EditTarget, _ session: Session, _ content: ContentPacks) -> String {
        switch target {
        case .setupTitle: return "the title"
        case .setupDate: return "the date (2026-03-14)"
        case .setupArea: return "the area (a place, not a person)"
        case .newPerson: return "initials or a made-up name"
        case .person: return "the initials or made-up name"
        case .newExample, .example: return "an example"
        case .newStatement(let personId, let category):
            let who = session.people.first { $0.id == personId }?.label ?? ""
            return "\(content.category(category)?.label ?? category) for \(who)"
        case .statement: return "the statement"
        case .newTipNote, .tipNote, .newWrapUpNote, .wrapUpNote: return "a note"
        }
    }
}
