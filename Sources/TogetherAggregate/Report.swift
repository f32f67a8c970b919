import TogetherContent

/// Everything the tally publishes, after small counts are hidden. Every output format is written from this
/// and only this, so a hidden count or a name can never reach a file. Its JSON form is documented in
/// `docs/tally-report.schema.json`.
public struct Report: Codable, Equatable, Sendable {
    public static let schemaId = "together-tally-report/1"

    public struct About: Codable, Equatable, Sendable {
        public var sessionsCounted: Int
        /// The months of the first and last workshop counted (`YYYY-MM`), or empty when none had a date.
        public var period: [String]
        /// The Together that made the report, and the day it was made (`YYYY-MM-DD`; empty when not said).
        public var together: String
        public var produced: String
        /// The content packs the counts were made with, and their versions ("Making It Real 1").
        public var packs: [String]
        public var sessionsLeftOut: Int
        public var filesSkipped: Int
        /// Counts from 1 to this minus one are not shown.
        public var hiddenBelow: Int
        public var quotes: Bool
        /// The filters used, in words.
        public var filters: [String]
        public var priorityRule: String
        /// What the one mark for a hidden count means, in words.
        public var hiddenMeans: String
        /// Parts of the report withheld whole, and why.
        public var withheld: [Withheld]
        /// Things the reader should know: files counted once, values not recognised, what this report cannot
        /// protect against.
        public var notes: [String]
        /// The language of the report's words (`en`, `cy`).
        public var language: String
    }

    public struct Withheld: Codable, Equatable, Sendable {
        /// A table id, or a list's field such as `groupThemes.sessions`.
        public var part: String
        public var reason: String
    }

    public struct Quote: Codable, Equatable, Sendable {
        public var category: String
        /// The person's own words, with any person's label shown as "[name]".
        public var text: String
        /// Said with support: shown as "(with support)" beside the words.
        public var withSupport: Bool

        /// The words in quotation marks, marked when said with support.
        public func shown(_ w: TallyWords = .english) -> String { "\"\(text)\"" + (withSupport ? " " + w("(with support)") : "") }
    }

    public struct CommissioningTheme: Codable, Equatable, Sendable {
        public var rank: Int
        public var themeId: String
        public var label: String
        /// The theme's heading in Making It Real itself, as commissioners know it.
        public var official: String
        public var priority: Cell
        public var notWorkingPeople: Cell
        public var aspirationsPeople: Cell
        public var votes: Cell
        public var people: Cell
        public var sessions: Cell
        public var domains: [String]
        public var standards: [String]
        public var cycle: [String]
        public var reason: String
        /// The most made group themes linked to it.
        public var groupThemes: [String]
        public var quotes: [Quote]
    }

    public struct Table: Codable, Equatable, Sendable {
        public struct Row: Codable, Equatable, Sendable {
            public var id: String
            public var label: String
            /// For a Making It Real theme or a top tip: its title in the framework itself.
            public var official: String?
            public var cells: [Cell]
        }
        public var id: String
        public var title: String
        public var rowHeading: String
        public var columns: [Choice]
        public var rows: [Row]
        public var note: String?
    }

    public struct MergedTheme: Codable, Equatable, Sendable {
        public var statement: String
        public var wordings: [String]
        public var sessions: Cell
        public var votes: Cell
        public var makingItReal: [String]
        public var why: String
    }

    public struct Barrier: Codable, Equatable, Sendable {
        public var text: String
        public var sessions: Cell
    }

    public struct TipBarriers: Codable, Equatable, Sendable {
        public var tipId: String
        public var label: String
        /// The tip in the NHS Confederation's own words.
        public var official: String
        public var barriers: [Barrier]
    }

    public struct GapRow: Codable, Equatable, Sendable {
        public var themeId: String
        public var objective: String
        public var gap: String
        public var rationale: String
        public var implications: String
    }

    public var schema: String
    public var about: About
    public var commissioningThemes: [CommissioningTheme]
    public var gapAnalysis: [GapRow]
    public var groupThemes: [MergedTheme]
    public var tipBarriers: [TipBarriers]
    /// Roles in the workshop pack that no one in the counted sessions had.
    public var rolesAbsent: [String]
    public var tables: [Table]

    /// The report's own words (headings, sentences, the mark) in its language: not part of the JSON, which keeps
    /// the words already in the fields.
    public var words: TallyWords = .english

    enum CodingKeys: String, CodingKey {
        case schema, about, commissioningThemes, gapAnalysis, groupThemes, tipBarriers, rolesAbsent, tables
    }

    public func table(_ id: String) -> Table? { tables.first { $0.id == id } }
}

/// How a report is made: the threshold, whether quotes are shown, and the filters in words.
public struct ReportOptions: Sendable {
    public var threshold: Int
    public var quotes: Bool
    public var filters: [String]
    /// The day the report is made (`YYYY-MM-DD`), said in it; empty leaves it out.
    public var produced: String
    public init(threshold: Int = Disclosure.defaultThreshold, quotes: Bool = true, filters: [String] = [],
                produced: String = "") {
        self.threshold = threshold
        self.quotes = quotes
        self.filters = filters
        self.produced = produced
    }
}

/// A table whose cells are still counts in the ledger.
struct DraftTable {
    var id: String
    var title: String
    var rowHeading: String
    var columns: [Choice]
    var rows: [(id: String, label: String, cells: [Int])]
    var note: String?
    /// The frameworks' own titles of the rows, by row id, for tables of themes or tips.
    var officials: [String: String] = [:]

    func resolve(_ cells: [Cell]) -> Report.Table {
        .init(id: id, title: title, rowHeading: rowHeading, columns: columns,
              rows: rows.map { .init(id: $0.id, label: $0.label, official: officials[$0.id], cells: $0.cells.map { cells[$0] }) },
              note: note)
    }

    func cell(_ rowId: String, _ columnId: String) -> Int? {
        guard let c = columns.firstIndex(where: { $0.id == columnId }),
              let row = rows.first(where: { $0.id == rowId }), c < row.cells.count else { return nil }
        return row.cells[c]
    }
}
