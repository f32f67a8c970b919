import Foundation
import TogetherContent
import TogetherCore

/// Reads the parts of a session file the tally needs straight from its bytes, checking the JSON as it goes
/// and skipping everything else (timers, drafts, notes it does not count) without building it.
///
/// It only says "yes, here it is" or "no": when it says no, the caller decodes the file the slow, careful
/// way to explain what is wrong (or to read a file that is fine but unusual, such as `1.0` for a count).
package enum LeanReader {
    package static func read(_ data: Data) -> LeanSession? {
        data.withUnsafeBytes { raw -> LeanSession? in read(raw.bindMemory(to: UInt8.self)) }
    }

    package static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> LeanSession? {
        var scan = JSONCursor(bytes)
        return try? scan.session()
    }
}

private typealias Refused = JSONCursor.Refused

extension JSONCursor {
    mutating func session() throws -> LeanSession {
        var s = LeanSession()
        var version: Int?
        var sawSetup = false, sawId = false, sawCreated = false
        // Ids of statements and actions, which the summary does not keep, to check they are unique.
        // (By a hash of each: two the same send the file to the careful decoder, which says which id is twice.)
        var statementIds: [UInt64] = [], actionIds: [UInt64] = []
        try object { scan, key in
            switch key {
            case "schemaVersion": version = try scan.int()
            case "id": s.id = try scan.string(); sawId = true
            case "createdAt": s.createdAt = try scan.date(); sawCreated = true
            case "updatedAt": s.updatedAt = try scan.date()
            case "setup": try scan.setup(&s); sawSetup = true
            case "people": s.people = try scan.array { try $0.person() }
            case "statements":
                s.statements = try scan.array { try $0.statement(ids: &statementIds) }
            case "nextNumber": try scan.within(SessionRules.nextNumber)
            case "position":
                if scan.null() { break }
                try scan.object { inner, key in
                    switch key {
                    case "item", "focus": try inner.within(SessionRules.place)
                    default: try inner.skip()
                    }
                }
            case "timers":
                if scan.null() { break }
                try scan.object { inner, _ in
                    try inner.object { timer, key in
                        switch key {
                        case "plannedSeconds", "elapsedSeconds": try timer.within(SessionRules.seconds)
                        default: try timer.skip()
                        }
                    }
                }
            case "makingItReal": s.makingItReal = try scan.array { try $0.review(idKey: "themeId") }
            case "topTips": s.topTips = try scan.array { try $0.review(idKey: "tipId") }
            case "groupThemes": s.groupThemes = try scan.array { try $0.groupTheme() }
            case "actions":
                s.actions = try scan.array { try $0.action(ids: &actionIds) }
            case "followUp": if !scan.null() { s.followUps = try scan.followUp() }
            default: try scan.skip()
            }
        }
        ws()
        guard i == b.count, let version, (1...Session.currentSchemaVersion).contains(version),
              sawSetup, sawId, sawCreated else { throw Refused() }
        // As the codec reads it: a file without `updatedAt` was last changed when it was made.
        if s.updatedAt.isEmpty { s.updatedAt = s.createdAt }
        // Ids must be unique in each list (SessionRules); a file where they are not goes to the careful reader.
        for ids in [s.people.map { $0.id }, s.groupThemes.map { $0.id }] where !Self.allDifferent(ids) { throw Refused() }
        for keys in [statementIds, actionIds] where !Self.allDifferent(keys) { throw Refused() }
        return s
    }

    /// Whether no id is in the list twice: by a hash of each, sorted, and only when two hashes are the same by
    /// the ids themselves (quicker than a set of strings for the few dozen ids of a session).
    static func allDifferent(_ ids: [String]) -> Bool {
        guard ids.count > 1 else { return true }
        if allDifferent(ids.map(key)) { return true }
        return Set(ids).count == ids.count
    }

    /// Whether no hash is in the list twice.
    static func allDifferent(_ keys: [UInt64]) -> Bool {
        guard keys.count > 1 else { return true }
        let keys = keys.sorted()
        for n in 1..<keys.count where keys[n] == keys[n - 1] { return false }
        return true
    }

    static func key(_ id: String) -> UInt64 {
        var h = FNV()
        h.mix(id.utf8)
        return h.value
    }

    /// The `key` of a string value, from its bytes where they are when it has no escape (no String is made);
    /// checked as `string()` checks it.
    mutating func stringKey() throws -> UInt64 {
        let before = i
        guard try byte() == 0x22 else { throw Refused() }
        let start = i + 1
        var j = start, wide = false
        while j < b.count {
            let c = b[j]
            if c == 0x22 || c == 0x5C || c < 0x20 { break }
            if c >= 0x80 { wide = true }
            j += 1
        }
        guard j < b.count, b[j] == 0x22 else {
            i = before
            return Self.key(try string())
        }
        let bytes = UnsafeBufferPointer(rebasing: b[start..<j])
        if wide, String(validating: bytes, as: UTF8.self) == nil { throw Refused() }
        i = j + 1
        var h = FNV()
        h.mix(bytes)
        return h.value
    }

    mutating func setup(_ s: inout LeanSession) throws {
        try object { scan, key in
            switch key {
            case "date": s.date = try scan.optionalString() ?? ""
            case "area": s.area = try scan.optionalString() ?? ""
            case "groupType": s.groupType = try scan.optionalString() ?? ""
            case "level": s.level = try scan.optionalString() ?? ""
            case "statementsPerPerson": if !scan.null() { try scan.within(SessionRules.statementsPerPerson) }
            case "votesPerPerson": if !scan.null() { try scan.within(SessionRules.votesPerPerson) }
            default: try scan.skip()
            }
        }
    }

    mutating func person() throws -> LeanSession.Person {
        var id: String?, role: String?, label: String?
        var consent = false
        try object { scan, key in
            switch key {
            case "id": id = try scan.string()
            case "role": role = try scan.string()
            case "label": label = try scan.string()
            case "consentToQuote": consent = try scan.optionalBool() ?? false
            default: try scan.skip()
            }
        }
        guard let id, let role, let label else { throw Refused() }
        return .init(id: id, role: role, label: label, consent: consent)
    }

    /// A statement, with a hash of its id added to `ids`.
    mutating func statement(ids: inout [UInt64]) throws -> LeanSession.Statement {
        var id: UInt64?, personId: String?, category: String?, text: String?, themeId: String?
        var voice = "own"
        var hidden = false
        var ignored: String?, groupThemeId: String?
        var sawRank = false, sawCreated = false
        try object { scan, key in
            switch key {
            case "id": id = try scan.stringKey()
            case "personId": personId = try scan.string()
            case "category": category = try scan.string()
            case "rank": try scan.within(SessionRules.rank); sawRank = true
            case "text": text = try scan.string()
            case "themeId": themeId = try scan.optionalString()
            case "groupThemeId": groupThemeId = try scan.optionalString()
            case "createdAt": try scan.checkDate(); sawCreated = true
            case "hidden": hidden = try scan.optionalBool() ?? false
            case "suggestion":
                if scan.null() { break }
                var theme: String?, decision: String?
                try scan.object { inner, key in
                    switch key {
                    case "themeId": theme = try inner.string()
                    case "decision": decision = try inner.string()
                    default: try inner.skip()
                    }
                }
                guard let theme, let decision else { throw Refused() }
                if decision == "ignored" { ignored = theme }
            case "voice":
                if scan.null() { break }
                var kind: String?
                try scan.object { inner, key in
                    if key == "kind" { kind = try inner.string() } else { try inner.skip() }
                }
                guard let kind else { throw Refused() }
                voice = kind
            default: try scan.skip()
            }
        }
        guard let id, let personId, let category, let text, sawRank, sawCreated else { throw Refused() }
        ids.append(id)
        return .init(personId: personId, category: category, text: text, themeId: themeId, voice: voice, hidden: hidden,
                     ignoredSuggestion: ignored, groupThemeId: groupThemeId)
    }

    mutating func review(idKey: StaticString) throws -> LeanSession.Review {
        var id: String?, rating: String?
        var barriers: [String] = []
        try object { scan, key in
            if key == idKey {
                id = try scan.string()
            } else if key == "rating" {
                rating = try scan.optionalString()
            } else if key == "barriers" {
                if scan.null() { return }
                barriers = try scan.array { try $0.note() }
            } else {
                try scan.skip()
            }
        }
        guard let id else { throw Refused() }
        return .init(id: id, rating: rating, barriers: barriers)
    }

    /// "Since last time": what became of each followed-up action (nil: not said yet). Every field the session's
    /// model needs must be there, and item ids must be unique, or the careful reader decides.
    mutating func followUp() throws -> [String?] {
        var outcomes: [String?] = []
        var ids: [String] = []
        var seen = Set<String>()
        try object { scan, key in
            switch key {
            case "items":
                outcomes = try scan.array { item in
                    var outcome: String?
                    var have = Set<String>()
                    try item.object { field, key in
                        switch key {
                        case "id": ids.append(try field.string()); have.insert("id")
                        case "what": _ = try field.string(); have.insert("what")
                        case "who": _ = try field.string(); have.insert("who")
                        case "byWhen": _ = try field.string(); have.insert("byWhen")
                        case "answers": _ = try field.string(); have.insert("answers")
                        case "outcome": outcome = try field.optionalString()
                        case "intention": _ = try field.optionalString()
                        case "happened": _ = try field.array { try $0.note() }; have.insert("happened")
                        case "feeling": _ = try field.array { try $0.note() }; have.insert("feeling")
                        default: try field.skip()
                        }
                    }
                    guard have.count == 7 else { throw Refused() }
                    return outcome
                }
                seen.insert("items")
            case "sessionId": _ = try scan.string(); seen.insert("sessionId")
            case "title": _ = try scan.string(); seen.insert("title")
            case "date": _ = try scan.string(); seen.insert("date")
            case "area": _ = try scan.string(); seen.insert("area")
            default: try scan.skip()
            }
        }
        guard seen.count == 5, Set(ids).count == ids.count else { throw Refused() }
        return outcomes
    }

    mutating func note() throws -> String {
        var text: String?
        var sawId = false, sawCreated = false
        try object { scan, key in
            switch key {
            case "text": text = try scan.string()
            case "id": _ = try scan.string(); sawId = true
            case "createdAt": try scan.checkDate(); sawCreated = true
            default: try scan.skip()
            }
        }
        guard let text, sawId, sawCreated else { throw Refused() }
        return text
    }

    mutating func groupTheme() throws -> LeanSession.GroupTheme {
        var id: String?, statement: String?
        var links: [String] = []
        var dots = 0
        var sawCreated = false
        try object { scan, key in
            switch key {
            case "id": id = try scan.string()
            case "statement": statement = try scan.string()
            case "makingItReal": if !scan.null() { links = try scan.array { try $0.string() } }
            case "dots":
                if scan.null() { break }
                try scan.object { inner, _ in dots += try inner.within(SessionRules.dots) }
            case "groupDots": if !scan.null() { dots += try scan.within(SessionRules.groupDots) }
            case "createdAt": try scan.checkDate(); sawCreated = true
            default: try scan.skip()
            }
        }
        guard let id, let statement, sawCreated else { throw Refused() }
        return .init(id: id, statement: statement, makingItReal: links, dots: dots)
    }

    /// An action, with a hash of its id added to `ids`.
    mutating func action(ids: inout [UInt64]) throws -> LeanSession.Action {
        var a = LeanSession.Action()
        var id: UInt64?
        var sawWhat = false, sawCreated = false
        try object { scan, key in
            switch key {
            case "id": id = try scan.stringKey()
            case "what": a.what = try scan.string(); sawWhat = true
            case "who": a.who = try scan.string()
            case "byWhen": a.byWhen = try scan.string()
            case "intention": a.intention = try scan.optionalString()
            case "createdAt": try scan.checkDate(); sawCreated = true
            case "link":
                if scan.null() { break }
                var kind: String?, id: String?
                try scan.object { inner, key in
                    if key == "kind" { kind = try inner.string() } else if key == "id" { id = try inner.string() } else { try inner.skip() }
                }
                guard let kind, let id else { throw Refused() }
                a.linkKind = kind
                a.linkId = id
            default: try scan.skip()
            }
        }
        guard let id, sawWhat, sawCreated else { throw Refused() }
        ids.append(id)
        return a
    }
}

/// The parts of a session file the tally reads, and nothing else. It is filled either from a full `Session`
/// or, much faster, straight from the file's bytes by `LeanReader`; both then go through `SessionSummary.make`,
/// so the two ways cannot count differently.
public struct LeanSession: Equatable, Sendable {
    public struct Person: Equatable, Sendable { package var id, role, label: String; package var consent: Bool }
    public struct Statement: Equatable, Sendable {
        package var personId, category, text: String
        package var themeId: String?
        package var voice: String
        /// Captured but not yet revealed ("capture now, reveal later").
        package var hidden = false
        /// The Making It Real theme the facilitator said no to, when a suggestion was ignored.
        package var ignoredSuggestion: String?
        /// The group theme it was put into.
        package var groupThemeId: String?
    }
    public struct Review: Equatable, Sendable {
        package var id: String
        package var rating: String?
        package var barriers: [String]
    }
    public struct GroupTheme: Equatable, Sendable {
        package var id, statement: String
        package var makingItReal: [String]
        package var dots: Int
    }
    public struct Action: Equatable, Sendable {
        package var what = "", who = "", byWhen = ""
        package var intention: String?
        package var linkKind: String?
        package var linkId: String?
    }

    package var id = "", createdAt = "", updatedAt = ""
    package var date = "", area = "", groupType = "", level = ""
    package var people: [Person] = []
    package var statements: [Statement] = []
    package var makingItReal: [Review] = []
    package var topTips: [Review] = []
    package var groupThemes: [GroupTheme] = []
    package var actions: [Action] = []
    /// "Since last time": what became of each action followed up (nil: not said yet).
    package var followUps: [String?] = []

    public init() {}

    public init(_ s: Session) {
        id = s.id
        createdAt = Self.time(s.createdAt)
        updatedAt = Self.time(s.updatedAt)
        date = s.setup.date
        area = s.setup.area
        groupType = s.setup.groupType
        level = s.setup.level
        people = s.people.map { .init(id: $0.id, role: $0.role, label: $0.label, consent: $0.consentToQuote) }
        statements = s.statements.map {
            .init(personId: $0.personId, category: $0.category, text: $0.text, themeId: $0.themeId, voice: $0.voice.kind.rawValue,
                  hidden: $0.hidden, ignoredSuggestion: $0.suggestion?.decision == .ignored ? $0.suggestion?.themeId : nil,
                  groupThemeId: $0.groupThemeId)
        }
        makingItReal = s.makingItReal.map { .init(id: $0.themeId, rating: $0.rating, barriers: $0.barriers.map(\.text)) }
        topTips = s.topTips.map { .init(id: $0.tipId, rating: $0.rating, barriers: $0.barriers.map(\.text)) }
        groupThemes = s.groupThemes.map {
            .init(id: $0.id, statement: $0.statement, makingItReal: $0.makingItReal, dots: $0.totalDots)
        }
        actions = s.actions.map {
            .init(what: $0.what, who: $0.who, byWhen: $0.byWhen, intention: $0.intention, linkKind: $0.link?.kind.rawValue,
                  linkId: $0.link?.id)
        }
        followUps = s.followUp?.items.map(\.outcome) ?? []
    }

    /// A time as the session codec writes it.
    package static func time(_ date: Date) -> String { date.formatted(.iso8601) }
}
