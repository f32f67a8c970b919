import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

@Suite("Tally")
struct TallyTests {

    @Test("the example sessions give the same tables, CSV and JSON as last time", arguments: TallyFormat.allCases)
    func golden(_ format: TallyFormat) {
        let tally = Tallier.tally(paths: exampleSessions, content: content)
        #expect(tally.sessionsRead == 3)
        #expect(tally.skipped.isEmpty)
        assertGolden(format.render(Disclosure.publish(tally)), named: "tally-examples.\(format.rawValue)")
    }

    @Test("per-theme counts add up to every statement, and tips to every session")
    func countsAddUp() throws {
        var statements = 0
        for path in exampleSessions {
            statements += try SessionCodec.read(URL(fileURLWithPath: path)).statements.count
        }
        let tally = Tallier.tally(paths: exampleSessions, content: content)
        let counted = tally.themes.flatMap(\.statements.values).reduce(0, +)
        #expect(counted == statements)
        #expect(statements > 0)
        for tip in tally.tips {
            #expect(tip.ratings.values.reduce(0, +) + tip.notRated == tally.sessionsRead)
        }
    }

    @Test("bad files are reported with their path and reason, skipped, and never changed")
    func badFiles() throws {
        let folder = temporaryFolder()
        let nested = folder.appendingPathComponent("area/2026")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let good = try Data(contentsOf: URL(fileURLWithPath: exampleSessions[1]))
        try good.write(to: nested.appendingPathComponent("good.json"))
        let bad: [String: String] = [
            "truncated.json": String(decoding: good.prefix(300), as: UTF8.self),
            "not-json.json": "hello",
            "empty.json": "",
            "newer.json": String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"schemaVersion\": 1",
                                                                                      with: "\"schemaVersion\": 2"),
            "wrong-type.json": String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\"rank\": 1",
                                                                                          with: "\"rank\": \"one\""),
        ]
        for (name, text) in bad { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }

        let tally = Tallier.tally(paths: [folder.path, folder.appendingPathComponent("missing.json").path],
                                  content: content)
        #expect(tally.sessionsRead == 1)
        let reasons = Dictionary(uniqueKeysWithValues: tally.skipped.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
        #expect(reasons.count == 6)
        #expect(reasons["missing.json"] == "does not exist")
        #expect(reasons["empty.json"] == "is empty (0 bytes)")
        #expect(reasons["not-json.json"]?.hasPrefix("is not valid JSON") == true)
        #expect(reasons["truncated.json"]?.hasPrefix("is not valid JSON") == true)
        #expect(reasons["newer.json"]?.contains("newer Together") == true)
        #expect(reasons["wrong-type.json"]?.hasPrefix("statements[0].rank") == true)
        for (name, text) in bad {
            #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == text)
        }
    }

    @Test("no person's label or words appear in any output")
    func noNames() throws {
        let tally = Tallier.tally(paths: exampleSessions, content: content)
        let outputs = TallyFormat.allCases.map { $0.render(Disclosure.publish(tally, threshold: 1)) }.joined()
        for path in exampleSessions {
            let session = try SessionCodec.read(URL(fileURLWithPath: path))
            for person in session.people {
                #expect(!outputs.contains(person.label), "\(person.label) leaked")
                #expect(!outputs.contains("\"\(person.id)\""))
            }
            for statement in session.statements { #expect(!outputs.contains(statement.text)) }
        }
    }

    @Test("the table lines up by display width, not by character count")
    func tableWidths() {
        let table = TallyTable.table(["Theme", "Count"], [["Siân ŵ", "1"], ["日本", "22"], ["Plain", "3"]])
        let lines = table.split(separator: "\n")
        let widths = Set(lines.map { TextWidth.of($0) })
        #expect(widths.count == 1)
    }

    @Test("small counts are hidden, and never revealed by subtracting from a total", arguments: 1...200)
    func suppression(_ seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let threshold = Int.random(in: 2...5, using: &generator)
        let counts = (0..<Int.random(in: 2...6, using: &generator)).map { _ in Int.random(in: 0...8, using: &generator) }
        let shown = Disclosure.hide(counts, threshold)
        #expect(shown.count == counts.count)
        for (count, cell) in zip(counts, shown) {
            if count > 0 && count < threshold { #expect(cell == .fewerThan(threshold), "\(counts) → \(shown)") }
            if let value = cell.value { #expect(value == count) }
            // "fewer than" is never said of a count that is not small.
            if cell == .fewerThan(threshold) { #expect(count > 0 && count < threshold) }
        }
        // With the row's sum known, one hidden cell alone could be worked out: there are never exactly one.
        #expect(shown.filter { $0.value == nil }.count != 1, "\(counts) → \(shown)")
    }

    @Test("the published tally hides what the raw tally counts")
    func publishedHides() {
        let tally = Tallier.tally(paths: exampleSessions, content: content)
        let published = Disclosure.publish(tally)
        let table = TallyFormat.table.render(published)
        #expect(table.contains("fewer than 3"))
        let all = Disclosure.publish(tally, threshold: 1)
        #expect(!TallyFormat.table.render(all).contains("fewer than"))
        #expect(all.tables[0].rows.flatMap(\.cells).allSatisfy { $0.value != nil })
    }

    @Test("CSV quotes commas and quotes, and a formula-looking cell is made harmless")
    func csvQuoting() {
        #expect(TallyCSV.csv(["a,b", "say \"hi\"", "=SUM(A1)", "-3"]) == "\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),-3")
    }
}

/// A small repeatable random source (SplitMix64), so a failing case can be run again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Tally: choosing the sessions")
struct TallyInputTests {
    let folder = packageRoot.appendingPathComponent("sessions").path

    @Test("filters by day, area and group type; the rest are counted as left out")
    func filters() {
        let leeds = Tallier.tally(paths: exampleSessions, content: content,
                                  filter: TallyFilter(areas: ["LEEDS "], groups: ["Partnership board"]))
        #expect(leeds.sessionsRead == 1)
        #expect(leeds.sessionsFilteredOut == 2)
        let may = Tallier.tally(paths: exampleSessions, content: content,
                                filter: TallyFilter(since: "2026-05-01", until: "2026-05-31"))
        #expect(may.sessionsRead == 1)
        let all = Tallier.tally(paths: exampleSessions, content: content)
        let parts = [TallyFilter(until: "2026-04-30"), TallyFilter(since: "2026-05-01", until: "2026-05-31"),
                     TallyFilter(since: "2026-06-01")].map {
            Tallier.tally(paths: exampleSessions, content: content, filter: $0)
        }
        // Days split into parts count every session exactly once.
        #expect(parts.map(\.sessionsRead).reduce(0, +) == all.sessionsRead)
        #expect(parts.allSatisfy { $0.sessionsRead + $0.sessionsFilteredOut == all.sessionsRead })
    }

    @Test("a filter that cannot work says why")
    func badFilters() {
        #expect(TallyFilter(since: "2026-02-30").problem(content)?.contains("--since should be a day") == true)
        #expect(TallyFilter(since: "2026-06-01", until: "2026-05-01").problem(content)?.contains("is after") == true)
        #expect(TallyFilter(groups: ["choir"]).problem(content)?.contains("is not a group type") == true)
        #expect(TallyFilter(since: "2026-01-01", groups: ["mixed"]).problem(content) == nil)
    }

    @Test("patterns are expanded; a pattern that matches nothing is named")
    func globs() {
        let (files, missing) = Tallier.files(under: [folder + "/example-*.json", folder + "/nothing-*.json"])
        #expect(files.map(\.lastPathComponent) == exampleSessions.map { URL(fileURLWithPath: $0).lastPathComponent })
        #expect(missing.map(\.reason) == ["matches no files"])
    }
}
