import TogetherContent

/// A published count: the number, or why it is not shown. In JSON a number, or the words shown.
public enum Cell: Codable, Equatable, Sendable {
    case count(Int)
    /// A small count (from 1 to the threshold minus one).
    case fewerThan(Int)
    /// A larger count hidden so that a small one beside it cannot be worked out by subtraction.
    case hidden

    public var text: String {
        switch self {
        case .count(let n): String(n)
        case .fewerThan(let n): "fewer than \(n)"
        case .hidden: "hidden"
        }
    }

    public var value: Int? { if case .count(let n) = self { n } else { nil } }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value { try c.encode(value) } else { try c.encode(text) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Int.self) { self = .count(n); return }
        let text = try c.decode(String.self)
        if text.hasPrefix("fewer than "), let n = Int(text.dropFirst(11)) { self = .fewerThan(n) } else { self = .hidden }
    }
}

/// What may be published. Every count from 1 to the threshold minus one is hidden ("fewer than 3"). Then,
/// wherever some counts add up to a known figure (a total in the table, a count in another table, the number
/// of sessions), no such relation may have exactly one hidden count, or it could be worked out by
/// subtraction: another count in it is hidden too, the smallest one above zero. (Only the number of sessions
/// is always shown; with fewer sessions than the threshold, a count equal to it can still be worked out.) This repeats until no
/// relation has exactly one hidden count. All the counts of a report go into one ledger, so a count hidden in
/// one table cannot be worked out from another.
public struct Ledger: Sendable {
    public private(set) var values: [Int] = []
    /// Counts that are always shown (such as the number of sessions).
    public private(set) var fixed: Set<Int> = []
    /// Sets of counts tied by a known sum: if all but one were known, that one could be worked out.
    public private(set) var relations: [[Int]] = []

    public init() {}

    public mutating func add(_ value: Int, fixed: Bool = false) -> Int {
        values.append(value)
        if fixed { self.fixed.insert(values.count - 1) }
        return values.count - 1
    }

    public mutating func relate(_ ids: [Int]) {
        if ids.count > 1 { relations.append(ids) }
    }

    /// Which counts are hidden.
    public func hidden(threshold: Int) -> Set<Int> {
        var hidden = Set(values.indices.filter { values[$0] > 0 && values[$0] < threshold && !fixed.contains($0) })
        // A hidden zero protects nothing (a zero is often plain from elsewhere), so only counts above zero are
        // hidden to protect another.
        var changed = !hidden.isEmpty
        while changed {
            changed = false
            for relation in relations where relation.filter(hidden.contains).count == 1 {
                let open = relation.filter { !hidden.contains($0) && !fixed.contains($0) && values[$0] > 0 }
                if let pick = open.min(by: { (values[$0], $0) < (values[$1], $1) }) {
                    hidden.insert(pick)
                    changed = true
                }
            }
        }
        return hidden
    }

    public func cells(threshold: Int) -> [Cell] {
        let hidden = hidden(threshold: threshold)
        return values.indices.map { i in
            guard hidden.contains(i) else { return .count(values[i]) }
            return values[i] > 0 && values[i] < threshold ? .fewerThan(threshold) : .hidden
        }
    }
}

public enum Disclosure {
    public static let defaultThreshold = 3
}
