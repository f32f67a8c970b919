import Foundation
import TogetherContent
import TogetherPublishing
import TogetherCore

/// The tally's outputs. Each is written from the published `Report` only, so a hidden count can never reach
/// a file, and none has a name or a person's key to write.
public enum TallyFormat: String, CaseIterable, Sendable {
    case table, markdown, csv, json, html
    case easyRead = "easy-read"
    /// An Excel workbook: binary, written by `TogetherWorkbook` from `WorkbookPlan`; `render` gives the plan's text.
    case xlsx

    /// False for the workbook, whose file is not text.
    public var isText: Bool { self != .xlsx }

    /// The file name used when every format is written to a folder.
    public var fileName: String {
        switch self {
        case .table: "tally.txt"
        case .markdown: "report.md"
        case .csv: "tally.csv"
        case .json: "tally.json"
        case .html: "report.html"
        case .easyRead: "easy-read.html"
        case .xlsx: "tally.xlsx"
        }
    }

    /// The report in this format. Whatever the sessions held, no control character or terminal escape sequence
    /// reaches the output (the words were cleaned when read; this is the last check).
    /// `width`: the terminal table fits it (cells wrapped by display width); other formats ignore it.
    public func render(_ report: Report, width: Int? = nil) -> String { Privacy.clean(body(report, width: width)) }

    func body(_ report: Report, width: Int? = nil) -> String {
        switch self {
        case .table: TallyTable.render(report, width: width)
        case .markdown: ReportDocument.full(report).markdown
        case .csv: TallyCSV.render(report)
        case .json: TallyJSON.render(report)
        case .html: ReportDocument.full(report).html()
        case .easyRead: ReportDocument.easyRead(report).html(easyRead: true)
        case .xlsx: WorkbookPlan.make(report).text
        }
    }
}

/// The report as a document, for Markdown and HTML: the same words in both.
enum ReportDocument {
    static func full(_ r: Report) -> Document {
        var d = Document(title: "What people told us: commissioning themes")
        d.add(.paragraph(aboutLine(r)))
        if !r.about.filters.isEmpty { d.add(.paragraph("Filters: " + r.about.filters.joined(separator: "; ") + ".")) }
        d.add(.paragraph(privacyLine(r)))
        if !r.about.notes.isEmpty { d.add(.bullets(r.about.notes)) }

        d.add(.heading(1, "Commissioning themes, most important first"))
        d.add(.paragraph(r.about.priorityRule))
        d.add(.bars(caption: "Priority of each Making It Real theme", r.commissioningThemes.map {
            .init(label: $0.label, value: $0.priority.value, text: $0.priority.text)
        }))
        for c in r.commissioningThemes {
            d.add(.heading(2, "\(c.rank). \(c.label)"))
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
            d.add(.bullets(tip.barriers.map { "\($0.text) (sessions: \($0.sessions.text))" }))
        }

        d.add(.heading(1, "All the counts"))
        if !r.rolesAbsent.isEmpty {
            d.add(.paragraph("No one took part as: " + r.rolesAbsent.joined(separator: ", ") + "."))
        }
        for table in r.tables {
            d.add(.heading(2, table.title))
            if let note = table.note { d.add(.paragraph(note)) }
            d.add(.table(header: [table.rowHeading] + table.columns.map(\.label),
                         rows: table.rows.map { [$0.label] + $0.cells.map(\.text) }))
        }
        return d
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

/// Columns padded by display width, so Welsh letters, CJK and emoji line up.
enum TallyTable {
    /// With a width, every line fits it: words wrap, and wide tables wrap their cells (by display width).
    static func render(_ r: Report, width: Int? = nil) -> String {
        func text(_ words: String) -> String {
            guard let width else { return words + "\n" }
            return TextWidth.wrap(words, width: max(20, width)).joined(separator: "\n") + "\n"
        }
        var out = text(ReportDocument.aboutLine(r)) + text(ReportDocument.privacyLine(r))
        for note in r.about.notes { out += text("- " + note) }
        out += "\n" + text("Commissioning themes, most important first")
        out += table(["#", "Theme", "Priority", "Not working", "Future", "Dots", "Sessions"],
                     r.commissioningThemes.map { c in
                         [String(c.rank), c.label, c.priority.text, c.notWorkingPeople.text, c.aspirationsPeople.text,
                          c.votes.text, c.sessions.text]
                     }, numbersFrom: 2, width: width)
        out += text(r.about.priorityRule)
        if !r.groupThemes.isEmpty {
            out += "\n" + text("Themes the groups made")
            out += table(["Theme", "Sessions", "Dots"], r.groupThemes.map { [$0.statement, $0.sessions.text, $0.votes.text] },
                         numbersFrom: 1, width: width)
        }
        if !r.rolesAbsent.isEmpty { out += "\n" + text("No one took part as: " + r.rolesAbsent.joined(separator: ", ") + ".") }
        for t in r.tables {
            out += "\n" + text(t.title)
            out += table([t.rowHeading] + t.columns.map(\.label), t.rows.map { [$0.label] + $0.cells.map(\.text) },
                         numbersFrom: 1, width: width)
        }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]], numbersFrom: Int, width: Int? = nil) -> String {
        let all = ([header] + rows).map { $0 + Array(repeating: "", count: max(0, header.count - $0.count)) }
        var widths = header.indices.map { c in all.map { TextWidth.of($0[c]) }.max() ?? 0 }
        if let width, widths.reduce(0, +) + 2 * (widths.count - 1) > width {
            // Too wide: number columns keep their numbers (their headings wrap at word breaks), then the word
            // columns share what is left, none narrower than 8.
            for c in widths.indices where c >= numbersFrom {
                let numbers = all.dropFirst().map { TextWidth.of($0[c]) }.max() ?? 0
                let longestWord = header[c].split(separator: " ").map { TextWidth.of(String($0)) }.max() ?? 0
                widths[c] = max(numbers, longestWord)
            }
            let fixed = widths.indices.filter { $0 >= numbersFrom }.reduce(0) { $0 + widths[$1] } + 2 * (widths.count - 1)
            let words = Array(0..<min(numbersFrom, widths.count))
            let share = max(8, (width - fixed) / max(1, words.count))
            for c in words { widths[c] = min(widths[c], share) }
            // Still too wide: the number columns in parts, each with the word columns again.
            let wordsWidth = words.reduce(0) { $0 + widths[$1] + 2 }
            if wordsWidth + fixed - 2 * words.count > width, header.count > numbersFrom + 1 {
                var parts: [[Int]] = [[]]
                var used = wordsWidth
                for c in numbersFrom..<header.count {
                    if !parts[parts.count - 1].isEmpty, used + widths[c] > width {
                        parts.append([])
                        used = wordsWidth
                    }
                    parts[parts.count - 1].append(c)
                    used += widths[c] + 2
                }
                if parts.count > 1 {
                    return parts.map { part in
                        let columns = words + part
                        return table(columns.map { header[$0] }, rows.map { row in columns.map { $0 < row.count ? row[$0] : "" } },
                                     numbersFrom: words.count, width: width)
                    }.joined(separator: "\n")
                }
            }
        }
        func lines(_ cells: [String]) -> [String] {
            let wrapped = cells.enumerated().map { c, text in
                TextWidth.of(text) <= widths[c] ? [text] : TextWidth.wrap(text, width: max(1, widths[c]))
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { i in
                wrapped.enumerated().map { c, parts in
                    let text = i < parts.count ? parts[i] : ""
                    let pad = String(repeating: " ", count: max(0, widths[c] - TextWidth.of(text)))
                    return c < numbersFrom ? text + pad : pad + text // words left, numbers right
                }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return (lines(header) + [rule] + all.dropFirst().flatMap(lines)).joined(separator: "\n") + "\n"
    }
}

/// A tidy long table: one count per line, ready for a spreadsheet. A hidden count has an empty value and
/// says why in `note`. The fields are described in `docs/tally-csv.md`.
enum TallyCSV {
    static let header = ["table", "row_id", "row_label", "column_id", "column_label", "value", "note", "text"]

    static func render(_ r: Report) -> String {
        var lines = [csv(header)]
        func add(_ table: String, _ rowId: String, _ rowLabel: String, _ columnId: String, _ columnLabel: String, _ cell: Cell,
                 text: String = "") {
            lines.append(csv([table, rowId, rowLabel, columnId, columnLabel, cell.value.map(String.init) ?? "",
                              cell.value == nil ? cell.text : "", text]))
        }
        /// A line of words with no count.
        func words(_ table: String, _ rowId: String, _ rowLabel: String, _ columnId: String, _ columnLabel: String, _ text: String) {
            lines.append(csv([table, rowId, rowLabel, columnId, columnLabel, "", "", text]))
        }
        for c in r.commissioningThemes {
            for (id, label, cell) in [("rank", "Rank", Cell.count(c.rank)), ("priority", "Priority", c.priority),
                                      ("notWorkingPeople", "People: not working", c.notWorkingPeople),
                                      ("aspirationsPeople", "People: for the future", c.aspirationsPeople),
                                      ("votes", "Dots", c.votes), ("people", "People", c.people),
                                      ("sessions", "Sessions", c.sessions)] {
                add("commissioningThemes", c.themeId, c.label, id, label, cell)
            }
        }
        for (i, g) in r.groupThemes.enumerated() {
            add("groupThemes", "g\(i + 1)", g.statement, "sessions", "Sessions", g.sessions)
            add("groupThemes", "g\(i + 1)", g.statement, "dots", "Dots", g.votes)
        }
        for t in r.tables {
            for row in t.rows {
                for (column, cell) in zip(t.columns, row.cells) { add(t.id, row.id, row.label, column.id, column.label, cell) }
            }
        }
        // The tables of words: what each theme maps onto, its quotes, the gap analysis, the groups' themes' links
        // and the top tips' barriers.
        for c in r.commissioningThemes {
            for standard in c.standards { words("mappings", c.themeId, c.label, "standard", "Commissioning for Better Outcomes standard", standard) }
            for domain in c.domains { words("mappings", c.themeId, c.label, "domain", "Domain", domain) }
            for stage in c.cycle { words("mappings", c.themeId, c.label, "cycle", "Commissioning cycle", stage) }
            if !c.reason.isEmpty { words("mappings", c.themeId, c.label, "reason", "Why", c.reason) }
            for (i, q) in c.quotes.enumerated() { words("quotes", c.themeId, c.label, "q\(i + 1)", q.category, q.shown) }
        }
        for g in r.gapAnalysis {
            for (id, label, text) in [("objective", "Strategic objective", g.objective), ("gap", "The gap", g.gap),
                                      ("rationale", "Rationale (the evidence)", g.rationale),
                                      ("implications", "Commissioning implications", g.implications)] {
                words("gapAnalysis", g.themeId, r.commissioningThemes.first { $0.themeId == g.themeId }?.label ?? "", id, label, text)
            }
        }
        for (i, g) in r.groupThemes.enumerated() {
            for label in g.makingItReal { words("groupThemeLinks", "g\(i + 1)", g.statement, "makingItReal", "Making It Real", label) }
            for wording in g.wordings.dropFirst() { words("groupThemeLinks", "g\(i + 1)", g.statement, "wording", "Also worded", wording) }
            if !g.why.isEmpty { words("groupThemeLinks", "g\(i + 1)", g.statement, "why", "Why these go together", g.why) }
        }
        for tip in r.tipBarriers {
            for (i, b) in tip.barriers.enumerated() {
                add("tipBarriers", tip.tipId, tip.label, "b\(i + 1)", "Sessions", b.sessions, text: b.text)
            }
        }
        add("summary", "", "", "sessionsCounted", "Sessions counted", .count(r.about.sessionsCounted))
        add("summary", "", "", "sessionsLeftOut", "Left out by the filters", .count(r.about.sessionsLeftOut))
        add("summary", "", "", "filesSkipped", "Files that could not be read", .count(r.about.filesSkipped))
        words("summary", "", "", "hiddenMeans", "What \"\(Cell.mark)\" means", r.about.hiddenMeans)
        for w in r.about.withheld { words("summary", w.part, ReportDocument.partName(w.part, r), "withheld", "Not published", w.reason) }
        for (i, note) in r.about.notes.enumerated() { words("summary", "note\(i + 1)", "", "note", "Note", note) }
        // A byte-order mark first: Excel, opened by a double-click, then reads the file as UTF-8 (Ynys Môn, not
        // Ynys MÃ´n). Other programs skip it.
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; a cell that begins with = + - @, a tab or a carriage return gets a ' in front, so a
    /// spreadsheet never runs it as a formula (a count such as -1 never occurs; numbers are left alone).
    static func csv(_ fields: [String]) -> String {
        fields.map { field in
            var f = field
            if let first = f.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Int(f) == nil { f = "'" + f }
            if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return f
        }.joined(separator: ",")
    }
}

enum TallyJSON {
    static func render(_ r: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(r)) ?? Data(), as: UTF8.self) + "\n"
    }
}
