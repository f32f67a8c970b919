import Foundation
import TogetherContent

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
    @Defaulted<Defaults.OwnWords> public var voice: Voice
    public var createdAt: Date
    /// `room` when said in the workshop, `review` when imported from a person-centred review.
    @Defaulted<Defaults.InTheRoom> public var source: Source
    /// The group theme ("I" statement) the statement was put into, if any.
    public var groupThemeId: String?
    /// The Making It Real theme Together suggested, and whether the facilitator accepted or ignored it.
    public var suggestion: SuggestionRecord?
    /// Captured but not yet shown on screen ("capture now, reveal later").
    @Defaulted<Defaults.False> public var hidden: Bool

    public init(id: String, personId: String, category: String, rank: Int, text: String,
                themeId: String? = nil, voice: Voice = .own, createdAt: Date, source: Source = .room,
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
}

/// A Making It Real theme Together suggested for a statement, the word that suggested it, and what the
/// facilitator decided: `accepted` or `ignored`.
public struct SuggestionRecord: Codable, Equatable, Sendable {
    public var themeId: String
    public var word: String
    public var decision: Decision

    public init(themeId: String, word: String, decision: Decision) {
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
    @Defaulted<Defaults.Nothing<String>> public var makingItReal: [String]
    /// Dots each person gave this theme, by person id.
    @Defaulted<Defaults.NothingByKey<Int>> public var dots: [String: Int]
    /// Dots counted for the whole group (when dots on the wall are counted, not entered person by person).
    @Defaulted<Defaults.Zero> public var groupDots: Int
    /// "Why?" asked again and again: each cause is deeper than the one before.
    @Defaulted<Defaults.Nothing<Note>> public var causes: [Note]
    /// What success would look like.
    @Defaulted<Defaults.Nothing<Note>> public var success: [Note]
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
}
