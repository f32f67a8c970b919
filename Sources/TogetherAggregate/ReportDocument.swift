import TogetherContent
import TogetherCore
import TogetherPublishing

/// The report as a document, for Markdown and HTML: the same words in both.
enum ReportDocument {
    static func full(_ r: Report) -> Document {
        var d = Document(title: "What people told us: commissioning themes")
        // For a board: what the report covers, then the three themes that matter most, each in one sentence.
        d.add(.heading(1, "What this report covers"))
        d.add(.table(header: ["About", "This report"], rows: coverage(r)))
        d.add(.heading(1, "In short"))
        d.add(.paragraph(r.commissioningThemes.isEmpty ? "No session was counted."
                         : "What matters most to the people who took part, most first:"))
        d.add(.numbered(r.commissioningThemes.prefix(3).map(summary)))
        d.add(.paragraph(privacyLine(r)))
        if !r.about.notes.isEmpty { d.add(.bullets(r.about.notes)) }

        d.add(.heading(1, "Commissioning themes, most important first"))
        d.add(.paragraph(r.about.priorityRule))
        d.add(.bars(caption: "Priority of each Making It Real theme", r.commissioningThemes.map {
            .init(label: $0.label, value: $0.priority.value, text: $0.priority.text)
        }))
        for c in r.commissioningThemes {
            d.add(.heading(2, "\(c.rank). \(c.label)"))
            d.add(.paragraph("In Making It Real: \(c.official)."))
            d.add(.table(header: ["Evidence", "Count"], rows: [
                ["Priority", c.priority.text],
                ["People who said it is not working", c.notWorkingPeople.text],
                ["People who said what they want for the future", c.aspirationsPeople.text],
                ["Dots on the groups' themes", c.votes.text],
                ["People who said anything about it", c.people.text],
                ["Sessions", c.sessions.text],
            ]))
            d.add(.paragraph("Commissioning for Better Outcomes: " + c.standards.joined(separator: "; ")
                             + " (" + c.domains.joined(separator: "; ") + "). Commissioning cycle: "
                             + c.cycle.joined(separator: ", ") + ". Why: " + c.reason))
            if !c.groupThemes.isEmpty {
                d.add(.paragraph("The groups' own themes: " + c.groupThemes.map { "\"\($0)\"" }.joined(separator: "; ")))
            }
            if !c.quotes.isEmpty {
                d.add(.bullets(c.quotes.map { "\($0.shown) (\($0.category.lowercased()))" }))
            }
        }

        d.add(.heading(1, "Gap analysis"))
        d.add(.table(header: ["Strategic objective", "The gap", "Rationale (the evidence)", "Commissioning implications"],
                     rows: r.gapAnalysis.map { [$0.objective, $0.gap, $0.rationale, $0.implications] }))

        d.add(.heading(1, "Themes the groups made, across sessions"))
        d.add(.paragraph("Similar wordings are put together by a rule anyone can check: they share at least half "
                         + "of their main words (words such as I, want, to and the do not count)."))
        d.add(.table(header: ["Theme", "Sessions", "Dots", "Making It Real", "Why these go together"],
                     rows: r.groupThemes.map { g in
                         [g.statement + (g.wordings.count > 1 ? " (also: " + g.wordings.dropFirst().joined(separator: "; ") + ")" : ""),
                          g.sessions.text, g.votes.text, g.makingItReal.joined(separator: ", "), g.why]
                     }))

        d.add(.heading(1, "Top tips: what gets in the way"))
        if r.tipBarriers.isEmpty { d.add(.paragraph("No group wrote down what gets in the way.")) }
        for tip in r.tipBarriers {
            d.add(.heading(2, tip.label))
            d.add(.paragraph("The NHS Confederation's top tip: \(tip.official)."))
            d.add(.bullets(tip.barriers.map { "\($0.text) (sessions: \($0.sessions.text))" }))
        }

        d.add(.heading(1, "All the counts"))
        if !r.rolesAbsent.isEmpty {
            d.add(.paragraph("No one took part as: " + r.rolesAbsent.joined(separator: ", ") + "."))
        }
        for table in r.tables {
            d.add(.heading(2, table.title))
            if let note = table.note { d.add(.paragraph(note)) }
            if let chart = chart(table) { d.add(chart) }
            // The frameworks' own titles beside our plain words, where the rows are themes or tips.
            let officials = table.rows.contains { $0.official != nil }
            d.add(.table(header: [table.rowHeading] + (officials ? ["In the framework"] : []) + table.columns.map(\.label),
                         rows: table.rows.map { [$0.label] + (officials ? [$0.official ?? ""] : []) + $0.cells.map(\.text) }))
        }
        return d
    }

    /// The first table of the report: the period, the areas, the sessions, when and with what it was made.
    static func coverage(_ r: Report) -> [[String]] {
        var rows: [[String]] = []
        if r.about.period.count == 2 {
            let (from, to) = (month(r.about.period[0]), month(r.about.period[1]))
            rows.append(["Period", from == to ? from : "\(from) to \(to)"])
        } else {
            rows.append(["Period", "Not known: no workshop counted had a date"])
        }
        if r.about.withheld.contains(where: { $0.part == "areas" }) {
            rows.append(["Areas", "Not listed: some areas had so few sessions that naming them would give counts away"])
        } else if let areas = r.table("areas")?.rows.map(\.label), !areas.isEmpty {
            rows.append(["Areas", areas.joined(separator: ", ")])
        }
        rows.append(["Sessions counted", String(r.about.sessionsCounted)])
        if r.about.sessionsLeftOut > 0 { rows.append(["Left out by the filters", String(r.about.sessionsLeftOut)]) }
        if r.about.filesSkipped > 0 { rows.append(["Files that could not be read", String(r.about.filesSkipped)]) }
        if !r.about.filters.isEmpty { rows.append(["Filters", r.about.filters.joined(separator: "; ")]) }
        if !r.about.produced.isEmpty { rows.append(["Produced", day(r.about.produced)]) }
        rows.append(["Made with", "Together \(r.about.together); content packs: " + r.about.packs.joined(separator: ", ")])
        return rows
    }

    /// One sentence on a commissioning theme, with its counts.
    static func summary(_ c: Report.CommissioningTheme) -> String {
        "\(c.label) (Making It Real: \(c.official)): priority \(c.priority.text); \(c.notWorkingPeople.text) people said "
            + "it needs to change, \(c.aspirationsPeople.text) said what they want for the future and the groups gave it "
            + "\(c.votes.text) dots, in \(c.sessions.text) sessions."
    }

    /// The table's chart, when it has one (the same tables as the workbook's charts): bars for one count a row,
    /// bars of parts for ratings and for the quarters.
    static func chart(_ t: Report.Table) -> Document.Block? {
        guard let plan = WorkbookPlan.chart(for: t) else { return nil }
        switch plan.kind {
        case .bar, .column:
            let c = plan.columns[0]
            return .bars(caption: t.title, plan.rows.map { i in
                .init(label: t.rows[i].label, value: t.rows[i].cells[c].value, text: t.rows[i].cells[c].text)
            })
        case .stackedBar, .line:
            return .stacked(caption: t.title, keys: plan.columns.map { t.columns[$0].label }, plan.rows.map { i in
                .init(label: t.rows[i].label, values: plan.columns.map { t.rows[i].cells[$0].value },
                      texts: plan.columns.map { t.rows[i].cells[$0].text })
            })
        }
    }

    static func aboutLine(_ r: Report) -> String {
        var line = "Sessions counted: \(r.about.sessionsCounted)."
        if r.about.period.count == 2 {
            let (from, to) = (month(r.about.period[0]), month(r.about.period[1]))
            line += from == to ? " Workshops in \(from)." : " Workshops from \(from) to \(to)."
        }
        line += " Made by Together \(r.about.together)" + (r.about.produced.isEmpty ? "." : " on \(day(r.about.produced)).")
        if r.about.sessionsLeftOut > 0 { line += " Left out by the filters: \(r.about.sessionsLeftOut)." }
        if r.about.filesSkipped > 0 { line += " Files that could not be read: \(r.about.filesSkipped)." }
        return line
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// "April 2026" from "2026-04".
    static func month(_ yearMonth: String) -> String {
        let parts = yearMonth.split(separator: "-").compactMap { Int($0) }
        guard parts.count >= 2, (1...12).contains(parts[1]) else { return yearMonth }
        return "\(months[parts[1] - 1]) \(parts[0])"
    }

    /// "30 November 2026" from "2026-11-30".
    static func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    static func privacyLine(_ r: Report) -> String {
        var line = "No names are shown. " + r.about.hiddenMeans
        line += r.about.quotes ? " Quotes are only from people who agreed to be quoted, in their own words (or with "
            + "support, and then marked so); names in any words are shown as [name]." : " No quotes are shown."
        for w in r.about.withheld { line += " Not published: \(partName(w.part, r)) (\(w.reason))." }
        return line
    }

    /// The notes about the files and the limits of protection.
    static func notesLines(_ r: Report) -> [String] { r.about.notes }

    static func partName(_ part: String, _ r: Report) -> String {
        if let table = r.table(part) { return "the table \"\(table.title)\"" }
        switch part {
        case "commissioningThemes.priority": return "the priority of each commissioning theme"
        case "commissioningThemes.sessions": return "the sessions for each commissioning theme"
        case "groupThemes.sessions": return "the sessions for each of the groups' themes"
        case "groupThemes.votes": return "the dots for each of the groups' themes"
        case "tipBarriers.sessions": return "the sessions for each thing that gets in the way"
        default: return part
        }
    }

    /// How many people said something, in everyday words; for a hidden count we say we do not show it.
    static func people(_ cell: Cell, _ said: String) -> String {
        switch cell {
        case .count(0): "No one \(said)."
        case .count(1): "1 person \(said)."
        case .count(let n): "\(n) people \(said)."
        case .hidden: "We keep private how many people \(said)."
        }
    }

    /// A short summary for the people who took part: short sentences, everyday words, the top themes only.
    static func easyRead(_ r: Report) -> Document {
        var d = Document(title: "What you told us")
        d.add(.paragraph("Thank you for taking part."))
        d.add(.paragraph("We put together what \(r.about.sessionsCounted) groups said."))
        d.add(.heading(1, "What matters most"))
        d.add(.numbered(r.commissioningThemes.prefix(3).map(\.label)))
        for c in r.commissioningThemes.prefix(3) {
            d.add(.heading(2, c.label))
            d.add(.paragraph(people(c.notWorkingPeople, "said this needs to change")))
            d.add(.paragraph(people(c.aspirationsPeople, "said what they want in the future")))
            if let own = c.groupThemes.first { d.add(.paragraph("You said: \"\(own)\".")) }
        }
        d.add(.heading(1, "What happens next"))
        d.add(.paragraph("The people who plan support will use this to decide what to change."))
        d.add(.paragraph("We will tell you what they decide."))
        d.add(.paragraph("No names are in this paper."))
        d.add(.paragraph("Some numbers are kept private, to protect people. We write \"\(Cell.mark)\" for them."))
        return d
    }
}
