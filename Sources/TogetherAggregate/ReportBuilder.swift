import TogetherContent
import TogetherCore

public enum ReportBuilder {
    /// How priority is worked out, in words, from the categories the pack says count towards it.
    public static func priorityRule(_ content: ContentPacks) -> String {
        let w = content.tallyWords
        let kinds = content.workingTogether.categories.filter(\.countsTowardsPriority)
            .map { w("people who said \"{1}\" about this theme", $0.label) }
        return w("Priority = {1}. Each person counts once per theme and kind of statement. Ties keep the order of Making It "
                 + "Real, and themes whose priority is hidden come after the others, in the order of Making It Real.",
                 (kinds + [w("dots the groups gave their themes linked to it")]).joined(separator: " + "))
    }

    /// The one explanation of the mark, used by every format.
    static func hiddenMeans(_ k: Int, _ w: TallyWords = .english) -> String {
        guard k > 1 else { return w("Nothing is hidden (--min-count 1).") }
        let small = k == 2 ? "1" : w("from 1 to {1}", k - 1)
        return w("A count shown as \"{1}\" is not published, to protect people: every count {2} is hidden, and so are "
                 + "other counts (sometimes 0) that could give one away when the published numbers are added up or taken "
                 + "away. A hidden count could be any number from 0 up.", Cell.mark(w), small)
    }

    static func overlapNote(_ w: TallyWords) -> String {
        w("This report cannot protect against being compared with another report over some of the same sessions (for "
          + "example the same files with a different --until date): taking one from the other can reveal small counts. "
          + "Publish one report for one set of sessions.")
    }

    /// The packs the counts were made with, each with its version.
    static func packVersions(_ c: ContentPacks) -> [String] {
        let w = c.tallyWords
        return [w("Making It Real {1}", c.makingItReal.version), w("Working Together for Change {1}", c.workingTogether.version),
                w("Top tips {1}", c.topTips.version), w("Workshop {1}", c.workshop.version),
                w("Commissioning {1}", c.commissioning.version), w("Keywords {1}", c.keywords.version)]
    }

    static func notes(_ run: TallyRun, _ w: TallyWords) -> [String] {
        run.duplicates.map {
            w("{1} holds the same workshop as {2}: counted once, from {2} (its newest save).", $0.path, $0.keptPath)
        } + [overlapNote(w)]
    }

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
        let w = content.tallyWords
        var ledger = Ledger()
        let sessions = ledger.add(t.sessions, part: "sessions", fixed: true)
        let categories = content.workingTogether.categories
        let priorityKinds = categories.filter(\.countsTowardsPriority).map(\.id)
        let themes = content.makingItReal.themes
        let themeRows = themes.map { (id: $0.id, label: $0.label) }
        let other = SessionSummary.other
        let notRecognised = w("Not recognised")
        let categoryChoices = categories.map { Choice(id: $0.id, label: $0.label) } + [Choice(id: other, label: notRecognised)]
        let noTheme = (id: SessionSummary.noTheme, label: w("No theme found"))
        var tables: [DraftTable] = []

        /// A table of counts; with `rowTotals` each row gets a Total cell, with `totalRow` a row of column totals.
        /// Rows and columns that add up to a cell shown are related in the ledger.
        func table(_ id: String, _ title: String, _ heading: String, rows: [(id: String, label: String)],
                   columns: [Choice], rowTotals: Bool = false, totalRow: Bool = false, note: String? = nil,
                   listed: Bool = false, _ value: (String, String) -> Int) -> DraftTable {
            var ids = rows.map { r in columns.map { ledger.add(value(r.id, $0.id), part: id, listed: listed) } }
            var cols = columns
            var allRows = rows
            if rowTotals {
                ids = ids.map { row in
                    let total = ledger.add(row.reduce(0) { $0 + ledger.values[$1] }, part: id)
                    ledger.equal(row, [total])
                    return row + [total]
                }
                cols.append(Choice(id: "total", label: w("Total")))
            }
            if totalRow {
                let totals = cols.indices.map { c in
                    let column = ids.map { $0[c] }
                    let total = ledger.add(column.reduce(0) { $0 + ledger.values[$1] }, part: id)
                    ledger.equal(column, [total])
                    return total
                }
                ids.append(totals)
                allRows.append((id: "total", label: w("All")))
            }
            return DraftTable(id: id, title: title, rowHeading: heading, columns: cols,
                              rows: zip(allRows, ids).map { ($0.id, $0.label, $1) }, note: note)
        }

        let statements = table("statements", w("Statements the groups gave a Making It Real theme"), w("Theme"),
                               rows: themeRows, columns: categoryChoices, rowTotals: true, totalRow: true) {
            t.themes[$0]?.statements[$1] ?? 0
        }
        let suggested = table(
            "suggested", w("Statements with no theme, by the theme the keyword list suggests (suggested, not decided by a group)"),
            w("Suggested theme"), rows: themeRows + [noTheme], columns: categoryChoices, rowTotals: true, totalRow: true) {
            t.themes[$0]?.suggested[$1] ?? 0
        }
        let people = table("people", w("People who said something about each theme (each person counted once per theme)"),
                           w("Theme"), rows: themeRows, columns: categoryChoices + [Choice(id: "any", label: w("Any"))],
                           note: w("Given and suggested themes together. People are counted within each session.")) { id, c in
            c == "any" ? (t.themes[id]?.peopleAny ?? 0) : (t.themes[id]?.people[c] ?? 0)
        }
        let roles = content.workshop.roles.map { Choice(id: $0.id, label: $0.label) }
            + [Choice(id: other, label: w("Role not recognised")), Choice(id: SessionSummary.notListed, label: w("Person not listed"))]
        let byRole = table("byRole", w("Statements by who they are about"), w("Theme"), rows: themeRows + [noTheme],
                           columns: roles) { t.themes[$0]?.byRole[$1] ?? 0 }
        let voices = [Choice(id: "own", label: w("Own words")), Choice(id: "supported", label: w("With support")),
                      Choice(id: "onBehalf", label: w("Said for them")), Choice(id: other, label: notRecognised)]
        let byVoice = table("byVoice", w("Statements by whose voice"), w("Theme"), rows: themeRows + [noTheme],
                            columns: voices) { t.themes[$0]?.byVoice[$1] ?? 0 }
        // Each theme's statements by role, and by voice, add up to its given and suggested statements.
        for r in themeRows + [noTheme] {
            let known = [statements.cell(r.id, "total"), suggested.cell(r.id, "total")].compactMap { $0 }
            for split in [byRole, byVoice] { ledger.equal(split.rows.first { $0.id == r.id }?.cells ?? [], known) }
        }
        // People: each has a statement of that kind there; "any" is at least each kind and at most their sum.
        let kinds = categoryChoices.map(\.id)
        for r in themeRows {
            let row = people.rows.first { $0.id == r.id }!.cells
            for (c, kind) in kinds.enumerated() {
                ledger.atMost([row[c]], [statements.cell(r.id, kind), suggested.cell(r.id, kind)].compactMap { $0 })
                ledger.atMost([row[c]], [row[kinds.count]])
            }
            ledger.atMost([row[kinds.count]], Array(row.prefix(kinds.count)))
        }
        let votes = table("votes", w("What matters most: dots on the groups' own themes, by the Making It Real theme they link to"),
                          w("Theme"), rows: themeRows,
                          columns: [Choice(id: "dots", label: w("Dots")), Choice(id: "groupThemes", label: w("Group themes linked"))]) {
            id, c in c == "dots" ? (t.themes[id]?.votes ?? 0) : (t.themes[id]?.groupThemes ?? 0)
        }
        let notRated = Choice(id: "notRated", label: w("Not rated"))
        func ratings(_ id: String, _ title: String, _ heading: String, _ rows: [(id: String, label: String)],
                     _ scale: [Choice], _ counts: (String) -> [String: Int]) -> DraftTable {
            let draft = table(id, title, heading, rows: rows, columns: scale + [Choice(id: other, label: notRecognised), notRated]) { row, c in
                c == "notRated" ? t.sessions - counts(row).values.reduce(0, +) : counts(row)[c] ?? 0
            }
            for row in draft.rows { ledger.equal(row.cells, [sessions]) } // each row adds up to the sessions
            return draft
        }
        let themeRatings = ratings("themeRatings", w("How groups rated each Making It Real theme (sessions)"), w("Theme"),
                                   themeRows, content.makingItReal.scale.map { Choice(id: $0.id, label: $0.label) }) {
            t.themes[$0]?.ratings ?? [:]
        }
        let tipRatings = ratings("tipRatings", w("How groups rated each top tip (sessions)"), w("Top tip"),
                                 content.topTips.tips.map { ($0.id, $0.label) },
                                 content.topTips.scale.map { Choice(id: $0.id, label: $0.label) }) { t.tipRatings[$0] ?? [:] }
        let intentions = table("intentions", w("Actions by commissioning intention"), w("Intention"),
                               rows: content.workshop.intentions.map { ($0.id, $0.label) } + [(other, notRecognised), (SessionSummary.noIntention, w("Not given"))],
                               columns: [Choice(id: "actions", label: w("Actions"))], totalRow: true) { id, _ in t.actions[id] ?? 0 }
        let intentionsByTheme = table(
            "intentionsByTheme", w("Actions by the Making It Real theme they are linked to, and intention"), w("Theme"),
            rows: themeRows, columns: content.workshop.intentions.map { Choice(id: $0.id, label: $0.label) }
                + [Choice(id: other, label: notRecognised), Choice(id: SessionSummary.noIntention, label: w("Not given"))], rowTotals: true,
            note: w("An action linked to more than one theme is counted under each.")) { id, c in t.actionsByTheme[id]?[c] ?? 0 }
        let answers = content.stage(.sinceLastTime)?.answers ?? []
        let followUps = table("followUps", w("Since last time: actions of earlier workshops followed up, by what became of them"),
                              w("What became of it"),
                              rows: answers.map { ($0.id, $0.label) } + [(other, notRecognised), (SessionSummary.noOutcome, w("Not said yet"))],
                              columns: [Choice(id: "actions", label: w("Actions"))], totalRow: true) { id, _ in t.followUps[id] ?? 0 }
        let roleTable = table("roles", w("Who took part"), w("Role"), rows: content.workshop.roles.map { ($0.id, $0.label) } + [(other, notRecognised)],
                              columns: [Choice(id: "people", label: w("People")), Choice(id: "sessionsWith", label: w("Sessions with")),
                                        Choice(id: "sessionsWithout", label: w("Sessions without"))]) { id, c in
            switch c {
            case "people": t.rolePeople[id] ?? 0
            case "sessionsWith": t.roleSessions[id] ?? 0
            default: t.sessions - (t.roleSessions[id] ?? 0)
            }
        }
        for row in roleTable.rows {
            ledger.equal([row.cells[1], row.cells[2]], [sessions])
            ledger.atMost([row.cells[1]], [row.cells[0]]) // a session with someone in a role has at least one
        }
        let areaRows = t.areas.map { key, p in
            (id: key, label: key == TallyTotals.fold("not given") ? w("Not given") : TallyTotals.byUse(p.wordings).first ?? key)
        }.sorted { ($0.label, $0.id) < ($1.label, $1.id) }
        func sessionsBy(_ id: String, _ title: String, _ heading: String, _ rows: [(id: String, label: String)],
                        listed: Bool = false, _ count: (String) -> Int) -> DraftTable {
            let draft = table(id, title, heading, rows: rows, columns: [Choice(id: "sessions", label: w("Sessions"))], listed: listed) { r, _ in count(r) }
            ledger.equal(draft.rows.map { $0.cells[0] }, [sessions])
            return draft
        }
        let areas = sessionsBy("areas", w("Sessions by area"), w("Area"), areaRows, listed: true) { t.areas[$0]?.sessions ?? 0 }
        let groupTypes = sessionsBy("groupTypes", w("Sessions by kind of group"), w("Group"),
                                    content.workshop.groupTypes.map { ($0.id, $0.label) }
                                        + [(other, notRecognised), ("", w("Not given"))]) { t.groupTypes[$0] ?? 0 }
        let levels = sessionsBy("levels", w("Sessions by level of commissioning"), w("Level"),
                                content.workshop.levels.map { ($0.id, $0.label) } + [(other, notRecognised), ("notSaid", w("Not said"))]) {
            t.levels[$0] ?? 0
        }
        tables += [statements, suggested, people, byRole, byVoice, votes, themeRatings, tipRatings, intentions,
                   intentionsByTheme, followUps, roleTable, areas, groupTypes, levels]
        // The frameworks' own titles beside our plain words, for the tables of themes and of tips.
        let themeTitles = Dictionary(themes.map { ($0.id, w("Making It Real: {1}", $0.heading)) }, uniquingKeysWith: { a, _ in a })
        let tipTitles = Dictionary(content.topTips.tips.map { ($0.id, w("NHS Confederation: {1}", $0.official)) }, uniquingKeysWith: { a, _ in a })
        for i in tables.indices {
            switch tables[i].id {
            case "tipRatings": tables[i].officials = tipTitles
            case "statements", "people", "themeRatings", "votes", "intentionsByTheme": tables[i].officials = themeTitles
            default: break
            }
        }
        let quarters = t.quarters.keys.sorted().map { (id: $0, label: $0 == TallyTotals.dateNotGiven ? w("Date not given") : $0) }
        let themeChoices = themes.map { Choice(id: $0.id, label: $0.label) }
        for category in categories where category.countsTowardsPriority {
            let trend = table("trend-\(category.id)", w("By quarter: people who said \"{1}\"", category.label), w("Quarter"),
                              rows: quarters, columns: themeChoices) { q, id in t.quarters[q]?[id]?[category.id] ?? 0 }
            // Each theme's quarters add up to its count in the people table.
            for (c, theme) in themes.enumerated() {
                ledger.equal(trend.rows.map { $0.cells[c] }, [people.cell(theme.id, category.id)].compactMap { $0 })
            }
            tables.append(trend)
        }

        // Commissioning themes; their counts are the same ledger cells as in the tables. They are ranked once
        // what is hidden is known, so that the order gives away nothing about a hidden priority.
        let merged = ThemeMerger.merge(t.groupThemes)
        struct Draft { var theme: MakingItRealTheme; var parts: [Int]; var priority: Int; var sessions: Int }
        let unranked = themes.map { theme -> Draft in
            // The people of each kind the pack counts towards priority, then the dots.
            let parts = priorityKinds.compactMap { people.cell(theme.id, $0) } + [votes.cell(theme.id, "dots")!]
            let priority = ledger.add(parts.reduce(0) { $0 + ledger.values[$1] }, part: "commissioningThemes.priority")
            ledger.equal(parts, [priority])
            let themeSessions = ledger.add(t.themes[theme.id]?.sessions ?? 0, part: "commissioningThemes.sessions")
            ledger.atMost([themeSessions], [sessions])
            return Draft(theme: theme, parts: parts, priority: priority,
                         sessions: themeSessions)
        }
        let mergedIds = merged.prefix(groupThemesShown).map { g in
            let ids = (ledger.add(g.sessions, part: "groupThemes.sessions", listed: true), ledger.add(g.dots, part: "groupThemes.votes"))
            ledger.atMost([ids.0], [sessions])
            return ids
        }
        let barrierLists = content.topTips.tips.compactMap { tip -> (TopTip, [(String, Int)])? in
            guard let phrases = t.tipBarriers[tip.id], !phrases.isEmpty else { return nil }
            let named = phrases.values.map { p in
                (TallyTotals.byUse(p.wordings).first ?? "", p.sessions)
            }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.prefix(barriersShown)
            return (tip, named.map { phrase in
                let id = ledger.add(phrase.1, part: "tipBarriers.sessions", listed: true)
                ledger.atMost([id], [sessions])
                return (phrase.0, id)
            })
        }
        let planned = themes.map { theme in
            content.workshop.intentions.compactMap { i in intentionsByTheme.cell(theme.id, i.id).map { (i.label, $0) } }
        }

        // Everything is in the ledger: now decide once what is shown.
        let protection = ledger.protect(threshold: k)
        let cells = ledger.cells(protection)
        let published = tables.map { $0.resolve(cells) }
        // Shown priorities from the highest (ties in the order of Making It Real), then hidden ones in that order.
        let drafts = unranked.enumerated().sorted { a, b in
            (cells[b.element.priority].value ?? -1, a.offset) < (cells[a.element.priority].value ?? -1, b.offset)
        }.map(\.element)
        var commissioning: [Report.CommissioningTheme] = []
        for (rank, d) in drafts.enumerated() {
            let link = content.commissioning.theme(d.theme.id)
            let standards = (link?.standards ?? []).compactMap { content.commissioning.standard($0) }
            var domains: [String] = []
            for s in standards {
                if let label = content.commissioning.domain(s.domain)?.label, !domains.contains(label) { domains.append(label) }
            }
            var cycle: [String] = []
            for c in priorityKinds {
                for id in content.commissioning.category(c)?.cycle ?? [] {
                    if let label = content.commissioning.cycleStage(id)?.label, !cycle.contains(label) { cycle.append(label) }
                }
            }
            let quotes = options.quotes
                ? TallyTotals.ordered(t.quotes[d.theme.id] ?? []).filter { priorityKinds.contains($0.category) }
                    .reduce(into: [TallyTotals.Quote]()) { kept, q in if !kept.contains(where: { $0.text == q.text }) { kept.append(q) } }
                    .prefix(quotesShown)
                    .map { Report.Quote(category: content.category($0.category)?.label ?? notRecognised, text: $0.text, withSupport: $0.supported) }
                : []
            commissioning.append(.init(
                rank: rank + 1, themeId: d.theme.id, label: d.theme.label, official: d.theme.heading, priority: cells[d.priority],
                notWorkingPeople: cells[people.cell(d.theme.id, "notWorking")!],
                aspirationsPeople: cells[people.cell(d.theme.id, "aspirations")!], votes: cells[d.parts.last!],
                people: cells[people.cell(d.theme.id, "any")!], sessions: cells[d.sessions], domains: domains,
                standards: standards.map { "\($0.number). \($0.label)" }, cycle: cycle, reason: link?.reason ?? "",
                groupThemes: merged.filter { $0.links.first == d.theme.id }.prefix(3).map(\.name), quotes: quotes))
        }

        // The gap-analysis table, in the order of the ranking.
        let worst = content.makingItReal.scale.first { $0.id == "poor" }
        let gap = commissioning.map { c -> Report.GapRow in
            let link = content.commissioning.theme(c.themeId)
            var gap = w("{1} people said something here is not working", c.notWorkingPeople.text(w))
            if let top = c.groupThemes.first { gap += w("; the groups' own words: \"{1}\"", top) }
            if let worst, let cell = themeRatings.cell(c.themeId, worst.id) {
                gap += w("; rated \"{1}\" in {2} sessions", worst.label, cells[cell].text(w))
            }
            var rationale = w("{1} people (not working) and {2} people (for the future) in {3} sessions; {4} dots. "
                              + "Priority {5}, rank {6} of {7}.", c.notWorkingPeople.text(w), c.aspirationsPeople.text(w),
                              c.sessions.text(w), c.votes.text(w), c.priority.text(w), c.rank, commissioning.count)
            if let quote = c.quotes.first { rationale += " " + quote.shown(w) }
            var implications = link?.implication ?? ""
            let index = themes.firstIndex { $0.id == c.themeId }!
            let actions = planned[index].filter { ledger.values[$0.1] > 0 }
            if !actions.isEmpty {
                implications += " " + w("Actions the groups planned: {1}.",
                                        actions.map { "\($0.0.lowercased()): \(cells[$0.1].text(w))" }.joined(separator: "; "))
            }
            return .init(themeId: c.themeId, objective: link?.objective ?? c.label, gap: gap + w("."),
                         rationale: rationale, implications: implications)
        }

        /// Lists show counts that are shown first, most first; then the rest by their words, so that the order
        /// gives away nothing about a hidden count.
        func listOrder<T>(_ items: [T], _ count: (T) -> Int, _ words: (T) -> String) -> [T] {
            items.sorted { (cells[count($1)].value ?? -1, words($0)) < (cells[count($0)].value ?? -1, words($1)) }
        }
        let groupThemes = listOrder(Array(zip(merged.prefix(groupThemesShown), mergedIds)), { $0.1.0 }, { $0.0.name }).map { g, ids in
            Report.MergedTheme(
                statement: g.name, wordings: g.wordings, sessions: cells[ids.0], votes: cells[ids.1],
                makingItReal: g.links.compactMap { content.theme($0)?.label },
                why: g.wordings.count == 1 ? w("Made in these words each time.")
                    : w("These wordings share at least half their main words ({1}).", g.shared.joined(separator: ", ")))
        }
        let barriers = barrierLists.map { tip, list in
            Report.TipBarriers(tipId: tip.id, label: tip.label, official: tip.official,
                               barriers: listOrder(list, { $0.1 }, { $0.0 }).map { .init(text: $0.0, sessions: cells[$0.1]) })
        }
        // Only roles whose count of people is shown as 0: a hidden 0 stays hidden.
        let absent = content.workshop.roles.filter { roleTable.cell($0.id, "people").map { cells[$0] } == .count(0) }.map(\.label)
        var report = Report(
            schema: Report.schemaId,
            about: .init(sessionsCounted: t.sessions,
                         period: [t.earliest, t.latest].compactMap { $0.map { String($0.prefix(7)) } },
                         together: TogetherVersion.number, produced: options.produced, packs: packVersions(content),
                         sessionsLeftOut: run.filteredOut, filesSkipped: run.skipped.count,
                         hiddenBelow: k, quotes: options.quotes, filters: options.filters, priorityRule: priorityRule(content),
                         hiddenMeans: hiddenMeans(k, w),
                         withheld: protection.withheld.keys.sorted().map { .init(part: $0, reason: w(protection.withheld[$0]!)) },
                         notes: notes(run, w), language: w.language),
            commissioningThemes: commissioning, gapAnalysis: gap, groupThemes: groupThemes,
            tipBarriers: barriers, rolesAbsent: absent, tables: published)
        report.words = w
        return (report, ledger)
    }
}
