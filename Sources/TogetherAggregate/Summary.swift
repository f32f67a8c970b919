import Foundation
import TogetherPersistence
import TogetherContent
import TogetherCore

/// What one session adds to a tally: counts by id, the texts a report may show (group "I" statements,
/// barriers, and the words of people who agreed to be quoted), and never a person's key or name.
/// It is small, and what the per-file cache keeps. Its themes' counts are one array laid out by the places of
/// the ids the packs list (`FigureLayout`), so adding a session to the totals is adding arrays.
public struct SessionSummary: Equatable, Sendable {
    public struct ThemeFigures: Codable, Equatable, Sendable {
        /// Statements the group gave this theme, by category id.
        public var statements: [String: Int] = [:]
        /// Statements with no theme that the keyword list suggests for this theme, by category id (under `none`:
        /// statements with no theme and no suggestion).
        public var suggested: [String: Int] = [:]
        /// Distinct people with a statement here (given or suggested), by category id.
        public var people: [String: Int] = [:]
        /// Distinct people with any statement here.
        public var peopleAny = 0
        /// Statements by the role of the person they are about.
        public var byRole: [String: Int] = [:]
        /// Statements by whose voice: own, supported, onBehalf.
        public var byVoice: [String: Int] = [:]
        /// Dots on the group's themes linked to this Making It Real theme.
        public var votes = 0
        /// The group's themes linked to this Making It Real theme.
        public var groupThemes = 0
        /// In totals only: sessions with at least one statement here, and Making It Real ratings by scale id.
        public var sessions = 0
        public var ratings: [String: Int] = [:]

        mutating func merge(_ o: ThemeFigures) {
            statements.add(o.statements)
            suggested.add(o.suggested)
            people.add(o.people)
            peopleAny += o.peopleAny
            byRole.add(o.byRole)
            byVoice.add(o.byVoice)
            votes += o.votes
            groupThemes += o.groupThemes
            sessions += o.sessions
            ratings.add(o.ratings)
        }
    }

    public struct GroupThemeFigure: Codable, Equatable, Sendable {
        public var statement: String
        public var makingItReal: [String]
        public var dots: Int
    }

    public struct Quote: Codable, Equatable, Sendable {
        public var themeId: String
        public var category: String
        public var text: String
        /// Said by the person with support (never a statement said for them by someone else).
        public var supported: Bool
        /// The theme is the keyword list's suggestion, not the group's choice.
        public var suggested = false
        /// The words of the group theme it was put into, or empty.
        public var groupTheme = ""
    }

    /// The session's id and when it was last saved: two files of one session count once, the newest.
    public var id: String
    public var updatedAt: String
    public var date: String
    public var area: String
    public var groupType: String
    public var level: String
    /// People by role id (`other` for a role the pack does not list).
    public var roles: [String: Int]
    /// The themes' counts, a block for each theme place (see `FigureLayout`).
    public let layout: FigureLayout
    public var figures: [Int]
    /// By Making It Real theme id; `none` for statements with neither a theme nor a suggestion. Made from the
    /// figures (a theme is here when any of its counts is not 0).
    public var themes: [String: ThemeFigures] {
        var themes: [String: ThemeFigures] = [:]
        for t in 0..<layout.themes.count {
            let block = figures[(t * layout.stride)..<((t + 1) * layout.stride)]
            if block.contains(where: { $0 != 0 }) { themes[layout.themes[t]] = layout.figures(block) }
        }
        return themes
    }
    public var themeRatings: [String: String]
    public var tipRatings: [String: String]
    /// What gets in the way, by top tip id.
    public var tipBarriers: [String: [String]]
    public var groupThemes: [GroupThemeFigure]
    /// Actions by intention id (`none` when not given), and the Making It Real themes each action is linked to.
    public var actions: [ActionFigure]
    /// Statements of people who agreed to be quoted, with the theme they count under.
    public var quotes: [Quote]
    /// Actions of an earlier workshop followed up here, by what became of them: an answer id of the "since last
    /// time" stage, `notRecognised`, or `none` (not said yet).
    public var followUps: [String: Int] = [:]

    public struct ActionFigure: Codable, Equatable, Sendable {
        public var intention: String
        public var themes: [String]
        /// What will be done, by whom (a team or a role) and by when, with any person's name as [name].
        public var what = "", who = "", byWhen = ""
        /// What it answers: `groupTheme`, `makingItReal`, `topTip` or empty; the group theme's words, or the
        /// Making It Real theme's or top tip's id.
        public var answersKind = "", answers = ""
    }

    public static let noTheme = "none"
    public static let noIntention = "none"
    public static let noOutcome = "none"
    /// A value the content packs do not list (a category, voice, role, level, rating, kind of group or intention).
    public static let other = "notRecognised"
    /// A statement whose person is not in the session's list of people.
    public static let notListed = "notListed"
    public static let voices = ["own", "supported", "onBehalf"]

    /// The one place a session's words become counts.
    public static func make(_ s: LeanSession, _ content: ContentPacks, _ suggester: ThemeSuggester) -> SessionSummary {
        make(s, Ids(content, suggester))
    }

    /// The ids the packs list, made ready once for many sessions: a session's statements are counted straight
    /// into its figures, by each id's place in the layout.
    public struct Ids: Sendable {
        let content: ContentPacks
        let suggester: ThemeSuggester
        /// Where each count goes: the theme, category, role and voice places.
        let layout: FigureLayout
        let knownRoles: Set<String>
        let knownThemes: Set<String>
        /// The rating scales' ids, and the answers of "since last time".
        let themeScale: Set<String>, tipScale: Set<String>, answers: Set<String>

        public init(_ content: ContentPacks, _ suggester: ThemeSuggester) {
            self.content = content
            self.suggester = suggester
            layout = FigureLayout(content)
            knownRoles = Set(content.workshop.roles.map(\.id))
            knownThemes = Set(layout.themes.prefix(layout.known))
            themeScale = Set(content.makingItReal.scale.map(\.id))
            tipScale = Set(content.topTips.scale.map(\.id))
            answers = Set((content.stage(.sinceLastTime)?.answers ?? []).map(\.id))
        }

        /// The place of an id among the first `count` of a short list (quicker than hashing it), or nil.
        @inline(__always)
        static func place(_ id: String, _ list: [String], _ count: Int) -> Int? {
            for i in 0..<count where list[i] == id { return i }
            return nil
        }
    }

    static func make(_ s: LeanSession, _ ids: Ids) -> SessionSummary {
        let layout = ids.layout
        let content = ids.content
        let knownRoles = ids.knownRoles
        let (themeCount, categoryCount, roleCount, voiceCount) = (layout.themes.count, layout.categories.count, layout.roles.count,
                                                                 layout.voices.count)
        // Each person's place: the first with an id counts (as the people's list is read everywhere); a statement
        // whose person is not listed gets a place after them, one per id.
        let people = s.people.count
        let index: [String: Int]? = people > 24
            ? Dictionary(s.people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }) : nil
        func personPlace(_ id: String) -> Int? {
            if let index { return index[id] }
            for i in 0..<people where s.people[i].id == id { return i }
            return nil
        }
        let roleOf = s.people.map { Ids.place($0.role, layout.roles, layout.roles.count - 2) ?? roleCount - 2 }
        // Whether anyone listed with the id at that place agreed to be quoted.
        var consent = [Bool](repeating: false, count: people)
        for p in s.people where p.consent { consent[personPlace(p.id)!] = true }
        var unlisted: [String: Int] = [:]
        let labels = Privacy.Labels(s.people.map(\.label))
        func published(_ text: String) -> String { Privacy.clean(Privacy.redact(text, labels)) }
        // Counts by theme place, then category, role or voice place, in the summary's figures.
        let stride = layout.stride
        var figures = [Int](repeating: 0, count: themeCount * stride)
        let (suggestedAt, peopleAt, roleAt, voiceAt, anyAt) = (layout.suggestedAt, layout.peopleAt, layout.byRoleAt,
                                                             layout.byVoiceAt, layout.peopleAnyAt)
        // (theme, category, person) for each statement, made distinct at the end.
        var seen: [Int] = []
        seen.reserveCapacity(s.statements.count)
        var quotes: [Quote] = []
        // A group theme by its id (the first with it), looked for along the list when it is short.
        let byId: [String: Int]? = s.groupThemes.count > 16
            ? Dictionary(s.groupThemes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }) : nil
        func groupTheme(_ id: String) -> LeanSession.GroupTheme? {
            if let byId { return byId[id].map { s.groupThemes[$0] } }
            return s.groupThemes.first { $0.id == id }
        }
        figures.withUnsafeMutableBufferPointer { figures in
            for st in s.statements {
                var theme = layout.none
                var suggested = false
                if let id = st.themeId, let known = Ids.place(id, layout.themes, layout.known) {
                    theme = known
                } else if st.ignoredSuggestion == nil, let suggestion = ids.suggester.suggest(for: st.text) {
                    // A suggestion the facilitator said no to is not made again here.
                    theme = Ids.place(suggestion.themeId, layout.themes, themeCount)!
                    suggested = true
                }
                let category = Ids.place(st.category, layout.categories, categoryCount - 1) ?? categoryCount - 1
                let block = theme * stride
                figures[block + (suggested || theme == layout.none ? suggestedAt : 0) + category] += 1
                let person = personPlace(st.personId)
                let place: Int
                if let person {
                    place = person
                } else if let p = unlisted[st.personId] {
                    place = p
                } else {
                    place = people + unlisted.count
                    unlisted[st.personId] = place
                }
                figures[block + roleAt + (person.map { roleOf[$0] } ?? roleCount - 1)] += 1
                figures[block + voiceAt + (Ids.place(st.voice, layout.voices, voiceCount - 1) ?? voiceCount - 1)] += 1
                seen.append((theme * categoryCount + category) << 32 | place)
                // Only words a person agreed to share, in their own voice (or with support), once revealed.
                if let person, consent[person], theme != layout.none, !st.hidden, st.voice == "own" || st.voice == "supported" {
                    quotes.append(.init(themeId: layout.themes[theme], category: layout.categories[category], text: published(st.text),
                                        supported: st.voice == "supported", suggested: suggested,
                                        groupTheme: st.groupThemeId.flatMap { groupTheme($0)?.statement }.map(published) ?? ""))
                }
            }
            // Distinct people by theme and category, and by theme.
            seen.sort()
            var any: [Int] = []
            for (n, key) in seen.enumerated() where n == 0 || seen[n - 1] != key {
                let (theme, category) = ((key >> 32) / categoryCount, (key >> 32) % categoryCount)
                figures[theme * stride + peopleAt + category] += 1
                any.append(theme << 32 | (key & 0xFFFF_FFFF))
            }
            any.sort()
            for (n, key) in any.enumerated() where n == 0 || any[n - 1] != key { figures[(key >> 32) * stride + anyAt] += 1 }
            for theme in s.groupThemes {
                for id in Set(theme.makingItReal) {
                    guard let t = Ids.place(id, layout.themes, layout.known) else { continue }
                    figures[t * stride + layout.votesAt] += theme.dots
                    figures[t * stride + layout.groupThemesAt] += 1
                }
            }
        }
        let knownThemes = ids.knownThemes
        let actions = s.actions.map { action -> ActionFigure in
            var linked: [String] = []
            switch action.linkKind {
            case "groupTheme": linked = action.linkId.flatMap { groupTheme($0)?.makingItReal } ?? []
            case "makingItReal": linked = action.linkId.map { [$0] } ?? []
            default: break
            }
            let intention = action.intention.map { content.intention($0)?.id ?? other } ?? noIntention
            var answers = ""
            switch action.linkKind {
            case "groupTheme": answers = action.linkId.flatMap { groupTheme($0)?.statement }.map(published) ?? ""
            // A theme or a tip is kept by its id, and named in the language of whatever is written from it.
            case "makingItReal": answers = action.linkId.flatMap { content.theme($0)?.id } ?? ""
            case "topTip": answers = action.linkId.flatMap { id in content.topTips.tips.first { $0.id == id }?.id } ?? ""
            default: break
            }
            return ActionFigure(intention: intention, themes: Array(Set(linked.filter(knownThemes.contains))).sorted(),
                                what: published(action.what), who: published(action.who), byWhen: published(action.byWhen),
                                answersKind: answers.isEmpty ? "" : Privacy.clean(action.linkKind ?? ""), answers: answers)
        }
        var roles: [String: Int] = [:]
        for person in s.people { roles[knownRoles.contains(person.role) ? person.role : other, default: 0] += 1 }
        func ratings(_ reviews: [LeanSession.Review], _ known: Set<String>) -> [String: String] {
            Dictionary(reviews.compactMap { r in r.rating.map { (r.id, known.contains($0) ? $0 : other) } },
                              uniquingKeysWith: { first, _ in first })
        }
        var tipBarriers: [String: [String]] = [:]
        for tip in s.topTips where !tip.barriers.isEmpty { tipBarriers[tip.id, default: []] += tip.barriers.map(published) }
        let level = s.level.isEmpty ? "" : (content.level(s.level) == nil ? other : s.level)
        let groupType = s.groupType.isEmpty ? "" : (content.groupType(s.groupType) == nil ? other : s.groupType)
        return SessionSummary(
            id: s.id, updatedAt: s.updatedAt.isEmpty ? s.createdAt : s.updatedAt,
            date: s.date, area: Privacy.clean(s.area), groupType: groupType, level: level, roles: roles,
            layout: layout, figures: figures,
            themeRatings: ratings(s.makingItReal, ids.themeScale),
            tipRatings: ratings(s.topTips, ids.tipScale), tipBarriers: tipBarriers,
            groupThemes: s.groupThemes.map { .init(statement: published($0.statement), makingItReal: $0.makingItReal, dots: $0.dots) },
            actions: actions, quotes: quotes, followUps: followUps(s, ids.answers))
    }

    /// Followed-up actions by what became of them, against the answers the pack gives the stage.
    static func followUps(_ s: LeanSession, _ known: Set<String>) -> [String: Int] {
        var counts: [String: Int] = [:]
        for outcome in s.followUps { counts[outcome.map { known.contains($0) ? $0 : other } ?? noOutcome, default: 0] += 1 }
        return counts
    }
}

/// Where each of a theme's counts is in a summary's figures: for each theme place (the Making It Real themes, any
/// other theme the keyword list can suggest, then `none`) one block of statements by category, suggested by
/// category, people by category, statements by role, statements by voice, then people, dots and group themes.
/// Made from the packs; the cache's fingerprint covers every list it is made from.
public final class FigureLayout: Equatable, Sendable {
    let themes: [String]
    /// The first `known` themes are the Making It Real themes; `none` is the place of statements with no theme.
    let known: Int
    let none: Int
    /// The pack's categories, then `other`.
    let categories: [String]
    /// The pack's roles, then `other`, then `notListed`.
    let roles: [String]
    /// The voices, then `other`.
    let voices: [String]
    let stride: Int
    let suggestedAt: Int, peopleAt: Int, byRoleAt: Int, byVoiceAt: Int, peopleAnyAt: Int, votesAt: Int, groupThemesAt: Int

    public init(_ content: ContentPacks) {
        var themes = content.makingItReal.themes.map(\.id).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        known = themes.count
        for id in content.keywords.themes.map(\.themeId) + [SessionSummary.noTheme] where !themes.contains(id) { themes.append(id) }
        self.themes = themes
        none = themes.firstIndex(of: SessionSummary.noTheme)!
        categories = content.workingTogether.categories.map(\.id) + [SessionSummary.other]
        roles = content.workshop.roles.map(\.id) + [SessionSummary.other, SessionSummary.notListed]
        voices = SessionSummary.voices + [SessionSummary.other]
        let c = categories.count
        suggestedAt = c
        peopleAt = 2 * c
        byRoleAt = 3 * c
        byVoiceAt = byRoleAt + roles.count
        peopleAnyAt = byVoiceAt + voices.count
        votesAt = peopleAnyAt + 1
        groupThemesAt = votesAt + 1
        stride = groupThemesAt + 1
    }

    public static func == (a: FigureLayout, b: FigureLayout) -> Bool {
        a === b || (a.themes == b.themes && a.known == b.known && a.categories == b.categories && a.roles == b.roles
                    && a.voices == b.voices)
    }

    /// One theme's block as figures (only the counts that are not 0 are in its lists).
    func figures(_ block: ArraySlice<Int>) -> SessionSummary.ThemeFigures {
        let at = block.startIndex
        var f = SessionSummary.ThemeFigures()
        func map(_ from: Int, _ ids: [String]) -> [String: Int] {
            var map: [String: Int] = [:]
            for (i, id) in ids.enumerated() where block[at + from + i] != 0 { map[id] = block[at + from + i] }
            return map
        }
        f.statements = map(0, categories)
        f.suggested = map(suggestedAt, categories)
        f.people = map(peopleAt, categories)
        f.byRole = map(byRoleAt, roles)
        f.byVoice = map(byVoiceAt, voices)
        f.peopleAny = block[at + peopleAnyAt]
        f.votes = block[at + votesAt]
        f.groupThemes = block[at + groupThemesAt]
        return f
    }
}
