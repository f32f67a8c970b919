import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// The published report, attacked: every hidden small count must stay somewhere from 0 to the threshold.
@Suite("Disclosure under attack")
struct DisclosureAttackTests {

    /// The JSON a commissioner would publish, and the same report with nothing hidden (the truth).
    func reports(_ run: TallyRun, threshold: Int = 3) -> (published: String, truth: String) {
        (TallyFormat.json.render(ReportBuilder.build(run, content, ReportOptions(threshold: threshold))),
         TallyFormat.json.render(ReportBuilder.build(run, content, ReportOptions(threshold: 1))))
    }

    func attack(_ run: TallyRun, threshold: Int = 3, _ label: String) throws -> Int {
        let (published, truthJSON) = reports(run, threshold: threshold)
        let truth = try Attacker.truth(reportJSON: truthJSON)
        let attacker = try Attacker(reportJSON: published)
        let result = attacker.attack(truth: truth)
        #expect(result.wrong.isEmpty, "\(label): a documented sum does not hold: \(result.wrong.prefix(5))")
        #expect(result.recovered.isEmpty, "\(label): \(result.recovered.count) small counts worked out, e.g. \(result.recovered.prefix(5))")
        #expect(!published.contains("fewer than"), "one mark for every hidden count")
        return result.hidden
    }

    @Test("the attacker works out small counts from the report as it was published before the audit")
    func attackerCanWin() throws {
        let fixtures = packageRoot.appendingPathComponent("Tests/TogetherTests/Fixtures")
        let before = try String(contentsOf: fixtures.appendingPathComponent("tally-before-audit.json"), encoding: .utf8)
        let truth = try Attacker.truth(reportJSON: reports(exampleRun()).truth)
        let result = try Attacker(reportJSON: before).attack(truth: truth)
        print("before the audit: \(result.recovered.count) small counts worked out, e.g. \(result.recovered.prefix(3))")
        #expect(result.wrong.isEmpty, "\(result.wrong.prefix(5))")
        #expect(result.recovered.count >= 20)
    }

    @Test("with only the small counts hidden (no protection by others), the attacker wins")
    func primaryOnlyLoses() throws {
        let run = exampleRun()
        let (published, truthJSON) = reports(run)
        let truth = try Attacker.truth(reportJSON: truthJSON)
        // Put back every hidden count that is not small: what a report without secondary suppression shows.
        var weak = published
        let attacker = try Attacker(reportJSON: published)
        #expect(attacker.constraints.count > 100)
        let revealed = truth.filter { name, value in value >= 3 && attacker.range(name).map { $0.lo != $0.hi } == true }
        #expect(!revealed.isEmpty, "the audit hid some larger counts")
        weak = try Self.reveal(published, revealed)
        let result = try Attacker(reportJSON: weak).attack(truth: truth)
        #expect(result.recovered.count > 0)
    }

    /// The report with the named cells shown as their numbers.
    static func reveal(_ json: String, _ values: [String: Int]) throws -> String {
        var report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        var tables = report["tables"] as! [[String: Any]]
        for (t, table) in tables.enumerated() {
            let id = table["id"] as! String
            let columns = (table["columns"] as! [[String: Any]]).map { $0["id"] as! String }
            var rows = table["rows"] as! [[String: Any]]
            for (r, row) in rows.enumerated() {
                var cells = row["cells"] as! [Any]
                for (c, column) in columns.enumerated() where c < cells.count {
                    if let v = values["\(id)/\(row["id"] as! String)/\(column)"] { cells[c] = v }
                }
                rows[r]["cells"] = cells
            }
            tables[t]["rows"] = rows
        }
        report["tables"] = tables
        return String(decoding: try JSONSerialization.data(withJSONObject: report), as: UTF8.self)
    }

    @Test("the example sessions: no small count can be worked out", arguments: [2, 3, 5])
    func examples(_ threshold: Int) throws {
        _ = try attack(exampleRun(), threshold: threshold, "examples at \(threshold)")
    }

    @Test("small groups (2 to 6 people, 1 to 5 sessions): no small count can be worked out", arguments: 1...24)
    func smallGroups(_ seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed) &* 7919)
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = DemoData(content: content, seed: UInt64(seed))
        let sessions = 1 + rng.below(5)
        for i in 0..<sessions {
            let s = Self.smaller(demo.session(i), people: 2 + rng.below(5))
            try SessionCodec.encode(s).write(to: folder.appendingPathComponent("s\(i).json"))
        }
        let run = Tallier.run(paths: [folder.path], content: content)
        #expect(run.totals.sessions == sessions)
        _ = try attack(run, "seed \(seed), \(sessions) sessions")
        // And with a filter that leaves some out.
        if sessions > 2 {
            let filtered = Tallier.run(paths: [folder.path], content: content,
                                       filter: TallyFilter(until: run.totals.quarters.keys.sorted().last.map { _ in "2026-06-30" }))
            _ = try attack(filtered, "seed \(seed) filtered")
        }
    }

    /// A made-up session cut down to its first few people, with everything that refers to the rest removed.
    static func smaller(_ session: Session, people: Int) -> Session {
        var s = session
        s.people = Array(s.people.prefix(people))
        let kept = Set(s.people.map(\.id))
        s.statements = s.statements.filter { kept.contains($0.personId) }
        for i in s.groupThemes.indices { s.groupThemes[i].dots = s.groupThemes[i].dots.filter { kept.contains($0.key) } }
        return s
    }
}
