import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// The report over the example sessions, with nothing cached.
func exampleRun(_ filter: TallyFilter = TallyFilter()) -> TallyRun {
    Tallier.run(paths: exampleSessions, content: content, filter: filter)
}

@Suite("Tally")
struct TallyTests {

    @Test("the example sessions give the same output in every format as last time", arguments: TallyFormat.allCases)
    func golden(_ format: TallyFormat) {
        let run = exampleRun()
        #expect(run.totals.sessions == 3)
        #expect(run.skipped.isEmpty)
        let report = ReportBuilder.build(run, content, ReportOptions())
        assertGolden(format.render(report), named: "tally-examples.\(format.rawValue)")
    }

    @Test("per-theme counts add up to every statement, tips to every session, people to everyone")
    func countsAddUp() throws {
        var statements = 0, people = 0
        for path in exampleSessions {
            let session = try SessionCodec.read(URL(fileURLWithPath: path))
            statements += session.statements.count
            people += session.people.count
        }
        let t = exampleRun().totals
        let counted = t.themes.values.flatMap { Array($0.statements.values) + Array($0.suggested.values) }.reduce(0, +)
        #expect(counted == statements)
        #expect(statements > 0)
        #expect(t.themes.values.flatMap(\.byRole.values).reduce(0, +) == statements)
        #expect(t.themes.values.flatMap(\.byVoice.values).reduce(0, +) == statements)
        #expect(t.rolePeople.values.reduce(0, +) == people)
        for (_, ratings) in t.tipRatings { #expect(ratings.values.reduce(0, +) <= t.sessions) }
    }

    @Test("on made-up sessions the per-theme counts add up, and each person counts once per theme")
    func demoCountsAddUp() {
        let demo = DemoData(content: content, seed: 7)
        let sessions = (0..<40).map(demo.session)
        let t = Tallier.totals(sessions, content: content)
        let statements = sessions.map(\.statements.count).reduce(0, +)
        #expect(t.themes.values.flatMap { Array($0.statements.values) + Array($0.suggested.values) }.reduce(0, +) == statements)
        for theme in content.makingItReal.themes {
            var expected = 0
            for s in sessions {
                let suggester = ThemeSuggester(content.keywords)
                let mine = s.statements.filter { st in
                    (st.themeId ?? suggester.suggest(for: st.text)?.themeId) == theme.id
                }
                expected += Set(mine.map(\.personId)).count
            }
            #expect(t.themes[theme.id]?.peopleAny == expected, "\(theme.id)")
        }
    }

    @Test("shuffling the input files changes nothing", arguments: 1...5)
    func shuffled(_ seed: Int) throws {
        let folder = temporaryFolder()
        let demo = DemoData(content: content, seed: 11)
        var paths: [String] = []
        for i in 0..<30 {
            let url = folder.appendingPathComponent("s\(i).json")
            try SessionCodec.encode(demo.session(i)).write(to: url)
            paths.append(url.path)
        }
        var generator = SplitMix(seed: UInt64(seed))
        let a = Tallier.run(paths: paths, content: content)
        let b = Tallier.run(paths: paths.shuffled(using: &generator), content: content)
        #expect(a.totals == b.totals)
        for format in TallyFormat.allCases {
            #expect(format.render(ReportBuilder.build(a, content, ReportOptions()))
                    == format.render(ReportBuilder.build(b, content, ReportOptions())))
        }
    }

    @Test("the quick reader reads exactly what the careful decoder reads")
    func readersAgree() throws {
        let demo = DemoData(content: content, seed: 3)
        var sessions = try exampleSessions.map { try SessionCodec.read(URL(fileURLWithPath: $0)) }
        sessions += (0..<20).map(demo.session)
        // Escapes, accents written both ways, emoji and a quote inside the words.
        sessions[0].statements[0].text = "Siân said \"no\" \\ then\nleft 🙂 e\u{301}"
        for session in sessions {
            let data = SessionCodec.encode(session)
            #expect(LeanReader.read(data) == LeanSession(session))
            let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: data))
            #expect(LeanReader.read(compact) == LeanSession(session), "without spaces")
        }
    }

    @Test("bad files are reported with their path and reason, skipped, and never changed")
    func badFiles() throws {
        let folder = temporaryFolder()
        let nested = folder.appendingPathComponent("area/2026")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let good = try Data(contentsOf: URL(fileURLWithPath: exampleSessions[1]))
        try good.write(to: nested.appendingPathComponent("good.json"))
        let text = String(decoding: good, as: UTF8.self)
        let bad: [String: String] = [
            "truncated.json": String(decoding: good.prefix(300), as: UTF8.self),
            "not-json.json": "hello",
            "empty.json": "",
            "newer.json": text.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2"),
            "wrong-type.json": text.replacingOccurrences(of: "\"rank\": 1", with: "\"rank\": \"one\""),
            "wrong-type-text.json": text.replacingOccurrences(of: "\"personId\": \"p1\"", with: "\"personId\": 7"),
            "array.json": "[1, 2, 3]",
            "trailing.json": text + "}",
        ]
        for (name, text) in bad { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        // A huge file is refused by its size, before it is read.
        let huge = folder.appendingPathComponent("huge.json")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: UInt64(SessionCodec.maximumBytes + 1))
        try handle.close()

        let run = Tallier.run(paths: [folder.path, folder.appendingPathComponent("missing.json").path], content: content)
        #expect(run.totals.sessions == 1)
        let reasons = Dictionary(uniqueKeysWithValues: run.skipped.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
        #expect(reasons.count == 10)
        #expect(reasons["missing.json"] == "does not exist")
        #expect(reasons["empty.json"] == "is empty (0 bytes)")
        #expect(reasons["not-json.json"]?.hasPrefix("is not valid JSON") == true)
        #expect(reasons["truncated.json"]?.hasPrefix("is not valid JSON") == true)
        #expect(reasons["trailing.json"]?.hasPrefix("is not valid JSON") == true)
        #expect(reasons["newer.json"]?.contains("newer Together") == true)
        #expect(reasons["wrong-type.json"]?.hasPrefix("statements[0].rank") == true)
        #expect(reasons["wrong-type-text.json"]?.hasPrefix("statements[0].personId") == true)
        #expect(reasons["array.json"] != nil)
        #expect(reasons["huge.json"]?.contains("too big to be a session file") == true)
        for (name, text) in bad {
            #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == text)
        }
    }

    @Test("no person's label, key or unconsented words appear in any output; consented words may")
    func noNames() throws {
        let report = ReportBuilder.build(exampleRun(), content, ReportOptions(threshold: 1))
        let outputs = TallyFormat.allCases.map { $0.render(report) }.joined()
        var quoted = 0
        for path in exampleSessions {
            let session = try SessionCodec.read(URL(fileURLWithPath: path))
            for person in session.people {
                let word = try Regex("\\b" + NSRegularExpression.escapedPattern(for: person.label) + "\\b")
                #expect(!outputs.contains(word), "\(person.label) leaked")
                #expect(!outputs.contains("\"\(person.id)\""))
            }
            let consent = Set(session.people.filter(\.consentToQuote).map(\.id))
            for statement in session.statements where !consent.contains(statement.personId) {
                #expect(!outputs.contains(statement.text), "\(statement.text) quoted without consent")
            }
            quoted += session.statements.filter { consent.contains($0.personId) && outputs.contains($0.text) }.count
        }
        #expect(quoted > 0, "people who agreed are quoted")
        let none = ReportBuilder.build(exampleRun(), content, ReportOptions(threshold: 1, quotes: false))
        #expect(none.commissioningThemes.allSatisfy { $0.quotes.isEmpty })
        let noQuotes = TallyFormat.allCases.map { $0.render(none) }.joined()
        for path in exampleSessions {
            for statement in try SessionCodec.read(URL(fileURLWithPath: path)).statements {
                #expect(!noQuotes.contains(statement.text), "--no-quotes still quotes \(statement.text)")
            }
        }
    }

    @Test("the table lines up by display width, not by character count")
    func tableWidths() {
        let table = TallyTable.table(["Theme", "Count"], [["Siân ŵ", "1"], ["日本", "22"], ["Plain", "3"]], numbersFrom: 1)
        let lines = table.split(separator: "\n")
        let widths = Set(lines.map { TextWidth.of($0) })
        #expect(widths.count == 1)
    }

    @Test("a day's quarter read on its bytes is the quarter read by its parts, and a hash of words is the same read either way")
    func quartersAndHashes() {
        var random = SplitMix(seed: 22)
        for _ in 0..<5_000 {
            let day = String(format: "%04d-%02d-%02d", random.below(10_000), random.below(14), random.below(33))
            #expect(TallyTotals.quarter(of: day) == TallyTotals.quarterOfParts(day), "\(day)")
        }
        for day in ["2026-04-01", "0999-12-31", "+123-01-01", "2026-4-01", "", "2026-02-29", "2024-02-29"] {
            #expect(TallyTotals.quarter(of: day) == TallyTotals.quarterOfParts(day), "\(day)")
        }
        #expect(TallyTotals.quarter(of: "2026-04-01") == "2026 Q2")
        // FNV from a run of memory and byte by byte.
        for text in ["", "a", "Siân", "日本 words", String(repeating: "x", count: 300)] {
            var quick = FNV(), slow = FNV()
            quick.mix(text.utf8)
            slow.mix(text.utf8.lazy.map { $0 }) // a sequence with no run of memory: byte by byte
            #expect(quick.value == slow.value, "\(text)")
        }
        var a = FNV()
        a.mix("a".utf8)
        #expect(a.value == 0xAF63_DC4C_8601_EC8C) // FNV-1a's published value for "a"
    }

    @Test("a table line loses its white space at the end as a pattern would take it off, and nothing else")
    func trailingSpace() {
        let pieces = ["a", "Siân", " ", "\t", "\u{A0}", "\u{2003}", "日本", "x y", "\u{301}", "  "]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let pattern = text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            #expect(text.withoutTrailingSpace == pattern, "\(Array(text.unicodeScalars))")
        }
    }

    @Test("a summary written for the cache is read back the same, whatever its words and however long")
    func summaryRecords() throws {
        let ids = SessionSummary.Ids(content, ThemeSuggester(content.keywords))
        let demo = DemoData(content: content, seed: 21)
        var sessions = (0..<40).map { demo.session($0) } + exampleSessions.map { try! SessionCodec.read(URL(fileURLWithPath: $0)) }
        // Words outside ASCII, empty words, and one long enough to make the writer grow many times.
        sessions[0].statements[0].text = "Siân's carer — ŵyr 日本 " + String(repeating: "long words ", count: 2_000)
        sessions[0].people[0].consentToQuote = true
        if !sessions[1].groupThemes.isEmpty { sessions[1].groupThemes[0].statement = "" }
        let entries = sessions.enumerated().map { n, session in
            SummaryCache.Entry(path: "/made/up/é \(n).json", stamp: FileStamp(size: Int64(n * 1000), seconds: -Int64(n), nanoseconds: 999_999_999,
                                                                     inode: UInt64.max - UInt64(n)),
                               summary: SessionSummary.make(LeanSession(session), ids))
        }
        var out: [UInt8] = []
        SummaryCodec.frame(entries, into: &out)
        var at = 0, back: [SummaryCache.Entry] = []
        while at < out.count {
            var r = SummaryCodec.Reader(bytes: out, i: at)
            let length = try r.int()
            let (entry, end) = try SummaryCodec.decode(Array(out[r.i..<(r.i + length)]), from: 0, layout: ids.layout)
            #expect(end == length)
            back.append(entry)
            at = r.i + length
        }
        #expect(back.count == entries.count)
        for (a, b) in zip(back, entries) {
            #expect(a.path == b.path && a.stamp == b.stamp && a.summary == b.summary, "\(b.path)")
        }
        #expect(entries[0].summary.quotes.contains { $0.text.hasPrefix("Siân's carer") })
    }

    @Test("the summary cache gives the same report, and a changed file is read again")
    func cache() throws {
        let folder = temporaryFolder()
        let demo = DemoData(content: content, seed: 5)
        for i in 0..<12 { try SessionCodec.encode(demo.session(i)).write(to: folder.appendingPathComponent("s\(i).json")) }
        let cacheFolder = temporaryFolder().appendingPathComponent("cache")
        let cold = Tallier.run(paths: [folder.path], content: content, cache: SummaryCache(folder: cacheFolder, content: content))
        #expect(cold.fromCache == 0)
        let warm = Tallier.run(paths: [folder.path], content: content, cache: SummaryCache(folder: cacheFolder, content: content))
        #expect(warm.fromCache == 12)
        #expect(warm.totals == cold.totals)
        let mode = try FileManager.default.attributesOfItem(atPath: cacheFolder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        // A different filter is not answered from the last run, but from the per-file summaries.
        let filtered = Tallier.run(paths: [folder.path], content: content, filter: TallyFilter(levels: ["strategic"]),
                                   cache: SummaryCache(folder: cacheFolder, content: content))
        #expect(filtered.fromCache == 12)
        #expect(filtered.totals == Tallier.run(paths: [folder.path], content: content,
                                               filter: TallyFilter(levels: ["strategic"])).totals)
        // Change one file: it alone is read again, and the totals follow it.
        var changed = demo.session(3)
        changed.statements.removeAll()
        try SessionCodec.encode(changed).write(to: folder.appendingPathComponent("s3.json"))
        let again = Tallier.run(paths: [folder.path], content: content, cache: SummaryCache(folder: cacheFolder, content: content))
        #expect(again.fromCache == 11)
        #expect(again.totals == Tallier.run(paths: [folder.path], content: content).totals)
        #expect(again.totals != cold.totals)
    }

    @Test("the cache file is written afresh when most of it is old, and still answers the same")
    func cacheCompaction() throws {
        let folder = temporaryFolder()
        let demo = DemoData(content: content, seed: 6)
        let cacheFolder = temporaryFolder().appendingPathComponent("cache")
        var sizes: [Int] = []
        for round in 0..<3 {
            for i in 0..<70 {
                var s = demo.session(i)
                s.setup.title = "Round \(round)" // a change of size and time: every file is read again
                try SessionCodec.encode(s).write(to: folder.appendingPathComponent("s\(i).json"))
            }
            let run = Tallier.run(paths: [folder.path], content: content, cache: SummaryCache(folder: cacheFolder, content: content))
            #expect(run.fromCache == 0)
            let file = try FileManager.default.contentsOfDirectory(at: cacheFolder, includingPropertiesForKeys: nil)
                .first { $0.pathExtension == "bin" }!
            sizes.append(try Data(contentsOf: file).count)
        }
        #expect(sizes[1] > sizes[0], "the second round is added")
        #expect(sizes[2] < sizes[1], "the third round finds most records old and writes the file afresh")
        let filtered = Tallier.run(paths: [folder.path], content: content, filter: TallyFilter(levels: ["strategic"]),
                                   cache: SummaryCache(folder: cacheFolder, content: content))
        #expect(filtered.fromCache == 70)
        #expect(filtered.totals == Tallier.run(paths: [folder.path], content: content,
                                               filter: TallyFilter(levels: ["strategic"])).totals)
    }

    @Test("similar group themes are merged by a rule that can be checked, whatever the order")
    func merging() {
        var phrases: [String: TallyTotals.Phrase] = [:]
        for (text, sessions) in [("I want the same staff who know me", 3), ("I want staff who know me", 2),
                                 ("I want a paid job", 4), ("I want more time with friends", 1)] {
            phrases[TallyTotals.fold(text)] = .init(wordings: [text: sessions], sessions: sessions, dots: sessions, links: ["x": 1])
        }
        let groups = ThemeMerger.merge(phrases)
        #expect(groups.count == 3)
        #expect(groups[0].name == "I want the same staff who know me")
        #expect(groups[0].sessions == 5)
        #expect(groups[0].shared == ["know", "staff"])
        #expect(groups.map(\.name).contains("I want a paid job"))
        #expect(ThemeMerger.similar(ThemeMerger.mainWords("paid job"), ThemeMerger.mainWords("job")))
        #expect(ThemeMerger.mainWords("i want buses in the evenings") == ["bus", "evening"])
        #expect(ThemeMerger.mainWords("dance classes") == ["dance", "class"])
        #expect(!ThemeMerger.similar(ThemeMerger.mainWords("see friend"), ThemeMerger.mainWords("time friend")))
    }

    @Test("made-up data is the same every time for a seed, and different for another")
    func demoRepeatable() {
        let a = DemoData(content: content, seed: 1), b = DemoData(content: content, seed: 2)
        #expect(SessionCodec.encode(a.session(4)) == SessionCodec.encode(DemoData(content: content, seed: 1).session(4)))
        #expect(SessionCodec.encode(a.session(4)) != SessionCodec.encode(b.session(4)))
        #expect(DemoData.dayFormat(Date(timeIntervalSince1970: 1_772_236_800)) == "2026-02-28")
    }

    @Test("CSV quotes commas and quotes, and a formula-looking cell is made harmless")
    func csvQuoting() {
        #expect(TallyCSV.csv(["a,b", "say \"hi\"", "=SUM(A1)", "-3"]) == "\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),-3")
    }
}

@Suite("Tally: choosing the sessions")
struct TallyInputTests {
    let folder = packageRoot.appendingPathComponent("sessions").path

    @Test("filters by day, area and group type; the rest are counted as left out")
    func filters() {
        let leeds = exampleRun(TallyFilter(areas: ["LEEDS "], groups: ["Partnership board"]))
        #expect(leeds.totals.sessions == 1)
        #expect(leeds.filteredOut == 2)
        let may = exampleRun(TallyFilter(since: "2026-05-01", until: "2026-05-31"))
        #expect(may.totals.sessions == 1)
        #expect(exampleRun(TallyFilter(levels: ["operational"])).totals.sessions == 1)
        #expect(exampleRun(TallyFilter(levels: ["The whole area"])).totals.sessions == 2)
        let all = exampleRun()
        let parts = [TallyFilter(until: "2026-04-30"), TallyFilter(since: "2026-05-01", until: "2026-05-31"),
                     TallyFilter(since: "2026-06-01")].map(exampleRun)
        // Days split into parts count every session exactly once.
        #expect(parts.map(\.totals.sessions).reduce(0, +) == all.totals.sessions)
        #expect(parts.allSatisfy { $0.read == all.totals.sessions })
    }

    @Test("a filter that cannot work says why")
    func badFilters() {
        #expect(TallyFilter(since: "2026-02-30").problem(content)?.contains("--since should be a day") == true)
        #expect(TallyFilter(since: "2026-06-01", until: "2026-05-01").problem(content)?.contains("is after") == true)
        #expect(TallyFilter(groups: ["choir"]).problem(content)?.contains("is not a group type") == true)
        #expect(TallyFilter(levels: ["national"]).problem(content)?.contains("is not a level of commissioning") == true)
        #expect(TallyFilter(since: "2026-01-01", groups: ["mixed"]).problem(content) == nil)
    }

    @Test("a folder's files are named as a URL names them, whatever their names, however the folder is given")
    func walkedPaths() throws {
        let root = temporaryFolder()
        let inner = root.appendingPathComponent("a b%20c;d")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let names = ["plain.json", "a b.json", "50%.json", "%41.json", "x;y.json", "q?.json", "h#.json", "é.json",
                     "e\u{301}.json", "tab\t.json", "back\\slash.json", "~.json", "日本.json", ":c.json"]
        for name in names { try Data("{}".utf8).write(to: inner.appendingPathComponent(name)) }
        let here = FileManager.default.currentDirectoryPath
        defer { FileManager.default.changeCurrentDirectoryPath(here) }
        FileManager.default.changeCurrentDirectoryPath(root.path)
        var seen: [[String]] = []
        for folder in [inner.path, inner.path + "/", "a b%20c;d", "./a b%20c;d", "a b%20c;d/../a b%20c;d"] {
            let (files, stamps, missing) = Tallier.filePaths(under: [folder])
            let expected = names.map { URL(fileURLWithPath: (folder as NSString).appendingPathComponent($0), isDirectory: false).path }
            #expect(files == expected.sorted(), "\(folder)")
            #expect(missing.isEmpty)
            // Each file's stamp is its own (two names that look alike are two files).
            #expect(stamps == files.map { FileStamp(path: $0) }, "\(folder)")
            #expect(Set(stamps.map { $0?.inode }).count == names.count)
            seen.append(files)
        }
        // A doubled slash at the end changes nothing.
        #expect(Tallier.filePaths(under: ["a b%20c;d//"]).files == seen[0])
        #expect(Set(seen.map { $0 }).count == 1)
    }

    @Test("patterns are expanded; a pattern that matches nothing is named")
    func globs() {
        let (files, missing) = Tallier.files(under: [folder + "/example-*.json", folder + "/nothing-*.json"])
        #expect(files.map(\.lastPathComponent) == exampleSessions.map { URL(fileURLWithPath: $0).lastPathComponent })
        #expect(missing.map(\.reason) == ["matches no files"])
    }
}

@Suite("Tally: the JSON schema")
struct TallySchemaTests {
    /// A small checker for the parts of JSON Schema the report's schema uses: type, properties, required,
    /// additionalProperties false, items, oneOf, const, pattern and $ref.
    func check(_ value: Any, _ node: [String: Any], _ defs: [String: Any], _ at: String, _ problems: inout [String]) {
        if let ref = node["$ref"] as? String {
            let name = String(ref.split(separator: "/").last!)
            check(value, defs[name] as! [String: Any], defs, at, &problems)
            return
        }
        if let options = node["oneOf"] as? [[String: Any]] {
            let fits = options.filter { option in
                var inner: [String] = []
                check(value, option, defs, at, &inner)
                return inner.isEmpty
            }
            if fits.count != 1 { problems.append("\(at): fits \(fits.count) of oneOf") }
            return
        }
        if let constant = node["const"] as? String, value as? String != constant { problems.append("\(at): not \(constant)") }
        switch node["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { problems.append("\(at): not an object"); return }
            let properties = node["properties"] as? [String: Any] ?? [:]
            for key in node["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(at).\(key): missing") }
            for (key, inner) in object {
                guard let schema = properties[key] as? [String: Any] else { problems.append("\(at).\(key): not in the schema"); continue }
                check(inner, schema, defs, "\(at).\(key)", &problems)
            }
        case "array":
            guard let array = value as? [Any] else { problems.append("\(at): not an array"); return }
            for (i, item) in array.enumerated() { check(item, node["items"] as! [String: Any], defs, "\(at)[\(i)]", &problems) }
        case "string":
            guard let text = value as? String else { problems.append("\(at): not a string"); return }
            if let pattern = node["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(at): \"\(text)\" does not match \(pattern)")
            }
        case "integer":
            guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
                problems.append("\(at): not a whole number")
                return
            }
        case "boolean":
            if !(value is Bool) {
                problems.append("\(at): not true or false")
            }
        default: break
        }
    }

    @Test("the JSON report of the examples, and of made-up sessions, fits the documented schema")
    func fitsSchema() throws {
        let schemaURL = packageRoot.appendingPathComponent("assets/tally/tally-report.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as! [String: Any]
        let defs = schema["$defs"] as! [String: Any]
        let demo = DemoData(content: content, seed: 9)
        let runs = [exampleRun(), Tallier.run(paths: [], content: content)]
        var reports = runs.map { ReportBuilder.build($0, content, ReportOptions()) }
        reports.append(ReportBuilder.build(TallyRun(totals: Tallier.totals((0..<10).map(demo.session), content: content),
                                                    filteredOut: 0, skipped: [], fromCache: 0), content, ReportOptions()))
        for report in reports {
            let json = try JSONSerialization.jsonObject(with: Data(TallyFormat.json.render(report).utf8))
            var problems: [String] = []
            check(json, schema, defs, "report", &problems)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
        }
        // The checker can fail: a stray field is caught.
        var problems: [String] = []
        var broken = try JSONSerialization.jsonObject(with: Data(TallyFormat.json.render(reports[0]).utf8)) as! [String: Any]
        broken["names"] = ["JT"]
        check(broken, schema, defs, "report", &problems)
        #expect(problems == ["report.names: not in the schema"])
    }
}

@Suite("Tally: suggestions")
struct SuggestionTests {
    /// The rule written the plain way: every keyword tried at every place, each word in every form it may take.
    static func plain(_ text: String, _ pack: KeywordPack = content.keywords) -> ThemeSuggestion? {
        let words = ContentPacks.words(of: text).map { pack.language == "cy" ? ThemeSuggester.radicals($0) : [$0] }
        struct Hit { var theme: Int; var keyword: String; var order: Int; var start: Int; var length: Int; var exact: Bool; var weight: Int }
        var hits: [Hit] = []
        var order = 0
        for (t, list) in pack.themes.enumerated() {
            for (keyword, weight) in list.words.map({ ($0, 2) }) + list.weak.map({ ($0, 1) }) {
                defer { order += 1 }
                let key = ContentPacks.words(of: keyword)
                guard !key.isEmpty, words.count >= key.count else { continue }
                for start in 0...(words.count - key.count) {
                    let whole = key.indices.allSatisfy { words[start + $0].contains(key[$0]) }
                    let found = whole || key.indices.allSatisfy { i in
                        words[start + i].contains { $0 == key[i] || (key[i].count >= 4 && $0.hasPrefix(key[i])) }
                    }
                    if found { hits.append(Hit(theme: t, keyword: keyword, order: order, start: start, length: key.count, exact: whole, weight: weight)) }
                }
            }
        }
        // A word counts for the longest keywords on it, whole before word starts.
        let kept = hits.filter { h in
            !hits.contains { o in
                o.start < h.start + h.length && h.start < o.start + o.length && (o.length, o.exact ? 1 : 0) > (h.length, h.exact ? 1 : 0)
                    && (h.start..<(h.start + h.length)).contains { p in (o.start..<(o.start + o.length)).contains(p) }
            }
        }
        var score: [Int: Int] = [:], first: [Int: (Int, String)] = [:], counted = Set<Int>()
        for h in kept.sorted(by: { $0.order < $1.order }) where counted.insert(h.order).inserted {
            score[h.theme, default: 0] += h.weight
            if first[h.theme] == nil { first[h.theme] = (h.order, h.keyword) }
        }
        guard let top = score.values.max(), score.values.filter({ $0 == top }).count == 1,
              let t = score.first(where: { $0.value == top })?.key else { return nil }
        return ThemeSuggestion(themeId: pack.themes[t].themeId, word: first[t]!.1, matches: top)
    }

    func plain(_ text: String) -> ThemeSuggestion? { Self.plain(text) }

    @Test("the indexed suggester agrees with the plain rule on every statement we have")
    func agrees() throws {
        let suggester = ThemeSuggester(content.keywords)
        var texts = DemoData.phrases.values.flatMap { $0.values.flatMap { $0 } }
        for path in exampleSessions { texts += try SessionCodec.read(URL(fileURLWithPath: path)).statements.map(\.text) }
        texts += ["I feel lonely and isolated", "Independence matters", "out and about with friends", "PA", "a pass",
                  "Direct payments are confusing", "", "   ", "Ysbyty – hospital appointments"]
        var suggested = 0
        for text in texts {
            #expect(suggester.suggest(for: text) == plain(text), "\(text)")
            if plain(text) != nil { suggested += 1 }
        }
        #expect(suggested > 20)
    }
}
