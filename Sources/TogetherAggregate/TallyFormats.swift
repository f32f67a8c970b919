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
    public func render(_ report: Report, width: Int? = nil) -> String {
        Privacy.localiseName(Privacy.clean(body(report, width: width)), report.words)
    }

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

/// Columns padded by display width, so Welsh letters, CJK and emoji line up.
enum TallyTable {
    /// With a width, every line fits it: words wrap, and wide tables wrap their cells (by display width).
    static func render(_ r: Report, width: Int? = nil) -> String {
        func text(_ words: String) -> String {
            guard let width else { return words + "\n" }
            return TextWidth.wrap(words, width: max(20, width)).joined(separator: "\n") + "\n"
        }
        let w = r.words
        var out = text(ReportDocument.aboutLine(r)) + text(ReportDocument.privacyLine(r))
        for note in r.about.notes { out += text("- " + note) }
        out += "\n" + text(w("Commissioning themes, most important first"))
        out += table(["#", w("Theme"), w("Priority"), w("Not working"), w("Future"), w("Dots"), w("Sessions")],
                     r.commissioningThemes.map { c in
                         [String(c.rank), c.label, c.priority.text(w), c.notWorkingPeople.text(w), c.aspirationsPeople.text(w),
                          c.votes.text(w), c.sessions.text(w)]
                     }, numbersFrom: 2, width: width)
        out += text(r.about.priorityRule)
        if !r.groupThemes.isEmpty {
            out += "\n" + text(w("Themes the groups made"))
            out += table([w("Theme"), w("Sessions"), w("Dots")], r.groupThemes.map { [$0.statement, $0.sessions.text(w), $0.votes.text(w)] },
                         numbersFrom: 1, width: width)
        }
        if !r.rolesAbsent.isEmpty { out += "\n" + text(w("No one took part as: {1}.", r.rolesAbsent.joined(separator: ", "))) }
        for t in r.tables {
            out += "\n" + text(t.title)
            out += table([t.rowHeading] + t.columns.map(\.label), t.rows.map { [$0.label] + $0.cells.map { $0.text(w) } },
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
                }.joined(separator: "  ").withoutTrailingSpace
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
        let w = r.words
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
            for (id, label, cell) in [("rank", w("Rank"), Cell.count(c.rank)), ("priority", w("Priority"), c.priority),
                                      ("notWorkingPeople", w("People: not working"), c.notWorkingPeople),
                                      ("aspirationsPeople", w("People: for the future"), c.aspirationsPeople),
                                      ("votes", w("Dots"), c.votes), ("people", w("People"), c.people),
                                      ("sessions", w("Sessions"), c.sessions)] {
                add("commissioningThemes", c.themeId, c.label, id, label, cell)
            }
        }
        for (i, g) in r.groupThemes.enumerated() {
            add("groupThemes", "g\(i + 1)", g.statement, "sessions", w("Sessions"), g.sessions)
            add("groupThemes", "g\(i + 1)", g.statement, "dots", w("Dots"), g.votes)
        }
        for t in r.tables {
            for row in t.rows {
                for (column, cell) in zip(t.columns, row.cells) { add(t.id, row.id, row.label, column.id, column.label, cell) }
            }
        }
        // The tables of words: what each theme maps onto, its quotes, the gap analysis, the groups' themes' links
        // and the top tips' barriers.
        for c in r.commissioningThemes {
            for standard in c.standards {
                words("mappings", c.themeId, c.label, "standard", w("Commissioning for Better Outcomes standard"), standard)
            }
            for domain in c.domains { words("mappings", c.themeId, c.label, "domain", w("Domain"), domain) }
            for stage in c.cycle { words("mappings", c.themeId, c.label, "cycle", w("Commissioning cycle"), stage) }
            if !c.reason.isEmpty { words("mappings", c.themeId, c.label, "reason", w("Why"), c.reason) }
            for (i, q) in c.quotes.enumerated() { words("quotes", c.themeId, c.label, "q\(i + 1)", q.category, q.shown(w)) }
        }
        for g in r.gapAnalysis {
            for (id, label, text) in [("objective", w("Strategic objective"), g.objective), ("gap", w("The gap"), g.gap),
                                      ("rationale", w("Rationale (the evidence)"), g.rationale),
                                      ("implications", w("Commissioning implications"), g.implications)] {
                words("gapAnalysis", g.themeId, r.commissioningThemes.first { $0.themeId == g.themeId }?.label ?? "", id, label, text)
            }
        }
        for (i, g) in r.groupThemes.enumerated() {
            for label in g.makingItReal { words("groupThemeLinks", "g\(i + 1)", g.statement, "makingItReal", w("Making It Real"), label) }
            for wording in g.wordings.dropFirst() { words("groupThemeLinks", "g\(i + 1)", g.statement, "wording", w("Also worded"), wording) }
            if !g.why.isEmpty { words("groupThemeLinks", "g\(i + 1)", g.statement, "why", w("Why these go together"), g.why) }
        }
        for tip in r.tipBarriers {
            for (i, b) in tip.barriers.enumerated() {
                add("tipBarriers", tip.tipId, tip.label, "b\(i + 1)", w("Sessions"), b.sessions, text: b.text)
            }
        }
        add("summary", "", "", "sessionsCounted", w("Sessions counted"), .count(r.about.sessionsCounted))
        add("summary", "", "", "sessionsLeftOut", w("Left out by the filters"), .count(r.about.sessionsLeftOut))
        add("summary", "", "", "filesSkipped", w("Files that could not be read"), .count(r.about.filesSkipped))
        words("summary", "", "", "hiddenMeans", w("What \"{1}\" means", Cell.mark(w)), r.about.hiddenMeans)
        for part in r.about.withheld {
            words("summary", part.part, ReportDocument.partName(part.part, r), "withheld", w("Not published"), part.reason)
        }
        for (i, note) in r.about.notes.enumerated() { words("summary", "note\(i + 1)", "", "note", w("Note"), note) }
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

extension String {
    /// Without white space at the end (a padded table line, trimmed on its scalars with no pattern to compile).
    var withoutTrailingSpace: String {
        var scalars = unicodeScalars[...]
        guard let last = scalars.last, last.properties.isWhitespace else { return self }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
