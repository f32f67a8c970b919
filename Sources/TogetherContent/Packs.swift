/// Where a piece of content comes from: publisher, title and year of the source document.
public struct Source: Codable, Equatable, Sendable {
    public var publisher: String
    public var title: String
    public var year: Int

    public init(publisher: String, title: String, year: Int) {
        self.publisher = publisher
        self.title = title
        self.year = year
    }
}

/// One Making It Real theme: our own plain prompt, and both of its headings.
public struct MakingItRealTheme: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// The first-person heading ("Keeping safe and well").
    public var label: String
    /// The 2018 theme heading ("Wellbeing and independence").
    public var heading: String
    /// Our own short plain-English question for the group.
    public var prompt: String
    public var source: Source
}

/// A Working Together for Change category: working, not working, aspirations for the future.
public struct StatementCategory: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var label: String
    /// A word or symbol shown beside the colour, so colour is never the only signal.
    public var symbol: String
    public var prompt: String
    public var source: Source
    /// Whether people who said this count towards a theme's priority in the tally (needs to change, for the
    /// future) — data, so a pack decides what matters most, not the code.
    public var countsTowardsPriority: Bool
}

/// One of the NHS Confederation's eight top tips for commissioners.
public struct TopTip: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// Our plain words for the tip ("Be brave").
    public var label: String
    /// The tip in the NHS Confederation's own words, as commissioners know it; kept in English in every pack.
    public var official: String
    public var prompt: String
    public var source: Source
}

/// A point on a rating scale, shown in words.
public struct RatingLevel: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var label: String
}

/// A simple choice (a role, a group type, a level of commissioning).
public struct Choice: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var label: String
    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// A stage of the workshop, in the order the pack gives.
public struct Stage: Codable, Equatable, Sendable, Identifiable {
    public var id: StageKind
    public var label: String
    public var prompt: String
    /// The answers a stage offers the group, when it has its own (what became of an action: done, started…).
    public var answers: [RatingLevel]?
}

/// The name of a stage, as packs and session files write it. Each stage the program can show is one type in
/// `TogetherCore/Stages`, which names its kind (so a new stage adds its own name there, not here); a pack lists
/// stages in its own order, and the program refuses a pack that names a stage it cannot show.
public struct StageKind: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init?(rawValue: String) {
        guard !rawValue.isEmpty else { return nil }
        self.rawValue = rawValue
    }
    public init(_ name: StaticString) { rawValue = "\(name)" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let kind = StageKind(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an empty stage name"))
        }
        self = kind
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }

    // The two stages every plan has, which the pack checks rely on.
    public static let setup = StageKind("setup")
    public static let finish = StageKind("finish")
}

/// A workshop plan: which stages, in what order, and how many minutes each is given.
public struct Plan: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var label: String
    public var stages: [StageKind]
    /// Minutes planned per stage id; a stage not listed has no planned time.
    public var minutes: [String: Int]
    /// How many of the themes that matter most are looked at in depth (why, and what good looks like).
    public var topThemes: Int
}

/// Words that suggest a Making It Real theme for a statement.
public struct KeywordList: Codable, Equatable, Sendable {
    public var themeId: String
    /// Words that point to the theme (each found counts 2).
    public var words: [String]
    /// Common words that only help (each found counts 1): "home", "know". Left out of a pack: none.
    public var weak: [String]

    enum CodingKeys: String, CodingKey { case themeId, words, weak }

    public init(themeId: String, words: [String], weak: [String] = []) {
        self.themeId = themeId
        self.words = words
        self.weak = weak
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        themeId = try c.decode(String.self, forKey: .themeId)
        words = try c.decode([String].self, forKey: .words)
        weak = try c.decodeIfPresent([String].self, forKey: .weak) ?? []
    }
}

public struct KeywordPack: Codable, Equatable, Sendable {
    public var pack: String
    public var version: Int
    public var language: String
    public var themes: [KeywordList]
}

public struct MakingItRealPack: Codable, Equatable, Sendable {
    public var pack: String
    public var version: Int
    public var language: String
    public var themes: [MakingItRealTheme]
    /// How things are going, in words ("Going well", ...).
    public var scale: [RatingLevel]
}

public struct WorkingTogetherPack: Codable, Equatable, Sendable {
    public var pack: String
    public var version: Int
    public var language: String
    public var categories: [StatementCategory]
    /// How many statements each person may give in each category, unless the session says otherwise.
    public var statementsPerPerson: Int
}

public struct TopTipsPack: Codable, Equatable, Sendable {
    public var pack: String
    public var version: Int
    public var language: String
    public var tips: [TopTip]
    public var scale: [RatingLevel]
}

public struct WorkshopPack: Codable, Equatable, Sendable {
    public var pack: String
    public var version: Int
    public var language: String
    public var stages: [Stage]
    public var roles: [Choice]
    public var groupTypes: [Choice]
    /// Levels of commissioning a workshop can inform: individual, operational, strategic.
    public var levels: [Choice]
    public var plans: [Plan]
    /// Commissioning intentions an action can carry (continue investing, decommission, ...).
    public var intentions: [Choice]
    /// The headings of the kinds of note (examples, what gets in the way, why, ...).
    public var noteSections: [Choice]
}

/// Everything the workshop needs from `assets/`, loaded once at start.
public struct ContentPacks: Equatable, Sendable {
    public var makingItReal: MakingItRealPack
    public var workingTogether: WorkingTogetherPack
    public var topTips: TopTipsPack
    public var workshop: WorkshopPack
    public var keywords: KeywordPack
    public var commissioning: CommissioningPack
    /// The block letters for large text (empty when the font file is missing: large text then uses normal text).
    public var font: BlockFont = .empty
    /// The words Together says to participants, in the pack's language.
    public var words = ParticipantWords(language: "en", words: [:])
    /// The words for the person running the workshop, in the pack's language.
    public var facilitatorWords = FacilitatorWords(language: "en", words: [:])
    /// The tally's words in the pack's language.
    public var tallyWords = TallyWords.english
    /// The Easy Read pictures (SVG), by name (`told`, `theme-information`, …), from `assets/pictures/`.
    public var pictures: [String: String] = [:]

    /// Participant words for a key, `{1}`, `{2}` … filled in.
    public func say(_ key: ParticipantKey, _ values: String...) -> String { words.text(key, values: values) }
    /// Facilitator words for a key, `{1}`, `{2}` … filled in.
    public func say(_ key: FacilitatorKey, _ values: String...) -> String { facilitatorWords.text(key, values: values) }
    /// The language of these packs (`en`, `cy`), and a note when its wording still needs checking.
    public var language: String { words.language }
    public var review: String? { words.review }
    /// The languages Together has packs for, to choose from at setup.
    public var languages: [Language] = [Language(code: "en", name: "English")]

    public struct Language: Equatable, Sendable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    public init(makingItReal: MakingItRealPack, workingTogether: WorkingTogetherPack,
                topTips: TopTipsPack, workshop: WorkshopPack, keywords: KeywordPack, commissioning: CommissioningPack) {
        self.makingItReal = makingItReal
        self.workingTogether = workingTogether
        self.topTips = topTips
        self.workshop = workshop
        self.keywords = keywords
        self.commissioning = commissioning
    }

    public func theme(_ id: String) -> MakingItRealTheme? { makingItReal.themes.first { $0.id == id } }
    /// A Making It Real theme's label alone (drawn on every row: the whole theme is not copied for it).
    public func themeLabel(_ id: String) -> String? {
        makingItReal.themes.firstIndex { $0.id == id }.map { makingItReal.themes[$0].label }
    }
    public func tip(_ id: String) -> TopTip? { topTips.tips.first { $0.id == id } }
    public func category(_ id: String) -> StatementCategory? { workingTogether.categories.first { $0.id == id } }
    public func role(_ id: String) -> Choice? { workshop.roles.first { $0.id == id } }
    public func groupType(_ id: String) -> Choice? { workshop.groupTypes.first { $0.id == id } }
    public func level(_ id: String) -> Choice? { workshop.levels.first { $0.id == id } }
    public func stage(_ kind: StageKind) -> Stage? { workshop.stages.first { $0.id == kind } }
    /// A plan by id; an unknown id gets the first (full) plan, so an older file still opens.
    public func plan(_ id: String) -> Plan { workshop.plans.first { $0.id == id } ?? workshop.plans[0] }
    public func intention(_ id: String) -> Choice? { workshop.intentions.first { $0.id == id } }
    public func sectionLabel(_ id: String) -> String { workshop.noteSections.first { $0.id == id }?.label ?? id }
}

/// How the tally puts what people said into commissioning language: Making It Real themes to the
/// Commissioning for Better Outcomes standards (and so their domains), Working Together for Change
/// categories and commissioning intentions to the commissioning cycle. Every link carries its reason.
public struct CommissioningPack: Codable, Equatable, Sendable {
    public struct Standard: Codable, Equatable, Sendable {
        public var id: String
        public var number: Int
        public var label: String
        public var domain: String
    }
    public struct CategoryLink: Codable, Equatable, Sendable {
        public var categoryId: String
        public var cycle: [String]
        public var reason: String
    }
    public struct IntentionLink: Codable, Equatable, Sendable {
        public var intentionId: String
        public var cycle: [String]
        public var reason: String
    }
    public struct ThemeLink: Codable, Equatable, Sendable {
        public var themeId: String
        /// The strategic objective this theme stands for, in the gap-analysis table.
        public var objective: String
        public var standards: [String]
        public var reason: String
        /// What it could mean for commissioning, in the gap-analysis table.
        public var implication: String
    }

    public var pack: String
    public var version: Int
    public var language: String
    public var domains: [Choice]
    public var standards: [Standard]
    public var cycle: [Choice]
    public var categories: [CategoryLink]
    public var intentions: [IntentionLink]
    public var themes: [ThemeLink]

    public func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }
    public func domain(_ id: String) -> Choice? { domains.first { $0.id == id } }
    public func cycleStage(_ id: String) -> Choice? { cycle.first { $0.id == id } }
    public func theme(_ id: String) -> ThemeLink? { themes.first { $0.themeId == id } }
    public func category(_ id: String) -> CategoryLink? { categories.first { $0.categoryId == id } }
    public func intention(_ id: String) -> IntentionLink? { intentions.first { $0.intentionId == id } }
}
