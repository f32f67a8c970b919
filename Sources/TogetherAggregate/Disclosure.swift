import TogetherContent

/// What may be published from a tally: every count below the threshold is hidden ("fewer than 3"), and so is
/// a second count wherever one hidden count could be worked out by subtraction from a total shown or known.
public struct PublishedTally: Codable, Equatable, Sendable {
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

    /// A published row: cells in the order of `columns`.
    public struct Row: Codable, Equatable, Sendable {
        public var id: String
        public var label: String
        public var cells: [Cell]
    }

    public struct Table: Codable, Equatable, Sendable {
        public var title: String
        public var rowHeading: String
        public var columns: [Choice]
        public var rows: [Row]
    }

    public var sessionsRead: Int
    public var filesSkipped: Int
    /// Counts from 1 to this minus one are hidden.
    public var hiddenBelow: Int
    public var tables: [Table]
}

public enum Disclosure {
    public static let defaultThreshold = 3

    public static func publish(_ tally: Tally, threshold: Int = defaultThreshold) -> PublishedTally {
        let total = Choice(id: "total", label: "Total")
        let notRated = Choice(id: "notRated", label: "Not rated")
        let statements = tally.themes.map { row -> PublishedTally.Row in
            let cells = tally.categories.map { row.statements[$0.id] ?? 0 }
            // The total is a cell of the row too: the row then sums to twice the total, a known figure.
            return .init(id: row.themeId, label: row.label, cells: hide(cells + [cells.reduce(0, +)], threshold))
        }
        let themeRatings = tally.themes.filter { $0.themeId != Tally.noTheme }.map { row in
            PublishedTally.Row(id: row.themeId, label: row.label,
                               cells: hide(tally.themeScale.map { row.ratings[$0.id] ?? 0 }, threshold))
        }
        let tips = tally.tips.map { row in
            // Each tip row adds up to the sessions read, which is shown: hide in pairs.
            PublishedTally.Row(id: row.tipId, label: row.label,
                               cells: hide(tally.tipScale.map { row.ratings[$0.id] ?? 0 } + [row.notRated], threshold))
        }
        return PublishedTally(
            sessionsRead: tally.sessionsRead,
            filesSkipped: tally.skipped.count,
            hiddenBelow: threshold,
            tables: [
                .init(title: "Statements by Making It Real theme", rowHeading: "Theme",
                      columns: tally.categories + [total], rows: statements),
                .init(title: "How Making It Real themes were rated", rowHeading: "Theme",
                      columns: tally.themeScale, rows: themeRatings),
                .init(title: "How top tips were rated", rowHeading: "Top tip",
                      columns: tally.tipScale + [notRated], rows: tips),
            ]
        )
    }

    /// Hides small counts in one row whose sum may be known. When exactly one count is hidden, the smallest
    /// other count (preferring one that is not zero) is hidden too, so subtraction cannot reveal it.
    static func hide(_ counts: [Int], _ threshold: Int) -> [PublishedTally.Cell] {
        let small = Set(counts.indices.filter { counts[$0] > 0 && counts[$0] < threshold })
        var second: Int?
        if small.count == 1 {
            let others = counts.indices.filter { !small.contains($0) }
            second = others.filter { counts[$0] > 0 }.min { counts[$0] < counts[$1] }
                ?? others.min { counts[$0] < counts[$1] }
        }
        return counts.indices.map { i in
            small.contains(i) ? .fewerThan(threshold) : i == second ? .hidden : .count(counts[i])
        }
    }
}
