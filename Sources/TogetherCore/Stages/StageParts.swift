import TogetherContent

/// Pieces of a stage's screen that more than one stage draws: a rating, note lists, linked actions, statements.
enum StageParts {
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
            page.list.append(.hinted(content.say(.headingCount, content.sectionLabel(section), "\(notes.count)"),
                                     hint: content.say(.pressAToAdd),
                                   role: .heading, row: rowIndex(.notesHeader(slot))))
            for (i, note) in notes.enumerated() {
                let mark = section == .causes ? content.say(.whyNumber, "\(i + 1)") + " " : "- "
                page.list.append(.init(text: mark + note.text, row: rowIndex(.note(slot, id: note.id)), indent: 2))
            }
        }
    }

    /// The actions linked to what the screen is about.
    static func linkedActions(_ page: inout Page, _ session: Session, _ link: Link, _ content: ContentPacks,
                              _ rowIndex: (RowRef) -> Int?) {
        let actions = session.actions(linkedTo: link)
        page.list.append(.hinted(content.say(.headingCount, content.say(.actionsWord), "\(actions.count)"),
                                 hint: content.say(.pressAToAdd),
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

    /// A statement with its theme and whose words, hidden until revealed when the session says so, and
    /// under the chosen one the Making It Real theme Together suggests.
    static func statementLines(_ page: inout Page, _ statement: Statement, prefix: String, _ session: Session,
                               _ content: ContentPacks, _ rowIndex: (RowRef) -> Int?, peek: String? = nil) {
        let row = rowIndex(.statement(id: statement.id))
        // The facilitator checks a hidden statement's words (V): on this screen only, on its own row, until the next key.
        if statement.hidden, peek == statement.id, row != nil, row == page.focus {
            page.list.append(.init(text: prefix + statement.text + "  " + content.say(.peekMark), row: row, indent: 2))
            return
        }
        if statement.hidden {
            page.list.append(.init(text: prefix + content.say(.hiddenUntilRevealed), role: .dim, row: row, indent: 2))
            return
        }
        // The line is put together in one piece of storage (it is made for every statement a screen can show, on
        // every key): the words, then the theme, whose words, and where they came from, each in brackets.
        var text = prefix
        let theme = statement.themeId.flatMap { content.themeLabel($0) }
        let voice = statement.voice == .own ? nil : voiceLabel(statement.voice, content)
        let review = statement.source == .review ? content.say(.fromAReview) : nil
        text.reserveCapacity(prefix.utf8.count + statement.text.utf8.count + (theme?.utf8.count ?? 0) + (voice?.utf8.count ?? 0)
                             + (review?.utf8.count ?? 0) + 15)
        text += statement.text
        if let theme { text += "  ["; text += theme; text += "]" }
        if let voice { text += "  ("; text += voice; text += ")" }
        if let review { text += "  ("; text += review; text += ")" }
        page.list.append(.init(text: text, row: row, indent: 2))
        if row != nil, row == page.focus, let suggestion = Theming.openSuggestion(statement, content) {
            let label = content.theme(suggestion.themeId)?.label ?? suggestion.themeId
            page.list.append(.hinted(content.say(.suggestedTheme, label, suggestion.word), hint: " " + content.say(.suggestKeys),
                                   role: .dim, indent: 6))
        }
    }

    /// Whose words, in plain English.
    static func voiceLabel(_ voice: Voice, _ content: ContentPacks) -> String {
        switch voice.kind {
        case .own: return content.say(.voiceOwn)
        case .supported: return content.say(.voiceSupported)
        case .onBehalf:
            let role = voice.speakerRole.flatMap { content.role($0)?.label.lowercased() } ?? content.say(.voiceSomeone)
            return content.say(.voiceOnBehalf, role)
        default: return voice.kind.rawValue
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

    static func typingLabel(_ target: EditTarget, _ session: Session, _ content: ContentPacks) -> String {
        switch target {
        case .setupTitle: return content.say(.typingTitle)
        case .setupDate: return content.say(.typingDate)
        case .setupArea: return content.say(.typingArea)
        case .setupContact: return content.say(.typingContact)
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

    /// The rating level for the `n`th answer, or a problem said on the status line.
    static func level(_ n: Int, _ scale: [RatingLevel], _ state: inout AppState, _ content: ContentPacks) -> RatingLevel? {
        guard scale.indices.contains(n - 1) else {
            state.status = .init(content.say(.chooseNumber, "\(scale.count)"), isProblem: true)
            return nil
        }
        state.status = .init(content.say(.chosen, scale[n - 1].label))
        return scale[n - 1]
    }

    /// Enter on a rating: the next answer on the scale (after the last, the first).
    static func nextAnswer(after current: String?, _ scale: [RatingLevel]) -> Int {
        let index = current.flatMap { id in scale.firstIndex { $0.id == id } } ?? -1
        return (index + 1) % max(1, scale.count) + 1
    }

    /// `a` on a screen with notes and linked actions: an action under "Actions", otherwise a note in the list the
    /// focus is in (or the screen's first list).
    static func addNoteOrAction(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                                _ content: ContentPacks) {
        let place = Stages.notePlace(session, content)
        if case .actionsHeader(let link)? = row {
            Editing.begin(.newAction(link: link), &session, &state)
        } else if case .actionField? = row, let link = place?.link {
            Editing.begin(.newAction(link: link), &session, &state)
        } else if let slot = slotOf(row, place) {
            Editing.begin(.newNote(slot), &session, &state)
        } else {
            state.status = .init(content.say(.noThemesYet), isProblem: true)
        }
    }

    /// The note list a row belongs to (its heading or one of its notes), or the screen's first list.
    static func slotOf(_ row: RowRef?, _ place: NoteSlot.Place?) -> NoteSlot? {
        switch row {
        case .notesHeader(let slot), .note(let slot, _): return slot
        default:
            guard let place else { return nil }
            return NoteSlot(place, Session.sections(of: place)[0])
        }
    }
}
