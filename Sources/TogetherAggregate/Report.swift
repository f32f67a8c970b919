import TogetherContent

/// Everything the tally publishes, after small counts are hidden. Every output format is written from this
/// and only this, so a hidden count or a name can never reach a file. Its JSON form is documented in
/// `docs/tally-report.schema.json`.
public struct Report: Codable, Equatable, Sendable {
    public static let schemaId = "together-tally-report/1"

    public struct About: Codable, Equatable, Sendable {
        public var sessionsCounted: Int
        public var sessionsLeftOut: Int
        public var filesSkipped: Int
        /// Counts from 1 to this minus one are not shown.
        public var hiddenBelow: Int
        public var quotes: Bool
        /// The filters used, in words.
        public var filters: [String]
        public var priorityRule: String
    }

    public struct Quote: Codable, Equatable, Sendable {
        public var category: String
        public var text: String
    }

    public struct CommissioningTheme: Codable, Equatable, Sendable {
        public var rank: Int
        public var themeId: String
        public var label: String
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

    public func table(_ id: String) -> Table? { tables.first { $0.id == id } }
}

/// How a report is made: the threshold, whether quotes are shown, and the filters in words.
public struct ReportOptions: Sendable {
    public var threshold: Int
    public var quotes: Bool
    public var filters: [String]
    public init(threshold: Int = Disclosure.defaultThreshold, quotes: Bool = true, filters: [String] = []) {
        self.threshold = threshold
        self.quotes = quotes
        self.filters = filters
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

    func resolve(_ cells: [Cell]) -> Report.Table {
        .init(id: id, title: title, rowHeading: rowHeading, columns: columns,
              rows: rows.map { .init(id: $0.id, label: $0.label, cells: $0.cells.map { cells[$0] }) }, note: note)
    }

    func cell(_ rowId: String, _ columnId: String) -> Int? {
        guard let c = columns.firstIndex(where: { $0.id == columnId }),
              let row = rows.first(where: { $0.id == rowId }), c < row.cells.count else { return nil }
        return row.cells[c]
    }
}

public enum ReportBuilder {
    public static let priorityRule = "Priority = people who said something about this theme is not working "
        + "+ people who said what they want for the future + dots the groups gave their themes linked to it. "
        + "Each person counts once per theme and kind of statement. Ties keep the order of Making It Real."

    /// Quotes shown per commissioning theme.
    public static let quotesShown = 3
    /// Group themes and barriers listed.
    public static let groupThemesShown = 15
    public static let barriersShown = 3

    public static func build(_ run: TallyRun, _ content: ContentPacks, _ options: ReportOptions) -> Report {
        draft(run, content, options).report
    }

    /// The report and the ledger its counts came from (the ledger's relations are what protects them).
    static func draft(_ run: TallyRun, _ content: ContentPacks, _ options: ReportOptions) -> (report: Report, ledger: Ledger) {
        let t = run.totals
        let k = options.threshold
        var ledger = Ledger()
        let sessions = ledger.add(t.sessions, fixed: true)
        let categories = content.workingTogether.categories
        let themes = content.makingItReal.themes
        let themeRows = themes.map { (id: $0.id, label: $0.label) }
        let categoryChoices = categories.map { Choice(id: $0.id, label: $0.label) }
        let noTheme = (id: SessionSummary.noTheme, label: "No theme found")
        var tables: [DraftTable] = []

        /// A table of counts; with `rowTotals` each row gets a Total cell, with `totalRow` a row of column totals.
        /// Rows and columns that add up to a cell shown are related in the ledger.
        func table(_ id: String, _ title: String, _ heading: String, rows: [(id: String, label: String)],
                   columns: [Choice], rowTotals: Bool = false, totalRow: Bool = false, note: String? = nil,
                   _ value: (String, String) -> Int) -> DraftTable {
            var ids = rows.map { r in columns.map { ledger.add(value(r.id, $0.id)) } }
            var cols = columns
            var allRows = rows
            if rowTotals {
                ids = ids.map { row in
                    let total = ledger.add(row.reduce(0) { $0 + ledger.values[$1] })
                    ledger.relate(row + [total])
                    return row + [total]
                }
                cols.append(Choice(id: "total", label: "Total"))
            }
            if totalRow {
                let totals = cols.indices.map { c in
                    let column = ids.map { $0[c] }
                    let total = ledger.add(column.reduce(0) { $0 + ledger.values[$1] })
                    ledger.relate(column + [total])
                    return total
                }
                if rowTotals { ledger.relate(totals) }
                ids.append(totals)
                allRows.append((id: "total", label: "All"))
            }
            return DraftTable(id: id, title: title, rowHeading: heading, columns: cols,
                              rows: zip(allRows, ids).map { ($0.id, $0.label, $1) }, note: note)
        }

        let statements = table("statements", "Statements the groups gave a Making It Real theme", "Theme",
                               rows: themeRows, columns: categoryChoices, rowTotals: true, totalRow: true) {
            t.themes[$0]?.statements[$1] ?? 0
        }
        let suggested = table(
            "suggested", "Statements with no theme, by the theme the keyword list suggests (suggested, not decided by a group)",
            "Suggested theme", rows: themeRows + [noTheme], columns: categoryChoices, rowTotals: true, totalRow: true) {
            t.themes[$0]?.suggested[$1] ?? 0
        }
        let people = table("people", "People who said something about each theme (each person counted once per theme)",
                           "Theme", rows: themeRows, columns: categoryChoices + [Choice(id: "any", label: "Any")],
                           note: "Given and suggested themes together. People are counted within each session.") { id, c in
            c == "any" ? (t.themes[id]?.peopleAny ?? 0) : (t.themes[id]?.people[c] ?? 0)
        }
        let roles = content.workshop.roles.map { Choice(id: $0.id, label: $0.label) }
        let byRole = table("byRole", "Statements by who they are about", "Theme", rows: themeRows + [noTheme],
                           columns: roles) { t.themes[$0]?.byRole[$1] ?? 0 }
        let voices = [Choice(id: "own", label: "Own words"), Choice(id: "supported", label: "With support"),
                      Choice(id: "onBehalf", label: "Said for them")]
        let byVoice = table("byVoice", "Statements by whose voice", "Theme", rows: themeRows + [noTheme],
                            columns: voices) { t.themes[$0]?.byVoice[$1] ?? 0 }
        // Each theme's statements by role, and by voice, add up to its given and suggested statements.
        for r in themeRows + [noTheme] {
            let known = [statements.cell(r.id, "total"), suggested.cell(r.id, "total")].compactMap { $0 }
            for split in [byRole, byVoice] { ledger.relate((split.rows.first { $0.id == r.id }?.cells ?? []) + known) }
        }
        let votes = table("votes", "What matters most: dots on the groups' own themes, by the Making It Real theme they link to",
                          "Theme", rows: themeRows,
                          columns: [Choice(id: "dots", label: "Dots"), Choice(id: "groupThemes", label: "Group themes linked")]) {
            id, c in c == "dots" ? (t.themes[id]?.votes ?? 0) : (t.themes[id]?.groupThemes ?? 0)
        }
        let notRated = Choice(id: "notRated", label: "Not rated")
        func ratings(_ id: String, _ title: String, _ heading: String, _ rows: [(id: String, label: String)],
                     _ scale: [Choice], _ counts: (String) -> [String: Int]) -> DraftTable {
            let draft = table(id, title, heading, rows: rows, columns: scale + [notRated]) { row, c in
                c == "notRated" ? t.sessions - counts(row).values.reduce(0, +) : counts(row)[c] ?? 0
            }
            for row in draft.rows { ledger.relate(row.cells + [sessions]) } // each row adds up to the sessions
            return draft
        }
        let themeRatings = ratings("themeRatings", "How groups rated each Making It Real theme (sessions)", "Theme",
                                   themeRows, content.makingItReal.scale.map { Choice(id: $0.id, label: $0.label) }) {
            t.themes[$0]?.ratings ?? [:]
        }
        let tipRatings = ratings("tipRatings", "How groups rated each top tip (sessions)", "Top tip",
                                 content.topTips.tips.map { ($0.id, $0.label) },
                                 content.topTips.scale.map { Choice(id: $0.id, label: $0.label) }) { t.tipRatings[$0] ?? [:] }
        let intentions = table("intentions", "Actions by commissioning intention", "Intention",
                               rows: content.workshop.intentions.map { ($0.id, $0.label) } + [(SessionSummary.noIntention, "Not given")],
                               columns: [Choice(id: "actions", label: "Actions")], totalRow: true) { id, _ in t.actions[id] ?? 0 }
        let intentionsByTheme = table(
            "intentionsByTheme", "Actions by the Making It Real theme they are linked to, and intention", "Theme",
            rows: themeRows, columns: content.workshop.intentions.map { Choice(id: $0.id, label: $0.label) }
                + [Choice(id: SessionSummary.noIntention, label: "Not given")], rowTotals: true,
            note: "An action linked to more than one theme is counted under each.") { id, c in t.actionsByTheme[id]?[c] ?? 0 }
        let roleTable = table("roles", "Who took part", "Role", rows: content.workshop.roles.map { ($0.id, $0.label) },
                              columns: [Choice(id: "people", label: "People"), Choice(id: "sessionsWith", label: "Sessions with"),
                                        Choice(id: "sessionsWithout", label: "Sessions without")]) { id, c in
            switch c {
            case "people": t.rolePeople[id] ?? 0
            case "sessionsWith": t.roleSessions[id] ?? 0
            default: t.sessions - (t.roleSessions[id] ?? 0)
            }
        }
        for row in roleTable.rows { ledger.relate([row.cells[1], row.cells[2], sessions]) }
        let areaRows = t.areas.map { key, p in
            (id: key, label: TallyTotals.byUse(p.wordings).first ?? key)
        }.sorted { ($0.label, $0.id) < ($1.label, $1.id) }
        func sessionsBy(_ id: String, _ title: String, _ heading: String, _ rows: [(id: String, label: String)],
                        _ count: (String) -> Int) -> DraftTable {
            let draft = table(id, title, heading, rows: rows, columns: [Choice(id: "sessions", label: "Sessions")]) { r, _ in count(r) }
            ledger.relate(draft.rows.map { $0.cells[0] } + [sessions])
            return draft
        }
        let areas = sessionsBy("areas", "Sessions by area", "Area", areaRows) { t.areas[$0]?.sessions ?? 0 }
        let otherGroups = t.groupTypes.keys.filter { content.groupType($0) == nil }.sorted()
        let groupTypes = sessionsBy("groupTypes", "Sessions by kind of group", "Group",
                                    content.workshop.groupTypes.map { ($0.id, $0.label) }
                                        + otherGroups.map { ($0, $0.isEmpty ? "Not given" : $0) }) { t.groupTypes[$0] ?? 0 }
        let levels = sessionsBy("levels", "Sessions by level of commissioning", "Level",
                                content.workshop.levels.map { ($0.id, $0.label) } + [("notSaid", "Not said")]) { t.levels[$0] ?? 0 }
        tables += [statements, suggested, people, byRole, byVoice, votes, themeRatings, tipRatings, intentions,
                   intentionsByTheme, roleTable, areas, groupTypes, levels]
        let quarters = t.quarters.keys.sorted().map { (id: $0, label: $0) }
        let themeChoices = themes.map { Choice(id: $0.id, label: $0.label) }
        for category in categories where category.id != "working" {
            let trend = table("trend-\(category.id)", "By quarter: people who said \"\(category.label)\"", "Quarter",
                              rows: quarters, columns: themeChoices) { q, id in t.quarters[q]?[id]?[category.id] ?? 0 }
            // Each theme's quarters add up to its count in the people table.
            for (c, theme) in themes.enumerated() {
                ledger.relate(trend.rows.map { $0.cells[c] } + [people.cell(theme.id, category.id)].compactMap { $0 })
            }
            tables.append(trend)
        }

        // Commissioning themes, ranked; their counts are the same ledger cells as in the tables.
        let ranked = themes.enumerated().map { i, theme -> (Int, Int, MakingItRealTheme) in
            let f = t.themes[theme.id] ?? .init()
            return ((f.people["notWorking"] ?? 0) + (f.people["aspirations"] ?? 0) + f.votes, i, theme)
        }.sorted { ($1.0, $0.1) < ($0.0, $1.1) }
        let merged = ThemeMerger.merge(t.groupThemes)
        struct Draft { var theme: MakingItRealTheme; var parts: [Int]; var priority: Int; var sessions: Int }
        let drafts = ranked.map { _, _, theme -> Draft in
            let parts = [people.cell(theme.id, "notWorking")!, people.cell(theme.id, "aspirations")!, votes.cell(theme.id, "dots")!]
            let priority = ledger.add(parts.reduce(0) { $0 + ledger.values[$1] })
            ledger.relate(parts + [priority])
            return Draft(theme: theme, parts: parts, priority: priority,
                         sessions: ledger.add(t.themes[theme.id]?.sessions ?? 0))
        }
        let mergedIds = merged.prefix(groupThemesShown).map { (ledger.add($0.sessions), ledger.add($0.dots)) }
        let barrierLists = content.topTips.tips.compactMap { tip -> (TopTip, [(String, Int)])? in
            guard let phrases = t.tipBarriers[tip.id], !phrases.isEmpty else { return nil }
            let named = phrases.values.map { p in
                (TallyTotals.byUse(p.wordings).first ?? "", p.sessions)
            }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(barriersShown)
            return (tip, named.map { ($0.0, ledger.add($0.1)) })
        }
        let planned = themes.map { theme in
            content.workshop.intentions.compactMap { i in intentionsByTheme.cell(theme.id, i.id).map { (i.label, $0) } }
        }

        // Everything is in the ledger: now decide once what is shown.
        let cells = ledger.cells(threshold: k)
        let published = tables.map { $0.resolve(cells) }
        var commissioning: [Report.CommissioningTheme] = []
        for (rank, d) in drafts.enumerated() {
            let link = content.commissioning.theme(d.theme.id)
            let standards = (link?.standards ?? []).compactMap { content.commissioning.standard($0) }
            var domains: [String] = []
            for s in standards {
                if let label = content.commissioning.domain(s.domain)?.label, !domains.contains(label) { domains.append(label) }
            }
            var cycle: [String] = []
            for c in ["notWorking", "aspirations"] {
                for id in content.commissioning.category(c)?.cycle ?? [] {
                    if let label = content.commissioning.cycleStage(id)?.label, !cycle.contains(label) { cycle.append(label) }
                }
            }
            let quotes = options.quotes
                ? TallyTotals.ordered(t.quotes[d.theme.id] ?? []).filter { $0.category != "working" }.prefix(quotesShown)
                    .map { Report.Quote(category: content.category($0.category)?.label ?? $0.category, text: $0.text) }
                : []
            commissioning.append(.init(
                rank: rank + 1, themeId: d.theme.id, label: d.theme.label, priority: cells[d.priority],
                notWorkingPeople: cells[d.parts[0]], aspirationsPeople: cells[d.parts[1]], votes: cells[d.parts[2]],
                people: cells[people.cell(d.theme.id, "any")!], sessions: cells[d.sessions], domains: domains,
                standards: standards.map { "\($0.number). \($0.label)" }, cycle: cycle, reason: link?.reason ?? "",
                groupThemes: merged.filter { $0.links.first == d.theme.id }.prefix(3).map(\.name), quotes: quotes))
        }

        // The gap-analysis table, in the order of the ranking.
        let worst = content.makingItReal.scale.first { $0.id == "poor" }
        let gap = commissioning.map { c -> Report.GapRow in
            let link = content.commissioning.theme(c.themeId)
            var gap = "\(c.notWorkingPeople.text) people said something here is not working"
            if let top = c.groupThemes.first { gap += "; the groups' own words: \"\(top)\"" }
            if let worst, let cell = themeRatings.cell(c.themeId, worst.id) {
                gap += "; rated \"\(worst.label)\" in \(cells[cell].text) sessions"
            }
            var rationale = "\(c.notWorkingPeople.text) people (not working) and \(c.aspirationsPeople.text) people "
                + "(for the future) in \(c.sessions.text) sessions; \(c.votes.text) dots. Priority \(c.priority.text), "
                + "rank \(c.rank) of \(commissioning.count)."
            if let quote = c.quotes.first { rationale += " \"\(quote.text)\"" }
            var implications = link?.implication ?? ""
            let index = themes.firstIndex { $0.id == c.themeId }!
            let actions = planned[index].filter { ledger.values[$0.1] > 0 }
            if !actions.isEmpty {
                implications += " Actions the groups planned: "
                    + actions.map { "\($0.0.lowercased()): \(cells[$0.1].text)" }.joined(separator: "; ") + "."
            }
            return .init(themeId: c.themeId, objective: link?.objective ?? c.label, gap: gap + ".",
                         rationale: rationale, implications: implications)
        }

        let groupThemes = zip(merged.prefix(groupThemesShown), mergedIds).map { g, ids in
            Report.MergedTheme(
                statement: g.name, wordings: g.wordings, sessions: cells[ids.0], votes: cells[ids.1],
                makingItReal: g.links.compactMap { content.theme($0)?.label },
                why: g.wordings.count == 1 ? "Made in these words each time."
                    : "These wordings share at least half their main words (" + g.shared.joined(separator: ", ") + ").")
        }
        let barriers = barrierLists.map { tip, list in
            Report.TipBarriers(tipId: tip.id, label: tip.label,
                               barriers: list.map { .init(text: $0.0, sessions: cells[$0.1]) })
        }
        let absent = content.workshop.roles.filter { (t.rolePeople[$0.id] ?? 0) == 0 }.map(\.label)
        let report = Report(
            schema: Report.schemaId,
            about: .init(sessionsCounted: t.sessions, sessionsLeftOut: run.filteredOut, filesSkipped: run.skipped.count,
                         hiddenBelow: k, quotes: options.quotes, filters: options.filters, priorityRule: priorityRule),
            commissioningThemes: commissioning, gapAnalysis: gap, groupThemes: groupThemes,
            tipBarriers: barriers, rolesAbsent: absent, tables: published)
        return (report, ledger)
    }
}
