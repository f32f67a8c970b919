import Foundation
import TogetherContent
import TogetherCore

/// Realistic made-up sessions for trying the tally and measuring it: the same seed always gives the same
/// sessions. Every person is a made-up pair of initials; every statement comes from the phrases below.
public struct DemoData: Sendable {
    let content: ContentPacks
    let seed: UInt64

    public init(content: ContentPacks, seed: UInt64 = 2026) {
        self.content = content
        self.seed = seed
    }

    /// Session number `index` (from 0). Sessions do not depend on each other, so any can be made alone.
    public func session(_ index: Int) -> Session {
        var rng = SplitMix(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let day = Self.startDay.addingTimeInterval(Double(rng.below(730)) * 86_400)
        let groupTypes = content.workshop.groupTypes.map(\.id)
        let levels = content.workshop.levels.map(\.id)
        var setup = Setup(title: "Demo workshop \(index + 1)", date: Self.dayFormat(day), area: rng.pick(Self.areas),
                          groupType: rng.pick(groupTypes), statementsPerPerson: 3,
                          anonymous: rng.below(4) != 0, level: rng.pick(levels))
        setup.votesPerPerson = 3
        let start = day.addingTimeInterval(10 * 3600)
        var session = Session(id: "demo-\(index + 1)", now: start, setup: setup)
        var clock = start
        func tick() -> Date { clock = clock.addingTimeInterval(Double(20 + rng.below(90))); return clock }

        let roles = content.workshop.roles.map(\.id)
        let peopleCount = 5 + rng.below(8)
        for _ in 0..<peopleCount {
            let id = session.makeID("p")
            // Most people in the room have lived experience; the rest are carers, advocates and staff.
            let role = rng.below(10) < 6 ? "person" : rng.pick(roles)
            let initials = String(rng.pick(Self.letters)) + String(rng.pick(Self.letters))
            session.people.append(Person(id: id, label: initials, role: role, consentToQuote: rng.below(3) == 0))
        }
        let themes = content.makingItReal.themes.map(\.id)
        let categories = content.workingTogether.categories.map(\.id)
        for person in session.people {
            for category in categories {
                for rank in 1...3 where rng.below(10) < 8 {
                    let themeId = rng.pick(themes)
                    let text = rng.pick(Self.phrases[themeId]?[category] ?? ["It is fine."])
                    let voice: Voice = person.role == "person" && rng.below(4) == 0 ? .supported : .own
                    let tagged = rng.below(5) != 0
                    session.statements.append(Statement(
                        id: session.makeID("st"), personId: person.id, category: category, rank: rank, text: text,
                        themeId: tagged ? themeId : nil, voice: voice, createdAt: tick()))
                }
            }
        }
        let scale = content.makingItReal.scale.map(\.id)
        for themeId in themes {
            var review = ThemeReview(themeId: themeId, rating: rng.below(8) == 0 ? nil : rng.pick(scale))
            if rng.below(2) == 0 {
                review.barriers.append(Note(id: session.makeID("n"), text: rng.pick(Self.barriers), createdAt: tick()))
            }
            session.makingItReal.append(review)
        }
        let tipScale = content.topTips.scale.map(\.id)
        for tip in content.topTips.tips where rng.below(6) != 0 {
            var review = TipReview(tipId: tip.id, rating: rng.pick(tipScale))
            if rng.below(3) == 0 {
                review.barriers.append(Note(id: session.makeID("n"), text: rng.pick(Self.barriers), createdAt: tick()))
            }
            session.topTips.append(review)
        }
        // Three to five group themes, each an "I" statement worded a little differently from group to group.
        var used = Set<Int>()
        for _ in 0..<(3 + rng.below(3)) {
            let family = rng.below(Self.groupThemes.count)
            guard used.insert(family).inserted else { continue }
            let (themeId, wordings) = Self.groupThemes[family]
            var theme = GroupTheme(id: session.makeID("g"), statement: rng.pick(wordings), createdAt: tick())
            theme.makingItReal = [themeId]
            for person in session.people where rng.below(3) == 0 {
                theme.dots[person.id] = 1 + rng.below(2)
            }
            let members = session.statements.indices.filter {
                session.statements[$0].themeId == themeId && session.statements[$0].groupThemeId == nil
            }
            for i in members.prefix(3) { session.statements[i].groupThemeId = theme.id }
            session.groupThemes.append(theme)
        }
        let intentions = content.workshop.intentions.map(\.id)
        for theme in session.groupThemes.prefix(2) {
            session.actions.append(PlannedAction(
                id: session.makeID("a"), what: rng.pick(Self.actions), who: "Commissioning team",
                byWhen: "In three months", link: Link(kind: .groupTheme, id: theme.id),
                intention: rng.below(5) == 0 ? nil : rng.pick(intentions), createdAt: tick()))
        }
        session.status = .finished
        session.updatedAt = clock
        session.position = Position(stage: .finish)
        return session
    }

    static let startDay = Date(timeIntervalSince1970: 1_735_689_600) // 2025-01-01
    /// `YYYY-MM-DD` of a UTC instant (days from 1970 to a civil date, Howard Hinnant's method).
    static func dayFormat(_ date: Date) -> String {
        let z = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    static let letters = Array("ABCDEFGHJKLMNPRSTW")
    static let areas = ["Bristol", "Leeds", "Gwynedd", "Cardiff", "Camden", "Norfolk", "Cumbria", "Wrexham",
                        "Sheffield", "Devon", "Swansea", "Newcastle"]

    static let barriers = [
        "Letters come too late to plan anything.", "Not enough staff on the rota.", "No easy read version.",
        "The bus stops running at six.", "Nobody explains the money.", "Meetings are in the day when people work.",
        "Too many different workers.", "Forms are too hard.", "People are worried about risk.",
    ]

    static let actions = [
        "Write every letter in easy read", "Meet the bus company about evening buses",
        "Start a friendship group", "Ask people before changing their staff", "Review how money is explained",
        "Fund more short breaks",
    ]

    static let groupThemes: [(String, [String])] = [
        ("workforce", ["I want the same staff who know me", "I want to have the same staff that know me",
                       "I want staff who know me"]),
        ("information", ["I want letters I can understand", "I want letters that I can understand",
                         "I need information I can understand"]),
        ("communities", ["I want to see my friends more", "I want to see my friends more often",
                         "I want more time with friends"]),
        ("communities", ["I want a paid job", "I want to have a paid job", "I want a job that pays"]),
        ("support", ["I want to choose where I live", "I want to choose where I live and who with"]),
        ("control", ["I want to be listened to at my review", "I want to be listened to in my review"]),
        ("wellbeing", ["I want to feel safe going out", "I want to feel safe when I go out"]),
        ("support", ["I want short breaks that work for my family", "I want short breaks that suit my family"]),
    ]

    static let phrases: [String: [String: [String]]] = [
        "wellbeing": [
            "working": ["My doctor listens to me.", "I go swimming every week.", "I feel safe at home."],
            "notWorking": ["I waited months to see a dentist.", "I feel scared on the bus at night.",
                           "Nobody checks my medication."],
            "aspirations": ["I want to be healthy and fit.", "I want to cook my own food.", "I want to feel safe in town."],
        ],
        "information": [
            "working": ["The easy read leaflet helped me.", "My advocate explains my letters."],
            "notWorking": ["Letters are full of jargon.", "I never know who to phone.", "The website is confusing."],
            "aspirations": ["I want information I can understand.", "I want to be told about changes first."],
        ],
        "communities": [
            "working": ["I see my friends at the club.", "My family visit on Sundays.", "I volunteer at the cafe."],
            "notWorking": ["I feel lonely at weekends.", "There is no bus in the evening.", "I lost my job."],
            "aspirations": ["I want a paid job.", "I want to go to college.", "I want a girlfriend."],
        ],
        "support": [
            "working": ["My personal assistant is flexible.", "Short breaks give my mum a rest.", "I like my flat."],
            "notWorking": ["My support hours were cut.", "The day centre closed.", "I cannot choose my support."],
            "aspirations": ["I want to live in my own home.", "I want a direct payment.", "I want more choice."],
        ],
        "control": [
            "working": ["I chose my own plan.", "People listen at my review."],
            "notWorking": ["Decisions are made without me.", "Nobody listened when I complained.",
                           "My review was cancelled."],
            "aspirations": ["I want to decide my own plan.", "I want a say in changes.", "I want to be in control."],
        ],
        "workforce": [
            "working": ["My keyworker is kind.", "Staff are well trained.", "I have the same person each week."],
            "notWorking": ["Agency staff change all the time.", "Staff are always rushed.", "My carer is late."],
            "aspirations": ["I want staff who know me.", "I want the same person to support me."],
        ],
    ]
}

/// A small fast random generator with a seed (SplitMix64), so demo data is the same on every machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
