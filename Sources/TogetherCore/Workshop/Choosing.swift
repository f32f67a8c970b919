import TogetherContent

/// What a choice from a list is for. Every choice of more than two options is made from a list the facilitator
/// moves through and picks from (arrows, the number, or the first letter), never a cycle with no way back.
public enum ChoicePurpose: Equatable, Sendable {
    case setup(SetupField)
    case role(personId: String)
    case voice(statementId: String)
    case theme(statementId: String)
    case actionLink(actionId: String)
    case actionIntention(actionId: String)
    /// Words about to be kept in an anonymous workshop have a person's label in them: their role instead,
    /// "[name]" instead, or keep them as they are.
    case nameInWords(personId: String)
    /// A list a stage offers of its own; the stage hears the answer (`StageScreen.chosen`).
    case stage(StageKind, String)
}

/// Lists to choose from, and what choosing does.
enum Choosing {
    /// Opens the list for a purpose, with the current value chosen.
    static func open(_ purpose: ChoicePurpose, _ session: Session, _ state: inout AppState, _ content: ContentPacks) {
        guard let (title, options, current) = list(purpose, session, content), !options.isEmpty else { return }
        state.overlay = .choose(.init(title: title, prompt: content.say(.choosePrompt), options: options,
                                      focus: options.firstIndex { $0.id == current } ?? 0, purpose: purpose))
    }

    typealias Option = AppState.ChoiceList.Option

    static func list(_ purpose: ChoicePurpose, _ session: Session,
                     _ content: ContentPacks) -> (String, [Option], String)? {
        let s = session.setup
        func options(_ choices: [Choice]) -> [Option] { choices.map { Option(id: $0.id, label: $0.label) } }
        switch purpose {
        case .setup(.groupType): return (content.say(.setupGroup), options(content.workshop.groupTypes), s.groupType)
        case .setup(.level): return (content.say(.setupLevel), options(content.workshop.levels), s.level)
        case .setup(.plan):
            return (content.say(.setupPlan), content.workshop.plans.map { Option(id: $0.id, label: $0.label) }, s.plan)
        case .setup(.language):
            return (content.say(.setupLanguage), content.languages.map { Option(id: $0.code, label: $0.name) }, s.language)
        case .setup(.statementsPerPerson):
            return (content.say(.setupThingsEach), (1...5).map { Option(id: "\($0)", label: content.say(.setupThingsEachValue, "\($0)")) },
                    "\(s.statementsPerPerson)")
        case .setup(.votesPerPerson):
            return (content.say(.setupDotsEach), (1...9).map { Option(id: "\($0)", label: content.say(.setupDotsEachValue, "\($0)")) },
                    "\(s.votesPerPerson)")
        case .setup: return nil
        case .role(let id):
            guard let person = session.people.first(where: { $0.id == id }) else { return nil }
            return (content.say(.chooseRoleOf, person.label), options(content.workshop.roles), person.role)
        case .voice(let id):
            guard let statement = session.statements.first(where: { $0.id == id }) else { return nil }
            let voices = Voice.cycle(roles: content.workshop.roles.map(\.id))
            return (content.say(.chooseVoice), voices.map { Option(id: key($0), label: StageParts.voiceLabel($0, content)) },
                    key(statement.voice))
        case .theme(let id):
            guard let statement = session.statements.first(where: { $0.id == id }) else { return nil }
            return (content.say(.chooseMirTheme), [Option(id: "", label: content.say(.noTheme))]
                        + content.makingItReal.themes.map { Option(id: $0.id, label: $0.label) }, statement.themeId ?? "")
        case .actionLink(let id):
            guard let action = session.actions.first(where: { $0.id == id }) else { return nil }
            return (content.say(.chooseLink), Planning.linkChoices(session, content).map {
                Option(id: key($0), label: Planning.linkLabel($0, session, content))
            }, key(action.link))
        case .actionIntention(let id):
            guard let action = session.actions.first(where: { $0.id == id }) else { return nil }
            return (content.say(.chooseIntention), [Option(id: "", label: content.say(.notChosenYet))]
                        + options(content.workshop.intentions), action.intention ?? "")
        case .nameInWords(let id):
            guard let person = session.people.first(where: { $0.id == id }) else { return nil }
            let role = (content.role(person.role)?.label ?? person.role).lowercased()
            return (content.say(.nameInWords, person.label), [
                Option(id: "role", label: content.say(.nameUseRole, "[\(role)]")),
                Option(id: "name", label: content.say(.nameUseRole, content.say(.nameMark))),
                Option(id: "keep", label: content.say(.nameKeep)),
            ], "role")
        case .stage:
            return nil
        }
    }

    static func key(_ voice: Voice) -> String { voice.kind.rawValue + (voice.speakerRole.map { ":" + $0 } ?? "") }
    static func key(_ link: Link?) -> String { link.map { "\($0.kind.rawValue):\($0.id)" } ?? "" }

    /// What choosing `id` does.
    static func chosen(_ id: String, for purpose: ChoicePurpose, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {
        switch purpose {
        case .setup(.groupType): session.setup.groupType = id
        case .setup(.level): session.setup.level = id
        case .setup(.plan):
            session.setup.plan = id
            state.status = .init(content.say(.planIs, content.plan(id).label))
        case .setup(.language):
            session.setup.language = id
            state.status = .init(content.say(.languageIs, content.languages.first { $0.code == id }?.name ?? id))
        case .setup(.statementsPerPerson): session.setup.statementsPerPerson = Int(id) ?? session.setup.statementsPerPerson
        case .setup(.votesPerPerson): session.setup.votesPerPerson = Int(id) ?? session.setup.votesPerPerson
        case .setup: break
        case .role(let personId):
            guard let i = session.people.firstIndex(where: { $0.id == personId }) else { return }
            session.people[i].role = id
            state.status = .init(content.say(.personIs, session.people[i].label, content.role(id)?.label ?? id))
        case .voice(let statementId):
            guard let i = session.statements.firstIndex(where: { $0.id == statementId }),
                  let voice = Voice.cycle(roles: content.workshop.roles.map(\.id)).first(where: { key($0) == id }) else { return }
            session.statements[i].voice = voice
            state.status = .init(content.say(.whoseWords, StageParts.voiceLabel(voice, content)))
        case .theme(let statementId):
            guard let i = session.statements.firstIndex(where: { $0.id == statementId }) else { return }
            session.statements[i].themeId = id.isEmpty ? nil : id
            state.status = .init(content.say(.themeIs, id.isEmpty ? content.say(.noTheme) : content.theme(id)?.label ?? id))
        case .actionLink(let actionId):
            guard let i = session.actions.firstIndex(where: { $0.id == actionId }),
                  let link = Planning.linkChoices(session, content).first(where: { key($0) == id }) else { return }
            session.actions[i].link = link
            state.status = .init(content.say(.actionLinkedTo, Planning.linkLabel(link, session, content)))
        case .actionIntention(let actionId):
            guard let i = session.actions.firstIndex(where: { $0.id == actionId }) else { return }
            session.actions[i].intention = id.isEmpty ? nil : id
            state.status = .init(content.say(.actionIntention, Planning.intentionLabel(session.actions[i].intention, content)))
        case .nameInWords(let personId):
            guard var draft = session.draft, let person = session.people.first(where: { $0.id == personId }) else { return }
            switch id {
            case "role": draft.text = Names.replace(person.label, in: draft.text,
                                                    with: "[\((content.role(person.role)?.label ?? person.role).lowercased())]")
            case "name": draft.text = Names.replace(person.label, in: draft.text, with: content.say(.nameMark))
            default: break
            }
            session.draft = draft
            Editing.commit(draft, &session, &state, content, env, namesChecked: true)
        case .stage(let kind, let what):
            Stages.screen(kind)?.chosen(id, for: what, &session, &state, content)
        }
    }

    /// A letter in a list: the next choice after the focused one whose words start with it.
    static func jump(_ letter: Character, in list: AppState.ChoiceList) -> Int? {
        let n = list.options.count
        guard n > 0 else { return nil }
        let wanted = Search.fold(String(letter))
        for step in 1...n {
            let i = (list.focus + step) % n
            let first = list.options[i].label.first.map { Search.fold(String($0)) }
            if first == wanted { return i }
        }
        return nil
    }
}
