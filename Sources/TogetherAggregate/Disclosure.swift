import TogetherContent

/// A published count: the number, or the one mark for a count that is not shown. In JSON a number, or the word.
///
/// There is one mark on purpose: a count hidden because it is small and a count hidden to protect a small one
/// look the same, so the mark tells an attacker nothing about which is which (a hidden count may even be 0).
public enum Cell: Codable, Equatable, Sendable {
    case count(Int)
    case hidden

    /// The word shown for a hidden count, in every format.
    public static let mark = "hidden"

    public var text: String {
        switch self {
        case .count(let n): String(n)
        case .hidden: Self.mark
        }
    }

    public var value: Int? { if case .count(let n) = self { n } else { nil } }

    /// The mark in the report's language, for the formats people read (JSON and the CSV's `note` keep "hidden").
    public static func mark(_ w: TallyWords) -> String { w("hidden") }

    /// The count, or the mark in the report's language.
    public func text(_ w: TallyWords) -> String { value.map(String.init) ?? Self.mark(w) }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value { try c.encode(value) } else { try c.encode(text) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) { self = .count(n); return }
        _ = try c.decode(String.self)
        self = .hidden
    }
}

/// Every count a report publishes, with every fact that ties counts together (sums, and "at most" facts),
/// and the part of the report each count belongs to (a table, or a list such as the group themes).
///
/// `protect` decides once what is shown: every count from 1 to the threshold minus one is hidden; then the
/// audit works out, for each hidden small count, whether an attacker who knows everything published and every
/// documented fact could narrow it to a range without 0 or without the threshold; while one could, another
/// count is hidden beside it. A small count that nothing can protect takes its part of the report with it:
/// the part is withheld, with the reason. Only the number of sessions is always shown.
public struct Ledger: Sendable {
    public private(set) var values: [Int] = []
    /// Counts that are always shown (the number of sessions).
    public private(set) var fixed: Set<Int> = []
    /// The part of the report each count is in: a table id, or a list's field such as `groupThemes.sessions`.
    public private(set) var parts: [String] = []
    private(set) var relations: [Audit.Relation] = []
    /// Counts the report shows to be at least 1 by listing their row at all (an area, a group theme, a barrier).
    public private(set) var listed: Set<Int> = []

    public init() {}

    public mutating func add(_ value: Int, part: String, fixed: Bool = false, listed: Bool = false) -> Int {
        values.append(value)
        parts.append(part)
        if fixed { self.fixed.insert(values.count - 1) }
        if listed { self.listed.insert(values.count - 1) }
        return values.count - 1
    }

    /// The counts in `plus` add up to those in `minus`.
    public mutating func equal(_ plus: [Int], _ minus: [Int]) {
        if plus.count + minus.count > 1 { relations.append(.init(plus: plus, minus: minus, equal: true)) }
    }

    /// The counts in `plus` add up to at most those in `minus`.
    public mutating func atMost(_ plus: [Int], _ minus: [Int]) {
        relations.append(.init(plus: plus, minus: minus, equal: false))
    }

    public struct Protection: Sendable {
        public var hidden: Set<Int>
        /// Parts withheld whole, with the reason in words.
        public var withheld: [String: String]
        /// Rounds of the audit it took.
        public var rounds: Int
    }

    public static let withheldReason = "withheld: some counts in it are so small that no choice of hidden counts "
        + "could stop them being worked out from the rest of the report"

    func small(_ i: Int, _ k: Int) -> Bool { values[i] > 0 && values[i] < k && !fixed.contains(i) }

    public func protect(threshold k: Int) -> Protection {
        var hidden = Set(values.indices.filter { small($0, k) })
        var withheld: [String: String] = [:]
        guard !hidden.isEmpty else { return Protection(hidden: hidden, withheld: withheld, rounds: 0) }
        let audit = Audit(values: values, relations: relations, floors: listed)
        var rounds = 0
        while true {
            rounds += 1
            let targets = hidden.filter { small($0, k) && withheld[parts[$0]] == nil }
            let exposures = audit.exposures(hidden: hidden, targets: targets, threshold: k)
            if exposures.isEmpty { break }
            for e in exposures {
                if rounds < 200, let extra = candidate(for: e, hidden, audit) {
                    hidden.insert(extra)
                } else {
                    let part = parts[e.cell]
                    withheld[part] = Self.withheldReason
                    for i in values.indices where parts[i] == part && !fixed.contains(i) { hidden.insert(i) }
                }
            }
        }
        return Protection(hidden: hidden, withheld: withheld, rounds: rounds)
    }

    /// The count to hide to protect an exposed one: the nearest shown count linked to it through relations
    /// (in a relation with it, else with a hidden count in such a relation, and so on). Among the nearest, one
    /// that can move the way that widens its range comes first (down on its own side of a sum, or up on the
    /// other side, for a count that cannot reach the threshold; the opposite for one that cannot be 0); then the
    /// smallest, so as little as possible is hidden.
    private func candidate(for e: Audit.Exposure, _ hidden: Set<Int>, _ audit: Audit) -> Int? {
        var seen: Set<Int> = [e.cell]
        var frontier = [e.cell]
        var distance = 0
        while !frontier.isEmpty {
            distance += 1
            var best: (rank: Int, value: Int, cell: Int)?
            var next: [Int] = []
            for cell in frontier {
                for r in audit.relationsOf[cell] {
                    let relation = relations[r]
                    let mine = relation.plus.contains(cell)
                    for (side, others) in [(true, mine ? relation.plus : relation.minus), (false, mine ? relation.minus : relation.plus)] {
                        for c in others where !seen.contains(c) {
                            if hidden.contains(c) || fixed.contains(c) {
                                if hidden.contains(c) { next.append(c); seen.insert(c) }
                                continue
                            }
                            let v = values[c]
                            let useful = distance > 1 || (side ? (e.high && v > 0) || e.low : e.high || (e.low && v > 0))
                            let rank = (useful ? 0 : 2) + (e.high && v == 0 ? 1 : 0)
                            let option = (rank, v, c)
                            if best == nil || option < best! { best = option }
                        }
                    }
                }
            }
            if let best { return best.cell }
            frontier = next
        }
        return nil
    }

    public func cells(_ protection: Protection) -> [Cell] {
        values.indices.map { protection.hidden.contains($0) ? .hidden : .count(values[$0]) }
    }
}

public enum Disclosure {
    public static let defaultThreshold = 3
}
