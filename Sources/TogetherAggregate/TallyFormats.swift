import Foundation
import TogetherContent
import TogetherCore

/// The tally's outputs. Each format is written in one place.
public enum TallyFormat: String, CaseIterable, Sendable {
    case table, csv, json

    public func render(_ tally: Tally) -> String {
        switch self {
        case .table: TallyTable.render(tally)
        case .csv: TallyCSV.render(tally)
        case .json: TallyJSON.render(tally)
        }
    }
}

/// Columns padded by display width, so Welsh letters, CJK and emoji line up.
enum TallyTable {
    static func render(_ tally: Tally) -> String {
        var out = "Sessions read: \(tally.sessionsRead)\n\n"
        out += "Statements by Making It Real theme\n"
        let themeHeader = ["Theme"] + tally.categories.map(\.label) + ["Total"]
        let themeRows = tally.themes.map { row in
            [row.label] + tally.categories.map { String(row.statements[$0.id] ?? 0) }
                + [String(row.statements.values.reduce(0, +))]
        }
        out += table(themeHeader, themeRows)
        out += "\nHow top tips were rated\n"
        let tipHeader = ["Top tip"] + tally.tipScale.map(\.label) + ["Not rated"]
        let tipRows = tally.tips.map { row in
            [row.label] + tally.tipScale.map { String(row.ratings[$0.id] ?? 0) } + [String(row.notRated)]
        }
        out += table(tipHeader, tipRows)
        return out
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { TextWidth.of($0[c]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - TextWidth.of(text))
                return c == 0 ? text + pad : pad + text // words left, numbers right
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// A tidy long table: one count per line, ready for a spreadsheet.
enum TallyCSV {
    static func render(_ tally: Tally) -> String {
        var lines = ["section,item_id,item_label,measure,value"]
        for row in tally.themes {
            for category in tally.categories {
                lines.append(csv(["theme", row.themeId, row.label, "statements_\(category.id)",
                                  String(row.statements[category.id] ?? 0)]))
            }
            if row.themeId != Tally.noTheme {
                for level in tally.themeScale {
                    lines.append(csv(["theme", row.themeId, row.label, "rated_\(level.id)",
                                      String(row.ratings[level.id] ?? 0)]))
                }
            }
        }
        for row in tally.tips {
            for level in tally.tipScale {
                lines.append(csv(["tip", row.tipId, row.label, "rated_\(level.id)", String(row.ratings[level.id] ?? 0)]))
            }
            lines.append(csv(["tip", row.tipId, row.label, "not_rated", String(row.notRated)]))
        }
        lines.append(csv(["summary", "", "", "sessions_read", String(tally.sessionsRead)]))
        lines.append(csv(["summary", "", "", "files_skipped", String(tally.skipped.count)]))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
    static func csv(_ fields: [String]) -> String {
        fields.map { field in
            var f = field
            if let first = f.first, "=+-@".contains(first), Int(f) == nil { f = "'" + f }
            if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return f
        }.joined(separator: ",")
    }
}

enum TallyJSON {
    static func render(_ tally: Tally) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(tally)) ?? Data(), as: UTF8.self) + "\n"
    }
}
