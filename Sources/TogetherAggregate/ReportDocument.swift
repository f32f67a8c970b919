import TogetherContent
import TogetherCore
import TogetherPublishing

/// The report as a document, for Markdown and HTML: the same words in both, in the report's language.
enum ReportDocument {
    static func full(_ r: Report) -> Document {
        let w = r.words
        var d = Document(title: w("What people told us: commissioning themes"), language: r.about.language)
        // For a board: what the report covers, then the three themes that matter most, each in one sentence.
        d.add(.heading(1, w("What this report covers")))
        d.add(.table(header: [w("About"), w("This report")], rows: coverage(r)))
        d.add(.heading(1, w("In short")))
        d.add(.paragraph(r.commissioningThemes.isEmpty ? w("No session was counted.")
                         : w("What matters most to the people who took part, most first:")))
        d.add(.numbered(r.commissioningThemes.prefix(3).map { summary($0, w) }))
        d.add(.paragraph(privacyLine(r)))
        if !r.about.notes.isEmpty { d.add(.bullets(r.about.notes)) }

        d.add(.heading(1, w("Commissioning themes, most important first")))
        d.add(.paragraph(r.about.priorityRule))
        d.add(.bars(caption: w("Priority of each Making It Real theme"), r.commissioningThemes.map {
            .init(label: $0.label, value: $0.priority.value, text: $0.priority.text(w))
        }))
        for c in r.commissioningThemes {
            d.add(.heading(2, "\(c.rank). \(c.label)"))
            d.add(.paragraph(w("In Making It Real: {1}.", c.official)))
            d.add(.table(header: [w("Evidence"), w("Count")], rows: [
                [w("Priority"), c.priority.text(w)],
                [w("People who said it is not working"), c.notWorkingPeople.text(w)],
                [w("People who said what they want for the future"), c.aspirationsPeople.text(w)],
                [w("Dots on the groups' themes"), c.votes.text(w)],
                [w("People who said anything about it"), c.people.text(w)],
                [w("Sessions"), c.sessions.text(w)],
            ]))
            d.add(.paragraph(w("Commissioning for Better Outcomes: {1} ({2}). Commissioning cycle: {3}. Why: {4}",
                               c.standards.joined(separator: "; "), c.domains.joined(separator: "; "),
                               c.cycle.joined(separator: ", "), c.reason)))
            if !c.groupThemes.isEmpty {
                d.add(.paragraph(w("The groups' own themes: {1}", c.groupThemes.map { "\"\($0)\"" }.joined(separator: "; "))))
            }
            if !c.quotes.isEmpty {
                d.add(.bullets(c.quotes.map { "\($0.shown(w)) (\($0.category.lowercased()))" }))
            }
        }

        d.add(.heading(1, w("Gap analysis")))
        d.add(.table(header: [w("Strategic objective"), w("The gap"), w("Rationale (the evidence)"), w("Commissioning implications")],
                     rows: r.gapAnalysis.map { [$0.objective, $0.gap, $0.rationale, $0.implications] }))

        d.add(.heading(1, w("Themes the groups made, across sessions")))
        d.add(.paragraph(w("Similar wordings are put together by a rule anyone can check: they share at least half of "
                           + "their main words (words such as I, want, to and the do not count).")))
        d.add(.table(header: [w("Theme"), w("Sessions"), w("Dots"), w("Making It Real"), w("Why these go together")],
                     rows: r.groupThemes.map { g in
                         [g.statement + (g.wordings.count > 1 ? " " + w("(also: {1})", g.wordings.dropFirst().joined(separator: "; ")) : ""),
                          g.sessions.text(w), g.votes.text(w), g.makingItReal.joined(separator: ", "), g.why]
                     }))

        d.add(.heading(1, w("Top tips: what gets in the way")))
        if r.tipBarriers.isEmpty { d.add(.paragraph(w("No group wrote down what gets in the way."))) }
        for tip in r.tipBarriers {
            d.add(.heading(2, tip.label))
            d.add(.paragraph(w("The NHS Confederation's top tip: {1}.", tip.official)))
            d.add(.bullets(tip.barriers.map { w("{1} (sessions: {2})", $0.text, $0.sessions.text(w)) }))
        }

        d.add(.heading(1, w("All the counts")))
        if !r.rolesAbsent.isEmpty {
            d.add(.paragraph(w("No one took part as: {1}.", r.rolesAbsent.joined(separator: ", "))))
        }
        for table in r.tables {
            d.add(.heading(2, table.title))
            if let note = table.note { d.add(.paragraph(note)) }
            if let chart = chart(table, w) { d.add(chart) }
            // The frameworks' own titles beside our plain words, where the rows are themes or tips.
            let officials = table.rows.contains { $0.official != nil }
            d.add(.table(header: [table.rowHeading] + (officials ? [w("In the framework")] : []) + table.columns.map(\.label),
                         rows: table.rows.map { [$0.label] + (officials ? [$0.official ?? ""] : []) + $0.cells.map { $0.text(w) } }))
        }
        return d
    }

    /// The first table of the report: the period, the areas, the sessions, when and with what it was made.
    static func coverage(_ r: Report) -> [[String]] {
        let w = r.words
        var rows: [[String]] = []
        if r.about.period.count == 2 {
            let (from, to) = (month(r.about.period[0], w), month(r.about.period[1], w))
            rows.append([w("Period"), from == to ? from : w("{1} to {2}", from, to)])
        } else {
            rows.append([w("Period"), w("Not known: no workshop counted had a date")])
        }
        if r.about.withheld.contains(where: { $0.part == "areas" }) {
            rows.append([w("Areas"), w("Not listed: some areas had so few sessions that naming them would give counts away")])
        } else if let areas = r.table("areas")?.rows.map(\.label), !areas.isEmpty {
            rows.append([w("Areas"), areas.joined(separator: ", ")])
        }
        rows.append([w("Sessions counted"), String(r.about.sessionsCounted)])
        if r.about.sessionsLeftOut > 0 { rows.append([w("Left out by the filters"), String(r.about.sessionsLeftOut)]) }
        if r.about.filesSkipped > 0 { rows.append([w("Files that could not be read"), String(r.about.filesSkipped)]) }
        if !r.about.filters.isEmpty { rows.append([w("Filters"), r.about.filters.joined(separator: "; ")]) }
        if !r.about.produced.isEmpty { rows.append([w("Produced"), day(r.about.produced, w)]) }
        rows.append([w("Made with"), w("Together {1}; content packs: {2}", r.about.together, r.about.packs.joined(separator: ", "))])
        return rows
    }

    /// One sentence on a commissioning theme, with its counts.
    static func summary(_ c: Report.CommissioningTheme, _ w: TallyWords) -> String {
        w("{1} (Making It Real: {2}): priority {3}; {4} people said it needs to change, {5} said what they want for the "
          + "future and the groups gave it {6} dots, in {7} sessions.", c.label, c.official, c.priority.text(w),
          c.notWorkingPeople.text(w), c.aspirationsPeople.text(w), c.votes.text(w), c.sessions.text(w))
    }

    /// The table's chart, when it has one (the same tables as the workbook's charts): bars for one count a row,
    /// bars of parts for ratings and for the quarters.
    static func chart(_ t: Report.Table, _ w: TallyWords) -> Document.Block? {
        guard let plan = WorkbookPlan.chart(for: t) else { return nil }
        switch plan.kind {
        case .bar, .column:
            let c = plan.columns[0]
            return .bars(caption: t.title, plan.rows.map { i in
                .init(label: t.rows[i].label, value: t.rows[i].cells[c].value, text: t.rows[i].cells[c].text(w))
            })
        case .stackedBar, .line:
            return .stacked(caption: t.title, keys: plan.columns.map { t.columns[$0].label }, plan.rows.map { i in
                .init(label: t.rows[i].label, values: plan.columns.map { t.rows[i].cells[$0].value },
                      texts: plan.columns.map { t.rows[i].cells[$0].text(w) })
            })
        }
    }

    static func aboutLine(_ r: Report) -> String {
        let w = r.words
        var line = w("Sessions counted: {1}.", r.about.sessionsCounted)
        if r.about.period.count == 2 {
            let (from, to) = (month(r.about.period[0], w), month(r.about.period[1], w))
            line += " " + (from == to ? w("Workshops in {1}.", from) : w("Workshops from {1} to {2}.", from, to))
        }
        line += " " + (r.about.produced.isEmpty ? w("Made by Together {1}.", r.about.together)
                       : w("Made by Together {1} on {2}.", r.about.together, day(r.about.produced, w)))
        if r.about.sessionsLeftOut > 0 { line += " " + w("Left out by the filters: {1}.", r.about.sessionsLeftOut) }
        if r.about.filesSkipped > 0 { line += " " + w("Files that could not be read: {1}.", r.about.filesSkipped) }
        return line
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// "April 2026" from "2026-04".
    static func month(_ yearMonth: String, _ w: TallyWords = .english) -> String {
        let parts = yearMonth.split(separator: "-").compactMap { Int($0) }
        guard parts.count >= 2, (1...12).contains(parts[1]) else { return yearMonth }
        return "\(w(months[parts[1] - 1])) \(parts[0])"
    }

    /// "30 November 2026" from "2026-11-30".
    static func day(_ iso: String, _ w: TallyWords = .english) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2]) \(w(months[parts[1] - 1])) \(parts[0])"
    }

    static func privacyLine(_ r: Report) -> String {
        let w = r.words
        var line = w("No names are shown.") + " " + r.about.hiddenMeans + " "
        line += r.about.quotes ? w("Quotes are only from people who agreed to be quoted, in their own words (or with "
                                   + "support, and then marked so); names in any words are shown as [name].")
            : w("No quotes are shown.")
        for part in r.about.withheld { line += " " + w("Not published: {1} ({2}).", partName(part.part, r), part.reason) }
        return line
    }

    static func partName(_ part: String, _ r: Report) -> String {
        let w = r.words
        if let table = r.table(part) { return w("the table \"{1}\"", table.title) }
        switch part {
        case "commissioningThemes.priority": return w("the priority of each commissioning theme")
        case "commissioningThemes.sessions": return w("the sessions for each commissioning theme")
        case "groupThemes.sessions": return w("the sessions for each of the groups' themes")
        case "groupThemes.votes": return w("the dots for each of the groups' themes")
        case "tipBarriers.sessions": return w("the sessions for each thing that gets in the way")
        default: return part
        }
    }

    /// How many people said something, in everyday words; for a hidden count we say we do not show it.
    static func people(_ cell: Cell, future: Bool, _ w: TallyWords) -> String {
        switch (cell, future) {
        case (.count(0), false): w("No one said this needs to change.")
        case (.count(1), false): w("1 person said this needs to change.")
        case (.count(let n), false): w("{1} people said this needs to change.", n)
        case (.hidden, false): w("We keep private how many people said this needs to change.")
        case (.count(0), true): w("No one said what they want in the future.")
        case (.count(1), true): w("1 person said what they want in the future.")
        case (.count(let n), true): w("{1} people said what they want in the future.", n)
        case (.hidden, true): w("We keep private how many people said what they want in the future.")
        }
    }

    /// A short summary for the people who took part: short sentences, everyday words, the top themes only.
    static func easyRead(_ r: Report) -> Document {
        let w = r.words
        var d = Document(title: w("What you told us"), language: r.about.language)
        d.add(.paragraph(w("Thank you for taking part.")))
        d.add(.paragraph(w("We put together what {1} groups said.", r.about.sessionsCounted)))
        d.add(.heading(1, w("What matters most")))
        d.add(.numbered(r.commissioningThemes.prefix(3).map(\.label)))
        for c in r.commissioningThemes.prefix(3) {
            d.add(.heading(2, c.label))
            d.add(.paragraph(people(c.notWorkingPeople, future: false, w)))
            d.add(.paragraph(people(c.aspirationsPeople, future: true, w)))
            if let own = c.groupThemes.first { d.add(.paragraph(w("You said: \"{1}\".", own))) }
        }
        d.add(.heading(1, w("What happens next")))
        d.add(.paragraph(w("The people who plan support will use this to decide what to change.")))
        d.add(.paragraph(w("We will tell you what they decide.")))
        d.add(.paragraph(w("No names are in this paper.")))
        d.add(.paragraph(w("Some numbers are kept private, to protect people. We write \"{1}\" for them.", Cell.mark(w))))
        return d
    }
}
