import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// The session file is a published format: `docs/session.schema.json` (JSON Schema 2020-12) says what it holds.
/// These tests check the files Together writes against it with a real validator (Python's `jsonschema`, through
/// `scripts/check-sessions`), and the schema against the rules the codec enforces.
@Suite("The session file's schema")
struct SessionSchemaTests {
    static let schemaURL = packageRoot.appendingPathComponent("docs/session.schema.json")
    static let checker = packageRoot.appendingPathComponent("scripts/check-sessions")

    /// True when Python and jsonschema are here; under `scripts/test` (so CI) they must be.
    static var validatorHere: Bool {
        if EndToEndTests.required { return true }
        let out = temporaryFolder().appendingPathComponent("probe.txt")
        return spawnAndWait("/usr/bin/env", ["python3", "-c", "import jsonschema"], output: out.path) == 0
    }

    /// Writes the documents to a folder and runs the checker over it: its exit status and what it printed.
    func check(_ documents: [Data]) -> (status: Int32, output: String) {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (i, data) in documents.enumerated() {
            try? data.write(to: folder.appendingPathComponent(String(format: "s%05d.json", i)))
        }
        let out = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".out")
        defer { try? FileManager.default.removeItem(at: out) }
        let status = spawnAndWait("/usr/bin/env", ["python3", Self.checker.path, folder.path], output: out.path)
        return (status, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    /// A session with every optional part filled: a draft, a follow-up, timers, a voter, a dot order, suggestions,
    /// every voice and source.
    static func everything() -> Session {
        var s = DemoData(content: content, seed: 5).session(0)
        s.followUp = FollowUp(sessionId: "earlier", title: "Spring", date: "2026-03-14", area: "Leeds", items: [
            FollowUpItem(id: "a1", what: "Easy read letters", who: "Council team", byWhen: "June", answers: "Information",
                         intention: "reconfigure", outcome: "done",
                         happened: [Note(id: "n1", text: "Letters changed", createdAt: fixedNow)],
                         feeling: [Note(id: "n2", text: "Better", createdAt: fixedNow)]),
            FollowUpItem(id: "a2", what: "Later bus", who: "", byWhen: "", answers: "", intention: nil),
        ])
        s.timers = ["theming": StageTimer(plannedSeconds: 900, elapsedSeconds: 30, runningSince: fixedNow),
                    "priorities": StageTimer(plannedSeconds: 600, hidden: true)]
        s.voter = s.people.first?.id
        s.dotOrder = s.groupThemes.map(\.id)
        s.status = .finished
        s.setup.contact = "Easy Read team, 0113 000 0000"
        s.setup.revealLater = true
        if !s.statements.isEmpty {
            s.statements[0].suggestion = SuggestionRecord(themeId: "information", word: "letters", decision: .ignored)
            s.statements[0].voice = .onBehalf("familyCarer")
            s.statements[0].source = .review
            s.statements[0].hidden = true
        }
        s.wrapUpSections = ["divergent": [Note(id: "n3", text: "Not everyone agreed", createdAt: fixedNow)]]
        return s
    }

    /// The same session with each kind of words being typed.
    static func drafts(_ s: Session) -> [Session] {
        let slot = NoteSlot(.makingItReal("information"), .examples)
        let targets: [EditTarget] = [
            .setupTitle, .setupDate, .setupArea, .setupContact, .newPerson, .person(id: "p1"),
            .newStatement(personId: "p1", category: "working"), .statement(id: "st1"), .newNote(slot),
            .note(NoteSlot(.wrapUp, .next), id: "n1"), .newNote(NoteSlot(.followUp("a1"), .happened)),
            .newNote(NoteSlot(.topTip("brave"), .barriers)), .newNote(NoteSlot(.groupTheme("g1"), .causes)),
            .newGroupTheme(statementIds: ["st1", "st2"]), .newGroupTheme(statementIds: []), .groupTheme(id: "g1"),
            .newAction(link: nil), .newAction(link: Link(kind: .topTip, id: "brave")),
        ] + ActionField.allCases.map { .actionField(id: "a1", field: $0) }
        return targets.map { target in
            var copy = s
            copy.draft = Draft(target: target, text: "half typed")
            return copy
        }
    }

    /// Sessions as a workshop goes: the sample workshop, then random keys, saved after every key that changes it.
    static func driven(seed: UInt64, keys: Int) -> [Session] {
        var state = sampleWorkshop()
        var rng = SplitMix(seed: seed)
        let pool: [Key] = "aeiou tn+-123y".map { Key.char($0) } + [.enter, .escape, .tab, .backTab, .up, .down, .left,
                                                                    .right, .backspace, .char("g"), .char("x"), .char("m")]
        var out: [Session] = []
        for _ in 0..<keys {
            let before = state.session
            press([rng.pick(pool)], &state)
            if let s = state.session, s != before { out.append(s) }
        }
        return out
    }

    @Test("every session Together writes fits the schema: the examples, demo data, every kind of draft, and a workshop driven by random keys",
          .enabled(if: validatorHere))
    func writtenFilesFit() throws {
        var documents = try exampleSessions.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let demo = DemoData(content: content, seed: 11)
        documents += (0..<20).map { SessionCodec.encode(demo.session($0)) }
        let full = Self.everything()
        documents += ([full] + Self.drafts(full)).map(SessionCodec.encode)
        let driven = Self.driven(seed: 3, keys: 600) + Self.driven(seed: 9, keys: 600)
        #expect(driven.count > 200, "the random keys changed the session \(driven.count) times")
        #expect(driven.contains { $0.draft != nil })
        documents += driven.map(SessionCodec.encode)
        let result = check(documents)
        #expect(result.status == 0, "\(result.output.prefix(3000))")
        #expect(result.output.contains("Checked \(documents.count) file(s): 0 problem(s)."), "\(result.output.suffix(300))")
    }

    @Test("what the codec accepts from a mutated file, Together writes back in the schema's shape", .enabled(if: validatorHere))
    func acceptedMutantsFit() throws {
        var rng = SplitMix(seed: 4242)
        let seeds = try FuzzTests.seeds()
        var written: [Data] = []
        for _ in 0..<3_000 where written.count < 400 {
            if let session = try? SessionCodec.decode(FuzzTests.mutate(rng.pick(seeds), &rng), path: "mutant") {
                written.append(SessionCodec.encode(session))
            }
        }
        #expect(written.count >= 100)
        let result = check(written)
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    @Test("the checker can fail: a file outside the rules or with a field the schema does not know is named with its place",
          .enabled(if: validatorHere))
    func checkerFails() throws {
        var bad = SessionCodec.encode(Self.everything())
        let text = String(decoding: bad, as: UTF8.self)
        bad = Data(text.replacingOccurrences(of: "\"nextNumber\" : ", with: "\"surname\" : \"Smith\", \"nextNumber\" : ").utf8)
        var ranked = Self.everything()
        ranked.statements[0].rank = 0
        let result = check([bad, SessionCodec.encode(ranked)])
        #expect(result.status == 1)
        #expect(result.output.contains("'surname' was unexpected"), "\(result.output)")
        #expect(result.output.contains("statements[0].rank: 0 is less than the minimum of 1"), "\(result.output)")
    }

    /// The schema, read as plain JSON.
    static func schema() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as! [String: Any]
    }

    @Test("every field in the schema is described, and its bounds are the codec's own")
    func describedAndInStep() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        var undescribed: [String] = []
        func walk(_ node: Any, _ at: String) {
            guard let object = node as? [String: Any] else {
                (node as? [Any])?.enumerated().forEach { walk($1, "\(at)[\($0)]") }
                return
            }
            for (key, property) in object["properties"] as? [String: Any] ?? [:] {
                let p = property as? [String: Any] ?? [:]
                // A field is described by its own words or by the definition it refers to.
                if p["description"] == nil, p["$ref"] == nil, !at.contains("oneOf") { undescribed.append("\(at).\(key)") }
            }
            for (key, value) in object { walk(value, "\(at).\(key)") }
        }
        walk(schema, "")
        #expect(undescribed.isEmpty, "\(undescribed)")
        let defs = schema["$defs"] as! [String: [String: Any]]
        func bounds(_ node: [String: Any]?) -> ClosedRange<Int>? {
            guard let lo = node?["minimum"] as? Int, let hi = node?["maximum"] as? Int else { return nil }
            return lo...hi
        }
        func property(_ def: String?, _ name: String) -> [String: Any]? {
            let props = (def.map { defs[$0] } ?? schema)?["properties"] as? [String: Any]
            return props?[name] as? [String: Any]
        }
        #expect(bounds(property("setup", "statementsPerPerson")) == SessionRules.statementsPerPerson)
        #expect(bounds(property("setup", "votesPerPerson")) == SessionRules.votesPerPerson)
        #expect(bounds(property("statement", "rank")) == SessionRules.rank)
        #expect(bounds(property("groupTheme", "groupDots")) == SessionRules.groupDots)
        #expect(bounds(property("groupTheme", "dots")?["additionalProperties"] as? [String: Any]) == SessionRules.dots)
        #expect(bounds(property("timer", "plannedSeconds")) == SessionRules.seconds)
        #expect(bounds(property("timer", "elapsedSeconds")) == SessionRules.seconds)
        #expect(bounds(property("position", "item")) == SessionRules.place)
        #expect(bounds(property("position", "focus")) == SessionRules.place)
        #expect(bounds(property(nil, "nextNumber")) == SessionRules.nextNumber)
        #expect((property(nil, "schemaVersion")?["const"] as? Int) == Session.currentSchemaVersion)
        // Every field the model writes is in the schema: the fullest session, encoded, has no key the schema lacks.
        let written = try JSONSerialization.jsonObject(with: SessionCodec.encode(Self.everything())) as! [String: Any]
        let known = Set((schema["properties"] as! [String: Any]).keys)
        #expect(Set(written.keys).subtracting(known).isEmpty)
    }
}
