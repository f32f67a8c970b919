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
    public var updatedAt: Date
    public var status: SessionStatus
    public var setup: Setup
    public var people: [Person]
    public var makingItReal: [ThemeReview]
    public var statements: [Statement]
    public var topTips: [TipReview]
    /// Wrap-up notes under "Anything else" (and every wrap-up note from files before the sections).
    public var wrapUp: [Note]
    /// Wrap-up notes by section id: where people did not agree, who we have not heard from, what happens next,
    /// what we will tell people back.
    public var wrapUpSections: [String: [Note]]
    /// Themes the group made from the statements, each named by an "I" statement.
    public var groupThemes: [GroupTheme]
    /// What will be done, by whom, by when.
    public var actions: [PlannedAction]
    /// The timer of each stage, by stage id. A timer never moves the workshop on.
    public var timers: [String: StageTimer]
    /// Where the facilitator was, so resuming returns to exactly that stage and item.
    public var position: Position
    /// Words being typed and not yet saved as an item: kept so that nothing typed is lost.
    public var draft: Draft?
    /// The next number for ids inside this session (`st7`, `n12`, ...).
    public var nextNumber: Int
    /// "Since last time": the earlier workshop whose actions this one follows up, and what became of each.
    public var followUp: FollowUp?

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
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, createdAt, updatedAt, status, setup, people, makingItReal, statements, topTips
        case wrapUp, wrapUpSections, groupThemes, actions, timers, position, draft, nextNumber, followUp
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        id = try c.decode(String.self, forKey: .id)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(Date.self, forKey: .updatedAt) ?? createdAt
        status = try c.decodeIfPresent(SessionStatus.self, forKey: .status) ?? .inProgress
        setup = try c.decode(Setup.self, forKey: .setup)
        people = try c.decodeIfPresent([Person].self, forKey: .people) ?? []
        makingItReal = try c.decodeIfPresent([ThemeReview].self, forKey: .makingItReal) ?? []
        statements = try c.decodeIfPresent([Statement].self, forKey: .statements) ?? []
        topTips = try c.decodeIfPresent([TipReview].self, forKey: .topTips) ?? []
        wrapUp = try c.decodeIfPresent([Note].self, forKey: .wrapUp) ?? []
        wrapUpSections = try c.decodeIfPresent([String: [Note]].self, forKey: .wrapUpSections) ?? [:]
        groupThemes = try c.decodeIfPresent([GroupTheme].self, forKey: .groupThemes) ?? []
        actions = try c.decodeIfPresent([PlannedAction].self, forKey: .actions) ?? []
        timers = try c.decodeIfPresent([String: StageTimer].self, forKey: .timers) ?? [:]
        position = try c.decodeIfPresent(Position.self, forKey: .position) ?? Position()
        draft = try c.decodeIfPresent(Draft.self, forKey: .draft)
        nextNumber = try c.decodeIfPresent(Int.self, forKey: .nextNumber) ?? 1
        followUp = try c.decodeIfPresent(FollowUp.self, forKey: .followUp)
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
    public var title: String
    /// The day of the workshop, as `YYYY-MM-DD`.
    public var date: String
    /// The place (council, borough, town): never a person.
    public var area: String
    /// An id from the workshop pack's `groupTypes`.
    public var groupType: String
    /// How many statements each person gives in each category (Working Together for Change uses three).
    public var statementsPerPerson: Int
    public var language: String
    /// A plan id from the workshop pack: which stages, in what order.
    public var plan: String
    /// How many dots each person has to show what matters most.
    public var votesPerPerson: Int
    /// Anonymous: nothing exported links a statement to a person. Otherwise people are named (by their
    /// pseudonym) with their consent.
    public var anonymous: Bool
    /// Capture now, reveal later: statements are not shown on screen until the facilitator reveals them.
    public var revealLater: Bool
    /// The level of commissioning the workshop informs: an id from the workshop pack's `levels`
    /// (individual, operational, strategic); empty in older files.
    public var level: String

    public init(title: String, date: String, area: String, groupType: String, statementsPerPerson: Int,
                language: String = "en", plan: String = "full", votesPerPerson: Int = 3, anonymous: Bool = true,
                revealLater: Bool = false, level: String = "strategic") {
        self.title = title
        self.date = date
        self.area = area
        self.groupType = groupType
        self.statementsPerPerson = statementsPerPerson
        self.language = language
        self.plan = plan
        self.votesPerPerson = votesPerPerson
        self.anonymous = anonymous
        self.revealLater = revealLater
        self.level = level
    }

    enum CodingKeys: String, CodingKey {
        case title, date, area, groupType, statementsPerPerson, language, plan, votesPerPerson, anonymous, revealLater, level
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        date = try c.decodeIfPresent(String.self, forKey: .date) ?? ""
        area = try c.decodeIfPresent(String.self, forKey: .area) ?? ""
        groupType = try c.decodeIfPresent(String.self, forKey: .groupType) ?? ""
        statementsPerPerson = try c.decodeIfPresent(Int.self, forKey: .statementsPerPerson) ?? 3
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
        plan = try c.decodeIfPresent(String.self, forKey: .plan) ?? "full"
        votesPerPerson = try c.decodeIfPresent(Int.self, forKey: .votesPerPerson) ?? 3
        anonymous = try c.decodeIfPresent(Bool.self, forKey: .anonymous) ?? true
        revealLater = try c.decodeIfPresent(Bool.self, forKey: .revealLater) ?? false
        level = try c.decodeIfPresent(String.self, forKey: .level) ?? ""
    }
}

/// Someone in the room, known only by a pseudonym or initials.
public struct Person: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// A pseudonym or initials, never a full name.
    public var label: String
    /// An id from the workshop pack's `roles`.
    public var role: String
    /// The person agreed that their words may be quoted (without their name) in reports.
    public var consentToQuote: Bool
    /// `room` for someone in the workshop, `review` for someone whose statements came from a review.
    public var source: String

    public init(id: String, label: String, role: String, consentToQuote: Bool = false, source: String = "room") {
        self.id = id
        self.label = label
        self.role = role
        self.consentToQuote = consentToQuote
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case id, label, role, consentToQuote, source }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        role = try c.decode(String.self, forKey: .role)
        consentToQuote = try c.decodeIfPresent(Bool.self, forKey: .consentToQuote) ?? false
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? "room"
    }
}

/// A short piece of text: an example, a note, a thing to remember.
public struct Note: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var text: String
    public var createdAt: Date

    public init(id: String, text: String, createdAt: Date) {
        self.id = id
        self.text = text
        self.createdAt = createdAt
    }
}

/// What the group said about one Making It Real theme.
public struct ThemeReview: Codable, Equatable, Sendable {
    public var themeId: String
    /// An id from the Making It Real scale, or nil when not rated yet.
    public var rating: String?
    public var examples: [Note]
    /// What gets in the way.
    public var barriers: [Note]
    /// What should happen.
    public var shouldHappen: [Note]

    public init(themeId: String, rating: String? = nil, examples: [Note] = [], barriers: [Note] = [],
                shouldHappen: [Note] = []) {
        self.themeId = themeId
        self.rating = rating
        self.examples = examples
        self.barriers = barriers
        self.shouldHappen = shouldHappen
    }

    enum CodingKeys: String, CodingKey { case themeId, rating, examples, barriers, shouldHappen }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        themeId = try c.decode(String.self, forKey: .themeId)
        rating = try c.decodeIfPresent(String.self, forKey: .rating)
        examples = try c.decodeIfPresent([Note].self, forKey: .examples) ?? []
        barriers = try c.decodeIfPresent([Note].self, forKey: .barriers) ?? []
        shouldHappen = try c.decodeIfPresent([Note].self, forKey: .shouldHappen) ?? []
    }
}

/// What the group said about one top tip.
public struct TipReview: Codable, Equatable, Sendable {
    public var tipId: String
    public var rating: String?
    public var notes: [Note]
    /// What gets in the way.
    public var barriers: [Note]
    /// What should happen.
    public var shouldHappen: [Note]

    public init(tipId: String, rating: String? = nil, notes: [Note] = [], barriers: [Note] = [],
                shouldHappen: [Note] = []) {
        self.tipId = tipId
        self.rating = rating
        self.notes = notes
        self.barriers = barriers
        self.shouldHappen = shouldHappen
    }

    enum CodingKeys: String, CodingKey { case tipId, rating, notes, barriers, shouldHappen }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tipId = try c.decode(String.self, forKey: .tipId)
        rating = try c.decodeIfPresent(String.self, forKey: .rating)
        notes = try c.decodeIfPresent([Note].self, forKey: .notes) ?? []
        barriers = try c.decodeIfPresent([Note].self, forKey: .barriers) ?? []
        shouldHappen = try c.decodeIfPresent([Note].self, forKey: .shouldHappen) ?? []
    }
}

/// One thing a person said is working, not working, or an aspiration for the future, in their own words.
public struct Statement: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var personId: String
    /// A category id from the Working Together for Change pack.
    public var category: String
    /// 1 is the person's first (most important) statement in that category.
    public var rank: Int
    public var text: String
    /// A Making It Real theme id, when the group tagged one.
    public var themeId: String?
    /// Whose voice: the person's own, with support, or someone who knows them speaking for them.
    public var voice: Voice
    public var createdAt: Date
    /// `room` when said in the workshop, `review` when imported from a person-centred review.
    public var source: String
    /// The group theme ("I" statement) the statement was put into, if any.
    public var groupThemeId: String?
    /// The Making It Real theme Together suggested, and whether the facilitator accepted or ignored it.
    public var suggestion: SuggestionRecord?
    /// Captured but not yet shown on screen ("capture now, reveal later").
    public var hidden: Bool

    public init(id: String, personId: String, category: String, rank: Int, text: String,
                themeId: String? = nil, voice: Voice = .own, createdAt: Date, source: String = "room",
                groupThemeId: String? = nil, suggestion: SuggestionRecord? = nil, hidden: Bool = false) {
        self.id = id
        self.personId = personId
        self.category = category
        self.rank = rank
        self.text = text
        self.themeId = themeId
        self.voice = voice
        self.createdAt = createdAt
        self.source = source
        self.groupThemeId = groupThemeId
        self.suggestion = suggestion
        self.hidden = hidden
    }

    enum CodingKeys: String, CodingKey {
        case id, personId, category, rank, text, themeId, voice, createdAt, source, groupThemeId, suggestion, hidden
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        personId = try c.decode(String.self, forKey: .personId)
        category = try c.decode(String.self, forKey: .category)
        rank = try c.decode(Int.self, forKey: .rank)
        text = try c.decode(String.self, forKey: .text)
        themeId = try c.decodeIfPresent(String.self, forKey: .themeId)
        voice = try c.decodeIfPresent(Voice.self, forKey: .voice) ?? .own
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? "room"
        groupThemeId = try c.decodeIfPresent(String.self, forKey: .groupThemeId)
        suggestion = try c.decodeIfPresent(SuggestionRecord.self, forKey: .suggestion)
        hidden = try c.decodeIfPresent(Bool.self, forKey: .hidden) ?? false
    }
}

/// A Making It Real theme Together suggested for a statement, the word that suggested it, and what the
/// facilitator decided: `accepted` or `ignored`.
public struct SuggestionRecord: Codable, Equatable, Sendable {
    public var themeId: String
    public var word: String
    public var decision: String

    public init(themeId: String, word: String, decision: String) {
        self.themeId = themeId
        self.word = word
        self.decision = decision
    }
}

/// A theme the group made by putting statements together, named by an "I" statement in their words.
public struct GroupTheme: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// The "I" statement that names the theme ("I want staff who know me").
    public var statement: String
    /// Making It Real theme ids this theme links to (one or more).
    public var makingItReal: [String]
    /// Dots each person gave this theme, by person id.
    public var dots: [String: Int]
    /// Dots counted for the whole group (when dots on the wall are counted, not entered person by person).
    public var groupDots: Int
    /// "Why?" asked again and again: each cause is deeper than the one before.
    public var causes: [Note]
    /// What success would look like.
    public var success: [Note]
    public var createdAt: Date

    public init(id: String, statement: String, createdAt: Date) {
        self.id = id
        self.statement = statement
        makingItReal = []
        dots = [:]
        groupDots = 0
        causes = []
        success = []
        self.createdAt = createdAt
    }

    /// Every dot the theme has: each person's and the group's.
    public var totalDots: Int { dots.values.reduce(groupDots, +) }

    enum CodingKeys: String, CodingKey { case id, statement, makingItReal, dots, groupDots, causes, success, createdAt }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        statement = try c.decode(String.self, forKey: .statement)
        makingItReal = try c.decodeIfPresent([String].self, forKey: .makingItReal) ?? []
        dots = try c.decodeIfPresent([String: Int].self, forKey: .dots) ?? [:]
        groupDots = try c.decodeIfPresent(Int.self, forKey: .groupDots) ?? 0
        causes = try c.decodeIfPresent([Note].self, forKey: .causes) ?? []
        success = try c.decodeIfPresent([Note].self, forKey: .success) ?? []
        createdAt = try c.decode(Date.self, forKey: .createdAt)
    }
}

/// Something the group or the commissioners will do.
public struct PlannedAction: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var what: String
    /// A team or a role, never a private person's name.
    public var who: String
    /// A date or a month, in the group's words.
    public var byWhen: String
    /// The theme, Making It Real theme or top tip this action answers.
    public var link: Link?
    /// A commissioning intention id from the workshop pack.
    public var intention: String?
    public var createdAt: Date

    public init(id: String, what: String, who: String = "", byWhen: String = "", link: Link? = nil,
                intention: String? = nil, createdAt: Date) {
        self.id = id
        self.what = what
        self.who = who
        self.byWhen = byWhen
        self.link = link
        self.intention = intention
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey { case id, what, who, byWhen, link, intention, createdAt }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        what = try c.decode(String.self, forKey: .what)
        who = try c.decodeIfPresent(String.self, forKey: .who) ?? ""
        byWhen = try c.decodeIfPresent(String.self, forKey: .byWhen) ?? ""
        link = try c.decodeIfPresent(Link.self, forKey: .link)
        intention = try c.decodeIfPresent(String.self, forKey: .intention)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
    }
}

/// What an action is linked to: `groupTheme`, `makingItReal` or `topTip`, and its id.
/// What kind of thing an action is linked to, written in the file as its name ("groupTheme", "makingItReal",
/// "topTip"). A name this version does not know is kept as it is (the tally counts it as not recognised).
public struct LinkKind: RawRepresentable, Codable, Hashable, Sendable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// One of the group's own themes.
    public static let groupTheme = LinkKind(rawValue: "groupTheme")
    /// A Making It Real theme.
    public static let makingItReal = LinkKind(rawValue: "makingItReal")
    /// One of the top tips for commissioners.
    public static let topTip = LinkKind(rawValue: "topTip")
}

public struct Link: Codable, Equatable, Hashable, Sendable {
    public var kind: LinkKind
    public var id: String
    public init(kind: LinkKind, id: String) {
        self.kind = kind
        self.id = id
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

/// Who put a statement into words. Recorded because a summary must never pass off a supporter's words
/// as the person's own.
public struct Voice: Codable, Equatable, Hashable, Sendable {
    /// `own`, `supported` (the person, with help), or `onBehalf` (someone who knows them, speaking for them).
    public var kind: String
    /// For `onBehalf`: the speaker's role, an id from the workshop pack's roles (never a name).
    public var speakerRole: String?

    public init(kind: String, speakerRole: String? = nil) {
        self.kind = kind
        self.speakerRole = speakerRole
    }

    public static let own = Voice(kind: "own")
    public static let supported = Voice(kind: "supported")
    public static func onBehalf(_ role: String) -> Voice { Voice(kind: "onBehalf", speakerRole: role) }

    /// The order `v` steps through: own, with support, then spoken for by each role but the person's own.
    public static func cycle(roles: [String]) -> [Voice] {
        [.own, .supported] + roles.filter { $0 != "person" }.map(onBehalf)
    }
}

/// Where the facilitator is in the workshop.
public struct Position: Codable, Equatable, Sendable {
    public var stage: StageKind
    /// Which theme, person or tip within the stage.
    public var item: Int
    /// Which row of that screen has the focus.
    public var focus: Int

    public init(stage: StageKind = .setup, item: Int = 0, focus: Int = 0) {
        self.stage = stage
        self.item = item
        self.focus = focus
    }

    enum CodingKeys: String, CodingKey { case stage, item, focus }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // A stage this version does not know (from a newer plan) resumes at the start rather than failing.
        stage = StageKind(rawValue: try c.decodeIfPresent(String.self, forKey: .stage) ?? "") ?? .setup
        item = try c.decodeIfPresent(Int.self, forKey: .item) ?? 0
        focus = try c.decodeIfPresent(Int.self, forKey: .focus) ?? 0
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
    case setupTitle, setupDate, setupArea
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
    public var addsItem: Bool {
        switch self {
        case .newPerson, .newStatement, .newNote, .newAction: true
        case .newGroupTheme(let ids): ids.isEmpty
        default: false
        }
    }
}

/// The parts of an action, each a line on screen.
public enum ActionField: String, Codable, CaseIterable, Sendable {
    case what, who, byWhen, link, intention
}

/// Where a list of notes lives: a Making It Real theme, a top tip, the wrap-up or a group theme, and which
/// of its lists (examples, what gets in the way, why, ...).
public struct NoteSlot: Codable, Equatable, Hashable, Sendable {
    public enum Place: Codable, Equatable, Hashable, Sendable {
        case makingItReal(String), topTip(String), wrapUp, groupTheme(String)
        /// An earlier workshop's action, followed up "since last time" (by the action's id).
        case followUp(String)

        /// What an action added beside these notes is linked to.
        public var link: Link? {
            switch self {
            case .makingItReal(let id): Link(kind: .makingItReal, id: id)
            case .topTip(let id): Link(kind: .topTip, id: id)
            case .groupTheme(let id): Link(kind: .groupTheme, id: id)
            case .wrapUp, .followUp: nil
            }
        }
    }

    public var place: Place
    /// A section id from the workshop pack's `noteSections`.
    public var section: String

    public init(_ place: Place, _ section: String) {
        self.place = place
        self.section = section
    }
}
