import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
import TogetherPersistence

/// The way a session's statements were counted before they were counted in arrays by each id's place: string
/// keys and sets of people, plainly. Kept here only to check the quick way against.
extension SessionSummary {
    static func plainly(_ s: LeanSession, _ content: ContentPacks, _ suggester: ThemeSuggester) -> SessionSummary {
        let knownRoles = Set(content.workshop.roles.map(\.id))
        let roleOf = Dictionary(s.people.map { ($0.id, knownRoles.contains($0.role) ? $0.role : other) },
                                uniquingKeysWith: { first, _ in first })
        let consent = Set(s.people.filter(\.consent).map(\.id))
        let labels = Privacy.Labels(s.people.map(\.label))
        func published(_ text: String) -> String { Privacy.clean(Privacy.redact(text, labels)) }
        let knownThemes = Set(content.makingItReal.themes.map(\.id))
        let knownCategories = Set(content.workingTogether.categories.map(\.id))
        var themes: [String: ThemeFigures] = [:]
        var peopleIn: [String: [String: Set<String>]] = [:]
        var quotes: [Quote] = []
        let groupThemeWords = Dictionary(s.groupThemes.map { ($0.id, $0.statement) }, uniquingKeysWith: { a, _ in a })
        for st in s.statements {
            var key = noTheme
            var suggested = false
            if let id = st.themeId, knownThemes.contains(id) {
                key = id
            } else if st.ignoredSuggestion == nil, let suggestion = suggester.suggest(for: st.text) {
                // A suggestion the facilitator said no to is not made again here.
                key = suggestion.themeId
                suggested = true
            }
            let category = knownCategories.contains(st.category) ? st.category : other
            if suggested || key == noTheme {
                themes[key, default: .init()].suggested[category, default: 0] += 1
            } else {
                themes[key, default: .init()].statements[category, default: 0] += 1
            }
            themes[key, default: .init()].byRole[roleOf[st.personId] ?? notListed, default: 0] += 1
            themes[key, default: .init()].byVoice[voices.contains(st.voice) ? st.voice : other, default: 0] += 1
            peopleIn[key, default: [:]][category, default: []].insert(st.personId)
            // Only words a person agreed to share, in their own voice (or with support), once revealed.
            if consent.contains(st.personId), key != noTheme, !st.hidden, st.voice == "own" || st.voice == "supported" {
                quotes.append(.init(themeId: key, category: category, text: published(st.text), supported: st.voice == "supported",
                                    suggested: suggested,
                                    groupTheme: st.groupThemeId.flatMap { groupThemeWords[$0] }.map(published) ?? ""))
            }
        }
        for (key, byCategory) in peopleIn {
            themes[key, default: .init()].people = byCategory.mapValues(\.count)
            themes[key, default: .init()].peopleAny = byCategory.values.reduce(into: Set<String>()) { $0.formUnion($1) }.count
        }
        for theme in s.groupThemes {
            for id in Set(theme.makingItReal) where knownThemes.contains(id) {
                themes[id, default: .init()].votes += theme.dots
                themes[id, default: .init()].groupThemes += 1
            }
        }
        let groupThemeLinks = Dictionary(s.groupThemes.map { ($0.id, $0.makingItReal) }, uniquingKeysWith: { a, _ in a })
        let actions = s.actions.map { action -> ActionFigure in
            var linked: [String] = []
            switch action.linkKind {
            case "groupTheme": linked = action.linkId.flatMap { groupThemeLinks[$0] } ?? []
            case "makingItReal": linked = action.linkId.map { [$0] } ?? []
            default: break
            }
            let intention = action.intention.map { content.intention($0)?.id ?? other } ?? noIntention
            var answers = ""
            switch action.linkKind {
            case "groupTheme": answers = action.linkId.flatMap { groupThemeWords[$0] }.map(published) ?? ""
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
        func ratings(_ reviews: [LeanSession.Review], _ scale: [RatingLevel]) -> [String: String] {
            let known = Set(scale.map(\.id))
            return Dictionary(reviews.compactMap { r in r.rating.map { (r.id, known.contains($0) ? $0 : other) } },
                              uniquingKeysWith: { first, _ in first })
        }
        var tipBarriers: [String: [String]] = [:]
        for tip in s.topTips where !tip.barriers.isEmpty { tipBarriers[tip.id, default: []] += tip.barriers.map(published) }
        let level = s.level.isEmpty ? "" : (content.level(s.level) == nil ? other : s.level)
        let groupType = s.groupType.isEmpty ? "" : (content.groupType(s.groupType) == nil ? other : s.groupType)
        return SessionSummary(
            id: s.id, updatedAt: s.updatedAt.isEmpty ? s.createdAt : s.updatedAt,
            date: s.date, area: Privacy.clean(s.area), groupType: groupType, level: level, roles: roles, themes: themes,
            themeRatings: ratings(s.makingItReal, content.makingItReal.scale),
            tipRatings: ratings(s.topTips, content.topTips.scale), tipBarriers: tipBarriers,
            groupThemes: s.groupThemes.map { .init(statement: published($0.statement), makingItReal: $0.makingItReal, dots: $0.dots) },
            actions: actions, quotes: quotes, followUps: followUps(s, content))
    }

}

@Suite("Summaries: the quick count against the plain one")
struct SummaryOracleTests {
    /// Sessions with a little of everything that can go wrong in them.
    static func sessions() -> [Session] {
        var out = [TallyIntegrityTests.odd(), TallyIntegrityTests.namesEverywhere()]
        let demo = DemoData(content: content, seed: 77)
        var random = SplitMix(seed: 78)
        for i in 0..<300 {
            var s = demo.session(i)
            for n in s.statements.indices {
                switch random.below(14) {
                case 0: s.statements[n].category = ["maybe", "", "Working"].randomElement(using: &random)!
                case 1: s.statements[n].voice = Voice(kind: VoiceKind(rawValue: ["shouted", "supported", "onBehalf", "own"][random.below(4)]))
                case 2: s.statements[n].personId = ["nobody", "p999", "", s.people.first?.id ?? "x"][random.below(4)]
                case 3: s.statements[n].hidden = true
                case 4: s.statements[n].themeId = ["nonsense", "none", content.makingItReal.themes[0].id][random.below(3)]
                case 5: s.statements[n].themeId = nil
                default: break
                }
            }
            if random.below(4) == 0, !s.people.isEmpty {
                // Two people with one id, only the second agreeing to be quoted; a role the pack does not list.
                var twin = s.people[0]
                twin.consentToQuote = true
                twin.role = "chef"
                s.people.append(twin)
            }
            if random.below(6) == 0 {
                // More people than a short list (the count looks them up another way).
                for k in 0..<30 { s.people.append(Person(id: "extra\(k)", label: "E\(k)", role: "person", consentToQuote: k % 2 == 0)) }
                for n in s.statements.indices where random.below(2) == 0 { s.statements[n].personId = "extra\(random.below(32))" }
            }
            out.append(s)
        }
        return out
    }

    @Test("the quick count gives the plain count's summary, field for field, on 302 sessions with every odd value")
    func sameSummary() throws {
        let suggester = ThemeSuggester(content.keywords)
        let ids = SessionSummary.Ids(content, suggester)
        var sessions = try exampleSessions.map { try SessionCodec.read(URL(fileURLWithPath: $0)) }
        sessions += Self.sessions()
        var differ = 0, quotes = 0
        for s in sessions {
            let lean = LeanSession(s)
            let quick = SessionSummary.make(lean, ids), plain = SessionSummary.plainly(lean, content, suggester)
            quotes += plain.quotes.count
            if quick != plain {
                differ += 1
                if differ < 4 { Issue.record("\(s.id): \(quick.themes) against \(plain.themes)") }
            }
        }
        #expect(differ == 0)
        #expect(quotes > 100, "the sessions have quotes to compare")
    }
}
