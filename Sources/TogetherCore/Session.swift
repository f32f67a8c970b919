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
    public var wrapUp: [Note]
    /// Where the facilitator was, so resuming returns to exactly that stage and item.
    public var position: Position
    /// Words being typed and not yet saved as an item: kept so that nothing typed is lost.
    public var draft: Draft?
    /// The next number for ids inside this session (`st7`, `n12`, ...).
    public var nextNumber: Int

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
        position = Position()
        draft = nil
        nextNumber = 1
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, id, createdAt, updatedAt, status, setup, people, makingItReal, statements, topTips
        case wrapUp, position, draft, nextNumber
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
        position = try c.decodeIfPresent(Position.self, forKey: .position) ?? Position()
        draft = try c.decodeIfPresent(Draft.self, forKey: .draft)
        nextNumber = try c.decodeIfPresent(Int.self, forKey: .nextNumber) ?? 1
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

    public init(title: String, date: String, area: String, groupType: String, statementsPerPerson: Int,
                language: String = "en") {
        self.title = title
        self.date = date
        self.area = area
        self.groupType = groupType
        self.statementsPerPerson = statementsPerPerson
        self.language = language
    }

    enum CodingKeys: String, CodingKey { case title, date, area, groupType, statementsPerPerson, language }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        date = try c.decodeIfPresent(String.self, forKey: .date) ?? ""
        area = try c.decodeIfPresent(String.self, forKey: .area) ?? ""
        groupType = try c.decodeIfPresent(String.self, forKey: .groupType) ?? ""
        statementsPerPerson = try c.decodeIfPresent(Int.self, forKey: .statementsPerPerson) ?? 3
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
    }
}

/// Someone in the room, known only by a pseudonym or initials.
public struct Person: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// A pseudonym or initials, never a full name.
    public var label: String
    /// An id from the workshop pack's `roles`.
    public var role: String

    public init(id: String, label: String, role: String) {
        self.id = id
        self.label = label
        self.role = role
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

    public init(themeId: String, rating: String? = nil, examples: [Note] = []) {
        self.themeId = themeId
        self.rating = rating
        self.examples = examples
    }

    enum CodingKeys: String, CodingKey { case themeId, rating, examples }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        themeId = try c.decode(String.self, forKey: .themeId)
        rating = try c.decodeIfPresent(String.self, forKey: .rating)
        examples = try c.decodeIfPresent([Note].self, forKey: .examples) ?? []
    }
}

/// What the group said about one top tip.
public struct TipReview: Codable, Equatable, Sendable {
    public var tipId: String
    public var rating: String?
    public var notes: [Note]

    public init(tipId: String, rating: String? = nil, notes: [Note] = []) {
        self.tipId = tipId
        self.rating = rating
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey { case tipId, rating, notes }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tipId = try c.decode(String.self, forKey: .tipId)
        rating = try c.decodeIfPresent(String.self, forKey: .rating)
        notes = try c.decodeIfPresent([Note].self, forKey: .notes) ?? []
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

    public init(id: String, personId: String, category: String, rank: Int, text: String,
                themeId: String? = nil, voice: Voice = .own, createdAt: Date) {
        self.id = id
        self.personId = personId
        self.category = category
        self.rank = rank
        self.text = text
        self.themeId = themeId
        self.voice = voice
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey { case id, personId, category, rank, text, themeId, voice, createdAt }
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
    case newExample(themeId: String)
    case example(themeId: String, id: String)
    case newStatement(personId: String, category: String)
    case statement(id: String)
    case newTipNote(tipId: String)
    case tipNote(tipId: String, id: String)
    case newWrapUpNote
    case wrapUpNote(id: String)

    /// True when saving the text adds a new item (and the editor opens again for the next one).
    public var addsItem: Bool {
        switch self {
        case .newPerson, .newExample, .newStatement, .newTipNote, .newWrapUpNote: true
        default: false
        }
    }
}
