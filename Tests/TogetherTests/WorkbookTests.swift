import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherWorkbook

/// The tally's workbook, read back as a spreadsheet program reads it (openpyxl, through `scripts/read-workbook`),
/// and checked against the report's JSON: every count a number, every hidden count the report's mark, a chart
/// that never draws a hidden count.
@Suite("Tally: the workbook")
struct WorkbookTests {
    static var readerHere: Bool {
        if EndToEndTests.required { return true }
        let out = temporaryFolder().appendingPathComponent("probe.txt")
        return spawnAndWait("/usr/bin/env", ["python3", "-c", "import openpyxl"], output: out.path) == 0
    }

    /// A cell as read back: a number, words, or nothing.
    enum ReadCell: Equatable { case number(Double), text(String), none }

    struct ReadBook {
        var sheets: [(name: String, rows: [[ReadCell]])]
        var charts: [(title: String, kind: String, series: Int, values: [String])]
    }

    /// Writes the workbook to a file and reads it back with openpyxl.
    func readBack(_ plan: WorkbookPlan) throws -> ReadBook {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tally.xlsx"), out = folder.appendingPathComponent("read.json")
        try XLSXWriter.data(plan).write(to: file)
        let status = spawnAndWait("/usr/bin/env", ["python3", packageRoot.appendingPathComponent("scripts/read-workbook").path,
                                                   file.path], output: out.path)
        let data = try Data(contentsOf: out)
        #expect(status == 0, "\(String(decoding: data, as: UTF8.self).prefix(500))")
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let sheets = (json["sheets"] as! [[String: Any]]).map { sheet in
            (name: sheet["name"] as! String, rows: (sheet["rows"] as! [[Any]]).map { row in
                row.map { cell -> ReadCell in
                    if let c = cell as? [String: Any] {
                        if let n = c["number"] as? NSNumber { return .number(n.doubleValue) }
                        if let t = c["text"] as? String { return .text(t) }
                    }
                    return .none
                }
            })
        }
        let charts = (json["charts"] as! [[String: Any]]).map {
            (title: $0["title"] as! String, kind: $0["kind"] as! String, series: $0["series"] as! Int, values: $0["values"] as! [String])
        }
        return ReadBook(sheets: sheets, charts: charts)
    }

    @Test("the workbook read back has every cell of the plan: numbers as numbers, hidden counts as the mark, words as they are; and every chart",
          .enabled(if: readerHere))
    func readBackEqualsPlan() throws {
        let report = ReportBuilder.build(exampleRun(), content, ReportOptions())
        let plan = WorkbookPlan.make(report)
        let book = try readBack(plan)
        #expect(book.sheets.map(\.name) == plan.sheets.map(\.name))
        var numbers = 0, marks = 0
        for (sheet, read) in zip(plan.sheets, book.sheets) {
            for (r, row) in sheet.rows.enumerated() {
                for (c, value) in row.enumerated() {
                    let got = r < read.rows.count && c < read.rows[r].count ? read.rows[r][c] : .none
                    switch value {
                    case .number(let n): #expect(got == .number(Double(n)), "\(sheet.name) \(r),\(c)"); numbers += 1
                    case .mark: #expect(got == .text(Cell.mark), "\(sheet.name) \(r),\(c)"); marks += 1
                    case .text(let words, _): #expect(got == (words.isEmpty ? .none : .text(words)), "\(sheet.name) \(r),\(c)")
                    case .empty: #expect(got == .none, "\(sheet.name) \(r),\(c)")
                    }
                }
            }
        }
        #expect(numbers > 300 && marks > 50, "\(numbers) numbers, \(marks) marks")
        let planned = plan.sheets.flatMap(\.charts)
        #expect(book.charts.map(\.title) == planned.map(\.title))
        #expect(book.charts.map(\.series) == planned.map(\.series.count))
        #expect(planned.count >= 8, "priority, two ratings, three sessions-by, intentions, two trends")
        #expect(book.charts.contains { $0.kind == "bar/bar/stacked" } && book.charts.contains { $0.kind.hasPrefix("line") })
    }

    @Test("every count of the report's JSON is in its sheet, and no chart reads a cell holding the mark", .enabled(if: readerHere))
    func againstTheJSON() throws {
        let report = ReportBuilder.build(exampleRun(), content, ReportOptions())
        let json = try JSONSerialization.jsonObject(with: Data(TallyFormat.json.render(report).utf8)) as! [String: Any]
        let book = try readBack(WorkbookPlan.make(report))
        var checked = 0
        for table in json["tables"] as! [[String: Any]] {
            let title = table["title"] as! String
            let sheet = try #require(book.sheets.first { $0.rows.first?.first == .text(title) }, "no sheet for \(title)")
            let columns = (table["columns"] as! [[String: Any]]).map { $0["label"] as! String }
            #expect(Array(sheet.rows[2].prefix(columns.count + 1)) == ([table["rowHeading"] as! String] + columns).map { .text($0) })
            for (i, row) in (table["rows"] as! [[String: Any]]).enumerated() {
                let read = sheet.rows[3 + i]
                #expect(read.first == .text(row["label"] as! String))
                for (c, cell) in (row["cells"] as! [Any]).enumerated() {
                    let expected: ReadCell = (cell as? NSNumber).map { .number($0.doubleValue) } ?? .text(cell as! String)
                    #expect(read[1 + c] == expected, "\(title) \(row["label"]!) \(columns[c])")
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
        for theme in json["commissioningThemes"] as! [[String: Any]] {
            let sheet = book.sheets.first { $0.name == "Commissioning themes" }!
            let row = sheet.rows.first { $0.count > 1 && $0[1] == .text(theme["label"] as! String) }!
            let priority = theme["priority"]!
            #expect(row[2] == ((priority as? NSNumber).map { .number($0.doubleValue) } ?? .text(Cell.mark)))
        }
        // A chart reads its own copy of the counts, where a hidden count is an empty cell, never the mark.
        for chart in book.charts {
            for range in chart.values {
                let parts = range.split(separator: "!")
                let name = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
                let sheet = try #require(book.sheets.first { $0.name == name })
                let cells = parts[1].replacingOccurrences(of: "$", with: "").split(separator: ":")
                let column = Int(cells[0].unicodeScalars.first!.value - 65)
                let rows = Int(cells[0].dropFirst())!...Int(cells[cells.count - 1].dropFirst())! // one cell: "$J$4"
                for r in rows {
                    let value = column < sheet.rows[r - 1].count ? sheet.rows[r - 1][column] : .none
                    #expect(value != .text(Cell.mark), "\(chart.title) reads a hidden count at \(range)")
                    if case .text = value { Issue.record("\(chart.title) reads words at \(range) row \(r)") }
                }
            }
        }
    }

    @Test("sheet names keep Excel's rules, whatever the titles: at most 31 characters, none of []:*?/\\, each its own")
    func sheetNames() {
        var report = ReportBuilder.build(exampleRun(), content, ReportOptions())
        let long = String(repeating: "Hyd yn oed yn hirach: [a/b]*? ", count: 3)
        report.tables = report.tables.map { t in
            var t = t
            t.id = "x-" + t.id
            t.title = long
            return t
        }
        let names = WorkbookPlan.make(report).sheets.map(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        for name in names {
            #expect(name.count <= 31 && !name.isEmpty)
            #expect(!name.contains { "[]:*?/\\".contains($0) }, "\(name)")
        }
    }
}
