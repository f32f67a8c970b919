import Foundation
import TogetherContent
import TogetherCore

/// The tally's outputs. Each format is written in one place, and each writes only the published tally,
/// so a hidden count can never reach a file.
public enum TallyFormat: String, CaseIterable, Sendable {
    case table, csv, json

    public func render(_ tally: PublishedTally) -> String {
        switch self {
        case .table: TallyTable.render(tally)
        case .csv: TallyCSV.render(tally)
        case .json: TallyJSON.render(tally)
        }
    }
}

/// Columns padded by display width, so Welsh letters, CJK and emoji line up.
enum TallyTable {
    static func render(_ tally: PublishedTally) -> String {
        var out = "Sessions read: \(tally.sessionsRead)\n"
        if tally.hiddenBelow > 1 {
            out += "To protect people, counts from 1 to \(tally.hiddenBelow - 1) show as \"fewer than \(tally.hiddenBelow)\", "
                + "and a count that would give one away by subtraction shows as \"hidden\".\n"
        }
        for t in tally.tables {
            out += "\n\(t.title)\n"
            out += table([t.rowHeading] + t.columns.map(\.label), t.rows.map { [$0.label] + $0.cells.map(\.text) })
        }
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

/// A tidy long table: one count per line, ready for a spreadsheet. A hidden count has an empty value and
/// says why in `note`.
enum TallyCSV {
    static func render(_ tally: PublishedTally) -> String {
        var lines = ["table,item_id,item_label,measure,value,note"]
        for t in tally.tables {
            for row in t.rows {
                for (column, cell) in zip(t.columns, row.cells) {
                    lines.append(csv([t.title, row.id, row.label, column.id, cell.value.map(String.init) ?? "",
                                      cell.value == nil ? cell.text : ""]))
                }
            }
        }
        lines.append(csv(["Summary", "", "", "sessions_read", String(tally.sessionsRead), ""]))
        lines.append(csv(["Summary", "", "", "files_skipped", String(tally.filesSkipped), ""]))
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
    static func render(_ tally: PublishedTally) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(tally)) ?? Data(), as: UTF8.self) + "\n"
    }
}
