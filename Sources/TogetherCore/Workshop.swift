import Foundation
import TogetherContent

/// The one place where the workshop changes: `apply(action)` to a state gives the next state and effects.
public enum Workshop {
    /// Turns an input event into an action for the current state (the keymap, plus typing and overlays).
    public static func action(for event: InputEvent, in state: AppState) -> Action? {
        if case .paste(let text) = event {
            // Pasted words go into a typing box (or the search), line breaks as spaces; never as commands.
            let words = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            switch state.overlay {
            case .search: return .insert(words)
            case nil: return state.isTyping ? .insert(words) : nil
            default: return nil
            }
        }
        guard case .key(let key) = event else { return nil }
        switch state.overlay {
        case .help:
            switch key {
            case .down, .pageDown, .char(" "), .char("j"): return .scrollHelp(1)
            case .up, .pageUp, .char("k"): return .scrollHelp(-1)
            default: return .closeOverlay
            }
        case .confirmLeave:
            switch key {
            case .char("c"), .char("C"): return .confirm(true)
            case .escape, .char("s"), .char("S"), .char("n"), .char("N"): return .confirm(false)
            default: return nil
            }
        case .confirmDelete:
            switch key {
            case .char("y"), .char("Y"): return .confirm(true)
            case .char("n"), .char("N"), .escape: return .confirm(false)
            case .ctrl("c"): return .quit
            default: return nil
            }
        case .stageMap, .chooseTheme:
            switch key {
            case .up, .char("k"): return .focusUp
            case .down, .char("j"), .tab: return .focusDown
            case .enter: return .activate
            case .ctrl("c"): return .quit
            case .char(let c) where c.isNumber: return c.wholeNumberValue.map { .choose($0) }
            default: return .closeOverlay
            }
        case .search:
            switch key {
            case .up: return .focusUp
            case .down, .tab: return .focusDown
            case .enter: return .activate
            case .escape: return .closeOverlay
            case .backspace: return .backspace
            case .ctrl("c"): return .quit
            case .char(let c): return .insert(String(c))
            default: return nil
            }
        case nil:
            break
        }
        if state.isTyping {
            if let action = Keymap.action(for: key, in: .typing) { return action }
            if case .char(let c) = key { return .insert(String(c)) }
            if case .tab = key { return .insert(" ") }
            return nil
        }
        return Keymap.action(for: key, in: state.keyContext)
    }

    /// Applies an action. When the session changes, its `updatedAt` moves on; the shell then saves it.
    @discardableResult
    public static func apply(_ state: inout AppState, _ action: Action, content: ContentPacks,
                             env: Environment) -> [Effect] {
        let before = state.session
        state.now = env.now()
        let effects = reduce(&state, action, content, env)
        if let before, var after = state.session, after.id == before.id, after != before {
            after.updatedAt = env.now()
            state.session = after
            if action != .undo && action != .redo && History.isChange(from: before, to: after) {
                History.record(before, in: &state)
            }
        }
        if let session = state.session {
            state.session?.position.focus = clampedFocus(session, content)
        }
        return effects
    }

    static func clampedFocus(_ session: Session, _ content: ContentPacks) -> Int {
        let count = session.rows(content).count
        return max(0, min(session.position.focus, count - 1))
    }

    static func reduce(_ state: inout AppState, _ action: Action, _ content: ContentPacks,
                       _ env: Environment) -> [Effect] {
        switch action {
        case .quit:
            // Leaving while saves are failing would lose words: ask first (a copy at home, or stay).
            if let problem = state.saveProblem, state.session != nil {
                state.overlay = .confirmLeave(question: content.say(.leaveWhileFailing, problem))
                return []
            }
            return [.quit]
        case .confirm(let yes) where { if case .confirmLeave = state.overlay { true } else { false } }():
            state.overlay = nil
            if yes { return [.rescueCopy, .quit] }
            state.status = .init(content.say(.stayedOpen), isProblem: true)
            return []
        case .tick:
            return []
        case .toggleLarge:
            state.view.large.toggle()
            state.status = .init(content.say(state.view.large ? .largeOn : .largeOff))
            return []
        case .nextTheme:
            state.view.theme = state.view.theme.next
            state.status = .init(content.say(.look, state.view.theme.label(content.facilitatorWords)))
            return []
        case .toggleSymbols:
            state.view.symbols.toggle()
            state.status = .init(content.say(state.view.symbols ? .symbolsOn : .symbolsOff))
            return []
        case .readAloud:
            let words = Render.spokenText(state, content)
            return words.isEmpty ? [] : [.speak(words)]
        case .showHelp:
            state.overlay = state.overlay == .help ? nil : .help
            state.helpOffset = 0
            return []
        case .scrollHelp(let delta):
            let last = max(0, Keymap.bindings(in: state.keyContext).count - 1)
            state.helpOffset = min(last, max(0, state.helpOffset + delta))
            return []
        case .closeOverlay:
            state.overlay = nil
            return []
        default:
            break
        }
        if state.screen == .home {
            reduceHome(&state, action, content, env)
            return []
        }
        guard var session = state.session else { return [] }
        state.status = nil
        var effects: [Effect] = []
        if let overlay = state.overlay, Overlays.handles(overlay) {
            Overlays.reduce(overlay, &session, &state, action, content)
        } else if session.draft == nil,
                  action == .writeHandouts || (action == .activate && session.focusedRow(content) == .writeHandouts) {
            effects.append(.writeHandouts)
        } else if session.draft != nil {
            Editing.reduce(&session, &state, action, content, env)
        } else {
            reduceStage(&session, &state, action, content, env)
        }
        state.session = session
        return effects
    }

    // MARK: Start screen

    static func reduceHome(_ state: inout AppState, _ action: Action, _ content: ContentPacks, _ env: Environment) {
        switch action {
        case .focusUp:
            state.homeFocus = max(0, state.homeFocus - 1)
        case .focusDown:
            state.homeFocus = min(state.resumable.count, state.homeFocus + 1)
        case .activate:
            if state.homeFocus == 0 {
                var session = Session(id: env.newSessionID(), now: env.now(), setup: newSetup(content, env))
                session.draft = Draft(target: .setupTitle, text: "")
                state.session = session
                state.cursor = 0
                state.status = .init(content.say(.newWorkshop))
            } else {
                let session = state.resumable[state.homeFocus - 1]
                state.session = session
                state.cursor = session.draft?.text.count ?? 0
                state.status = .init(content.say(.welcomeBack))
            }
            state.screen = .workshop
        default:
            break
        }
    }

    static func newSetup(_ content: ContentPacks, _ env: Environment) -> Setup {
        let groupType = content.groupType("mixed")?.id ?? content.workshop.groupTypes.first?.id ?? ""
        return Setup(title: "", date: isoDay(env.now()), area: "", groupType: groupType,
                     statementsPerPerson: content.workingTogether.statementsPerPerson, language: content.language)
    }

    /// True for `YYYY-MM-DD` naming a day that exists (2026-02-30 does not).
    public static func isRealDay(_ text: String) -> Bool { Editing.isRealDay(text) }

    /// `YYYY-MM-DD` for a moment, in the local calendar.
    public static func isoDay(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    // MARK: Stages

    static func reduceStage(_ session: inout Session, _ state: inout AppState, _ action: Action,
                            _ content: ContentPacks, _ env: Environment) {
        let rows = session.rows(content)
        let focused = rows.indices.contains(session.position.focus) ? rows[session.position.focus] : nil
        switch action {
        case .focusUp:
            session.position.focus = max(0, session.position.focus - 1)
        case .focusDown:
            session.position.focus = min(max(0, rows.count - 1), session.position.focus + 1)
        case .nextItem:
            let count = session.itemCount(session.position.stage, in: content)
            if session.position.item + 1 < count {
                session.position.item += 1
                session.position.focus = 0
            } else {
                moveStage(&session, &state, by: 1, content)
            }
        case .previousItem:
            if session.position.item > 0 {
                session.position.item -= 1
                session.position.focus = 0
            } else {
                moveStage(&session, &state, by: -1, content)
                session.position.item = session.itemCount(session.position.stage, in: content) - 1
            }
        case .nextStage:
            moveStage(&session, &state, by: 1, content)
        case .previousStage:
            moveStage(&session, &state, by: -1, content)
        case .activate:
            activate(focused, &session, &state, content)
        case .add:
            add(focused, &session, &state, content)
        case .edit:
            if let target = Editing.editTarget(for: focused, session, content) {
                Editing.begin(target, &session, &state)
            } else {
                state.status = .init(content.say(.nothingToChange), isProblem: true)
            }
        case .delete:
            if let question = deleteQuestion(focused, session, content) {
                state.overlay = .confirmDelete(focused!, question: question)
            } else {
                state.status = .init(content.say(.nothingToDelete), isProblem: true)
            }
        case .confirm(let yes):
            if case .confirmDelete(let row, _) = state.overlay, yes {
                Deleting.delete(row, from: &session, content)
                state.status = .init(content.say(.deleted))
            } else {
                state.status = .init(content.say(.nothingDeleted))
            }
            state.overlay = nil
        case .rate(let n):
            rate(n, &session, &state, content)
        case .cycleRole:
            guard case .person(let id)? = focused, let i = session.people.firstIndex(where: { $0.id == id }) else {
                state.status = .init(content.say(.moveToPersonFirst, "r"), isProblem: true)
                return
            }
            session.people[i].role = next(after: session.people[i].role, in: content.workshop.roles.map(\.id))
            state.status = .init(content.say(.personIs, session.people[i].label, content.role(session.people[i].role)?.label ?? ""))
        case .cycleTheme:
            guard case .statement(let id)? = focused, let i = session.statements.firstIndex(where: { $0.id == id }) else {
                state.status = .init(content.say(.moveToStatementThen, "t"), isProblem: true)
                return
            }
            let ids: [String?] = [nil] + content.makingItReal.themes.map(\.id)
            let at = ids.firstIndex(of: session.statements[i].themeId) ?? 0
            session.statements[i].themeId = ids[(at + 1) % ids.count]
            let label = session.statements[i].themeId.flatMap { content.theme($0)?.label } ?? content.say(.noTheme)
            state.status = .init(content.say(.themeIs, label))
        case .moveRank, .moveToNextCategory, .moveToNextPerson:
            guard case .statement(let id)? = focused else {
                state.status = .init(content.say(.moveToStatementFirst), isProblem: true)
                return
            }
            Moving.move(id, action, &session, &state, content)
        case .cycleVoice:
            guard case .statement(let id)? = focused, let i = session.statements.firstIndex(where: { $0.id == id }) else {
                state.status = .init(content.say(.moveToStatementThen, "v"), isProblem: true)
                return
            }
            let voices = Voice.cycle(roles: content.workshop.roles.map(\.id))
            let at = voices.firstIndex(of: session.statements[i].voice) ?? -1
            session.statements[i].voice = voices[(at + 1) % voices.count]
            state.status = .init(content.say(.whoseWords, StagePage.voiceLabel(session.statements[i].voice, content)))
        case .nextCategory:
            let headers = rows.indices.filter { if case .categoryHeader = rows[$0] { true } else { false } }
            guard !headers.isEmpty else { return }
            session.position.focus = headers.first { $0 > session.position.focus } ?? headers[0]
        case .finishWorkshop:
            toggleFinished(&session, &state, content)
        case .toggleConsent:
            guard case .person(let id)? = focused, let i = session.people.firstIndex(where: { $0.id == id }) else {
                state.status = .init(content.say(.moveToPersonFirst, "o"), isProblem: true)
                return
            }
            session.people[i].consentToQuote.toggle()
            state.status = .init(session.people[i].consentToQuote
                                 ? content.say(.mayQuote, session.people[i].label)
                                 : content.say(.mayNotQuote, session.people[i].label))
        case .acceptSuggestion, .ignoreSuggestion, .toggleMark, .putIntoTheme, .toggleLink:
            Theming.reduce(action, focused, &session, &state, content, env)
        case .dot(let delta):
            Theming.dot(delta, focused, &session, &state, content)
        case .nextVoter:
            let ids: [String?] = [nil] + session.people.map(\.id)
            let at = ids.firstIndex(of: state.voter) ?? 0
            state.voter = ids[(at + 1) % ids.count]
            state.status = .init(content.say(.dotsNowGoTo, Theming.voterLabel(state.voter, session, content)))
        case .reveal:
            let hidden = session.statements.indices.filter { session.statements[$0].hidden }
            for i in hidden { session.statements[i].hidden = false }
            state.status = .init(hidden.isEmpty ? content.say(.nothingHidden) : content.say(.shownNow, "\(hidden.count)"))
        case .timerStartPause, .timerExtend, .timerHide:
            Timing.reduce(action, &session, &state, content)
        case .showStageMap:
            state.overlay = .stageMap(focus: session.stageIndex(in: content))
        case .startSearch:
            state.overlay = .search(query: "", focus: 0)
        case .undo:
            History.undo(&session, &state, content)
        case .redo:
            History.redo(&session, &state, content)
        default:
            break
        }
    }

    static func moveStage(_ session: inout Session, _ state: inout AppState, by delta: Int, _ content: ContentPacks) {
        let stages = session.stages(content)
        let target = session.stageIndex(in: content) + delta
        guard stages.indices.contains(target) else {
            state.status = .init(content.say(delta > 0 ? .lastStage : .firstStage))
            return
        }
        session.position = Position(stage: stages[target].id, item: 0, focus: 0)
        state.status = .init(content.say(.now, stages[target].label))
    }

    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        switch row {
        case .setupField(.groupType):
            session.setup.groupType = next(after: session.setup.groupType, in: content.workshop.groupTypes.map(\.id))
        case .setupField(.language):
            session.setup.language = next(after: session.setup.language, in: content.languages.map(\.code))
            let name = content.languages.first { $0.code == session.setup.language }?.name ?? session.setup.language
            state.status = .init(content.say(.languageIs, name))
        case .setupField(.level):
            session.setup.level = next(after: session.setup.level, in: content.workshop.levels.map(\.id))
        case .setupField(.statementsPerPerson):
            session.setup.statementsPerPerson = session.setup.statementsPerPerson % 5 + 1
        case .setupField(.plan):
            session.setup.plan = next(after: session.setup.plan, in: content.workshop.plans.map(\.id))
            state.status = .init(content.say(.planIs, content.plan(session.setup.plan).label))
        case .setupField(.votesPerPerson):
            session.setup.votesPerPerson = session.setup.votesPerPerson % 9 + 1
        case .setupField(.anonymous):
            session.setup.anonymous.toggle()
        case .setupField(.revealLater):
            session.setup.revealLater.toggle()
            if !session.setup.revealLater, session.statements.contains(where: \.hidden) {
                state.status = .init(content.say(.shownAsTyped))
            }
        case .rating:
            let scale = ratingScale(session.position.stage, content)
            let current = currentRating(session, content)
            let index = current.flatMap { id in scale.firstIndex { $0.id == id } } ?? -1
            rate((index + 1) % scale.count + 1, &session, &state, content)
        case .finishToggle:
            toggleFinished(&session, &state, content)
        case .peopleHeader, .notesHeader, .categoryHeader, .groupThemesHeader, .actionsHeader:
            add(row, &session, &state, content)
        case .groupTheme where session.position.stage == .priorities:
            Theming.dot(1, row, &session, &state, content)
        case .actionField(let id, .link):
            Planning.cycleLink(id, &session, &state, content)
        case .actionField(let id, .intention):
            Planning.cycleIntention(id, &session, &state, content)
        case .writeHandouts:
            break // handled before the stage: it is an effect for the shell
        case .setupField, .person, .note, .statement, .groupTheme, .actionField:
            if let target = Editing.editTarget(for: row, session, content) { Editing.begin(target, &session, &state) }
        case nil:
            add(nil, &session, &state, content)
        }
    }

    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        switch session.position.stage {
        case .setup:
            Editing.begin(.newPerson, &session, &state)
        case .makingItReal, .topTips, .understand, .wrapUp:
            if case .actionsHeader(let link)? = row {
                Editing.begin(.newAction(link: link), &session, &state)
            } else if case .actionField? = row, let link = linkOfScreen(session, content) {
                Editing.begin(.newAction(link: link), &session, &state)
            } else if let slot = slotOf(row, session, content) {
                Editing.begin(.newNote(slot), &session, &state)
            } else {
                state.status = .init(content.say(.noThemesYet), isProblem: true)
            }
        case .theming:
            Editing.begin(.newGroupTheme(statementIds: Theming.chosen(row, state, session)), &session, &state)
        case .priorities:
            state.status = .init(content.say(.themesMadeInFinding))
        case .actions:
            Editing.begin(.newAction(link: nil), &session, &state)
        case .workingTogether:
            guard let person = session.currentPerson() else {
                state.status = .init(content.say(.nobodyYet), isProblem: true)
                return
            }
            let category = categoryOf(row, session) ?? content.workingTogether.categories[0].id
            let have = session.statements(of: person.id, in: category).count
            if have >= session.setup.statementsPerPerson {
                let label = content.category(category)?.label ?? category
                state.status = .init(content.say(.hasTheMost, person.label, "\(have)", label), isProblem: true)
                return
            }
            Editing.begin(.newStatement(personId: person.id, category: category), &session, &state)
        case .finish:
            state.status = .init(content.say(.nothingToAdd))
        }
    }

    /// The note list a row belongs to (its heading or one of its notes), or the screen's first list.
    static func slotOf(_ row: RowRef?, _ session: Session, _ content: ContentPacks) -> NoteSlot? {
        switch row {
        case .notesHeader(let slot), .note(let slot, _): return slot
        default:
            guard let place = session.notePlace(content) else { return nil }
            return NoteSlot(place, Session.sections(of: place)[0])
        }
    }

    /// What an action added on this screen is linked to.
    static func linkOfScreen(_ session: Session, _ content: ContentPacks) -> Link? {
        switch session.notePlace(content) {
        case .makingItReal(let id): Link(kind: "makingItReal", id: id)
        case .topTip(let id): Link(kind: "topTip", id: id)
        case .groupTheme(let id): Link(kind: "groupTheme", id: id)
        default: nil
        }
    }

    static func categoryOf(_ row: RowRef?, _ session: Session) -> String? {
        switch row {
        case .categoryHeader(let id): id
        case .statement(let id): session.statements.first { $0.id == id }?.category
        default: nil
        }
    }

    static func ratingScale(_ stage: StageKind, _ content: ContentPacks) -> [RatingLevel] {
        stage == .topTips ? content.topTips.scale : content.makingItReal.scale
    }

    static func currentRating(_ session: Session, _ content: ContentPacks) -> String? {
        switch session.position.stage {
        case .makingItReal: session.currentTheme(content).flatMap { session.themeReview($0.id).rating }
        case .topTips: session.currentTip(content).flatMap { session.tipReview($0.id).rating }
        default: nil
        }
    }

    static func rate(_ n: Int, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        let scale = ratingScale(session.position.stage, content)
        guard scale.indices.contains(n - 1) else {
            state.status = .init(content.say(.chooseNumber, "\(scale.count)"), isProblem: true)
            return
        }
        let level = scale[n - 1]
        switch session.position.stage {
        case .makingItReal:
            guard let theme = session.currentTheme(content) else { return }
            session.updateThemeReview(theme.id) { $0.rating = level.id }
        case .topTips:
            guard let tip = session.currentTip(content) else { return }
            session.updateTipReview(tip.id) { $0.rating = level.id }
        default:
            return
        }
        state.status = .init(content.say(.chosen, level.label))
    }

    static func toggleFinished(_ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        if session.status == .finished {
            session.status = .inProgress
            state.status = .init(content.say(.openAgain))
        } else {
            session.status = .finished
            state.status = .init(content.say(.finishedAndSaved))
        }
    }

    static func deleteQuestion(_ row: RowRef?, _ session: Session, _ content: ContentPacks) -> String? {
        switch row {
        case .person(let id):
            guard let person = session.people.first(where: { $0.id == id }) else { return nil }
            let count = session.statements.filter { $0.personId == id }.count
            return count == 0 ? content.say(.deletePerson, person.label)
                : content.say(.deletePersonAnd, person.label, "\(count)")
        case .note: return content.say(.deleteNote)
        case .statement: return content.say(.deleteStatement)
        case .groupTheme(let id):
            let count = session.statements.filter { $0.groupThemeId == id }.count
            return count == 0 ? content.say(.deleteTheme) : content.say(.deleteThemeAnd, "\(count)")
        case .actionField: return content.say(.deleteAction)
        default: return nil
        }
    }

    static func next(after id: String, in ids: [String]) -> String {
        guard !ids.isEmpty else { return id }
        let at = ids.firstIndex(of: id) ?? -1
        return ids[(at + 1) % ids.count]
    }
}

extension Session {
    mutating func updateThemeReview(_ themeId: String, _ change: (inout ThemeReview) -> Void) {
        if let i = makingItReal.firstIndex(where: { $0.themeId == themeId }) {
            change(&makingItReal[i])
        } else {
            var review = ThemeReview(themeId: themeId)
            change(&review)
            makingItReal.append(review)
        }
    }

    mutating func updateTipReview(_ tipId: String, _ change: (inout TipReview) -> Void) {
        if let i = topTips.firstIndex(where: { $0.tipId == tipId }) {
            change(&topTips[i])
        } else {
            var review = TipReview(tipId: tipId)
            change(&review)
            topTips.append(review)
        }
    }
}
