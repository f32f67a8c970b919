import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherWorkbook

/// `tally --lang cy`: every format in Welsh, the same counts as in English, and no English words of the tally's own
/// left in — found by reading the English words out of the code itself.
@Suite("Tally: in Welsh")
struct TallyLanguageTests {
    static let welsh = allLanguages["cy"]!

    /// Every English key the code uses: each `w("…")` in the tally's sources (string pieces joined with `+`), and the
    /// words the code passes to `w` from a list (month names, sheet names, the reason a table is withheld).
    static func keysInCode() throws -> [String] {
        var keys: [String] = []
        let folder = packageRoot.appendingPathComponent("Sources/TogetherAggregate")
        let call = try Regex(#"\bw\(\s*((?:"(?:[^"\\]|\\.)*"\s*(?:\+\s*)?)+)"#)
        let literal = try Regex(#""((?:[^"\\]|\\.)*)""#)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in source.matches(of: call) {
                let pieces = String(source[match.range]).matches(of: literal).map { m in
                    String(String(source[match.range])[m.range].dropFirst().dropLast())
                }
                let key = pieces.joined().replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
                if !keys.contains(key) { keys.append(key) }
            }
        }
        return keys + ReportDocument.months + Array(WorkbookPlan.shortNames.values) + [Ledger.withheldReason, Privacy.placeholder]
    }

    @Test("every English word the tally's code uses has its Welsh, no Welsh entry is left unused, and no key hides a Swift interpolation")
    func everyKeyTranslated() throws {
        let keys = try Self.keysInCode()
        #expect(keys.count > 200)
        let words = Self.welsh.tallyWords.words
        let missing = keys.filter { (words[$0] ?? "").isEmpty }
        #expect(missing.isEmpty, "no Welsh for: \(missing.prefix(10))")
        let unused = Set(words.keys).subtracting(keys)
        #expect(unused.isEmpty, "in tally-words.json but not in the code: \(unused.sorted().prefix(10))")
        #expect(!keys.contains { $0.contains("\\(") }, "a key is built with an interpolation, so it can never be found")
        for key in keys {
            let placeholders = { (s: String) in Set(s.matches(of: /\{\d\}/).map { String(s[$0.range]) }) }
            #expect(placeholders(key) == placeholders(words[key] ?? key), "\(key)")
        }
    }

    static func reports() -> (en: Report, cy: Report) {
        let run = exampleRun()
        return (ReportBuilder.build(run, content, ReportOptions(produced: "2026-11-30")),
                ReportBuilder.build(run, welsh, ReportOptions(produced: "2026-11-30")))
    }

    @Test("the Welsh report has the same counts as the English, cell for cell")
    func sameCounts() {
        let (en, cy) = Self.reports()
        #expect(en.tables.map(\.id) == cy.tables.map(\.id))
        for (a, b) in zip(en.tables, cy.tables) {
            #expect(a.rows.map(\.id) == b.rows.map(\.id) && a.rows.map(\.cells) == b.rows.map(\.cells), "\(a.id)")
        }
        #expect(en.commissioningThemes.map { [$0.priority, $0.votes, $0.sessions] } == cy.commissioningThemes.map { [$0.priority, $0.votes, $0.sessions] })
        #expect(en.commissioningThemes.map(\.themeId) == cy.commissioningThemes.map(\.themeId))
        #expect(cy.about.language == "cy" && en.about.language == "en")
    }

    @Test("no English words of the tally's own are left in any Welsh format, the workbook and the working files included")
    func noEnglishLeft() throws {
        let (_, cy) = Self.reports()
        let words = Self.welsh.tallyWords.words
        // The fixed pieces of every English key (between its {1}, {2}), long enough to be words, that Welsh changes.
        let pieces = Set(try Self.keysInCode().filter { words[$0] != $0 }.flatMap { key in
            key.split(separator: /\{\d\}/).map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) }
        }.filter { $0.count >= 8 && $0.contains(" ") })
        #expect(pieces.count > 150)
        var outputs = TallyFormat.allCases.filter { $0 != .json }.map { ($0.rawValue, $0.render(cy)) }
        outputs.append(("workbook", WorkbookPlan.make(cy).text))
        // Actions that answer a Making It Real theme and a top tip, named in Welsh too.
        var linked = DemoData(content: content, seed: 3).session(0)
        linked.actions.append(PlannedAction(id: "a901", what: "Gwirio'r llythyrau", link: Link(kind: .makingItReal, id: "information"),
                                            createdAt: fixedNow))
        linked.actions.append(PlannedAction(id: "a902", what: "Cyfarfod", link: Link(kind: .topTip, id: "brave"), createdAt: fixedNow))
        let totals = Tallier.totals([linked], content: content, lists: true)
        let actions = String(decoding: TallyWorkingFile.actionsCSV.render(totals, Self.welsh), as: UTF8.self)
        #expect(actions.contains("Y wybodaeth sydd ei hangen arna i, pan fydd ei hangen") && !actions.contains("Information I need"))
        outputs.append(("actions-csv", actions))
        outputs.append(("refi-qda", String(decoding: TallyWorkingFile.refiQDA.render(totals, Self.welsh), as: UTF8.self)))
        for (name, text) in outputs {
            let left = pieces.filter { text.contains($0) }
            #expect(left.isEmpty, "\(name) still says: \(left.sorted().prefix(5))")
            #expect(!text.contains("[name]") && !text.contains("\\[name\\]"), "\(name)")
        }
        #expect(TallyFormat.html.render(cy).contains("<html lang=\"cy\">"))
        #expect(TallyFormat.table.render(cy).contains("Themâu comisiynu, y pwysicaf yn gyntaf"))
        #expect(WorkbookPlan.make(cy).sheets.map(\.name).contains("Themâu comisiynu"))
    }
}
