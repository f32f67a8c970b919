import Foundation
import TogetherContent

/// One workshop, as it is written to its session file. Everything the group said is here, in their words.
///
/// Decoding is tolerant (missing optional parts get defaults), so files from earlier versions open;
/// a file from a newer version is refused by the codec before it gets here, so nothing is silently dropped.
public struct Session: Codable, Equatable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var id: String
    public var createdAt: Date
    /// Left out of a file: the codec uses `createdAt`.
    @Defaulted<Defaults.NotSaid> public var updatedAt: Date
    @Defaulted<Defaults.InProgress> public var status: SessionStatus
    public var setup: Setup
    @Defaulted<Defaults.Nothing<Person>> public var people: [Person]
    @Defaulted<Defaults.Nothing<ThemeReview>> public var makingItReal: [ThemeReview]
    @Defaulted<Defaults.Nothing<Statement>> public var statements: [Statement]
    @Defaulted<Defaults.Nothing<TipReview>> public var topTips: [TipReview]
    /// Wrap-up notes under "Anything else" (and every wrap-up note from files before the sections).
    @Defaulted<Defaults.Nothing<Note>> public var wrapUp: [Note]
    /// Wrap-up notes by section id: where people did not agree, who we have not heard from, what happens next,
    /// what we will tell people back.
    @Defaulted<Defaults.NothingByKey<[Note]>> public var wrapUpSections: [String: [Note]]
    /// Themes the group made from the statements, each named by an "I" statement.
    @Defaulted<Defaults.Nothing<GroupTheme>> public var groupThemes: [GroupTheme]
    /// What will be done, by whom, by when.
    @Defaulted<Defaults.Nothing<PlannedAction>> public var actions: [PlannedAction]
    /// The timer of each stage, by stage id. A timer never moves the workshop on.
    @Defaulted<Defaults.NothingByKey<StageTimer>> public var timers: [String: StageTimer]
    /// Where the facilitator was, so resuming returns to exactly that stage and item.
    @Defaulted<Defaults.AtTheStart> public var position: Position
    /// Words being typed and not yet saved as an item: kept so that nothing typed is lost.
    public var draft: Draft?
    /// The next number for ids inside this session (`st7`, `n12`, ...).
    @Defaulted<Defaults.One> public var nextNumber: Int
    /// "Since last time": the earlier workshop whose actions this one follows up, and what became of each.
    public var followUp: FollowUp?
    /// On "what matters most": whose dots `+` and `-` give (a person's id), or nil for the group's count. Kept in
    /// the file so the participant display shows whose turn it is.
    public var voter: String?
    /// On "what matters most": the order the themes are shown in, set when the stage opens and when the
    /// facilitator sorts by dots, so a dot never moves the list under the cursor (nil: by dots).
    public var dotOrder: [String]?

    public init(id: String, now: Date, setup: Setup) {
        schemaVersion = Session.currentSchemaVersion
        self.id = id
        createdAt = now
        updatedAt = now
        status = .inProgress
        self.setup = setup
        people = []
        makingItReal = []
        statements = []
        topTips = []
        wrapUp = []
        wrapUpSections = [:]
        groupThemes = []
        actions = []
        timers = [:]
        position = Position()
        draft = nil
        nextNumber = 1
        followUp = nil
        voter = nil
        dotOrder = nil
    }

    /// Nothing in it yet: no title, no one, nothing said, nothing being typed. A workshop like this is not kept,
    /// so one Enter on the start screen leaves nothing behind.
    public var isBlank: Bool {
        setup.title.trimmingCharacters(in: .whitespaces).isEmpty && people.isEmpty && statements.isEmpty
            && groupThemes.isEmpty && actions.isEmpty && makingItReal.isEmpty && topTips.isEmpty && wrapUp.isEmpty
            && wrapUpSections.isEmpty && followUp == nil && (draft?.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// A new id for an item in this session, never used before in it.
    public mutating func makeID(_ prefix: String) -> String {
        defer { nextNumber += 1 }
        return "\(prefix)\(nextNumber)"
    }
}

/// Whether the workshop is still going. Unknown values from other tools are kept as they are.
public struct SessionStatus: RawRepresentable, Codable, Equatable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let inProgress = SessionStatus(rawValue: "inProgress")
    public static let finished = SessionStatus(rawValue: "finished")

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

public struct Setup: Codable, Equatable, Sendable {
    @Defaulted<Defaults.NoText> public var title: String
    /// The day of the workshop, as `YYYY-MM-DD`.
    @Defaulted<Defaults.NoText> public var date: String
    /// The place (council, borough, town): never a person.
    @Defaulted<Defaults.NoText> public var area: String
    /// Who people can get in touch with about the workshop (a team, a phone number, an email), for the handout.
    @Defaulted<Defaults.NoText> public var contact: String
    /// An id from the workshop pack's `groupTypes`.
    @Defaulted<Defaults.NoText> public var groupType: String
    /// How many statements each person gives in each category (Working Together for Change uses three).
    @Defaulted<Defaults.Three> public var statementsPerPerson: Int
    @Defaulted<Defaults.English> public var language: String
    /// A plan id from the workshop pack: which stages, in what order.
    @Defaulted<Defaults.FullPlan> public var plan: String
    /// How many dots each person has to show what matters most.
    @Defaulted<Defaults.Three> public var votesPerPerson: Int
    /// Anonymous: nothing exported links a statement to a person. Otherwise people are named (by their
    /// pseudonym) with their consent.
    @Defaulted<Defaults.True> public var anonymous: Bool
    /// Capture now, reveal later: statements are not shown on screen until the facilitator reveals them.
    @Defaulted<Defaults.False> public var revealLater: Bool
    /// The level of commissioning the workshop informs: an id from the workshop pack's `levels`
    /// (individual, operational, strategic); empty in older files.
    @Defaulted<Defaults.NoText> public var level: String

    public init(title: String, date: String, area: String, groupType: String, statementsPerPerson: Int,
                language: String = "en", plan: String = "full", votesPerPerson: Int = 3, anonymous: Bool = true,
                revealLater: Bool = false, level: String = "strategic") {
        self.title = title
        self.date = date
        self.area = area
        self.contact = ""
        self.groupType = groupType
        self.statementsPerPerson = statementsPerPerson
        self.language = language
        self.plan = plan
        self.votesPerPerson = votesPerPerson
        self.anonymous = anonymous
        self.revealLater = revealLater
        self.level = level
    }
}

/// Where the facilitator is in the workshop.
public struct Position: Codable, Equatable, Sendable {
    public var stage: StageKind
    /// Which theme, person or tip within the stage.
    @Defaulted<Defaults.Zero> public var item: Int
    /// Which row of that screen has the focus.
    @Defaulted<Defaults.Zero> public var focus: Int

    public init(stage: StageKind = .setup, item: Int = 0, focus: Int = 0) {
        self.stage = stage
        self.item = item
        self.focus = focus
    }
}

/// Text being typed, and what it is for.
public struct Draft: Codable, Equatable, Sendable {
    public var target: EditTarget
    public var text: String

    public init(target: EditTarget, text: String) {
        self.target = target
        self.text = text
    }
}

/// What a piece of typed text becomes when it is saved.
public enum EditTarget: Codable, Equatable, Sendable {
    case setupTitle, setupDate, setupArea, setupContact
    case newPerson
    case person(id: String)
    case newStatement(personId: String, category: String)
    case statement(id: String)
    case newNote(NoteSlot)
    case note(NoteSlot, id: String)
    /// A new group theme; the statements listed go into it.
    case newGroupTheme(statementIds: [String])
    case groupTheme(id: String)
    case newAction(link: Link?)
    case actionField(id: String, field: ActionField)

    /// True when saving the text adds a new item (and the editor opens again for the next one).
    /// Words of the group's that are kept and may be published: statements, notes, themes, actions. (Not a person's
    /// label, nor the workshop's title, day or area.)
    public var isGroupWords: Bool {
        switch self {
        case .newStatement, .statement, .newNote, .note, .newGroupTheme, .groupTheme, .newAction, .actionField: true
        case .setupTitle, .setupDate, .setupArea, .setupContact, .newPerson, .person: false
        }
    }

    public var addsItem: Bool {
        switch self {
        case .newPerson, .newStatement, .newNote, .newAction: true
        case .newGroupTheme(let ids): ids.isEmpty
        default: false
        }
    }
}
/// A stage's timer. It shows time left and time over; it never moves the workshop on by itself.
public struct StageTimer: Codable, Equatable, Sendable {
    public var plannedSeconds: Int
    /// Seconds counted before the current run started.
    public var elapsedSeconds: Int
    /// When the current run started; nil when paused or not started.
    public var runningSince: Date?
    public var hidden: Bool

    public init(plannedSeconds: Int, elapsedSeconds: Int = 0, runningSince: Date? = nil, hidden: Bool = false) {
        self.plannedSeconds = plannedSeconds
        self.elapsedSeconds = elapsedSeconds
        self.runningSince = runningSince
        self.hidden = hidden
    }

    public func elapsed(at now: Date) -> Int {
        elapsedSeconds + (runningSince.map { max(0, Int(now.timeIntervalSince($0))) } ?? 0)
    }
}
