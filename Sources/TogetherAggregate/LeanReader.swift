import Foundation
import TogetherCore
import TogetherPersistence

/// Reads the parts of a session file the tally needs straight from its bytes, checking the JSON as it goes
/// and skipping everything else (timers, drafts, notes it does not count) without building it.
///
/// It only says "yes, here it is" or "no": when it says no, the caller decodes the file the slow, careful
/// way to explain what is wrong (or to read a file that is fine but unusual, such as `1.0` for a count).
enum LeanReader {
    struct Refused: Error {}

    static func read(_ data: Data) -> LeanSession? {
        data.withUnsafeBytes { raw -> LeanSession? in
            var scan = Scan(raw.bindMemory(to: UInt8.self))
            return try? scan.session()
        }
    }
}

private struct Scan {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    typealias Refused = LeanReader.Refused

    // MARK: the session's shape

    /// Ids of statements and actions, which the summary does not keep, to check they are unique.
    var statementIds: [String] = []
    var actionIds: [String] = []

    mutating func session() throws -> LeanSession {
        var s = LeanSession()
        var version: Int?
        var sawSetup = false, sawId = false, sawCreated = false
        try object { scan, key in
            switch key {
            case "schemaVersion": version = try scan.int()
            case "id": s.id = try scan.string(); sawId = true
            case "createdAt": s.createdAt = try scan.date(); sawCreated = true
            case "updatedAt": s.updatedAt = try scan.date()
            case "setup": try scan.setup(&s); sawSetup = true
            case "people": s.people = try scan.array { try $0.person() }
            case "statements": s.statements = try scan.array { try $0.statement() }
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
            case "actions": s.actions = try scan.array { try $0.action() }
            case "followUp": if !scan.null() { s.followUps = try scan.followUp() }
            default: try scan.skip()
            }
        }
        ws()
        guard i == b.count, let version, (1...Session.currentSchemaVersion).contains(version),
              sawSetup, sawId, sawCreated else { throw Refused() }
        // Ids must be unique in each list (SessionRules); a file where they are not goes to the careful reader.
        for ids in [s.people.map(\.id), statementIds, s.groupThemes.map(\.id), actionIds] where Set(ids).count != ids.count {
            throw Refused()
        }
        return s
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

    mutating func statement() throws -> LeanSession.Statement {
        var personId: String?, category: String?, text: String?, themeId: String?
        var voice = "own"
        var hidden = false
        var ignored: String?
        var sawId = false, sawRank = false, sawCreated = false
        try object { scan, key in
            switch key {
            case "id": scan.statementIds.append(try scan.string()); sawId = true
            case "personId": personId = try scan.string()
            case "category": category = try scan.string()
            case "rank": try scan.within(SessionRules.rank); sawRank = true
            case "text": text = try scan.string()
            case "themeId": themeId = try scan.optionalString()
            case "createdAt": _ = try scan.date(); sawCreated = true
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
        guard let personId, let category, let text, sawId, sawRank, sawCreated else { throw Refused() }
        return .init(personId: personId, category: category, text: text, themeId: themeId, voice: voice, hidden: hidden,
                     ignoredSuggestion: ignored)
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
            case "createdAt": _ = try scan.date(); sawCreated = true
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
            case "createdAt": _ = try scan.date(); sawCreated = true
            default: try scan.skip()
            }
        }
        guard let id, let statement, sawCreated else { throw Refused() }
        return .init(id: id, statement: statement, makingItReal: links, dots: dots)
    }

    mutating func action() throws -> LeanSession.Action {
        var a = LeanSession.Action()
        var sawId = false, sawWhat = false, sawCreated = false
        try object { scan, key in
            switch key {
            case "id": scan.actionIds.append(try scan.string()); sawId = true
            case "what": _ = try scan.string(); sawWhat = true
            case "intention": a.intention = try scan.optionalString()
            case "createdAt": _ = try scan.date(); sawCreated = true
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
        guard sawId, sawWhat, sawCreated else { throw Refused() }
        return a
    }

    // MARK: JSON

    mutating func ws() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func byte() throws -> UInt8 {
        ws()
        guard i < b.count else { throw Refused() }
        return b[i]
    }

    mutating func expect(_ c: UInt8) throws {
        guard try byte() == c else { throw Refused() }
        i += 1
    }

    /// Consumes `null` if it is next.
    mutating func null() -> Bool {
        ws()
        if i + 4 <= b.count, b[i] == 0x6E, b[i + 1] == 0x75, b[i + 2] == 0x6C, b[i + 3] == 0x6C {
            i += 4
            return true
        }
        return false
    }

    /// Calls `body` for each key of an object, with the scanner at the key's value; the body must consume it.
    mutating func object(_ body: (inout Scan, Key) throws -> Void) throws {
        try expect(0x7B)
        if try byte() == 0x7D { i += 1; return }
        while true {
            guard try byte() == 0x22 else { throw Refused() }
            let key = try keyBytes()
            try expect(0x3A)
            try body(&self, key)
            let c = try byte()
            i += 1
            if c == 0x7D { return }
            guard c == 0x2C else { throw Refused() }
        }
    }

    mutating func array<T>(_ element: (inout Scan) throws -> T) throws -> [T] {
        if null() { return [] }
        try expect(0x5B)
        var out: [T] = []
        if try byte() == 0x5D { i += 1; return out }
        while true {
            out.append(try element(&self))
            let c = try byte()
            i += 1
            if c == 0x5D { return out }
            guard c == 0x2C else { throw Refused() }
        }
    }

    struct Key {
        let bytes: UnsafeBufferPointer<UInt8>
        static func == (key: Key, name: StaticString) -> Bool {
            key.bytes.count == name.utf8CodeUnitCount
                && memcmp(key.bytes.baseAddress!, name.utf8Start, key.bytes.count) == 0
        }
        static func ~= (name: StaticString, key: Key) -> Bool { key == name }
    }

    /// A key's raw bytes (keys with escapes are refused: no session key has one).
    mutating func keyBytes() throws -> Key {
        i += 1
        let start = i
        while i < b.count, b[i] != 0x22 {
            // No session key has an escape or a letter outside ASCII: anything else is for the careful decoder.
            if b[i] == 0x5C || b[i] < 0x20 || b[i] >= 0x80 { throw Refused() }
            i += 1
        }
        guard i < b.count else { throw Refused() }
        defer { i += 1 }
        return Key(bytes: UnsafeBufferPointer(rebasing: b[start..<i]))
    }

    mutating func optionalString() throws -> String? { null() ? nil : try string() }

    mutating func optionalBool() throws -> Bool? {
        if null() { return nil }
        ws()
        if i + 4 <= b.count, b[i] == 0x74, b[i + 1] == 0x72, b[i + 2] == 0x75, b[i + 3] == 0x65 { i += 4; return true }
        if i + 5 <= b.count, b[i] == 0x66, b[i + 1] == 0x61, b[i + 2] == 0x6C, b[i + 3] == 0x73, b[i + 4] == 0x65 {
            i += 5
            return false
        }
        throw Refused()
    }

    /// A string, checked as UTF-8, with its escapes undone.
    mutating func string() throws -> String {
        guard try byte() == 0x22 else { throw Refused() }
        i += 1
        let start = i
        while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
        guard i < b.count else { throw Refused() }
        if b[i] == 0x22 {
            defer { i += 1 }
            guard let s = String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) else {
                throw Refused()
            }
            return s
        }
        var out = Array(b[start..<i])
        while true {
            guard i < b.count else { throw Refused() }
            let c = b[i]
            if c == 0x22 { i += 1; break }
            if c < 0x20 { throw Refused() }
            if c != 0x5C { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { throw Refused() }
            let e = b[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { throw Refused() }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw Refused() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw Refused()
                }
                guard let u = Unicode.Scalar(scalar) else { throw Refused() }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw Refused()
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw Refused() }
        return s
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw Refused() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw Refused()
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    /// A date as the session codec writes it: `2026-03-14T10:00:00Z` (or with an offset).
    @discardableResult
    mutating func date() throws -> String {
        let s = try string()
        let u = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { $0 < u.count && (0x30...0x39).contains(u[$0]) } }
        guard u.count >= 20, digits(0..<4), u[4] == 0x2D, digits(5..<7), u[7] == 0x2D, digits(8..<10), u[10] == 0x54,
              digits(11..<13), u[13] == 0x3A, digits(14..<16), u[16] == 0x3A, digits(17..<19) else { throw Refused() }
        let rest = u[19...]
        guard rest == [0x5A] || (rest.count == 6 && (rest.first == 0x2B || rest.first == 0x2D)) else { throw Refused() }
        return s
    }

    /// A whole number in the range the session rules allow; anything else is for the careful reader to name.
    @discardableResult
    mutating func within(_ range: ClosedRange<Int>) throws -> Int {
        let n = try int()
        guard range.contains(n) else { throw Refused() }
        return n
    }

    /// A whole number written without a fraction or exponent.
    mutating func int() throws -> Int {
        ws()
        var negative = false
        if i < b.count, b[i] == 0x2D { negative = true; i += 1 }
        let start = i
        var v = 0
        while i < b.count, (0x30...0x39).contains(b[i]) {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(b[i] - 0x30))
            guard !o1, !o2 else { throw Refused() }
            v = a
            i += 1
        }
        guard i > start, !(b[start] == 0x30 && i - start > 1) else { throw Refused() }
        if i < b.count, b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { throw Refused() }
        return negative ? -v : v
    }

    /// Skips any value, checking that it is well-formed JSON.
    mutating func skip() throws {
        let c = try byte()
        switch c {
        case 0x22: try skipString()
        case 0x7B: try object { scan, _ in try scan.skip() }
        case 0x5B: _ = try array { try $0.skip() }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: try number()
        }
    }

    mutating func skipString() throws {
        i += 1
        let start = i
        var wide = false
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                // Skipped text is still checked as UTF-8, so a file with broken bytes is never counted quietly.
                if wide, String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) == nil {
                    throw Refused()
                }
                i += 1
                return
            }
            if c >= 0x80 { wide = true }
            if c < 0x20 { throw Refused() }
            if c == 0x5C {
                guard i + 1 < b.count else { throw Refused() }
                let e = b[i + 1]
                if e == 0x75 {
                    i += 2
                    _ = try hex4()
                    continue
                }
                guard [0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74].contains(e) else { throw Refused() }
                i += 2
                continue
            }
            i += 1
        }
        throw Refused()
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, word.utf8Start, n) == 0 else { throw Refused() }
        i += n
    }

    mutating func number() throws {
        if i < b.count, b[i] == 0x2D { i += 1 }
        func digits(_ scan: inout Scan) -> Int {
            let start = scan.i
            while scan.i < scan.b.count, (0x30...0x39).contains(scan.b[scan.i]) { scan.i += 1 }
            return scan.i - start
        }
        let start = i
        guard digits(&self) > 0, !(b[start] == 0x30 && i - start > 1) else { throw Refused() }
        if i < b.count, b[i] == 0x2E {
            i += 1
            guard digits(&self) > 0 else { throw Refused() }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard digits(&self) > 0 else { throw Refused() }
        }
    }
}
