import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence
@testable import TogetherWorkbook

/// The tally given files as they really turn up: copies, old saves, links, odd values, names in the words.
@Suite("Tally: every file counted once, every value somewhere, no names")
struct TallyIntegrityTests {

    func write(_ session: Session, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SessionCodec.encode(session).write(to: url)
    }

    @Test("copies of one session count once, and the newest save wins")
    func duplicates() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = DemoData(content: content, seed: 3)
        var older = demo.session(0)
        var newer = older
        newer.updatedAt = older.updatedAt.addingTimeInterval(600)
        newer.statements.removeLast(4) // the newer save has fewer statements: it must be the one counted
        older.updatedAt = older.updatedAt.addingTimeInterval(60)
        let other = demo.session(1)
        try write(newer, folder.appendingPathComponent("a/current.json"))
        try write(older, folder.appendingPathComponent("backup/current-old.json"))
        try write(newer, folder.appendingPathComponent("backup/current-copy.json"))
        try write(other, folder.appendingPathComponent("a/other.json"))
        try write(other, folder.appendingPathComponent("z/other renamed.json"))
        let run = Tallier.run(paths: [folder.path], content: content)
        let direct = Tallier.totals([newer, other], content: content)
        #expect(run.totals == direct)
        #expect(run.totals.sessions == 2)
        #expect(run.duplicates.count == 3)
        let kept = Dictionary(run.duplicates.map { ($0.path.replacingOccurrences(of: folder.path + "/", with: ""),
                                                    $0.keptPath.replacingOccurrences(of: folder.path + "/", with: "")) },
                              uniquingKeysWith: { a, _ in a })
        #expect(kept == ["backup/current-old.json": "a/current.json", "backup/current-copy.json": "a/current.json",
                         "z/other renamed.json": "a/other.json"])
        // Named in the report's notes, in every format.
        let report = ReportBuilder.build(run, content, ReportOptions())
        for format in TallyFormat.allCases where format != .easyRead {
            let text = format.render(report)
            #expect(text.contains("current-old.json") && text.contains("a/current.json"), "\(format)")
        }
        // A count of 1 cannot pass the threshold by being counted three times.
        #expect(run.totals.themes.values.map(\.peopleAny).reduce(0, +)
                == direct.themes.values.map(\.peopleAny).reduce(0, +))
    }

    @Test("two wordings of one group theme, or two spellings of one barrier, count a session once")
    func oncePerSession() throws {
        var s = DemoData(content: content, seed: 4).session(0)
        s.groupThemes = []
        for (i, words) in ["I want buses in the evening", "I want evening buses", "I want more buses in the evening"].enumerated() {
            var g = GroupTheme(id: "g\(i)", statement: words, createdAt: s.createdAt)
            g.makingItReal = ["communities"]
            s.groupThemes.append(g)
        }
        s.topTips = [TipReview(tipId: "brave", rating: "poor", barriers: [
            Note(id: "n1", text: "Nobody explains the money.", createdAt: s.createdAt),
            Note(id: "n2", text: "nobody explains the money", createdAt: s.createdAt)])]
        let totals = Tallier.totals([s], content: content)
        let merged = ThemeMerger.merge(totals.groupThemes)
        #expect(merged.count == 1)
        #expect(merged.first?.sessions == 1)
        #expect(totals.tipBarriers["brave"]?.values.map(\.sessions) == [1])
    }

    /// A session holding a value of every kind the packs do not list.
    static func odd() -> Session {
        var s = DemoData(content: content, seed: 5).session(0)
        s.setup.date = ""
        s.setup.level = "national"
        s.setup.groupType = "book club"
        s.people[0].role = "chef"
        s.statements[0].category = "maybe"
        s.statements[1].voice = Voice(kind: VoiceKind(rawValue: "shouted"))
        s.statements[2].personId = "nobody"
        s.makingItReal[0].rating = "brilliant"
        if !s.topTips.isEmpty { s.topTips[0].rating = "meh" }
        s.actions.append(PlannedAction(id: "a-odd", what: "Something", intention: "pray", createdAt: s.createdAt))
        return s
    }

    @Test("values the packs do not list are counted under Not recognised, and every sum still holds")
    func unknownValues() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = DemoData(content: content, seed: 5)
        try write(Self.odd(), folder.appendingPathComponent("odd.json"))
        for i in 1..<4 { try write(demo.session(i), folder.appendingPathComponent("s\(i).json")) }
        let run = Tallier.run(paths: [folder.path], content: content)
        #expect(run.totals.sessions == 4)
        let truth = ReportBuilder.build(run, content, ReportOptions(threshold: 1))
        func cell(_ table: String, _ row: String, _ column: String) -> Int? {
            guard let t = truth.table(table), let c = t.columns.firstIndex(where: { $0.id == column }) else { return nil }
            return t.rows.first { $0.id == row }?.cells[c].value
        }
        let odd = Self.odd()
        let statementsTotal = odd.statements.count + (1..<4).map { demo.session($0).statements.count }.reduce(0, +)
        #expect(cell("statements", "total", "total")! + cell("suggested", "total", "total")! == statementsTotal)
        #expect(cell("statements", "total", SessionSummary.other)! + cell("suggested", "total", SessionSummary.other)! == 1)
        #expect(truth.table("byVoice")!.rows.map { $0.cells.last!.value! }.reduce(0, +) == 1)
        #expect(truth.table("byRole")!.rows.compactMap { $0.cells[$0.cells.count - 1].value }.reduce(0, +) == 1, "person not listed")
        let chef = odd.statements.filter { $0.personId == odd.people[0].id }.count
        #expect(truth.table("byRole")!.rows.compactMap { $0.cells[$0.cells.count - 2].value }.reduce(0, +) == chef, "role not recognised")
        #expect(cell("roles", SessionSummary.other, "people") == 1)
        #expect(cell("levels", SessionSummary.other, "sessions") == 1)
        #expect(cell("groupTypes", SessionSummary.other, "sessions") == 1)
        #expect(cell("intentions", SessionSummary.other, "actions") == 1)
        #expect(cell("themeRatings", odd.makingItReal[0].themeId, SessionSummary.other) == 1)
        #expect(truth.table("trend-notWorking")!.rows.contains { $0.id == TallyTotals.dateNotGiven && $0.label == "Date not given" })
        // Every documented sum holds: the attacker, given the report with nothing hidden, finds no contradiction.
        let attacker = try Attacker(reportJSON: TallyFormat.json.render(truth))
        #expect(attacker.contradictions.isEmpty, "\(attacker.contradictions.prefix(5))")
        // And with small counts hidden, none can be worked out.
        let published = TallyFormat.json.render(ReportBuilder.build(run, content, ReportOptions()))
        let result = try Attacker(reportJSON: published).attack(truth: Attacker.truth(reportJSON: TallyFormat.json.render(truth)))
        #expect(result.recovered.isEmpty, "\(result.recovered.prefix(5))")
        #expect(result.wrong.isEmpty, "\(result.wrong.prefix(5))")
    }

    @Test("a link to a file is read, a loop is named, a broken link is named; nothing is skipped in silence")
    func links() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = DemoData(content: content, seed: 8)
        let elsewhere = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try write(demo.session(0), folder.appendingPathComponent("here.json"))
        try write(demo.session(1), elsewhere.appendingPathComponent("there.json"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("linked.json").path,
                                  withDestinationPath: elsewhere.appendingPathComponent("there.json").path)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: folder.path)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("gone.json").path, withDestinationPath: "/nowhere/gone.json")
        // A folder inside is searched, and a link to a folder elsewhere; files that are not `.json`, or hidden, are not read.
        let inner = folder.appendingPathComponent("inner")
        try fm.createDirectory(at: inner, withIntermediateDirectories: true)
        try write(demo.session(2), inner.appendingPathComponent("inside.json"))
        let other = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: other) }
        try write(demo.session(3), other.appendingPathComponent("far.json"))
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("far").path, withDestinationPath: other.path)
        for name in ["notes.txt", "copy.json.bak", ".hidden.json", "json"] {
            try write(demo.session(4), folder.appendingPathComponent(name))
        }
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("linked.txt").path,
                                  withDestinationPath: elsewhere.appendingPathComponent("there.json").path)
        let run = Tallier.run(paths: [folder.path], content: content)
        #expect(run.totals == Tallier.totals((0..<4).map { demo.session($0) }, content: content))
        let reasons = run.skipped.map { ($0.path.replacingOccurrences(of: folder.path + "/", with: ""), $0.reason) }
        #expect(reasons.contains { $0.0 == "loop" && $0.1.contains("loop") })
        #expect(reasons.contains { $0.0 == "gone.json" && $0.1.contains("does not exist") })
    }

    @Test("a file with bytes that are not UTF-8 is refused with where they are, in a counted field or not")
    func invalidUTF8() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = SessionCodec.encode(DemoData(content: content, seed: 9).session(0))
        for (name, field) in [("text.json", "\"text\" : \""), ("draft.json", "\"title\" : \""), ("key.json", "\"")] {
            var bytes = [UInt8](good)
            let at = good.range(of: Data(field.utf8))!.upperBound
            bytes.insert(contentsOf: [0x6E, 0x61, 0xEF, 0x76, 0x65], at: at) // "na\xEFve", as typed in Latin-1
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            let run = Tallier.run(paths: [folder.appendingPathComponent(name).path], content: content)
            #expect(run.totals.sessions == 0, "\(name)")
            #expect(run.skipped.first?.reason.contains("offset \(at + 2)") == true, "\(name): \(run.skipped)")
        }
    }

    /// A session where the people's labels turn up in every kind of words the tally publishes.
    static func namesEverywhere() -> Session {
        var s = DemoData(content: content, seed: 12).session(0)
        s.people = [Person(id: "p1", label: "Zara", role: "person", consentToQuote: true),
                    Person(id: "p2", label: "KB", role: "familyCarer", consentToQuote: true),
                    Person(id: "p3", label: "Sam", role: "person", consentToQuote: false)]
        let at = s.createdAt
        s.statements = [
            Statement(id: "s1", personId: "p1", category: "notWorking", rank: 1, text: "Zára never gets a say about the bus", themeId: "communities", createdAt: at),
            Statement(id: "s2", personId: "p2", category: "aspirations", rank: 1, text: "I want kb to have a break", themeId: "support", createdAt: at),
            Statement(id: "s3", personId: "p1", category: "notWorking", rank: 2, text: "Words said for her by staff", themeId: "support", voice: .onBehalf("supporter"), createdAt: at),
            Statement(id: "s4", personId: "p1", category: "aspirations", rank: 1, text: "Still hidden until the reveal", themeId: "support", createdAt: at, hidden: true),
            Statement(id: "s5", personId: "p1", category: "aspirations", rank: 2, text: "A job at the café with help", themeId: "support", voice: .supported, createdAt: at),
            Statement(id: "s6", personId: "p3", category: "notWorking", rank: 1, text: "Sam said this and did not agree to quotes", themeId: "support", createdAt: at),
            Statement(id: "s7", personId: "p3", category: "notWorking", rank: 2, text: "The bus stops at six", createdAt: at,
                      suggestion: SuggestionRecord(themeId: "communities", word: "bus", decision: .ignored)),
        ]
        var g = GroupTheme(id: "g1", statement: "We want Zara to stay our keyworker", createdAt: at)
        g.makingItReal = ["workforce"]
        g.dots = ["p1": 3]
        s.groupThemes = [g]
        s.topTips = [TipReview(tipId: "brave", rating: "poor", barriers: [Note(id: "n1", text: "KB says no one listens", createdAt: at)])]
        s.setup.area = "Leeds"
        return s
    }

    @Test("no label reaches any output; quotes only in a person's own words (or marked with support), never hidden ones")
    func privacy() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(Self.namesEverywhere(), folder.appendingPathComponent("names.json"))
        let run = Tallier.run(paths: [folder.path], content: content)
        let out = temporaryFolder().appendingPathComponent("out")
        let report = ReportBuilder.build(run, content, ReportOptions(threshold: 1))
        var texts = TallyFormat.allCases.map { ($0.rawValue, $0.render(report)) }
        for url in try ReportWriter.write(report, to: out, guides: nil, workbook: XLSXWriter.data) {
            if url.pathExtension == "xlsx" {
                // The workbook as a spreadsheet program reads it: every cell's words.
                guard WorkbookTests.readerHere else { continue }
                let read = out.appendingPathComponent("read.json")
                _ = spawnAndWait("/usr/bin/env", ["python3", packageRoot.appendingPathComponent("scripts/read-workbook").path,
                                                  url.path], output: read.path)
                texts.append((url.lastPathComponent, try String(contentsOf: read, encoding: .utf8)))
                #expect(texts.last!.1.contains("Commissioning themes"))
            } else {
                texts.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
            }
        }
        #expect(texts.count >= 13)
        for (name, text) in texts {
            for label in ["Zara", "Zára", "KB", "kb", "Sam"] {
                let words = Privacy.words(text).map { String(text[$0.range]) }
                #expect(!words.contains(label), "\(name) shows the label \(label)")
            }
            #expect(!text.contains("Words said for her"), "\(name): words said for a person are never quoted as theirs")
            #expect(!text.contains("Still hidden"), "\(name): a hidden statement is never quoted")
            #expect(!text.contains("did not agree"), "\(name): no quote without consent")
        }
        let markdown = TallyFormat.markdown.render(report)
        #expect(markdown.contains("\\[name\\] never gets a say")) // Markdown escapes the brackets
        #expect(markdown.contains("\"A job at the café with help\" (with support)"))
        #expect(markdown.contains("We want \\[name\\] to stay our keyworker"))
        #expect(markdown.contains("\\[name\\] says no one listens"))
        // The ignored suggestion: "bus" would suggest family and friends; the facilitator said no.
        let suggested = report.table("suggested")!
        let none = suggested.rows.first { $0.id == SessionSummary.noTheme }!
        #expect(none.cells.last == .count(1))
        #expect(suggested.rows.first { $0.id == "communities" }!.cells.last == .count(0))
    }

    @Test("labels are replaced as whole words, ignoring capitals and accents")
    func redaction() {
        #expect(Privacy.redact("Zara and ZÁRA met zarah", labels: ["Zara"]) == "[name] and [name] met zarah")
        #expect(Privacy.redact("Mary Jo said Mary", labels: ["Mary Jo"]) == "[name] said Mary")
        // A name with a possessive ending is still the name: "Zara's keyworker" gives Zara away.
        #expect(Privacy.redact("kb's bus", labels: ["KB"]) == "[name]'s bus")
        #expect(Privacy.redact("ZARA’S mum and Zara's dad", labels: ["Zara"]) == "[name]’S mum and [name]'s dad")
        #expect(Privacy.redact("O'Neil's plan, O'Neil", labels: ["O'Neil"]) == "[name]'s plan, [name]")
        #expect(Privacy.redact("Mary Jo's day", labels: ["Mary Jo"]) == "[name]'s day")
        #expect(Privacy.redact("Zarah's day", labels: ["Zara"]) == "Zarah's day")
        #expect(Privacy.redact("ask KB, then kb.", labels: ["KB"]) == "ask [name], then [name].")
    }

    @Test("no output has a control character or an escape sequence, and no CSV cell starts a formula")
    func hostileText() throws {
        var s = DemoData(content: content, seed: 13).session(0)
        s.setup.area = "\u{1B}[31mRed\u{07}"
        for i in s.groupThemes.indices { s.groupThemes[i].statement = "=HYPERLINK(\"x\")\u{1B}]0;title\u{07}" }
        s.topTips = [TipReview(tipId: "brave", rating: "poor", barriers: [Note(id: "n", text: "\tTab first \u{9B}31m", createdAt: s.createdAt)])]
        let report = ReportBuilder.build(Tallier.totals([s], content: content).asRun, content, ReportOptions(threshold: 1))
        for format in TallyFormat.allCases {
            let text = format.render(report)
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(format)")
        }
        let csv = TallyFormat.csv.render(report)
        for line in csv.split(separator: "\r\n") {
            for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                let f = field.hasPrefix("\"") ? field.dropFirst() : field
                if let first = f.first { #expect(!"=+@\t\r".contains(first), "\(line)") }
            }
        }
        #expect(TallyCSV.csv(["\tx", "\rx", "-x", "-3"]) == "'\tx,\"'\rx\",'-x,-3")
    }
}

extension TallyTotals {
    /// These totals as a run of the tally, for building a report from sessions in memory.
    var asRun: TallyRun { TallyRun(totals: self, filteredOut: 0, skipped: [], fromCache: 0) }
}

extension TallyIntegrityTests {
    @Test("the quick look for names misses none the careful one finds")
    func quickLook() {
        let labels = ["O'Neil", "Zára", "KB", "Mary Jo", "日本"]
        let texts = ["o'neil came", "Zara was here", "zára", "kb, and", "ask mary jo", "日本 likes it", "nothing here",
                     "O’Neil with a curly one", "ZARA!"]
        for text in texts {
            // The careful pass alone, with no quick look.
            var careful = text
            let found = Privacy.words(text)
            for label in labels.map(Privacy.words) where !label.isEmpty {
                for (i, w) in found.enumerated() where i + label.count <= found.count
                    && zip(label, found[i..<(i + label.count)]).allSatisfy({ $0.folded == $1.folded }) {
                    _ = w
                    careful = "changed"
                }
            }
            let quick = Privacy.redact(text, labels: labels)
            #expect((quick != text) == (careful == "changed"), "\(text) → \(quick)")
        }
    }
}

extension TallyIntegrityTests {
    @Test("a label is looked for quickly in plain text and found exactly where the careful pass finds it")
    func quickLabels() {
        var rng = SplitMix(seed: 98)
        let words = ["zara", "Zara", "ZARA", "kb", "KB", "o'neil", "mary", "jo", "Jo's", "zarah", "a", "b2", "é", "日本"]
        let marks = [" ", ", ", ".", "'", "’", "-", "!", "\t", ""]
        var changed = 0
        for _ in 0..<5_000 {
            let labels = (0..<rng.below(4)).map { _ in rng.pick(["Zara", "KB", "O'Neil", "Mary Jo", "B2", "Zára"]) }
            let text = (0..<rng.below(8)).map { _ in rng.pick(words) + rng.pick(marks) }.joined()
            let quick = Privacy.redact(text, Privacy.Labels(labels))
            #expect(quick == Privacy.redactCarefully(text, Privacy.Labels(labels)), "\(labels) in \(text)")
            if quick != text { changed += 1 }
        }
        #expect(changed > 500)
    }

    @Test("words of plain text are found quickly, the same as by folding")
    func quickWords() {
        var rng = SplitMix(seed: 99)
        let alphabet = Array("abcXYZ019 ,.'-!?é\t")
        for _ in 0..<2_000 {
            let text = String((0..<rng.below(30)).map { _ in alphabet[rng.below(alphabet.count - 1)] })
            let slow = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            #expect(ContentPacks.words(of: text) == slow, "\(text)")
        }
        #expect(ContentPacks.words(of: "Café OK") == ["cafe", "ok"])
    }

    @Test("which kinds of statement count towards priority is the pack's to say, not the code's")
    func priorityFromThePack() throws {
        let run = exampleRun()
        let usual = ReportBuilder.build(run, content, ReportOptions(threshold: 1))
        var packs = content
        for i in packs.workingTogether.categories.indices where packs.workingTogether.categories[i].id == "working" {
            packs.workingTogether.categories[i].countsTowardsPriority = true
        }
        let wider = ReportBuilder.build(run, packs, ReportOptions(threshold: 1))
        #expect(wider.about.priorityRule.contains("\"Working\"") && !usual.about.priorityRule.contains("\"Working\""))
        let peopleTable = try #require(usual.tables.first { $0.id == "people" })
        let workingColumn = try #require(peopleTable.columns.firstIndex { $0.id == "working" })
        var checked = 0
        for theme in usual.commissioningThemes {
            let working = peopleTable.rows.first { $0.id == theme.themeId }?.cells[workingColumn]
            let after = wider.commissioningThemes.first { $0.themeId == theme.themeId }
            guard case .count(let p)? = Optional(theme.priority), case .count(let w)? = working,
                  case .count(let q)? = after.map(\.priority) else { continue }
            #expect(q == p + w, "\(theme.themeId): \(p) + \(w) working people should be \(q)")
            if w > 0 { checked += 1 }
        }
        #expect(checked > 0, "some theme has people who said what is working")
    }

    @Test("the CSV starts with a byte-order mark, and its field guide names every table the report has")
    func csvAndGuide() throws {
        let report = ReportBuilder.build(exampleRun(), content, ReportOptions())
        let csv = TallyFormat.csv.render(report)
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        #expect(csv.dropFirst().hasPrefix("table,row_id,row_label,column_id,column_label,value,note,text\r\n"))
        let guide = try String(contentsOf: packageRoot.appendingPathComponent("assets/tally/tally-csv-README.md"), encoding: .utf8)
        let ids = Set(csv.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
        #expect(ids.count > 10)
        for id in ids {
            let named = id.hasPrefix("trend-") ? guide.contains("`trend-") : guide.contains("`\(id)`")
            #expect(named, "the field guide does not name the table \(id)")
        }
        // Every table of the report is in the CSV, the tables of words included, with their words.
        let expected = Set(report.tables.map(\.id) + ["commissioningThemes", "groupThemes", "mappings", "quotes", "gapAnalysis",
                                                      "groupThemeLinks", "tipBarriers", "summary"])
        #expect(!report.tipBarriers.isEmpty && report.commissioningThemes.contains { !$0.quotes.isEmpty })
        #expect(expected.subtracting(ids).isEmpty, "missing from the CSV: \(expected.subtracting(ids).sorted())")
        var texts: [String] = report.gapAnalysis.flatMap { [$0.objective, $0.gap, $0.rationale, $0.implications] }
        for c in report.commissioningThemes { texts += c.quotes.map { $0.shown() } + c.standards + c.cycle }
        for tip in report.tipBarriers { texts += tip.barriers.map(\.text) }
        for g in report.groupThemes { texts += g.makingItReal + [g.why] }
        for text in texts where !text.isEmpty {
            #expect(csv.contains(TallyCSV.csv([text])), "not in the CSV: \(text)")
        }
    }

    @Test("the terminal table fits the width it is given: every line, by display width; without one, as before")
    func tableWidth() throws {
        let report = ReportBuilder.build(exampleRun(), content, ReportOptions())
        for width in [80, 60] {
            let text = TallyFormat.table.render(report, width: width)
            let long = text.split(separator: "\n").filter { TextWidth.of(String($0)) > width }
            #expect(long.isEmpty, "\(width): \(long.prefix(3))")
            #expect(text.contains("Sessions by area"))
        }
        // No width (a file or a pipe): the same table as always.
        #expect(TallyFormat.table.render(report) == TallyFormat.table.render(report, width: nil))
        #expect(TallyFormat.table.render(report).split(separator: "\n").contains { TextWidth.of(String($0)) > 80 })
    }

    @Test("every report says what it covers (months, not days), which Together made it and when")
    func whatItCovers() throws {
        let report = ReportBuilder.build(exampleRun(), content, ReportOptions(produced: "2026-11-30"))
        #expect(report.about.period == ["2026-04", "2026-06"])
        #expect(report.about.together == TogetherVersion.number && report.about.produced == "2026-11-30")
        let table = TallyFormat.table.render(report)
        #expect(table.contains("Workshops from April 2026 to June 2026."))
        #expect(table.contains("Made by Together \(TogetherVersion.number) on 30 November 2026."))
        // The report for reading opens with a table of what it covers.
        for format in [TallyFormat.markdown, .html] {
            let text = format.render(report)
            #expect(text.contains("April 2026 to June 2026"), "\(format)")
            #expect(text.contains("30 November 2026"), "\(format)")
            #expect(text.contains("Together \(TogetherVersion.number);"), "\(format)")
        }
        // Only workshops up to the end of May: the period ends in May.
        let until = ReportBuilder.build(exampleRun(TallyFilter(until: "2026-05-31")), content, ReportOptions())
        #expect(until.about.period == ["2026-04", "2026-05"])
    }
}

extension TallyIntegrityTests {
    @Test("the quick ways past a text with no name in it give what the careful word-by-word pass gives")
    func redactionShortcuts() {
        var random = SplitMix(seed: 12)
        let names = ["Zara", "KB", "Mary Jo", "O'Neil", "Zára", "Al", "jo", "Li Wei", "Ann-Marie"]
        let words = ["zara", "Zara's", "ZARA", "kb", "KB's", "mary", "Jo", "o'neil", "al", "Alan", "pal", "the", "bus",
                     "Ann", "Marie", "ann-marie", "li", "wei", "zarah", "jo's", "-", ",", "’s", "é", "1"]
        for _ in 0..<4000 {
            let labels = Privacy.Labels((0..<Int(random.next() % 3 + 1)).map { _ in names[Int(random.next() % UInt64(names.count))] })
            let text = (0..<Int(random.next() % 12)).map { _ in words[Int(random.next() % UInt64(words.count))] }
                .joined(separator: random.next() % 4 == 0 ? "" : " ")
            #expect(Privacy.redact(text, labels) == Privacy.redactCarefully(text, labels), "\(text) with \(labels.wanted)")
        }
        // Words of plain ASCII on the bytes: the same places and folded forms as character by character.
        for _ in 0..<3000 {
            let text = (0..<random.below(8)).map { _ in random.pick(words) }.joined(separator: random.pick(["", " ", "'", "''", "\r\n", "."]))
            func shown(_ w: Privacy.Word) -> String {
                "\(text.utf8.distance(from: text.startIndex, to: w.range.lowerBound))-\(text.utf8.distance(from: text.startIndex, to: w.range.upperBound)) \(w.folded)"
            }
            let quick = Privacy.asciiWords(text).map { $0.map(shown) }
            if let quick { #expect(quick == Privacy.wordsGenerally(text).map(shown), "\(text)") }
            #expect((quick == nil) == text.utf8.contains { $0 >= 0x80 })
        }
        // Folding plain ASCII is lower-casing: the quick way gives what Foundation's folding gives, on every byte.
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        #expect(Privacy.fold(Substring(ascii)) == ascii.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil))
    }

    @Test("the quick ways of adding a session up give what the plain ways give: days, folded wordings, trimming, kept quotes")
    func totalsShortcuts() {
        var random = SplitMix(seed: 21)
        // Every day of four years either side of a leap-year rule, and broken days, against the calendar.
        var days: [String] = []
        for y in [1600, 1700, 1900, 2000, 2024, 2025, 2100, 9999, 1599, 1500, 1582] {
            for m in 0...13 { for d in 0...32 { days.append(String(format: "%04d-%02d-%02d", y, m, d)) } }
        }
        days += ["2026-1-01", "+026-01-01", "2026-01-0a", "2026/01/01", "", "2026-01-01 ", "٢٠٢٦-٠١-٠١", "0000-01-01"]
        for day in days { #expect(Editing.isRealDay(day) == Editing.isRealDayByCalendar(day), "\(day)") }
        #expect(days.filter { Editing.quickRealDay($0) != nil }.count > 3000, "the quick way decides most days")
        // Folding wordings: plain ASCII one way, anything else the general way.
        let bits = ["Bus", "  ", "BUS", "a1", "-", "’", "é", "Zara's", "\t", "2", "x", ",", "Ünder", "", "...", "key worker"]
        for _ in 0..<3000 {
            let text = (0..<random.below(6)).map { _ in random.pick(bits) }.joined(separator: random.below(2) == 0 ? "" : " ")
            #expect(TallyTotals.fold(text) == ContentPacks.words(of: text).joined(separator: " "), "\(text)")
            #expect(TallyTotals.trimmed(text) == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
        // Kept quotes: added one at a time, the theme keeps the first few in the quotes' order, as if all were sorted.
        let words = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"]
        for _ in 0..<200 {
            var totals = TallyTotals()
            var all = Set<TallyTotals.Quote>()
            for _ in 0..<random.below(60) {
                let q = TallyTotals.Quote(category: random.pick(["working", "notWorking"]),
                                          text: random.pick(words) + random.pick(words), supported: random.below(2) == 0)
                all.insert(q)
                totals.keepQuote("t", q)
            }
            let expected = Array(TallyTotals.ordered(all).prefix(TallyTotals.quotesKept * 3))
            #expect((totals.quotes["t"] ?? []) == expected)
        }
    }
}
