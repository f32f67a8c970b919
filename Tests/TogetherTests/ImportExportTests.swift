import Foundation
import Testing
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence
@testable import TogetherPublishing

/// Statements from reviews coming in, and handouts going out.
@Suite("Import and export", .serialized)
struct ImportExportTests {
    static let fixtures = packageRoot.appendingPathComponent("Tests/TogetherTests/Fixtures/reviews")

    func fixture(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    func session() -> Session { workshopWithPeople(["AB"]).session! }

    @Test("a good reviews file: quoted commas, doubled quotes, a line break, CRLF, a byte order mark, labels")
    func goodFile() throws {
        let before = session()
        let later = fixedNow.addingTimeInterval(3600)
        let (after, summary) = try ReviewImport.apply(csv: try fixture("good.csv"), to: before, content,
                                                      now: later).get()
        #expect(summary == .init(statements: 5, newPeople: 2))
        // The import is a change like any other: the core moves the session's time.
        #expect(before.updatedAt == fixedNow && after.updatedAt == later)
        let imported = after.statements.filter { $0.source == .review }
        #expect(imported.map(\.text) == ["My PA knows me, and what I like", "Letters say \"urgent\" but nobody explains",
                                         "A job in a café 日本", "Swimming on Fridays", "Staff change too often"])
        #expect(imported.map(\.category) == ["working", "notWorking", "aspirations", "working", "notWorking"])
        #expect(imported.map(\.themeId) == ["support", "information", nil, nil, "workforce"])
        #expect(after.people.filter { $0.source == .review }.map(\.label) == ["R017", "R018"])
        #expect(after.people.first { $0.label == "AB" }?.source == .room)
        // Ids are new and never repeat.
        #expect(Set(after.statements.map(\.id)).count == after.statements.count)
    }

    @Test("bad rows are each named with their line, and nothing is imported")
    func badRows() throws {
        let result = ReviewImport.apply(csv: try fixture("bad-rows.csv"), to: session(), content, now: fixedNow)
        guard case .failure(let problems) = result else {
            Issue.record("a bad file was imported")
            return
        }
        let text = problems.all.map(\.description)
        #expect(text.contains { $0.hasPrefix("line 2:") && $0.contains("looks like a full name") })
        #expect(text.contains { $0.hasPrefix("line 3:") && $0.contains("sideways") && $0.contains("rank \"0\"")
            && $0.contains("text is empty") })
        #expect(text.contains { $0.hasPrefix("line 4:") && $0.contains("rank \"x\"") })
        #expect(text.contains { $0.hasPrefix("line 5:") && $0.contains("housing") })
        #expect(text.contains { $0.hasPrefix("line 7:") && $0.contains("already has a statement at rank 1") })
        #expect(text.contains { $0.hasPrefix("line 8:") && $0.contains("has 6 values; the header has 5") })
        #expect(!text.contains { $0.hasPrefix("line 6:") })
    }

    @Test("a gap in ranks, a wrong header, an unclosed quote, an empty file", arguments: [
        ("bad-gap.csv", "ranks should be 1, 2, 3"), ("bad-header.csv", "no column for person, category, rank, text"),
        ("bad-quote.csv", "line 2: has a quote that is never closed"), ("empty.csv", "The file is empty"),
    ])
    func badFiles(_ file: String, _ expected: String) throws {
        let result = ReviewImport.apply(csv: try fixture(file), to: session(), content, now: fixedNow)
        guard case .failure(let problems) = result else {
            Issue.record("\(file) was imported")
            return
        }
        #expect(problems.all.map(\.description).joined(separator: "\n").contains(expected))
    }

    @Test("importing into a session already holding a person's rank 1 refuses, leaving both as they were")
    func clash() throws {
        var before = session()
        before.people.append(Person(id: "p9", label: "R017", role: "person", source: .review))
        before.statements.append(Statement(id: "st9", personId: "p9", category: "working", rank: 1, text: "Old",
                                           createdAt: fixedNow, source: .review))
        let result = ReviewImport.apply(csv: try fixture("good.csv"), to: before, content, now: fixedNow)
        guard case .failure(let problems) = result else {
            Issue.record("a clashing file was imported")
            return
        }
        #expect(problems.all.first?.description.contains("R017 already has a statement at rank 1 in working") == true)
    }

    @Test("together import: all or nothing on the file; the session file is unchanged after a bad one",
          .enabled(if: CommandLineTests.built))
    func importCommand() throws {
        let folder = temporaryFolder()
        let url = folder.appendingPathComponent("s.json")
        try AtomicFile.write(SessionCodec.encode(session()), to: url)
        let original = try Data(contentsOf: url)
        let out = folder.appendingPathComponent("out.txt").path
        let bad = spawnAndWait(EndToEndTests.binary.path,
                               ["import", "--into", url.path, Self.fixtures.appendingPathComponent("bad-rows.csv").path],
                               output: out)
        #expect(bad == 1)
        let message = try String(contentsOfFile: out, encoding: .utf8)
        #expect(message.contains("bad-rows.csv line 4: the rank \"x\""))
        #expect(message.contains("Nothing was imported."))
        #expect(try Data(contentsOf: url) == original)
        let good = spawnAndWait(EndToEndTests.binary.path,
                                ["import", "--into", url.path, Self.fixtures.appendingPathComponent("good.csv").path],
                                output: out)
        #expect(good == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Imported 5 statements"))
        #expect(try SessionCodec.read(url).statements.count == 5)
        #expect(try mode(of: url) == 0o600)
    }

    @Test("together import refuses while a workshop has the file open, even before its first change",
          .enabled(if: CommandLineTests.built))
    func importWhileOpen() throws {
        let folder = temporaryFolder()
        let url = folder.appendingPathComponent("s.json")
        try AtomicFile.write(SessionCodec.encode(session()), to: url)
        let original = try Data(contentsOf: url)
        // A workshop opens the file (as `together s.json` does) and has changed nothing yet.
        let store = SessionStore(folder: folder)
        try store.claim(try store.open(url))
        let out = folder.appendingPathComponent("out.txt").path
        let status = spawnAndWait(EndToEndTests.binary.path,
                                  ["import", "--into", url.path, Self.fixtures.appendingPathComponent("good.csv").path],
                                  output: out)
        #expect(status == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("is open in Together just now"))
        #expect(try Data(contentsOf: url) == original)
        store.release(try SessionCodec.read(url))
        let after = spawnAndWait(EndToEndTests.binary.path,
                                 ["import", "--into", url.path, Self.fixtures.appendingPathComponent("good.csv").path],
                                 output: out)
        #expect(after == 0, "once the workshop lets go, the import goes in")
    }

    @Test("the handouts of a full workshop match their golden files, in Markdown and HTML")
    func handoutGoldens() throws {
        var session = sampleWorkshop().session!
        session.setup.area = "Leeds"
        for (suffix, text) in HandoutWriter.files(session, content) {
            assertGolden(text, named: "handout-\(suffix)")
        }
    }

    @Test("Easy Read: a picture on the left of every heading and every 'You told us' line, the theme's own picture for a theme, decorative to a screen reader, with its licence beside it")
    func pictures() throws {
        var session = sampleWorkshop().session!
        session.setup.contact = "The council's Easy Read team, 0113 000 0000"
        let html = Handouts.easyRead(session, content).html(easyRead: true)
        // Every heading but the title sits in a block with a picture on its left.
        let body = String(html[html.range(of: "</h1>")!.upperBound...])
        let headings = body.matches(of: /<h[2-6]>/).count
        let pictured = body.matches(of: /<div class="er"><img src="data:image\/svg\+xml;base64,[A-Za-z0-9+\/=]+" alt="" width="72" height="72"><div>\n<h[2-6]>/).count
        #expect(headings >= 3 && pictured == headings, "\(pictured) of \(headings) headings have a picture")
        // Each theme the group made shows the picture of the Making It Real theme it is linked to.
        for theme in session.topThemes(content) {
            guard let link = theme.makingItReal.first, let svg = content.pictures["theme-" + link] else { continue }
            let encoded = Data(svg.utf8).base64EncodedString()
            let heading = html.range(of: Document.escape(theme.statement))!
            let picture = try #require(html.range(of: encoded, options: .backwards, range: html.startIndex..<heading.lowerBound))
            #expect(!html[picture.upperBound..<heading.lowerBound].contains("<img"), "\(theme.statement): its own picture is just before it")
        }
        // Every picture the handouts use is in assets/pictures, with the licence and where each came from.
        let folder = assetsFolder.appendingPathComponent("pictures")
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("LICENSE").path))
        #expect(readme.contains("CC BY-SA 4.0"))
        for name in content.pictures.keys { #expect(readme.contains("`\(name).svg`"), "\(name) is not credited") }
        for needed in ["draft", "workshop", "told", "good", "action", "talk", "working", "next", "tell", "contact", "private"]
            + content.makingItReal.themes.map({ "theme-" + $0.id }) {
            #expect(content.pictures[needed] != nil, "no picture \(needed)")
        }
        // Markdown has the words only.
        #expect(!Handouts.easyRead(session, content).markdown.contains("data:image"))
    }

    @Test("anonymous records name no one; named records use the made-up names; quotes need consent")
    func privacy() throws {
        var session = sampleWorkshop().session!
        let anonymous = Handouts.record(session, content).markdown + Handouts.easyRead(session, content).markdown
        #expect(!anonymous.contains("AB"))
        #expect(!anonymous.contains("Cy"))
        #expect(!anonymous.contains("p1"))
        session.setup.anonymous = false
        let named = Handouts.record(session, content).markdown
        #expect(named.contains("| AB | Person with lived experience | no | the workshop |"))
        // Without themes, the Easy Read quotes only people who agreed.
        session.groupThemes = []
        session.statements = [Statement(id: "s1", personId: "p1", category: "notWorking", rank: 1,
                                        text: "Buses stop too early", createdAt: fixedNow)]
        #expect(!Handouts.easyRead(session, content).markdown.contains("Buses"))
        session.people[0].consentToQuote = true
        #expect(Handouts.easyRead(session, content).markdown.contains("Buses stop too early."))
    }

    @Test("people's words cannot break the Markdown or the HTML")
    func escaping() {
        var doc = Document(title: "A <b> & *c*")
        doc.add(.table(header: ["x"], rows: [["a | b"]]))
        doc.add(.paragraph("<script>alert(1)</script>"))
        #expect(doc.markdown.contains("a \\| b"))
        #expect(doc.markdown.contains("\\*c\\*"))
        let html = doc.html()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("<title>A &lt;b&gt; &amp; *c*</title>"))
    }

    @Test("together export writes four files and never writes over them", .enabled(if: CommandLineTests.built))
    func exportCommand() throws {
        let folder = temporaryFolder()
        let url = folder.appendingPathComponent("w.json")
        try AtomicFile.write(SessionCodec.encode(sampleWorkshop().session!), to: url)
        let out = folder.appendingPathComponent("out.txt").path
        #expect(spawnAndWait(EndToEndTests.binary.path, ["export", url.path], output: out) == 0)
        #expect(spawnAndWait(EndToEndTests.binary.path, ["export", url.path], output: out) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.filter { $0.hasPrefix("w-") }.count == 8)
        #expect(names.contains("w-2-record.html"))
        let html = try String(contentsOf: folder.appendingPathComponent("w-easy-read.html"), encoding: .utf8)
        #expect(html.contains("<h2>You told us, and we will</h2>"))
        #expect(html.contains("font-size: 20pt"))
    }
}

extension ImportExportTests {
    @Test("the Easy Read says draft until the workshop is finished, and a date typed as 2027-01-31 is in words")
    func easyReadDraftAndDates() throws {
        var state = sampleWorkshop()
        state.session?.actions[0].byWhen = "2027-01-31"
        let draft = Handouts.easyRead(state.session!, content).markdown
        #expect(draft.contains("Draft. The workshop is not finished yet"))
        #expect(draft.contains("By 31 January 2027.") && !draft.contains("2027-01-31"))
        state.session?.status = .finished
        #expect(!Handouts.easyRead(state.session!, content).markdown.contains("Draft."))
        // No sentence Together writes around the group's words is over 15 words, and none has brackets.
        for line in draft.split(separator: "\n") where line.hasPrefix("- We will:") {
            #expect(!line.contains("("), "\(line)")
            for sentence in line.split(separator: ".") {
                #expect(sentence.split(separator: " ").count <= 15, "\(sentence)")
            }
        }
    }

    @Test("together export writes the handouts in the workshop's language", .enabled(if: CommandLineTests.built))
    func exportInWelsh() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = sampleWorkshop().session!
        session.setup.language = "cy"
        let url = folder.appendingPathComponent("gweithdy.json")
        try AtomicFile.write(SessionCodec.encode(session), to: url)
        let out = folder.appendingPathComponent("out.txt").path
        #expect(spawnAndWait(EndToEndTests.binary.path, ["export", url.path], output: out) == 0)
        let easy = try String(contentsOf: folder.appendingPathComponent("gweithdy-easy-read.md"), encoding: .utf8)
        let welsh = try #require(allLanguages["cy"])
        #expect(easy.contains(welsh.words.text(.easyReadTitle)), "\(easy.prefix(200))")
        #expect(!easy.contains(content.words.text(.easyReadTitle)))
    }
}

extension ImportExportTests {
    @Test("the Easy Read has what is working (only words people agreed to share, in their own voice), what good looks like, and who to ask")
    func easyReadWorkingGoodContact() throws {
        var state = sampleWorkshop()
        go(.setup, &state)
        focus(on: .setupField(.contact), &state)
        act([.activate], &state)
        press(typing("Bristol commissioning team, 0117 000 0000"), &state)
        act([.commitEdit], &state)
        #expect(state.session?.setup.contact == "Bristol commissioning team, 0117 000 0000")
        var session = try #require(state.session)
        let top = try #require(session.topThemes(content).first)
        let i = try #require(session.groupThemes.firstIndex { $0.id == top.id })
        session.groupThemes[i].success = [Note(id: "n900", text: "Letters I can read on my own", createdAt: fixedNow)]
        let first = try #require(session.statements.first { $0.category == "working" && $0.rank == 1 })
        let person = try #require(session.people.firstIndex { $0.id == first.personId })
        let without = Handouts.easyRead(session, content).markdown
        #expect(!without.contains("What is working"), "no one agreed to share their words yet")
        session.people[person].consentToQuote = true
        let with = Handouts.easyRead(session, content).markdown
        #expect(with.contains("# What is working") && with.contains("- \(Handouts.sentence(first.text))"))
        #expect(with.contains("Good would look like this:") && with.contains("- Letters I can read on my own."))
        #expect(with.contains("# Questions?") && with.contains("Talk to: Bristol commissioning team, 0117 000 0000"))
        // Words said for someone are never shown as theirs.
        let j = try #require(session.statements.firstIndex { $0.id == first.id })
        session.statements[j].voice = .onBehalf("familyCarer")
        #expect(!Handouts.easyRead(session, content).markdown.contains("- \(Handouts.sentence(first.text))"))
    }
}

extension ImportExportTests {
    @Test("HTML prints on A4 with headings kept with what follows, and columns of counts set right")
    func htmlForPrint() {
        var doc = Document(title: "T")
        doc.add(.table(header: ["Theme", "People"], rows: [["Home", "3"], ["Work", "hidden"], ["Bus", "12"]]))
        let html = doc.html()
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("break-after: avoid-page"))
        #expect(html.contains("<th scope=\"col\" class=\"n\">People</th>"))
        #expect(html.contains("<td class=\"n\">hidden</td>") && html.contains("<td>Home</td>"))
    }
}
