import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// Hostile files: every door that reads a file is given mutated ones and must either use a file whole or refuse
/// it with a message — never crash (a crash would stop this test run). CI runs a bounded number of mutations;
/// `FUZZ_ROUNDS=20000 swift test --filter FuzzTests` runs a longer campaign.
@Suite("Fuzzing the doors")
struct FuzzTests {
    static let rounds = Int(ProcessInfo.processInfo.environment["FUZZ_ROUNDS"] ?? "") ?? 600

    /// A mutation of the kinds an attacker or a broken disk makes.
    static func mutate(_ text: String, _ rng: inout SplitMix) -> Data {
        var bytes = Array(text.utf8)
        switch rng.below(9) {
        case 0: // flip a byte
            let i = rng.below(bytes.count)
            bytes[i] ^= UInt8(1 << rng.below(8))
        case 1: // cut short
            bytes = Array(bytes.prefix(rng.below(bytes.count)))
        case 2: // a huge or negative number where a number is
            let numbers = ["9223372036854775807", "-9223372036854775808", "-1", "0", "1e308", "99999999999", "1.5"]
            if let r = replaceNumber(text, rng.pick(numbers), &rng) { bytes = Array(r.utf8) }
        case 3: // a type swapped for another
            let values = ["null", "[]", "{}", "\"x\"", "true", "0"]
            if let r = replaceValue(text, rng.pick(values), &rng) { bytes = Array(r.utf8) }
        case 4: // an id repeated
            let ids = matches(text, #""id" : "[^"]*""#)
            if ids.count > 1 {
                let a = rng.pick(ids), b = rng.pick(ids)
                bytes = Array(text.replacingOccurrences(of: a, with: b).utf8)
            }
        case 5: // a key repeated
            if let r = text.range(of: "\"schemaVersion\" : 1,") {
                var t = text
                t.insert(contentsOf: "\"setup\" : null, ", at: r.lowerBound)
                bytes = Array(t.utf8)
            }
        case 6: // a reference to nothing
            let people = matches(text, #""personId" : "[^"]*""#)
            if let p = people.first { bytes = Array(text.replacingOccurrences(of: p, with: "\"personId\" : \"nobody\"").utf8) }
        case 7: // control characters and escapes inside words
            bytes = Array(text.replacingOccurrences(of: "\"text\" : \"", with: "\"text\" : \"\\u0000\\u001b[31m\\u009b").utf8)
        default: // bytes that are not UTF-8
            bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: rng.below(bytes.count))
        }
        return Data(bytes)
    }

    static func matches(_ text: String, _ pattern: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    static func replaceNumber(_ text: String, _ with: String, _ rng: inout SplitMix) -> String? {
        let found = matches(text, #"" : -?[0-9]+"#)
        guard !found.isEmpty else { return nil }
        let one = rng.pick(found)
        guard let r = text.range(of: one) else { return nil }
        return text.replacingCharacters(in: r, with: "\" : " + with)
    }

    static func replaceValue(_ text: String, _ with: String, _ rng: inout SplitMix) -> String? {
        let found = matches(text, #"" : ("[^"]*"|-?[0-9]+|true|false|null)"#)
        guard !found.isEmpty else { return nil }
        let one = rng.pick(found)
        guard let r = text.range(of: one) else { return nil }
        return text.replacingCharacters(in: r, with: "\" : " + with)
    }

    /// Sessions to start from: the examples and a made-up one with every part filled.
    static func seeds() throws -> [String] {
        var out = try exampleSessions.map { try String(contentsOfFile: $0, encoding: .utf8) }
        out.append(String(decoding: SessionCodec.encode(DemoData(content: content, seed: 1).session(0)), as: UTF8.self))
        return out
    }

    @Test("mutated session files are used whole or refused with a message, by the codec, the workshop, export and the tally")
    func sessions() throws {
        var rng = SplitMix(seed: 2026)
        let seeds = try Self.seeds()
        let suggester = ThemeSuggester(content.keywords)
        var used = 0, refused = 0, leanOnly = 0, mismatched = 0, checkedAgainstModel = 0
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<Self.rounds {
            let data = Self.mutate(rng.pick(seeds), &rng)
            let session: Session
            do {
                session = try SessionCodec.decode(data, path: "mutant\(round).json")
                used += 1
            } catch {
                #expect(!error.reason.isEmpty)
                refused += 1
                // The tally's quick reader must not count a file that breaks the session rules. (A mistake in a
                // part the tally does not read, such as a wrap-up note, does not stop it counting: documented.)
                let broken = error.reason.contains("it should be from") || error.reason.contains("needs its own id")
                if broken, LeanReader.read(data) != nil {
                    leanOnly += 1
                    print("counted by the quick reader, refused by the rules: \(error)")
                }
                continue
            }
            // A file the codec accepts is safe everywhere: every stage drawn, the handouts, the tally's summary.
            var state = AppState(session: session)
            for stage in Stages.kinds {
                state.session?.position.stage = stage
                _ = Render.frame(state, content, size: Size(width: 80, height: 24))
            }
            _ = HandoutWriter.files(session, content)
            // The quick reader mirrors the session model: where it reads a file, it reads what the model reads.
            if let quick = LeanReader.read(data) {
                if quick != LeanSession(session) {
                    mismatched += 1
                    if mismatched <= 3 { print("the quick reader differs from the model on mutant \(round)") }
                }
                checkedAgainstModel += 1
            }
            _ = SessionSummary.make(LeanReader.read(data) ?? LeanSession(session), content, suggester)
        }
        print("quick reader checked against the model on \(checkedAgainstModel) files; \(mismatched) differ")
        #expect(mismatched == 0)
        #expect(checkedAgainstModel > 0)
        print("session mutants: \(used) used, \(refused) refused, \(leanOnly) counted by the quick reader although they break the rules")
        #expect(leanOnly == 0)
        #expect(used > 0 && refused > 0)
    }

    @Test("a tally over a folder of mutants reads every good one and names every bad one")
    func tallyFolder() throws {
        var rng = SplitMix(seed: 7)
        let seeds = try Self.seeds()
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for i in 0..<min(Self.rounds, 200) {
            try Self.mutate(rng.pick(seeds), &rng).write(to: folder.appendingPathComponent("m\(i).json"))
        }
        let run = Tallier.run(paths: [folder.path], content: content)
        #expect(run.read + run.skipped.count + run.duplicates.count == min(Self.rounds, 200))
        for format in TallyFormat.allCases { _ = format.render(ReportBuilder.build(run, content, ReportOptions())) }
    }

    @Test("mutated review CSV files are imported whole or refused with their lines")
    func reviews() throws {
        var rng = SplitMix(seed: 11)
        let session = try SessionCodec.read(URL(fileURLWithPath: exampleSessions[0]))
        let csv = "person,category,rank,text,theme\nZK,working,1,\"I like my flat, it is mine\",support\n"
            + "ZK,needs to change,1,The bus stops at six,communities\nQW,future,1,A job in a café,\n"
        for _ in 0..<Self.rounds {
            let mutant = String(decoding: Self.mutate(csv, &rng), as: UTF8.self)
            switch ReviewImport.apply(csv: mutant, to: session, content, now: fixedNow) {
            case .success(let (after, _)):
                // Whatever came in is a valid session, without control characters in its words.
                #expect(SessionRules.problem(after) == nil)
                for st in after.statements { #expect(!st.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }, "\(st.text.debugDescription)") }
            case .failure(let problems):
                #expect(!problems.all.isEmpty)
            }
        }
    }

    @Test("mutated content packs are loaded whole or refused with the file and the field")
    func packs() throws {
        var rng = SplitMix(seed: 13)
        let names = try FileManager.default.contentsOfDirectory(atPath: englishPacks.path).filter { $0.hasSuffix(".json") }
        let rounds = min(Self.rounds, 120)
        for _ in 0..<rounds {
            let folder = temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            for name in names {
                try FileManager.default.copyItem(at: englishPacks.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            let victim = rng.pick(names)
            let text = try String(contentsOf: englishPacks.appendingPathComponent(victim), encoding: .utf8)
            try Self.mutate(text, &rng).write(to: folder.appendingPathComponent(victim))
            do {
                _ = try PackLoader.load(from: folder)
            } catch {
                #expect(!"\(error)".isEmpty)
            }
        }
    }
}

extension FuzzTests {
    @Test("the files that used to crash Together are refused by every door, each with its place and reason")
    func knownCrashes() throws {
        var base = DemoData(content: content, seed: 21).session(0)
        base.groupThemes[0].dots = [base.people[0].id: 1]
        let good = String(decoding: SessionCodec.encode(base), as: UTF8.self)
        var duplicate = base
        duplicate.people[1].id = duplicate.people[0].id
        var twoStatements = base
        twoStatements.statements[2].id = twoStatements.statements[1].id
        var twoActions = base
        twoActions.actions.append(twoActions.actions[0])
        var none = base
        none.setup.statementsPerPerson = 0
        let huge = good.replacingOccurrences(of: "\"\(base.people[0].id)\" : 1", with: "\"\(base.people[0].id)\" : 9223372036854775807")
        #expect(huge != good)
        let cases: [(String, Data, String)] = [
            ("huge dots", Data(huge.utf8), "groupThemes[0].dots"),
            ("two people with one id", SessionCodec.encode(duplicate), "people[1].id"),
            ("two statements with one id", SessionCodec.encode(twoStatements), "statements[2].id"),
            ("two actions with one id", SessionCodec.encode(twoActions), "actions[\(base.actions.count)].id"),
            ("no statements allowed", SessionCodec.encode(none), "setup.statementsPerPerson"),
        ]
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, data, place) in cases {
            #expect(LeanReader.read(data) == nil, "\(name): the quick reader leaves it to the careful decoder")
            do {
                _ = try SessionCodec.decode(data, path: name)
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.jsonPath.hasPrefix(place), "\(name): \(error)")
            }
            let url = folder.appendingPathComponent("\(name).json")
            try data.write(to: url)
            let run = Tallier.run(paths: [url.path], content: content)
            #expect(run.totals.sessions == 0 && run.skipped.first?.reason.contains(place) == true, "\(name): \(run.skipped)")
        }
        // One bad file never stops a tally: the good one beside it is counted.
        try good.write(to: folder.appendingPathComponent("good.json"), atomically: true, encoding: .utf8)
        let run = Tallier.run(paths: [folder.path], content: content)
        #expect(run.totals.sessions == 1)
        #expect(run.skipped.count == cases.count)
    }

    @Test("control characters typed into the box are dropped; the words around them are kept")
    func typedControls() {
        var state = workshopWithPeople(["AB"])
        press([.char("]"), .char("]"), .char("a")] + typing("na\u{0}ï\u{1B}ve\u{9B}") + [.enter, .escape], &state)
        #expect(state.session?.statements.map(\.text) == ["naïve"])
    }
}

extension FuzzTests {
    @Test("a crafted session cannot put an escape sequence or an HTML attribute into the handouts")
    func craftedExport() throws {
        var s = DemoData(content: content, seed: 31).session(0)
        s.setup.title = "Title \u{1B}]0;owned\u{07}\u{1B}[2J"
        s.setup.language = "en\"\u{301} onload=\"alert(1)"
        s.statements[0].text = "\u{9B}31mred\u{0} words"
        for (name, text) in HandoutWriter.files(s, content) {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0 },
                    "\(name)")
            if name.hasSuffix(".html") {
                #expect(!text.contains("\" onload="), "\(name): the attribute is escaped")
            }
        }
    }

    @Test("temporary files of a killed save are removed at start; a save in progress (a live process) is not")
    func staleTemporaryFiles() throws {
        let folder = temporaryFolder()
        let dead = folder.appendingPathComponent(".s.json.999999.12345.tmp")
        let live = folder.appendingPathComponent(".s.json.\(getpid()).54321.tmp")
        let other = folder.appendingPathComponent(".notes.tmp")
        for url in [dead, live, other] { try Data("x".utf8).write(to: url) }
        #expect(AtomicFile.removeStale(in: folder) == 1)
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(FileManager.default.fileExists(atPath: other.path))
    }
}
