import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
import TogetherPersistence

/// The way a session's statements were counted before they were counted in arrays by each id's place: string
/// keys and sets of people, plainly. Kept here only to check the quick way against: the themes' figures and the
/// quotes are what the statements make (the rest of a summary is made the same way by both).
extension SessionSummary {
    static func plainly(_ s: LeanSession, _ content: ContentPacks, _ suggester: ThemeSuggester) -> (themes: [String: ThemeFigures], quotes: [Quote]) {
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
        return (themes, quotes)
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
            if random.below(6) == 1 {
                // More group themes than a short list (found another way), one id twice: the first counts.
                for k in 0..<20 {
                    var g = GroupTheme(id: "many\(k % 19)", statement: "We want thing \(k)", createdAt: Date())
                    g.makingItReal = [content.makingItReal.themes[k % content.makingItReal.themes.count].id]
                    g.groupDots = k
                    s.groupThemes.append(g)
                }
                for n in s.statements.indices where random.below(2) == 0 { s.statements[n].groupThemeId = "many\(random.below(21))" }
            }
            out.append(s)
        }
        return out
    }

    @Test("the quick count gives the plain count's theme figures and quotes, on 302 sessions with every odd value")
    func sameSummary() throws {
        let suggester = ThemeSuggester(content.keywords)
        let ids = SessionSummary.Ids(content, suggester)
        var sessions = try exampleSessions.map { try SessionCodec.read(URL(fileURLWithPath: $0)) }
        sessions += Self.sessions()
        var differ = 0, quotes = 0, manyThemes = 0
        for s in sessions {
            let lean = LeanSession(s)
            let quick = SessionSummary.make(lean, ids), plain = SessionSummary.plainly(lean, content, suggester)
            quotes += plain.quotes.count
            manyThemes += s.groupThemes.count > 16 ? 1 : 0
            if quick.themes != plain.themes || quick.quotes != plain.quotes {
                differ += 1
                if differ < 4 { Issue.record("\(s.id): \(quick.themes) against \(plain.themes)") }
            }
        }
        #expect(differ == 0)
        #expect(quotes > 100, "the sessions have quotes to compare")
        #expect(manyThemes > 10, "some sessions have more group themes than a short list")
    }
}
