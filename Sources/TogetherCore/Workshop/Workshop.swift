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
        if state.overlay != nil {
            // The key table first; a key it does not list closes the keys or a list, and is a letter in the search.
            if let action = Keymap.action(for: key, in: state.inputContext) { return action }
            if case .choose = state.overlay, case .char(let c) = key, c.isLetter { return .jump(c) }
            switch state.inputContext {
            case .help, .list: return .closeOverlay
            case .search: if case .char(let c) = key { return .insert(String(c)) } else { return nil }
            default: return nil
            }
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
        // A hidden statement's words stay on this screen until the next key (the clock and saving are not keys).
        switch action {
        case .tick, .reported: break
        default: state.peek = nil
        }
        let effects = reduce(&state, action, content, env)
        if let before, var after = state.session, after.id == before.id, after.position.stage != before.position.stage {
            Stages.current(after).entered(&after, content)
            state.session = after
        }
        if let before, var after = state.session, after.id == before.id, after != before {
            after.updatedAt = env.now()
            state.session = after
            if action != .undo && action != .redo && History.isChange(from: before, to: after) {
                History.record(before, in: &state)
            }
        }
        if let session = state.session {
            let rows = session.rows(content)
            // Focus is on a row: unless an action moves it, it stays on the same row when the list changes around it
            // (a theme moving up as it gets dots, a row added above). Looked at only when something changed and
            // the focus did not move, so moving about and typing cost nothing more.
            if let before, before.draft == nil, session.id == before.id, session.position == before.position,
               session != before, let focused = before.focusedRow(content), let i = rows.firstIndex(of: focused) {
                state.session?.position.focus = i
            } else {
                state.session?.position.focus = max(0, min(session.position.focus, rows.count - 1))
            }
        }
        return effects
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
        case .reported(let outcome):
            report(outcome, &state, content)
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
            if !words.isEmpty { state.status = .init(content.say(.readingAloud, words)) } // a sign on screen too
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
            return reduceHome(&state, action, content, env)
        }
        guard var session = state.session else { return [] }
        state.status = nil
        var effects: [Effect] = []
        if let overlay = state.overlay, Overlays.handles(overlay) {
            Overlays.reduce(overlay, &session, &state, action, content, env)
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

    /// What the facilitator is told when an effect or a save comes back, and what changes because of it.
    static func report(_ outcome: EffectOutcome, _ state: inout AppState, _ content: ContentPacks) {
        switch outcome {
        case .saved(let tightened):
            state.saveProblem = nil
            if !tightened.isEmpty { state.status = .init(content.say(.madePrivate, tightened.joined(separator: ", "))) }
        case .saveFailed(let message, let reason):
            state.status = .init(content.say(.saveFailed, message), isProblem: true)
            state.saveProblem = reason
        case .handoutsWritten(let folder, let files):
            state.status = .init(content.say(.handoutsWritten, folder, files.joined(separator: ", ")))
        case .handoutsFailed(let why):
            state.status = .init(content.say(.handoutsFailed, why), isProblem: true)
        case .rescueWritten(let path):
            state.status = .init(content.say(.rescueWritten, path))
        case .rescueFailed(let why):
            state.status = .init(content.say(.rescueFailed, why), isProblem: true)
        case .noVoice:
            state.status = .init(content.say(.noVoice))
        case .putAway(let id):
            if let i = state.resumable.firstIndex(where: { $0.id == id }) {
                state.putAway.insert(state.resumable.remove(at: i), at: 0)
            }
            state.homeFocus = min(state.homeFocus, state.resumable.count + state.putAway.count)
            state.status = .init(content.say(.putAwayDone))
        case .broughtBack(let id):
            if let i = state.putAway.firstIndex(where: { $0.id == id }) {
                state.resumable.insert(state.putAway.remove(at: i), at: 0)
                state.homeFocus = 1
            }
            state.status = .init(content.say(.broughtBackDone))
        case .notMoved(let why):
            state.status = .init(content.say(.notMoved, why), isProblem: true)
        case .openElsewhere(let id):
            guard state.session?.id == id else { return }
            state.session = nil
            state.screen = .home
            state.resumable.removeAll { $0.id == id }
            state.status = .init(content.say(.openElsewhere), isProblem: true)
        }
    }

    // MARK: Start screen

    /// The start screen's rows: a new workshop, the unfinished ones to carry on, then those put away.
    static func reduceHome(_ state: inout AppState, _ action: Action, _ content: ContentPacks,
                           _ env: Environment) -> [Effect] {
        let carryOn = state.resumable.count
        switch action {
        case .focusUp:
            state.homeFocus = max(0, state.homeFocus - 1)
        case .focusDown:
            state.homeFocus = min(carryOn + state.putAway.count, state.homeFocus + 1)
        case .putAwayWorkshop:
            guard (1...max(1, carryOn)).contains(state.homeFocus), carryOn > 0 else {
                state.status = .init(content.say(.putAwayWhich), isProblem: true)
                return []
            }
            return [.putAway(state.resumable[state.homeFocus - 1].id)]
        case .activate where state.homeFocus > carryOn:
            let i = state.homeFocus - carryOn - 1
            guard state.putAway.indices.contains(i) else { return [] }
            return [.bringBack(state.putAway[i].id)]
        case .activate:
            if state.homeFocus == 0 {
                var session = Session(id: env.newSessionID(), now: env.now(), setup: newSetup(content, env))
                session.draft = Draft(target: .setupTitle, text: "")
                state.session = session
                state.cursor = 0
                state.status = .init(content.say(.newWorkshop))
            } else {
                var session = state.resumable[state.homeFocus - 1]
                if state.examples.contains(session.id) { session = copyOfExample(session, content, env) }
                state.session = session
                state.cursor = session.draft?.text.count ?? 0
                state.status = .init(content.say(.welcomeBack))
            }
            state.screen = .workshop
        default:
            break
        }
        return []
    }

    /// An example opens as a copy of its own: a new workshop with its words, never the example itself.
    public static func copyOfExample(_ example: Session, _ content: ContentPacks, _ env: Environment) -> Session {
        var session = example
        session.id = env.newSessionID()
        session.createdAt = env.now()
        session.updatedAt = env.now()
        session.setup.title = content.say(.copyOf, example.setup.title)
        session.status = .inProgress
        return session
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
            Stages.current(session).add(focused, &session, &state, content)
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
        case .peek:
            let rows = session.rows(content)
            if rows.indices.contains(session.position.focus), case .statement(let id) = rows[session.position.focus],
               session.statements.first(where: { $0.id == id })?.hidden == true {
                state.peek = id
                state.status = .init(content.say(.peekShown))
            } else {
                state.status = .init(content.say(.peekNothing), isProblem: true)
            }
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
            // Everything else is a key of the stage's own (the key table only offers it there).
            Stages.current(session).handle(action, focused, &session, &state, content, env)
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

    /// Enter: the stage's own meaning for the row first; otherwise a heading adds, words open to change, and an
    /// action's link and intention step to the next choice.
    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        let stage = Stages.current(session)
        if stage.activate(row, &session, &state, content) { return }
        switch row {
        case .peopleHeader, .notesHeader, .categoryHeader, .groupThemesHeader, .actionsHeader, nil:
            stage.add(row, &session, &state, content)
        case .actionField(let id, .link):
            Choosing.open(.actionLink(actionId: id), session, &state, content)
        case .actionField(let id, .intention):
            Choosing.open(.actionIntention(actionId: id), session, &state, content)
        default:
            if let target = Editing.editTarget(for: row, session, content) { Editing.begin(target, &session, &state) }
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
}
