import Foundation
import TogetherContent
import TogetherCore

/// Everything the tally adds up, session by session. Its size grows with the number of themes, areas,
/// quarters and distinct wordings, never with the number of files: a session is added and forgotten.
/// Adding is order-free (`merge` is commutative), so files can be read in parallel and in any order.
public struct TallyTotals: Codable, Equatable, Sendable {
    /// A theme's figures, added up over sessions (with the sessions that spoke of it and the ratings).
    public typealias Theme = SessionSummary.ThemeFigures

    /// One wording of a group theme or a barrier, folded so that capitals, accents and punctuation do not count.
    public struct Phrase: Codable, Equatable, Sendable {
        /// Each way it was written, with how many sessions wrote it so.
        public var wordings: [String: Int] = [:]
        public var sessions = 0
        public var dots = 0
        /// Making It Real themes it was linked to, with how many sessions linked it.
        public var links: [String: Int] = [:]
        /// For group themes: a short key of each session that made it, so that wordings put together count each
        /// session once.
        public var sessionKeys: Set<UInt64> = []

        mutating func merge(_ o: Phrase) {
            wordings.add(o.wordings)
            sessions += o.sessions
            dots += o.dots
            links.add(o.links)
            sessionKeys.formUnion(o.sessionKeys)
        }

        enum CodingKeys: String, CodingKey { case wordings, sessions, dots, links, sessionKeys }

        init(wordings: [String: Int] = [:], sessions: Int = 0, dots: Int = 0, links: [String: Int] = [:],
             sessionKeys: Set<UInt64> = []) {
            self.wordings = wordings
            self.sessions = sessions
            self.dots = dots
            self.links = links
            self.sessionKeys = sessionKeys
        }

        // The session keys are many (one per session a group theme came from): kept as the bytes of the sorted
        // keys in Base64, which the last run's totals read back many times quicker than a list of numbers.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(wordings, forKey: .wordings)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(dots, forKey: .dots)
            try c.encode(links, forKey: .links)
            var bytes = Data(capacity: sessionKeys.count * 8)
            for key in sessionKeys.sorted() { withUnsafeBytes(of: key.littleEndian) { bytes.append(contentsOf: $0) } }
            try c.encode(bytes.base64EncodedString(), forKey: .sessionKeys)
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            wordings = try c.decode([String: Int].self, forKey: .wordings)
            sessions = try c.decode(Int.self, forKey: .sessions)
            dots = try c.decode(Int.self, forKey: .dots)
            links = try c.decode([String: Int].self, forKey: .links)
            guard let bytes = Data(base64Encoded: try c.decode(String.self, forKey: .sessionKeys)), bytes.count % 8 == 0 else {
                throw DecodingError.dataCorruptedError(forKey: .sessionKeys, in: c, debugDescription: "not session keys")
            }
            var keys = Set<UInt64>(minimumCapacity: bytes.count / 8)
            bytes.withUnsafeBytes { raw in
                for i in stride(from: 0, to: raw.count, by: 8) {
                    keys.insert(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                }
            }
            sessionKeys = keys
        }
    }

    public struct Quote: Codable, Equatable, Hashable, Sendable {
        public let category: String
        public let text: String
        /// Said with support (and marked so wherever it is shown).
        public let supported: Bool
        /// A stable order that does not depend on which file came first (a hash of the words, made once).
        let key: UInt64

        public init(category: String, text: String, supported: Bool = false) {
            self.category = category
            self.text = text
            self.supported = supported
            var h = FNV()
            h.mix(text.utf8)
            key = h.value
        }

        enum CodingKeys: String, CodingKey { case category, text, supported }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(category: try c.decode(String.self, forKey: .category), text: try c.decode(String.self, forKey: .text),
                      supported: try c.decode(Bool.self, forKey: .supported))
        }

        /// The order quotes are kept and shown in.
        static func precedes(_ a: Quote, _ b: Quote) -> Bool {
            (a.key, a.text, a.category, a.supported ? 1 : 0) < (b.key, b.text, b.category, b.supported ? 1 : 0)
        }
    }

    /// How many quotes are kept per theme and category: enough to choose from, never the whole corpus.
    public static let quotesKept = 6

    public var sessions = 0
    /// The first and last day of the sessions counted (those with a real date).
    public var earliest: String?
    public var latest: String?
    public var themes: [String: Theme] = [:]
    /// Top tip ratings: tip id → scale id → sessions.
    public var tipRatings: [String: [String: Int]] = [:]
    /// What gets in the way, by tip id then folded wording.
    public var tipBarriers: [String: [String: Phrase]] = [:]
    /// Group themes by folded wording.
    public var groupThemes: [String: Phrase] = [:]
    /// Actions by intention id, and by Making It Real theme then intention id.
    public var actions: [String: Int] = [:]
    public var actionsByTheme: [String: [String: Int]] = [:]
    /// Actions of earlier workshops followed up, by what became of them.
    public var followUps: [String: Int] = [:]
    /// People by role, and sessions with at least one person in the role.
    public var rolePeople: [String: Int] = [:]
    public var roleSessions: [String: Int] = [:]
    /// Sessions by folded area, with the spellings used.
    public var areas: [String: Phrase] = [:]
    public var groupTypes: [String: Int] = [:]
    public var levels: [String: Int] = [:]
    /// Quarter (`2026 Q1`) → theme id → category id → people.
    public var quarters: [String: [String: [String: Int]]] = [:]
    /// Theme id → quotes from people who agreed to be quoted, the few first in the quotes' order, in that order.
    public var quotes: [String: [Quote]] = [:]

    /// Whether the lists below are kept: only for the files for working with, as they grow with the sessions.
    public var keepsLists = false
    /// Every action, for a tracker (`--format actions-csv`): a working list, never part of the published report.
    public var actionList: [ActionRow] = []
    /// Every statement that may be quoted (the person agreed, in their own words or with support, revealed), for
    /// qualitative analysis (`--format refi-qda`).
    public var wordsList: [WordsRow] = []

    /// An action with its workshop's area and day.
    public struct ActionRow: Codable, Equatable, Sendable {
        public var session: String
        public var order: Int
        public var action: SessionSummary.ActionFigure
        public var area: String
        public var date: String
    }

    /// A statement that may be quoted, with what it was coded as and its workshop's area, kind of group, level and day.
    public struct WordsRow: Codable, Equatable, Sendable {
        public var session: String
        public var order: Int
        public var quote: SessionSummary.Quote
        public var area: String
        public var groupType: String
        public var level: String
        public var date: String
    }

    public init() {}

    /// The themes' figures of the sessions added, by place, until `finish` folds them into `themes` and
    /// `quarters` (never written: totals are written finished).
    var pending: Pending?

    struct Pending: Equatable, Sendable {
        let layout: FigureLayout
        /// A summary's blocks added up, each followed by the sessions that had a statement in the theme.
        var sums: [Int]
        /// Quarter → its place in `byQuarter`, which holds for each theme place the people by category,
        /// then the sessions with any count for the theme (so the quarter's table lists it, as before).
        var quarters: [String: Int] = [:]
        var byQuarter: [Int] = []

        init(_ layout: FigureLayout) {
            self.layout = layout
            sums = [Int](repeating: 0, count: layout.themes.count * (layout.stride + 1))
        }

        mutating func add(_ s: SessionSummary, quarter: String) {
            let (stride, categories, themeCount) = (layout.stride, layout.categories.count, layout.themes.count)
            let q: Int
            if let known = quarters[quarter] {
                q = known
            } else {
                q = byQuarter.count
                quarters[quarter] = q
                byQuarter += [Int](repeating: 0, count: themeCount * (categories + 1))
            }
            s.figures.withUnsafeBufferPointer { figures in
                sums.withUnsafeMutableBufferPointer { sums in
                    byQuarter.withUnsafeMutableBufferPointer { byQuarter in
                        for t in 0..<themeCount {
                            let from = t * stride, to = t * (stride + 1)
                            var any = false
                            for k in 0..<stride where figures[from + k] != 0 {
                                sums[to + k] += figures[from + k]
                                any = true
                            }
                            guard any else { continue }
                            var said = 0
                            for k in 0..<(2 * categories) { said += figures[from + k] }
                            if said > 0 { sums[to + stride] += 1 }
                            guard t != layout.none else { continue }
                            let at = q + t * (categories + 1)
                            for c in 0..<categories { byQuarter[at + c] += figures[from + layout.peopleAt + c] }
                            byQuarter[at + categories] += 1
                        }
                    }
                }
            }
        }
    }

    /// Folds the figures added by place into the themes and quarters.
    mutating func foldFigures() {
        guard let p = pending else { return }
        pending = nil
        let (layout, stride, categories) = (p.layout, p.layout.stride, p.layout.categories.count)
        for (t, id) in layout.themes.enumerated() {
            let block = p.sums[(t * (stride + 1))..<(t * (stride + 1) + stride)]
            let sessions = p.sums[t * (stride + 1) + stride]
            guard sessions != 0 || block.contains(where: { $0 != 0 }) else { continue }
            var f = layout.figures(block)
            f.sessions = sessions
            themes[id, default: .init()].merge(f)
        }
        for (quarter, q) in p.quarters {
            for (t, id) in layout.themes.enumerated() where p.byQuarter[q + t * (categories + 1) + categories] > 0 {
                var people: [String: Int] = [:]
                for (c, category) in layout.categories.enumerated() where p.byQuarter[q + t * (categories + 1) + c] != 0 {
                    people[category] = p.byQuarter[q + t * (categories + 1) + c]
                }
                quarters[quarter, default: [:]][id, default: [:]].add(people)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case sessions, earliest, latest, themes, tipRatings, tipBarriers, groupThemes, actions, actionsByTheme, followUps,
             rolePeople, roleSessions, areas, groupTypes, levels, quarters, quotes, keepsLists, actionList, wordsList
    }

    public mutating func add(_ s: SessionSummary) {
        sessions += 1
        let quarter = Self.quarter(of: s.date) ?? Self.dateNotGiven
        if let p = pending, p.layout != s.layout { foldFigures() }
        if pending == nil { pending = Pending(s.layout) }
        pending!.add(s, quarter: quarter)
        for (id, rating) in s.themeRatings { themes[id, default: .init()].ratings[rating, default: 0] += 1 }
        for (id, rating) in s.tipRatings { tipRatings[id, default: [:]][rating, default: 0] += 1 }
        for (tip, texts) in s.tipBarriers {
            // One session counts once for a barrier however many times (or ways) it wrote it.
            var once: [String: String] = [:]
            for text in texts { once[Self.fold(text)] = min(once[Self.fold(text)] ?? text, text) }
            for (key, text) in once {
                tipBarriers[tip, default: [:]][key, default: .init()].merge(Phrase(wordings: [text: 1], sessions: 1))
            }
        }
        var seen = Set<String>()
        var session = FNV()
        session.mix(s.id.utf8)
        for theme in s.groupThemes {
            let key = Self.fold(theme.statement)
            let first = seen.insert(key).inserted
            var p = Phrase(wordings: first ? [theme.statement: 1] : [:], sessions: first ? 1 : 0, dots: theme.dots,
                           sessionKeys: [session.value])
            for id in Set(theme.makingItReal) { p.links[id, default: 0] += 1 }
            groupThemes[key, default: .init()].merge(p)
        }
        for action in s.actions {
            actions[action.intention, default: 0] += 1
            for id in action.themes { actionsByTheme[id, default: [:]][action.intention, default: 0] += 1 }
        }
        followUps.add(s.followUps)
        rolePeople.add(s.roles)
        for (role, n) in s.roles where n > 0 { roleSessions[role, default: 0] += 1 }
        let area = Self.trimmed(s.area)
        areas[Self.fold(area.isEmpty ? "not given" : area), default: .init()].merge(
            Phrase(wordings: [area.isEmpty ? "Not given" : area: 1], sessions: 1))
        groupTypes[s.groupType, default: 0] += 1
        levels[s.level.isEmpty ? "notSaid" : s.level, default: 0] += 1
        if Workshop.isRealDay(s.date) {
            earliest = min(earliest ?? s.date, s.date)
            latest = max(latest ?? s.date, s.date)
        }
        for q in s.quotes { keepQuote(q.themeId, Quote(category: q.category, text: q.text, supported: q.supported)) }
        guard keepsLists else { return }
        actionList += s.actions.enumerated().map {
            ActionRow(session: s.id, order: $0, action: $1, area: s.area, date: s.date)
        }
        wordsList += s.quotes.enumerated().map {
            WordsRow(session: s.id, order: $0, quote: $1, area: s.area, groupType: s.groupType, level: s.level, date: s.date)
        }
    }

    /// Once every session is added: the figures folded in, and the lists in one order whatever order the files
    /// were read in (by day, area, session, then place in it).
    mutating func finish() {
        foldFigures()
        actionList.sort { ($0.date, $0.area, $0.session, $0.order) < ($1.date, $1.area, $1.session, $1.order) }
        wordsList.sort { ($0.date, $0.area, $0.session, $0.order) < ($1.date, $1.area, $1.session, $1.order) }
    }

    /// Keeps the quote if it is among the first few of its theme in the quotes' order (all of them are, until the
    /// theme has more than it keeps).
    mutating func keepQuote(_ themeId: String, _ quote: Quote) {
        Self.keep(quote, in: &quotes[themeId, default: []], limit: Self.quotesKept * 3)
    }

    /// Puts a quote in its place in a list kept in order and at most `limit` long, once.
    static func keep(_ quote: Quote, in kept: inout [Quote], limit: Int) {
        if kept.count >= limit, !Quote.precedes(quote, kept[kept.count - 1]) { return }
        var (lo, hi) = (0, kept.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if Quote.precedes(kept[mid], quote) { lo = mid + 1 } else { hi = mid }
        }
        if lo < kept.count, kept[lo] == quote { return }
        kept.insert(quote, at: lo)
        if kept.count > limit { kept.removeLast() }
    }

    static func ordered(_ quotes: some Sequence<Quote>) -> [Quote] {
        quotes.sorted(by: Quote.precedes)
    }

    public mutating func merge(_ o: TallyTotals) {
        var o = o
        o.foldFigures()
        sessions += o.sessions
        if let e = o.earliest { earliest = min(earliest ?? e, e) }
        if let l = o.latest { latest = max(latest ?? l, l) }
        for (id, t) in o.themes { themes[id, default: .init()].merge(t) }
        for (id, r) in o.tipRatings { tipRatings[id, default: [:]].add(r) }
        for (tip, phrases) in o.tipBarriers {
            for (key, p) in phrases { tipBarriers[tip, default: [:]][key, default: .init()].merge(p) }
        }
        for (key, p) in o.groupThemes { groupThemes[key, default: .init()].merge(p) }
        actions.add(o.actions)
        followUps.add(o.followUps)
        for (id, a) in o.actionsByTheme { actionsByTheme[id, default: [:]].add(a) }
        rolePeople.add(o.rolePeople)
        roleSessions.add(o.roleSessions)
        for (key, p) in o.areas { areas[key, default: .init()].merge(p) }
        groupTypes.add(o.groupTypes)
        levels.add(o.levels)
        for (q, byTheme) in o.quarters {
            for (id, people) in byTheme { quarters[q, default: [:]][id, default: [:]].add(people) }
        }
        for (id, list) in o.quotes { for quote in list { keepQuote(id, quote) } }
        if o.keepsLists {
            keepsLists = true
            actionList += o.actionList
            wordsList += o.wordsList
        }
    }

    /// The quarter of a session whose date is missing or not a real day.
    public static let dateNotGiven = "notGiven"

    /// `2026 Q1` for a day in January to March 2026; nil when the day is not a real day.
    public static func quarter(of day: String) -> String? {
        guard Workshop.isRealDay(day) else { return nil }
        // A day in plain digits (as nearly all are) read on its bytes; any other the general way.
        var text = day
        let quick = text.withUTF8 { u -> String? in
            guard u.count == 10 else { return nil }
            for k in 0..<7 where k != 4 { guard u[k] &- 0x30 < 10 else { return nil } }
            let year = (0..<4).reduce(0) { $0 * 10 + Int(u[$1] &- 0x30) }, month = Int(u[5] &- 0x30) * 10 + Int(u[6] &- 0x30)
            return "\(year) Q\((month - 1) / 3 + 1)"
        }
        return quick ?? quarterOfParts(day)
    }

    /// The quarter of a day by its parts (the way `quarter(of:)` is tested against).
    static func quarterOfParts(_ day: String) -> String? {
        let parts = day.split(separator: "-")
        guard Workshop.isRealDay(day), parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return "\(year) Q\((month - 1) / 3 + 1)"
    }

    /// Ids or wordings by how often they were counted, most first; ties in alphabetical order.
    public static func byUse(_ counts: [String: Int]) -> [String] {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    }

    /// Lower case, no accents, words only: the form wordings are compared in.
    public static func fold(_ text: String) -> String {
        if let quick = foldASCII(text) { return quick }
        return ContentPacks.words(of: text).joined(separator: " ")
    }

    /// The same for plain ASCII in one pass over the bytes; nil for anything else.
    static func foldASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { b -> String? in
            if b.contains(where: { $0 >= 0x80 }) { return nil }
            return String(unsafeUninitializedCapacity: b.count) { out in
                var n = 0, inWord = false
                for c in b {
                    if ContentPacks.isWordByte(c) {
                        if !inWord, n > 0 { out[n] = 0x20; n += 1 }
                        out[n] = ContentPacks.lowered(c)
                        n += 1
                        inWord = true
                    } else {
                        inWord = false
                    }
                }
                return n
            }
        }
    }

    /// Without spaces and tabs at either end, as `trimmingCharacters(in: .whitespaces)` gives, quickly when there
    /// are none.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

extension Dictionary where Value == Int {
    mutating func add(_ other: [Key: Int]) {
        for (k, v) in other { self[k, default: 0] += v }
    }
}
