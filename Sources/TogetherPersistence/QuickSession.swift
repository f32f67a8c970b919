import Foundation
import TogetherContent
import TogetherCore

/// Reads a whole session straight from its bytes, for the usual file: every field the model has, with the
/// same defaults the careful decoder gives. Anything unusual — a number written as `1.0`, a date with an offset,
/// a key given twice, a draft or a follow-up, a field of the wrong kind — is not guessed at: the reader says
/// "not here" and `SessionCodec` decodes the file the careful way, which says what is wrong if anything is.
/// Either way the session rules are checked afterwards. (Tests: the same session as the careful decoder gives,
/// on every file they make, and never a session where the careful decoder refuses one.)
enum QuickSession {
    static func read(_ data: Data) -> Session? {
        data.withUnsafeBytes { raw -> Session? in
            var cursor = JSONCursor(raw.bindMemory(to: UInt8.self))
            return try? cursor.wholeSession()
        }
    }
}

private typealias Refused = JSONCursor.Refused

extension JSONCursor {
    /// Marks a key as seen; a key given twice is for the careful decoder.
    fileprivate static func once(_ seen: inout UInt32, _ bit: UInt32) throws {
        guard seen & (1 << bit) == 0 else { throw Refused() }
        seen |= 1 << bit
    }

    fileprivate mutating func timestamp() throws -> Date {
        guard let date = SessionCodec.quickDate(try string()) else { throw Refused() }
        return date
    }

    fileprivate mutating func optionalTimestamp() throws -> Date? { null() ? nil : try timestamp() }

    fileprivate mutating func bool() throws -> Bool {
        guard let value = try optionalBool() else { throw Refused() }
        return value
    }

    /// A field with a default: `null` gives the default, as a missing field does.
    fileprivate mutating func defaulted<T>(_ value: T, _ read: (inout JSONCursor) throws -> T) throws -> T {
        null() ? value : try read(&self)
    }

    fileprivate mutating func list<T>(_ element: (inout JSONCursor) throws -> T) throws -> [T] {
        null() ? [] : try array(element)
    }

    mutating func wholeSession() throws -> Session {
        var version: Int?, id: String?, created: Date?, updated = Defaults.NotSaid.value
        var status = Defaults.InProgress.value, setup: Setup?
        var people: [Person] = [], reviews: [ThemeReview] = [], statements: [Statement] = [], tips: [TipReview] = []
        var wrapUp: [Note] = [], sections: [String: [Note]] = [:], themes: [GroupTheme] = [], actions: [PlannedAction] = []
        var timers: [String: StageTimer] = [:], position = Position(), nextNumber = 1
        var voter: String?, dotOrder: [String]?
        var seen: UInt32 = 0
        try object { c, key in
            switch key {
            case "schemaVersion": try Self.once(&seen, 0); version = try c.int()
            case "id": try Self.once(&seen, 1); id = try c.string()
            case "createdAt": try Self.once(&seen, 2); created = try c.timestamp()
            case "updatedAt": try Self.once(&seen, 3); updated = try c.defaulted(updated) { try $0.timestamp() }
            case "status":
                try Self.once(&seen, 4)
                status = try c.defaulted(status) { SessionStatus(rawValue: try $0.string()) }
            case "setup": try Self.once(&seen, 5); setup = try c.setup()
            case "people": try Self.once(&seen, 6); people = try c.list { try $0.person() }
            case "makingItReal": try Self.once(&seen, 7); reviews = try c.list { try $0.themeReview() }
            case "statements": try Self.once(&seen, 8); statements = try c.list { try $0.statement() }
            case "topTips": try Self.once(&seen, 9); tips = try c.list { try $0.tipReview() }
            case "wrapUp": try Self.once(&seen, 10); wrapUp = try c.list { try $0.note() }
            case "wrapUpSections":
                try Self.once(&seen, 11)
                if c.null() { break }
                try c.keyed { inner, name in
                    guard sections[name] == nil else { throw Refused() }
                    sections[name] = try inner.list { try $0.note() }
                }
            case "groupThemes": try Self.once(&seen, 12); themes = try c.list { try $0.groupTheme() }
            case "actions": try Self.once(&seen, 13); actions = try c.list { try $0.action() }
            case "timers":
                try Self.once(&seen, 14)
                if c.null() { break }
                try c.keyed { inner, name in
                    guard timers[name] == nil else { throw Refused() }
                    timers[name] = try inner.timer()
                }
            case "position": try Self.once(&seen, 15); position = try c.defaulted(position) { try $0.position() }
            case "nextNumber": try Self.once(&seen, 16); nextNumber = try c.defaulted(1) { try $0.int() }
            case "voter": try Self.once(&seen, 17); voter = try c.optionalString()
            case "dotOrder":
                try Self.once(&seen, 18)
                dotOrder = c.null() ? nil : try c.array { try $0.string() }
            // A typing box left open, or a follow-up of an earlier workshop: rare, and read the careful way.
            case "draft", "followUp": guard c.null() else { throw Refused() }
            default: try c.skip()
            }
        }
        ws()
        guard i == b.count, let version, (1...Session.currentSchemaVersion).contains(version), let id, let created,
              let setup else { throw Refused() }
        var s = Session(id: id, now: created, setup: setup)
        s.schemaVersion = version
        s.updatedAt = updated
        s.status = status
        s.people = people
        s.makingItReal = reviews
        s.statements = statements
        s.topTips = tips
        s.wrapUp = wrapUp
        s.wrapUpSections = sections
        s.groupThemes = themes
        s.actions = actions
        s.timers = timers
        s.position = position
        s.nextNumber = nextNumber
        s.voter = voter
        s.dotOrder = dotOrder
        return s
    }

    /// An object whose keys are names (timers, note sections): the body reads each value.
    fileprivate mutating func keyed(_ body: (inout JSONCursor, String) throws -> Void) throws {
        try object { c, key in
            guard let name = String(validating: key.bytes, as: UTF8.self) else { throw Refused() }
            try body(&c, name)
        }
    }

    fileprivate mutating func setup() throws -> Setup {
        var s = Setup(title: "", date: "", area: "", groupType: "", statementsPerPerson: Defaults.Three.value,
                      language: Defaults.English.value, plan: Defaults.FullPlan.value, votesPerPerson: Defaults.Three.value,
                      anonymous: Defaults.True.value, revealLater: Defaults.False.value, level: Defaults.NoText.value)
        var seen: UInt32 = 0
        try object { c, key in
            switch key {
            case "title": try Self.once(&seen, 0); s.title = try c.defaulted("") { try $0.string() }
            case "date": try Self.once(&seen, 1); s.date = try c.defaulted("") { try $0.string() }
            case "area": try Self.once(&seen, 2); s.area = try c.defaulted("") { try $0.string() }
            case "contact": try Self.once(&seen, 3); s.contact = try c.defaulted("") { try $0.string() }
            case "groupType": try Self.once(&seen, 4); s.groupType = try c.defaulted("") { try $0.string() }
            case "statementsPerPerson":
                try Self.once(&seen, 5)
                s.statementsPerPerson = try c.defaulted(Defaults.Three.value) { try $0.int() }
            case "language": try Self.once(&seen, 6); s.language = try c.defaulted(Defaults.English.value) { try $0.string() }
            case "plan": try Self.once(&seen, 7); s.plan = try c.defaulted(Defaults.FullPlan.value) { try $0.string() }
            case "votesPerPerson":
                try Self.once(&seen, 8)
                s.votesPerPerson = try c.defaulted(Defaults.Three.value) { try $0.int() }
            case "anonymous": try Self.once(&seen, 9); s.anonymous = try c.defaulted(true) { try $0.bool() }
            case "revealLater": try Self.once(&seen, 10); s.revealLater = try c.defaulted(false) { try $0.bool() }
            case "level": try Self.once(&seen, 11); s.level = try c.defaulted("") { try $0.string() }
            default: try c.skip()
            }
        }
        return s
    }

    fileprivate mutating func person() throws -> Person {
        var id: String?, label: String?, role: String?, consent = false, source = Source.room
        var seen: UInt32 = 0
        try object { c, key in
            switch key {
            case "id": try Self.once(&seen, 0); id = try c.string()
            case "label": try Self.once(&seen, 1); label = try c.string()
            case "role": try Self.once(&seen, 2); role = try c.string()
            case "consentToQuote": try Self.once(&seen, 3); consent = try c.defaulted(false) { try $0.bool() }
            case "source": try Self.once(&seen, 4); source = try c.defaulted(.room) { Source(rawValue: try $0.string()) }
            default: try c.skip()
            }
        }
        guard let id, let label, let role else { throw Refused() }
        return Person(id: id, label: label, role: role, consentToQuote: consent, source: source)
    }

    fileprivate mutating func statement() throws -> Statement {
        var id: String?, personId: String?, category: String?, rank: Int?, text: String?, created: Date?
        var themeId: String?, voice = Voice.own, source = Source.room, groupThemeId: String?
        var suggestion: SuggestionRecord?, hidden = false
        var seen: UInt32 = 0
        try object { c, key in
            switch key {
            case "id": try Self.once(&seen, 0); id = try c.string()
            case "personId": try Self.once(&seen, 1); personId = try c.string()
            case "category": try Self.once(&seen, 2); category = try c.string()
            case "rank": try Self.once(&seen, 3); rank = try c.int()
            case "text": try Self.once(&seen, 4); text = try c.string()
            case "themeId": try Self.once(&seen, 5); themeId = try c.optionalString()
            case "voice": try Self.once(&seen, 6); voice = try c.defaulted(.own) { try $0.voice() }
            case "createdAt": try Self.once(&seen, 7); created = try c.timestamp()
            case "source": try Self.once(&seen, 8); source = try c.defaulted(.room) { Source(rawValue: try $0.string()) }
            case "groupThemeId": try Self.once(&seen, 9); groupThemeId = try c.optionalString()
            case "suggestion": try Self.once(&seen, 10); suggestion = c.null() ? nil : try c.suggestion()
            case "hidden": try Self.once(&seen, 11); hidden = try c.defaulted(false) { try $0.bool() }
            default: try c.skip()
            }
        }
        guard let id, let personId, let category, let rank, let text, let created else { throw Refused() }
        return Statement(id: id, personId: personId, category: category, rank: rank, text: text, themeId: themeId,
                         voice: voice, createdAt: created, source: source, groupThemeId: groupThemeId,
                         suggestion: suggestion, hidden: hidden)
    }

    fileprivate mutating func voice() throws -> Voice {
        let found = try texts(["kind", "speakerRole"])
        guard let kind = found[0] else { throw Refused() }
        return Voice(kind: VoiceKind(rawValue: kind), speakerRole: found[1])
    }

    fileprivate mutating func suggestion() throws -> SuggestionRecord {
        let found = try texts(["themeId", "word", "decision"])
        guard let theme = found[0], let word = found[1], let decision = found[2] else { throw Refused() }
        return SuggestionRecord(themeId: theme, word: word, decision: Decision(rawValue: decision))
    }

    fileprivate mutating func note() throws -> Note {
        let found = try texts(["id", "text", "createdAt"])
        guard let id = found[0], let text = found[1], let date = found[2].flatMap(SessionCodec.quickDate) else { throw Refused() }
        return Note(id: id, text: text, createdAt: date)
    }

    /// An object of text fields, each at most once (`null` or missing: nil; other keys skipped).
    fileprivate mutating func texts(_ keys: [StaticString]) throws -> [String?] {
        var values = [String?](repeating: nil, count: keys.count)
        var seen: UInt32 = 0
        try object { c, key in
            guard let n = keys.firstIndex(where: { key == $0 }) else { return try c.skip() }
            try Self.once(&seen, UInt32(n))
            values[n] = try c.optionalString()
        }
        return values
    }

    fileprivate mutating func themeReview() throws -> ThemeReview {
        let r = try review(id: "themeId", first: "examples")
        return ThemeReview(themeId: r.id, rating: r.rating, examples: r.lists[0], barriers: r.lists[1], shouldHappen: r.lists[2])
    }

    fileprivate mutating func tipReview() throws -> TipReview {
        let r = try review(id: "tipId", first: "notes")
        return TipReview(tipId: r.id, rating: r.rating, notes: r.lists[0], barriers: r.lists[1], shouldHappen: r.lists[2])
    }

    /// A Making It Real theme's or a top tip's review: its id, rating, and three lists of notes (the first named
    /// `first`, then barriers and what should happen).
    fileprivate mutating func review(id idKey: StaticString, first: StaticString) throws
        -> (id: String, rating: String?, lists: [[Note]]) {
        var id: String?, rating: String?, lists: [[Note]] = [[], [], []]
        var seen: UInt32 = 0
        try object { c, key in
            if key == idKey {
                try Self.once(&seen, 0)
                id = try c.string()
            } else if key == "rating" {
                try Self.once(&seen, 1)
                rating = try c.optionalString()
            } else if let n = key == first ? 0 : key == "barriers" ? 1 : key == "shouldHappen" ? 2 : nil {
                try Self.once(&seen, UInt32(2 + n))
                lists[n] = try c.list { try $0.note() }
            } else {
                try c.skip()
            }
        }
        guard let id else { throw Refused() }
        return (id, rating, lists)
    }

    fileprivate mutating func groupTheme() throws -> GroupTheme {
        var id: String?, statement: String?, created: Date?
        var links: [String] = [], dots: [String: Int] = [:], groupDots = 0, causes: [Note] = [], success: [Note] = []
        var seen: UInt32 = 0
        try object { c, key in
            switch key {
            case "id": try Self.once(&seen, 0); id = try c.string()
            case "statement": try Self.once(&seen, 1); statement = try c.string()
            case "makingItReal": try Self.once(&seen, 2); links = try c.list { try $0.string() }
            case "dots":
                try Self.once(&seen, 3)
                if c.null() { break }
                try c.keyed { inner, name in
                    guard dots[name] == nil else { throw Refused() }
                    dots[name] = try inner.int()
                }
            case "groupDots": try Self.once(&seen, 4); groupDots = try c.defaulted(0) { try $0.int() }
            case "causes": try Self.once(&seen, 5); causes = try c.list { try $0.note() }
            case "success": try Self.once(&seen, 6); success = try c.list { try $0.note() }
            case "createdAt": try Self.once(&seen, 7); created = try c.timestamp()
            default: try c.skip()
            }
        }
        guard let id, let statement, let created else { throw Refused() }
        var theme = GroupTheme(id: id, statement: statement, createdAt: created)
        theme.makingItReal = links
        theme.dots = dots
        theme.groupDots = groupDots
        theme.causes = causes
        theme.success = success
        return theme
    }

    fileprivate mutating func action() throws -> PlannedAction {
        var id: String?, what: String?, who = "", byWhen = "", link: Link?, intention: String?, created: Date?
        var seen: UInt32 = 0
        try object { c, key in
            switch key {
            case "id": try Self.once(&seen, 0); id = try c.string()
            case "what": try Self.once(&seen, 1); what = try c.string()
            case "who": try Self.once(&seen, 2); who = try c.defaulted("") { try $0.string() }
            case "byWhen": try Self.once(&seen, 3); byWhen = try c.defaulted("") { try $0.string() }
            case "link": try Self.once(&seen, 4); link = c.null() ? nil : try c.link()
            case "intention": try Self.once(&seen, 5); intention = try c.optionalString()
            case "createdAt": try Self.once(&seen, 6); created = try c.timestamp()
            default: try c.skip()
            }
        }
        guard let id, let what, let created else { throw Refused() }
        return PlannedAction(id: id, what: what, who: who, byWhen: byWhen, link: link, intention: intention,
                             createdAt: created)
    }

    fileprivate mutating func link() throws -> Link {
        let found = try texts(["kind", "id"])
        guard let kind = found[0], let id = found[1] else { throw Refused() }
        return Link(kind: LinkKind(rawValue: kind), id: id)
    }

    fileprivate mutating func timer() throws -> StageTimer {
        var planned: Int?, elapsed: Int?, running: Date?, hidden: Bool?
        var seen: UInt32 = 0
        try object { c, key in
            switch key {
            case "plannedSeconds": try Self.once(&seen, 0); planned = try c.int()
            case "elapsedSeconds": try Self.once(&seen, 1); elapsed = try c.int()
            case "runningSince": try Self.once(&seen, 2); running = try c.optionalTimestamp()
            case "hidden": try Self.once(&seen, 3); hidden = try c.bool()
            default: try c.skip()
            }
        }
        guard let planned, let elapsed, let hidden else { throw Refused() }
        return StageTimer(plannedSeconds: planned, elapsedSeconds: elapsed, runningSince: running, hidden: hidden)
    }

    fileprivate mutating func position() throws -> Position {
        var stage: StageKind?, item = 0, focus = 0
        var seen: UInt32 = 0
        try object { c, key in
            switch key {
            case "stage":
                try Self.once(&seen, 0)
                guard let kind = StageKind(rawValue: try c.string()) else { throw Refused() }
                stage = kind
            case "item": try Self.once(&seen, 1); item = try c.defaulted(0) { try $0.int() }
            case "focus": try Self.once(&seen, 2); focus = try c.defaulted(0) { try $0.int() }
            default: try c.skip()
            }
        }
        guard let stage else { throw Refused() }
        return Position(stage: stage, item: item, focus: focus)
    }
}
