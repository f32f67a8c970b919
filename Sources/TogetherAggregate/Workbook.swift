import TogetherCore

/// The tally as a spreadsheet workbook, planned here in plain Swift from the published `Report` only (so a hidden
/// count or a name can never reach it) and written to an `.xlsx` file by `TogetherWorkbook`, a thin layer over
/// libxlsxwriter. The plan is also what the tests read: every cell and every chart, without opening a file.
public struct WorkbookPlan: Equatable, Sendable {
    public enum Style: Equatable, Sendable { case title, heading, plain, wrapped }

    public enum Value: Equatable, Sendable {
        case text(String, Style)
        case number(Int)
        /// A count that is not published: written as the report's one mark, never as a number.
        case mark
        case empty
    }

    public enum ChartKind: Equatable, Sendable { case bar, column, stackedBar, line }

    /// A series: its name and the column of its values (over the chart's rows `first` to `last`, counted from 0).
    public struct Series: Equatable, Sendable {
        public var name: String
        public var column: Int
    }

    public struct Chart: Equatable, Sendable {
        public var kind: ChartKind
        public var title: String
        /// What the bars count, said on the value axis.
        public var valueAxis: String
        /// The categories are in `categoryColumn`, rows `first...last`; each series is a column over the same rows.
        public var categoryColumn: Int
        public var first: Int
        public var last: Int
        public var series: [Series]
        /// Where the chart's top left corner goes.
        public var row: Int
        public var column: Int
    }

    public struct Sheet: Equatable, Sendable {
        public var name: String
        public var rows: [[Value]] = []
        /// Column widths in characters, from the first column.
        public var widths: [Double] = []
        /// Rows kept in view when scrolling (the heading rows).
        public var frozenRows = 0
        public var charts: [Chart] = []

        mutating func add(_ row: [Value]) { rows.append(row) }
    }

    public var title: String
    public var sheets: [Sheet]
    /// The word written for a hidden count, in the report's language.
    public var mark = Cell.mark

    /// Every cell's words and numbers, sheet by sheet, one row a line with cells separated by tabs, and each chart
    /// with its title: for reading in tests, and for looking for names and escape sequences like any other output.
    public var text: String {
        sheets.map { sheet in
            "== \(sheet.name)\n" + sheet.rows.map { row in
                row.map { value in
                    switch value {
                    case .text(let words, _): words
                    case .number(let n): String(n)
                    case .mark: mark
                    case .empty: ""
                    }
                }.joined(separator: "\t")
            }.joined(separator: "\n") + "\n" + sheet.charts.map { "[chart: \($0.title)]\n" }.joined()
        }.joined(separator: "\n")
    }
}

extension WorkbookPlan {
    /// The workbook for a report: a first sheet saying what it is and how counts are protected, a sheet for the
    /// commissioning themes with a priority chart, the gap analysis, the groups' themes, the barriers, the quotes,
    /// then a sheet for each table of counts, with charts for ratings, sessions by area and group, trends and
    /// actions by intention.
    public static func make(_ r: Report) -> WorkbookPlan {
        let w = r.words
        var sheets: [Sheet] = []
        /// Each sheet after the first, and what it holds, for the first sheet's list.
        var contents: [(name: String, what: String)] = []
        var names = Set<String>()
        func sheetName(_ title: String) -> String {
            // Excel's rules: at most 31 characters, none of [ ] : * ? / \, unique whatever the case.
            let cleaned = String(title.filter { !"[]:*?/\\'".contains($0) }.prefix(31)).trimmingCharacters(in: .whitespaces)
            var name = cleaned.isEmpty ? "Sheet" : cleaned
            var n = 2
            while names.contains(name.lowercased()) {
                let suffix = " \(n)"
                name = String(cleaned.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            names.insert(name.lowercased())
            return name
        }
        func count(_ cell: Cell) -> Value { cell.value.map(Value.number) ?? .mark }
        func words(_ text: String) -> Value { .text(text, .plain) }

        var about = Sheet(name: sheetName(w("About")))
        about.widths = [34, 100]
        about.add([.text(w("What people told us: commissioning themes"), .title)])
        about.add([])
        about.add([.text(w("What this is"), .heading), .text(w("The tally of co-production workshops run with Together: "
            + "what people said is working, not working and what they want for the future, put into the Making It Real "
            + "themes and the language commissioners use. No names are in it."), .wrapped)])
        about.add([.text(w("Sessions counted"), .heading), .number(r.about.sessionsCounted)])
        if r.about.period.count == 2 {
            about.add([.text(w("Workshops from"), .heading), words(ReportDocument.month(r.about.period[0], w))])
            about.add([.text(w("Workshops to"), .heading), words(ReportDocument.month(r.about.period[1], w))])
        }
        if r.about.sessionsLeftOut > 0 { about.add([.text(w("Left out by the filters"), .heading), .number(r.about.sessionsLeftOut)]) }
        if r.about.filesSkipped > 0 { about.add([.text(w("Files that could not be read"), .heading), .number(r.about.filesSkipped)]) }
        if !r.about.filters.isEmpty { about.add([.text(w("Filters"), .heading), .text(r.about.filters.joined(separator: "; "), .wrapped)]) }
        about.add([.text(w("Made by"), .heading), words(w("Together {1}", r.about.together))])
        if !r.about.produced.isEmpty { about.add([.text(w("Made on"), .heading), words(ReportDocument.day(r.about.produced, w))]) }
        about.add([.text(w("How counts are protected"), .heading), .text(ReportDocument.privacyLine(r), .wrapped)])
        about.add([.text("\"\(Cell.mark(w))\"", .heading), .text(r.about.hiddenMeans, .wrapped)])
        about.add([.text(w("Priority"), .heading), .text(r.about.priorityRule, .wrapped)])
        for note in r.about.notes { about.add([.text(w("Note"), .heading), .text(note, .wrapped)]) }
        if !r.rolesAbsent.isEmpty {
            about.add([.text(w("No one took part as"), .heading), .text(r.rolesAbsent.joined(separator: ", "), .wrapped)])
        }
        about.add([])
        about.add([.text(w("Sheets"), .heading), .text(w("What each holds"), .heading)])
        let aboutIndex = sheets.count
        sheets.append(about)

        var themes = Sheet(name: sheetName(w("Commissioning themes")))
        themes.widths = [6, 40, 10, 14, 14, 8, 10, 10, 60, 40]
        themes.add([.text(w("Commissioning themes, most important first"), .title)])
        themes.add([.text(r.about.priorityRule, .plain)])
        themes.add([w("Rank"), w("Making It Real theme"), w("Priority"), w("People: not working"), w("People: for the future"), w("Dots"),
                    w("People"), w("Sessions"), w("Commissioning for Better Outcomes"), w("Commissioning cycle")].map { .text($0, .heading) })
        themes.frozenRows = 3
        for c in r.commissioningThemes {
            themes.add([.number(c.rank), words(c.label), count(c.priority), count(c.notWorkingPeople),
                        count(c.aspirationsPeople), count(c.votes), count(c.people), count(c.sessions),
                        .text(c.standards.joined(separator: "; ") + " (" + c.domains.joined(separator: "; ") + ")", .wrapped),
                        .text(c.cycle.joined(separator: ", "), .wrapped)])
        }
        if !r.commissioningThemes.isEmpty {
            // The chart's own copy of the priorities, one column after the table, with a hidden one left empty: a
            // chart would draw the mark as 0.
            let chartData = themes.rows[2].count + 1
            themes.rows[2] += [.empty, .text(w("For the chart: priority (hidden left out)"), .heading)]
            for (i, c) in r.commissioningThemes.enumerated() {
                themes.rows[3 + i] += [.empty, c.priority.value.map(Value.number) ?? .empty]
            }
            themes.widths += [4, 14]
            themes.charts.append(Chart(kind: .bar, title: w("Priority of each Making It Real theme"), valueAxis: w("Priority"),
                                       categoryColumn: 1, first: 3, last: 2 + r.commissioningThemes.count,
                                       series: [Series(name: w("Priority"), column: chartData)],
                                       row: 4 + r.commissioningThemes.count, column: 1))
        }
        sheets.append(themes)
        contents.append((themes.name, w("Making It Real themes ranked by priority, with their evidence and what they map onto; a chart of priority.")))

        var gap = Sheet(name: sheetName(w("Gap analysis")))
        gap.widths = [40, 50, 60, 60]
        gap.add([.text(w("Gap analysis"), .title)])
        gap.add([w("Strategic objective"), w("The gap"), w("Rationale (the evidence)"), w("Commissioning implications")].map { .text($0, .heading) })
        gap.frozenRows = 2
        for g in r.gapAnalysis { gap.add([g.objective, g.gap, g.rationale, g.implications].map { .text($0, .wrapped) }) }
        sheets.append(gap)
        contents.append((gap.name, w("For each theme: the strategic objective, the gap, the evidence and what it means for commissioning.")))

        var groups = Sheet(name: sheetName(w("Group themes")))
        groups.widths = [50, 10, 8, 40, 50, 50]
        groups.add([.text(w("Themes the groups made, across sessions"), .title)])
        groups.add([w("Theme"), w("Sessions"), w("Dots"), w("Making It Real"), w("Also worded"), w("Why these go together")].map { .text($0, .heading) })
        groups.frozenRows = 2
        for g in r.groupThemes {
            groups.add([.text(g.statement, .wrapped), count(g.sessions), count(g.votes), .text(g.makingItReal.joined(separator: ", "), .wrapped),
                        .text(g.wordings.dropFirst().joined(separator: "; "), .wrapped), .text(g.why, .wrapped)])
        }
        sheets.append(groups)
        contents.append((groups.name, w("The groups' own themes, put together across sessions, with their sessions and dots.")))

        var barriers = Sheet(name: sheetName(w("Top tips barriers")))
        barriers.widths = [40, 60, 10]
        barriers.add([.text(w("Top tips: what gets in the way"), .title)])
        barriers.add([w("Top tip"), w("What gets in the way"), w("Sessions")].map { .text($0, .heading) })
        barriers.frozenRows = 2
        for tip in r.tipBarriers {
            for b in tip.barriers { barriers.add([words(tip.label), .text(b.text, .wrapped), count(b.sessions)]) }
        }
        sheets.append(barriers)
        contents.append((barriers.name, w("What gets in the way of each top tip for commissioners, and how many sessions said it.")))

        var quotes = Sheet(name: sheetName(w("Quotes")))
        quotes.widths = [40, 20, 80]
        quotes.add([.text(w("In people's own words"), .title)])
        quotes.add([.text(r.about.quotes ? w("Only from people who agreed to be quoted, in their own words (or with support, "
                          + "and then marked so); names in any words are shown as [name].") : w("No quotes are shown."), .plain)])
        quotes.add([w("Making It Real theme"), w("Kind"), w("Words")].map { .text($0, .heading) })
        quotes.frozenRows = 3
        for c in r.commissioningThemes {
            for q in c.quotes { quotes.add([words(c.label), words(q.category), .text(q.shown(w), .wrapped)]) }
        }
        sheets.append(quotes)
        contents.append((quotes.name, w("People's own words, only from people who agreed to be quoted.")))

        for t in r.tables {
            let quoted = t.title.split(separator: "\"").dropFirst().first.map(String.init) ?? t.id
            var sheet = Sheet(name: sheetName(shortNames[t.id].map { w($0) } ?? (t.id.hasPrefix("trend-") ? w("By quarter, {1}", quoted) : t.title)))
            sheet.widths = [40] + t.columns.map { max(10, min(20, Double($0.label.count) + 2)) }
            sheet.add([.text(t.title, .title)])
            sheet.add([.text(t.note ?? "", .plain)])
            sheet.add(([t.rowHeading] + t.columns.map(\.label)).map { .text($0, .heading) })
            sheet.frozenRows = 3
            for row in t.rows { sheet.add([words(row.label)] + row.cells.map(count)) }
            if let chart = chart(for: t) {
                // The chart's own copy of the counts, with hidden ones left empty: a chart would draw a word as 0.
                let from = t.columns.count + 2
                sheet.rows[2] += [.empty, .text(w("For the chart (hidden left out)"), .heading)]
                    + chart.columns.map { .text(t.columns[$0].label, .heading) }
                for row in chart.rows {
                    sheet.rows[3 + row] += [.empty, words(t.rows[row].label)]
                        + chart.columns.map { c in t.rows[row].cells[c].value.map(Value.number) ?? .empty }
                }
                sheet.widths += [4, 30]
                sheet.charts.append(Chart(
                    kind: chart.kind, title: t.title, valueAxis: w(chart.axis), categoryColumn: from,
                    first: 3 + chart.rows[0], last: 3 + chart.rows[chart.rows.count - 1],
                    series: chart.columns.enumerated().map { Series(name: t.columns[$1].label, column: from + 1 + $0) },
                    row: 4 + t.rows.count, column: 0))
            }
            sheets.append(sheet)
            contents.append((sheet.name, t.note ?? w("The counts, by {1}.", t.rowHeading.lowercased())))
        }
        for (name, what) in contents { sheets[aboutIndex].add([words(name), .text(what, .wrapped)]) }
        // Names in any words are "[name]" in the report's language.
        for s in sheets.indices {
            sheets[s].rows = sheets[s].rows.map { row in
                row.map { if case .text(let words, let style) = $0 { .text(Privacy.localiseName(words, w), style) } else { $0 } }
            }
        }
        return WorkbookPlan(title: w("What people told us: commissioning themes"), sheets: sheets, mark: Cell.mark(w))
    }

    /// Sheet names for the tables (Excel allows 31 characters); the full title is the sheet's first line.
    static let shortNames = [
        "statements": "Statements by theme", "suggested": "Suggested themes", "people": "People by theme",
        "byRole": "Statements by role", "byVoice": "Statements by voice", "votes": "Dots by theme",
        "themeRatings": "Theme ratings", "tipRatings": "Top tip ratings", "intentions": "Actions by intention",
        "intentionsByTheme": "Actions by theme", "followUps": "Since last time", "roles": "Who took part",
        "areas": "Sessions by area", "groupTypes": "Sessions by kind of group", "levels": "Sessions by level",
    ]

    /// Which tables get a chart, of what kind: ratings as stacked bars, sessions by area, group and level and
    /// actions by intention as bars, trends as lines; the rows (no total row) and the columns of counts drawn.
    static func chart(for t: Report.Table) -> (kind: ChartKind, axis: String, rows: [Int], columns: [Int])? {
        let rows = t.rows.indices.filter { t.rows[$0].id != "total" }
        let counted = t.columns.indices.filter { !["total", "notRated"].contains(t.columns[$0].id) }
        guard !rows.isEmpty, !counted.isEmpty else { return nil }
        switch t.id {
        case "themeRatings", "tipRatings": return (.stackedBar, "Sessions", rows, counted)
        case "areas", "groupTypes", "levels": return (.bar, "Sessions", rows, Array(counted.prefix(1)))
        case "intentions": return (.bar, "Actions", rows, Array(counted.prefix(1)))
        case let id where id.hasPrefix("trend-"): return (.line, "People", rows, counted)
        default: return nil
        }
    }
}
