import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// The files for working with: every action for a tracker, and a REFI-QDA project for qualitative analysis.
/// Each is recounted from the session files themselves, and checked for names.
@Suite("Tally: files for working with")
struct WorkingFilesTests {
    static var pythonHere: Bool { SessionSchemaTests.validatorHere }

    /// Sessions from the examples and made-up ones, one with a person's label typed into an action and a statement.
    static func sessions() throws -> [Session] {
        var list = try exampleSessions.map { try SessionCodec.decode(Data(contentsOf: URL(fileURLWithPath: $0)), path: $0) }
        let demo = DemoData(content: content, seed: 21)
        list += (0..<12).map { demo.session($0) }
        var named = list[3]
        let label = named.people[0].label
        named.actions.append(PlannedAction(id: "a900", what: "Ask \(label) what works", who: "\(label)'s keyworker",
                                           byWhen: "June", intention: "reconfigure", createdAt: fixedNow))
        named.people[0].consentToQuote = true
        named.statements.append(Statement(id: "st900", personId: named.people[0].id, category: "aspirations", rank: 1,
                                          text: "I want \(label) to keep my budget", themeId: "control", createdAt: fixedNow))
        list[3] = named
        return list
    }

    @Test("actions-csv lists every action of every session, sorted, with the names in its words replaced")
    func actionsCSV() throws {
        let sessions = try Self.sessions()
        let totals = Tallier.totals(sessions, content: content, lists: true)
        let text = String(decoding: TallyWorkingFile.actionsCSV.render(totals, content), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}workshop,workshop_date,area,action,what,who,by_when,intention_id,intention,answers_kind,answers,making_it_real\r\n"))
        let lines = text.dropFirst().split(separator: "\r\n").dropFirst()
        // The recount: every action in the files, nothing else.
        let expected = sessions.reduce(0) { $0 + $1.actions.count }
        #expect(lines.count == expected && expected > 20)
        for s in sessions {
            let labels = Privacy.Labels(s.people.map(\.label))
            for a in s.actions {
                let what = Privacy.redact(a.what, labels)
                #expect(lines.contains { $0.contains(s.id) && $0.contains(TallyCSV.csv([what])) }, "\(a.what)")
            }
        }
        let label = sessions[3].people[0].label
        #expect(text.contains("Ask [name] what works") && text.contains("[name]'s keyworker"))
        #expect(!Privacy.words(text).map { String(text[$0.range]) }.contains(label))
        let dates = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] }
        #expect(dates == dates.sorted())
    }

    /// Writes a project and runs the checker over it.
    func check(_ bytes: [UInt8]) -> (status: Int32, output: String) {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tally.qdpx"), out = folder.appendingPathComponent("out.txt")
        try? Data(bytes).write(to: file)
        let status = spawnAndWait("/usr/bin/env", ["python3", packageRoot.appendingPathComponent("scripts/check-qdpx").path, file.path],
                                  output: out.path)
        return (status, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    @Test("refi-qda: a project that keeps QDA-XML's rules, with a source for each statement people agreed to share, coded",
          .enabled(if: pythonHere))
    func refiQDA() throws {
        let sessions = try Self.sessions()
        let totals = Tallier.totals(sessions, content: content, lists: true)
        let project = TallyWorkingFile.refiQDA.render(totals, content)
        // The recount from the files: consent, their own words or with support, revealed, and a theme found.
        let suggester = ThemeSuggester(content.keywords)
        var shared: [String] = []
        for s in sessions {
            let consent = Set(s.people.filter(\.consentToQuote).map(\.id))
            let labels = Privacy.Labels(s.people.map(\.label))
            for st in s.statements where consent.contains(st.personId) && !st.hidden && [.own, .supported].contains(st.voice.kind) {
                let themed = (st.themeId.map { content.theme($0) != nil } ?? false)
                    || (st.suggestion?.decision != .ignored && suggester.suggest(for: st.text) != nil)
                if themed { shared.append(Privacy.clean(Privacy.redact(st.text, labels)) + (st.voice.kind == .supported ? " (with support)" : "")) }
            }
        }
        #expect(shared.count > 10)
        let result = check(project)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(shared.count) sources"), "\(result.output)")
        // Every source's words are a statement's words; no label reaches it.
        let archive = String(decoding: project, as: UTF8.self)
        for words in shared { #expect(archive.contains(words), "\(words)") }
        #expect(archive.contains("I want [name] to keep my budget"))
        for s in sessions {
            for label in s.people.map(\.label) where label.count > 1 {
                #expect(!Privacy.words(archive).map { String(archive[$0.range]) }.contains(label), "\(label)")
            }
        }
        #expect(archive.contains("Making It Real: Wellbeing and independence"))
    }

    @Test("the QDA checker can fail: a coding with a code that cannot be coded, a selection past its text, children out of order",
          .enabled(if: pythonHere))
    func checkerFails() {
        var zip = StoredZip()
        zip.add("sources/a.txt", Array("Short".utf8))
        let g = { (n: Int) in String(format: "00000000-0000-0000-0000-%012d", n) }
        zip.add("project.qde", Array("""
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="x">
          <CodeBook><Codes><Code guid="\(g(1))" name="Parent" isCodable="false"/></Codes></CodeBook>
          <Users><User guid="\(g(2))"/></Users>
          <Sources><TextSource guid="\(g(3))" plainTextPath="internal://a.txt">
            <PlainTextSelection guid="\(g(4))" startPosition="0" endPosition="99">
              <Coding guid="\(g(5))"><CodeRef targetGUID="\(g(1))"/></Coding>
            </PlainTextSelection>
          </TextSource></Sources>
        </Project>
        """.utf8))
        let result = check(zip.bytes)
        #expect(result.status == 1)
        #expect(result.output.contains("which is not codable"))
        #expect(result.output.contains("outside its text of 5 characters"))
        #expect(result.output.contains("children are out of order"))
    }

    @Test("the stored ZIP is read by Python's zipfile, each file's bytes intact", .enabled(if: pythonHere))
    func zipReadBack() throws {
        var zip = StoredZip()
        zip.add("a.txt", Array("Ynys Môn 👍".utf8))
        zip.add("sources/b.txt", Array(repeating: 7, count: 70_000))
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.zip"), out = folder.appendingPathComponent("out.txt")
        try Data(zip.bytes).write(to: file)
        let script = "import zipfile,sys,hashlib; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; "
            + "print(z.read('a.txt').decode('utf-8'), len(z.read('sources/b.txt')), set(z.read('sources/b.txt')))"
        #expect(spawnAndWait("/usr/bin/env", ["python3", "-c", script, file.path], output: out.path) == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == "Ynys Môn 👍 70000 {7}\n")
    }
}
