import Foundation
import Testing
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence
@testable import TogetherWorkbook
@testable import TogetherApp
@testable import TogetherAggregate

@Suite("Session files")
struct PersistenceTests {
    /// A session with something in every part.
    func fullSession() -> Session {
        var state = workshopWithPeople(["AB", "Cy"])
        press([.char("]"), .char("2"), .char("a")] + typing("Café closed 日本 👍") + [.enter, .escape], &state)
        press([.char("]"), .char("a")] + typing("Mae fy nhŷ yn dda") + [.enter, .escape, .char("t"), .char("2")], &state)
        go(.topTips, &state)
        press([.char("4"), .char("a")] + typing("Not sure") + [.enter, .escape], &state)
        go(.wrapUp, &state)
        press([.char("a")] + typing("Report back in May") + [.enter], &state)
        press(typing("half-typed"), &state)
        return state.session!
    }

    @Test("encode then decode gives back the same session, draft and position included")
    func roundTrip() throws {
        let session = fullSession()
        let data = SessionCodec.encode(session)
        let back = try SessionCodec.decode(data, path: "x.json")
        #expect(back == session)
        #expect(back.draft?.text == "half-typed")
        #expect(back.position.stage == .wrapUp)
        #expect(String(decoding: data, as: UTF8.self).contains("\"schemaVersion\" : 1"))
    }

    func decodeError(_ json: String) -> SessionFileError? {
        do {
            _ = try SessionCodec.decode(Data(json.utf8), path: "bad.json")
            return nil
        } catch {
            return error
        }
    }

    @Test("bad files are refused with the file, the JSON path and a plain reason")
    func badFiles() throws {
        let good = String(decoding: SessionCodec.encode(fullSession()), as: UTF8.self)
        #expect(decodeError("")?.reason == "is empty (0 bytes)")
        #expect(decodeError(String(good.prefix(200)))?.reason.hasPrefix("is not valid JSON") == true)
        #expect(decodeError("[1, 2]") != nil)
        #expect(decodeError("{\"id\": \"x\"}")?.jsonPath == "schemaVersion")
        let newer = try #require(decodeError(good.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 7")))
        #expect(newer.reason.contains("newer Together"))
        let wrongType = try #require(decodeError(good.replacingOccurrences(of: "\"rank\" : 1", with: "\"rank\" : \"first\"")))
        #expect(wrongType.jsonPath == "statements[0].rank")
        #expect(wrongType.description.hasPrefix("bad.json: statements[0].rank"))
        let fraction = try #require(decodeError(good.replacingOccurrences(of: "\"rank\" : 1", with: "\"rank\" : 1.5")))
        #expect(fraction.jsonPath == "statements[0].rank")
    }

    @Test("older or smaller files open with defaults, and unknown statuses are kept")
    func tolerant() throws {
        let json = """
        {"schemaVersion": 1, "id": "s", "createdAt": "2026-01-02T03:04:05Z", "status": "paused",
         "setup": {"title": "Old"}}
        """
        let session = try SessionCodec.decode(Data(json.utf8), path: "old.json")
        #expect(session.setup.statementsPerPerson == 3)
        #expect(session.people.isEmpty)
        #expect(session.status.rawValue == "paused")
        #expect(session.position.stage == .setup)
        #expect(String(decoding: SessionCodec.encode(session), as: UTF8.self).contains("\"paused\""))
        // Every default, declared once beside its field: no updatedAt means "when it was made".
        #expect(session.updatedAt == session.createdAt)
        #expect(session.setup.language == "en" && session.setup.plan == "full" && session.setup.anonymous)
        #expect(session.setup.votesPerPerson == 3 && !session.setup.revealLater && session.setup.level == "")
        #expect(session.nextNumber == 1 && session.position.item == 0 && session.followUp == nil)
        // A person, a statement, a theme, a review and an action with only what they must have; null is missing.
        let small = """
        {"schemaVersion": 1, "id": "s", "createdAt": "2026-01-02T03:04:05Z", "setup": {}, "updatedAt": null,
         "people": [{"id": "p1", "label": "AB", "role": "person", "consentToQuote": null}],
         "statements": [{"id": "st1", "personId": "p1", "category": "working", "rank": 1, "text": "Hi",
                         "createdAt": "2026-01-02T03:04:05Z"}],
         "groupThemes": [{"id": "g1", "statement": "I want", "createdAt": "2026-01-02T03:04:05Z"}],
         "makingItReal": [{"themeId": "wellbeing"}], "topTips": [{"tipId": "brave", "notes": null}],
         "actions": [{"id": "a1", "what": "Do it", "createdAt": "2026-01-02T03:04:05Z"}]}
        """
        let s = try SessionCodec.decode(Data(small.utf8), path: "small.json")
        #expect(s.people[0].source == .room && !s.people[0].consentToQuote)
        #expect(s.statements[0].voice == .own && !s.statements[0].hidden && s.statements[0].source == .room)
        #expect(s.groupThemes[0].makingItReal.isEmpty && s.groupThemes[0].totalDots == 0 && s.groupThemes[0].causes.isEmpty)
        #expect(s.makingItReal[0].examples.isEmpty && s.topTips[0].notes.isEmpty)
        #expect(s.actions[0].who == "" && s.actions[0].byWhen == "")
        // Written back and read again, nothing changes; a value of the wrong kind is refused with its place.
        #expect(try SessionCodec.decode(SessionCodec.encode(s), path: "again.json") == s)
        let wrong = small.replacingOccurrences(of: "\"consentToQuote\": null", with: "\"consentToQuote\": \"yes\"")
        #expect(throws: SessionFileError.self) { try SessionCodec.decode(Data(wrong.utf8), path: "wrong.json") }
        do { _ = try SessionCodec.decode(Data(wrong.utf8), path: "wrong.json") } catch {
            #expect(error.jsonPath == "people[0].consentToQuote", "\(error)")
        }
    }

    @Test("the atomic writer makes every file owner-only, tightening one others could read, whatever the umask")
    func atomicMode() throws {
        let folder = temporaryFolder()
        let old = umask(0)
        defer { umask(old) }
        let url = folder.appendingPathComponent("a.json")
        #expect(try AtomicFile.write(Data("one".utf8), to: url) == false)
        #expect(try mode(of: url) == 0o600)
        chmod(url.path, 0o644)
        #expect(try AtomicFile.write(Data("two".utf8), to: url) == true, "it says it tightened the file")
        #expect(try mode(of: url) == 0o600)
        #expect(try String(contentsOf: url, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.json"])
        // A file that must be new is never written over.
        #expect(throws: WriteError.self) { try AtomicFile.write(Data("three".utf8), to: url, mustBeNew: true) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "two")
    }

    @Test("folders Together makes are 0700 under umask 000; an existing sessions folder open to others is closed and told")
    func folderModes() throws {
        let old = umask(0)
        defer { umask(old) }
        let base = temporaryFolder()
        let made = base.appendingPathComponent("out/handouts")
        try OwnerOnly.makeFolder(made)
        #expect(try mode(of: made) == 0o700)
        #expect(try mode(of: base.appendingPathComponent("out")) == 0o700)
        let open = base.appendingPathComponent("sessions")
        mkdir(open.path, 0o755)
        chmod(open.path, 0o755)
        let store = SessionStore(folder: open)
        try store.prepare()
        #expect(try mode(of: open) == 0o700)
        #expect(store.tightened == [open.path])
        // Handouts and a tally report written under umask 000 are owner-only too.
        let session = DemoData(content: content, seed: 2).session(0)
        for url in try HandoutWriter.write(session, content, into: base.appendingPathComponent("export"), stem: "s") {
            #expect(try mode(of: url) == 0o600)
        }
        #expect(try mode(of: base.appendingPathComponent("export")) == 0o700)
        let report = ReportBuilder.build(exampleRun(), content, ReportOptions())
        for url in try ReportWriter.write(report, to: base.appendingPathComponent("report"), guides: nil,
                                                 workbook: XLSXWriter.data) {
            #expect(try mode(of: url) == 0o600)
        }
    }

    @Test("a session file or a lock file that is a symbolic link is refused, and nothing is written where it points")
    func links() throws {
        let folder = temporaryFolder()
        let outside = temporaryFolder()
        let target = outside.appendingPathComponent("elsewhere.json")
        let session = DemoData(content: content, seed: 3).session(0)
        try SessionCodec.encode(session).write(to: target)
        let link = folder.appendingPathComponent("linked.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let store = SessionStore(folder: folder)
        #expect(throws: SessionFileError.self) { try store.open(link) }
        store.remember(session, at: link)
        #expect(throws: WriteError.self) { try store.save(session) }
        #expect(try Data(contentsOf: target) == SessionCodec.encode(session), "the file the link points to is untouched")
        // A lock file planted as a link to somewhere else.
        let real = folder.appendingPathComponent("real.json")
        try SessionCodec.encode(session).write(to: real)
        let planted = outside.appendingPathComponent("planted")
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(".real.json.lock"), withDestinationURL: planted)
        let other = SessionStore(folder: folder)
        _ = try other.open(real)
        #expect(throws: WriteError.self) { try other.claim(session) }
        #expect(!FileManager.default.fileExists(atPath: planted.path), "no file was made where the link points")
    }

    @Test("a session is owned from the moment it is opened: a second window cannot open it, import waits")
    func ownedAtOpen() throws {
        let folder = temporaryFolder()
        let url = folder.appendingPathComponent("s.json")
        let session = DemoData(content: content, seed: 4).session(0)
        try SessionCodec.encode(session).write(to: url)
        // The first window opens it and has made no change yet.
        var first = AppState(session: try SessionStore(folder: folder).open(url))
        first.screen = .workshop
        let firstStore = SessionStore(folder: folder)
        _ = try firstStore.open(url)
        let engine = WorkshopEngine(state: first, content: content, store: firstStore, env: testEnv, speaker: Speaker(engine: nil))
        engine.apply(.tick)
        // A second window sees it in use, and its engine will not take it.
        let secondStore = SessionStore(folder: folder)
        #expect(secondStore.isInUseElsewhere(url))
        _ = try secondStore.open(url)
        let second = WorkshopEngine(state: AppState(session: session), content: content, store: secondStore, env: testEnv,
                                    speaker: Speaker(engine: nil))
        second.apply(.tick)
        #expect(second.state.session == nil, "the second window does not keep it open")
        #expect(second.state.status?.isProblem == true)
        #expect(throws: WriteError.self) { try secondStore.claim(session) }
        _ = engine
    }

    @Test("when a write fails, the old file stays and no temporary file is left behind")
    func atomicFailure() throws {
        let folder = temporaryFolder()
        // A folder where the file should go: the rename cannot replace it.
        let blocked = folder.appendingPathComponent("blocked.json")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        #expect(throws: WriteError.self) { try AtomicFile.write(Data("x".utf8), to: blocked) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["blocked.json"])
        let missing = folder.appendingPathComponent("no/such/folder/a.json")
        #expect(throws: WriteError.self) { try AtomicFile.write(Data("x".utf8), to: missing) }
    }

    @Test("the store saves to one file per session, never over another session's file, and finds them again")
    func store() throws {
        let folder = temporaryFolder()
        let store = SessionStore(folder: folder)
        try store.prepare()
        var session = fullSession()
        let url = try store.save(session)
        #expect(url.lastPathComponent == "2026-03-14-0f1e2d3c.json")
        session.setup.title = "Changed"
        #expect(try store.save(session) == url)

        var other = session
        other.id = "0f1e2d3c-another"
        let otherURL = try SessionStore(folder: folder).save(other)
        #expect(otherURL != url)
        #expect(otherURL.lastPathComponent == "2026-03-14-0f1e2d3c-2.json")

        try Data("not json".utf8).write(to: folder.appendingPathComponent("broken.json"))
        let scan = SessionStore(folder: folder).scan()
        #expect(scan.sessions.count == 2)
        #expect(scan.problems.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["broken.json"])
        #expect(try String(contentsOf: folder.appendingPathComponent("broken.json"), encoding: .utf8) == "not json")
    }
}

extension PersistenceTests {
    @Test("two Together windows cannot write the same session; the lock goes when the first one ends")
    func lock() throws {
        let folder = temporaryFolder()
        var first: SessionStore? = SessionStore(folder: folder)
        let session = fullSession()
        let url = try first!.save(session)
        #expect(first!.isInUseElsewhere(url) == false) // its own lock does not count

        let second = SessionStore(folder: folder)
        #expect(second.isInUseElsewhere(url))
        _ = try second.open(url)
        var changed = session
        changed.setup.title = "Written over"
        #expect(throws: WriteError.self) { try second.save(changed) }
        #expect(try SessionCodec.read(url).setup.title == session.setup.title)

        first = nil
        #expect(second.isInUseElsewhere(url) == false)
        try second.save(changed)
        #expect(try SessionCodec.read(url).setup.title == "Written over")
        // The lock file is hidden, so the folder scan and the tally never read it.
        #expect(SessionStore(folder: folder).scan().problems.isEmpty)
    }
}

func mode(of url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return (attributes[.posixPermissions] as? Int) ?? -1
}

@Suite("Reading dates quickly")
struct QuickDateTests {
    @Test("the quick date reader agrees with Foundation's ISO 8601 parser, and refuses what is not a day")
    func agrees() throws {
        var rng = SplitMix(seed: 3)
        for _ in 0..<5_000 {
            let seconds = Double(Int(rng.next() % 6_000_000_000)) - 1_000_000_000
            let date = Date(timeIntervalSince1970: seconds)
            let text = date.formatted(.iso8601)
            #expect(SessionCodec.quickDate(text) == date, "\(text)")
        }
        for bad in ["2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01 10:00:00Z",
                    "2026-01-01T10:00:00+01:00", "abcd-01-01T10:00:00Z"] {
            #expect(SessionCodec.quickDate(bad) == nil, "\(bad)")
        }
        #expect(SessionCodec.quickDate("2024-02-29T23:59:59Z") == (try Date("2024-02-29T23:59:59Z", strategy: .iso8601)))
    }
}

extension PersistenceTests {
    @Test("a file is read whole, byte for byte, whatever its size; a folder, a missing file and an unreadable one are named")
    func readingBytes() throws {
        let folder = temporaryFolder()
        var random = SplitMix(seed: 5)
        for size in [0, 1, 4095, 4096, 4097, 100_000, 1_000_003] {
            let bytes = Data((0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            let url = folder.appendingPathComponent("f\(size).json")
            try bytes.write(to: url)
            #expect(try SessionCodec.readData(url) == bytes, "\(size) bytes")
        }
        func reason(_ url: URL) -> String? {
            do { _ = try SessionCodec.readData(url); return nil } catch { return error.reason }
        }
        #expect(reason(folder) == "is a folder, not a file")
        #expect(reason(folder.appendingPathComponent("gone.json")) == "does not exist")
        #expect(reason(folder.appendingPathComponent("f0.json/inside.json")) == "does not exist")
        // A pipe named like a session file is refused at once, never waited on.
        let pipe = folder.appendingPathComponent("pipe.json")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        #expect(reason(pipe) == "is not a plain file (a pipe or a device): give a session file")
        #expect(reason(URL(fileURLWithPath: "/dev/null")) == "is not a plain file (a pipe or a device): give a session file")
        let locked = folder.appendingPathComponent("locked.json")
        try Data("{}".utf8).write(to: locked)
        chmod(locked.path, 0)
        // Whoever may read any file (root) reads it; anyone else is told to check who may read it.
        #expect(geteuid() == 0 ? reason(locked) == nil : reason(locked) == "cannot be read (check who may read it)")
    }
}
