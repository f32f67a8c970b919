import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// The quick session reader must give exactly the session the careful decoder gives, and never a session where
/// the careful decoder gives none.
@Suite("Reading a session quickly")
struct QuickSessionTests {
    /// Every file the tests can make: examples, demo data, a session with every optional part, every kind of draft,
    /// and workshops driven by random keys.
    static func documents() throws -> [Data] {
        var documents = try exampleSessions.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let demo = DemoData(content: content, seed: 11)
        documents += (0..<30).map { SessionCodec.encode(demo.session($0)) }
        let full = SessionSchemaTests.everything()
        documents += ([full] + SessionSchemaTests.drafts(full)).map(SessionCodec.encode)
        documents += (SessionSchemaTests.driven(seed: 3, keys: 500) + SessionSchemaTests.driven(seed: 17, keys: 500))
            .map(SessionCodec.encode)
        return documents
    }

    @Test("the same session as the careful decoder, from every file the workshop writes; the usual file is read quickly")
    func sameSession() throws {
        let documents = try Self.documents()
        var quick = 0
        for data in documents {
            let careful = SessionCodec.decodeCarefully(data)
            #expect(careful != nil)
            guard let fast = QuickSession.read(data) else {
                // Only a draft or a follow-up sends a file Together wrote to the careful decoder.
                #expect(careful?.draft != nil || careful?.followUp != nil, "\(String(decoding: data.prefix(300), as: UTF8.self))")
                continue
            }
            quick += 1
            #expect(fast == careful)
        }
        #expect(quick > 150, "read quickly: \(quick) of \(documents.count)")
    }

    @Test("defaults, nulls and unknown keys are read as the careful decoder reads them; anything unusual is left to it")
    func edges() throws {
        let base = String(decoding: SessionCodec.encode(DemoData(content: content, seed: 2).session(0)), as: UTF8.self)
        let small = #"{"schemaVersion":1,"id":"s","createdAt":"2026-01-02T03:04:05Z","setup":{}}"#
        let cases: [(String, Bool)] = [
            (small, true),
            (#"{"schemaVersion":1,"id":"s","createdAt":"2026-01-02T03:04:05Z","setup":{"title":null,"anonymous":null},"people":null,"status":null,"position":null,"nextNumber":null,"extra":[1,{"a":null}]}"#, true),
            (#"{"schemaVersion":1,"id":"s","createdAt":"2026-01-02T03:04:05Z","setup":{},"timers":{"theming":{"plannedSeconds":1,"elapsedSeconds":0,"hidden":false,"runningSince":null}},"wrapUpSections":{"next":[]}}"#, true),
            (#"{"schemaVersion":1,"id":"s","id":"t","createdAt":"2026-01-02T03:04:05Z","setup":{}}"#, false),
            (#"{"schemaVersion":1.0,"id":"s","createdAt":"2026-01-02T03:04:05Z","setup":{}}"#, false),
            (#"{"schemaVersion":1,"id":"s","createdAt":"2026-01-02T03:04:05+01:00","setup":{}}"#, false),
            (#"{"schemaVersion":2,"id":"s","createdAt":"2026-01-02T03:04:05Z","setup":{}}"#, false),
            (#"{"schemaVersion":1,"id":"s","createdAt":"2026-01-02T03:04:05Z"}"#, false),
            (#"{"schemaVersion":1,"id":"s","createdAt":"2026-01-02T03:04:05Z","setup":{}} x"#, false),
            (#"{"schemaVersion":1,"id":null,"createdAt":"2026-01-02T03:04:05Z","setup":{}}"#, false),
            (#"{"schemaVersion":1,"id":"s","createdAt":"2026-01-02T03:04:05Z","setup":{"statementsPerPerson":"3"}}"#, false),
            (base, true),
        ]
        for (text, quickly) in cases {
            let data = Data(text.utf8)
            let fast = QuickSession.read(data)
            #expect((fast != nil) == quickly, "\(text.prefix(160))")
            if let fast { #expect(fast == SessionCodec.decodeCarefully(data), "\(text.prefix(160))") }
        }
        // Through the codec: a file missing `updatedAt` was last changed when it was made, read either way.
        let read = try SessionCodec.decode(Data(small.utf8), path: "s.json")
        #expect(read.updatedAt == read.createdAt)
    }

    @Test("mutated files: whatever the quick reader accepts, the careful decoder accepts as the same session")
    func mutants() throws {
        var rng = SplitMix(seed: 77)
        let seeds = try FuzzTests.seeds()
        var accepted = 0, compared = 0
        for round in 0..<(FuzzTests.rounds * 2) {
            let data = FuzzTests.mutate(seeds[round % seeds.count], &rng)
            guard let fast = QuickSession.read(data) else { continue }
            compared += 1
            let careful = SessionCodec.decodeCarefully(data)
            #expect(careful == fast, "round \(round): \(String(decoding: data.prefix(400), as: UTF8.self))")
            if careful == fast { accepted += 1 }
        }
        #expect(compared > 50, "the quick reader accepted \(compared) mutants")
        #expect(accepted == compared)
    }
}

extension QuickSessionTests {
    @Test("a file nested far deeper than any session is refused with a message by every reader, never a crash")
    func deepNesting() throws {
        let base = try String(contentsOfFile: packageRoot.appendingPathComponent("sessions/example-bristol-self-advocacy.json").path,
                              encoding: .utf8)
        for depth in [65, 600, 100_000] {
            let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let data = Data(base.replacingOccurrences(of: "{", with: "{\"zz\": \(deep), ", options: [], range: base.range(of: "{")).utf8)
            #expect(QuickSession.read(data) == nil)
            #expect(LeanReader.read(data) == nil)
            do {
                let session = try SessionCodec.decode(data, path: "deep.json")
                // Deep but within what JSON decoders take: used whole, as any unknown key is.
                #expect(depth < 512 && session.id.isEmpty == false)
            } catch {
                #expect(depth >= 512, "\(error)")
                #expect(error.description.contains("deep.json") && error.description.contains("more than 512 levels"),
                        "\(error)")
            }
        }
        // A list of depth 64 inside a known key is still read quickly (the cursor's limit is above any session).
        #expect(QuickSession.read(SessionCodec.encode(DemoData(content: content, seed: 4).session(0))) != nil)
    }

    @Test("in eight bytes, the first that is not plain is found exactly, and whether it is a quote")
    func plainRuns() {
        func plain(_ b: UInt8) -> Bool { b >= 0x20 && b < 0x80 && b != 0x22 && b != 0x5C }
        func check(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { b in
                let (at, quote) = JSONCursor(b).plainRun(from: 0)
                let first = bytes.firstIndex { !plain($0) }
                #expect(at == (first ?? 8), "\(bytes)")
                #expect(quote == (first.map { bytes[$0] == 0x22 } ?? false), "\(bytes)")
            }
        }
        var random = SplitMix(seed: 9)
        for _ in 0..<50_000 {
            var bytes = (0..<8).map { _ in UInt8(0x20 + random.below(0x60)) }
            for _ in 0..<random.below(3) { bytes[random.below(8)] = UInt8(truncatingIfNeeded: random.next()) }
            check(bytes)
        }
        // Every byte value in every place, among plain ones, and after a quote or a control.
        for place in 0..<8 {
            for b in UInt8.min...UInt8.max {
                for filler: UInt8 in [0x61, 0x22, 0x00, 0xFF] {
                    var bytes = [UInt8](repeating: 0x61, count: 8)
                    if place > 0 { bytes[place - 1] = filler }
                    bytes[place] = b
                    check(bytes)
                }
            }
        }
    }

    @Test("a moment written the usual way is taken in one look exactly when the general rule takes it")
    func usualMoments() {
        var random = SplitMix(seed: 11)
        let form = Array("2026-03-14T10:00:00Z".utf8)
        func general(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { Gregorian.moment($0) != nil } && bytes[19] == 0x5A
        }
        var taken = 0
        for _ in 0..<100_000 {
            var bytes = form
            // Real-looking digits in every place, then a few places changed to anything.
            for k in [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18] { bytes[k] = UInt8(0x30 + random.below(10)) }
            if random.below(2) == 0 {
                for (k, tens) in [(5, 2), (8, 3), (11, 2), (14, 6), (17, 6)] { bytes[k] = 0x30 + UInt8(random.below(tens)) }
            }
            for _ in 0..<random.below(3) { bytes[random.below(20)] = UInt8(truncatingIfNeeded: random.next()) }
            let quick = bytes.withUnsafeBufferPointer { JSONCursor.isMoment($0.baseAddress!) }
            #expect(quick == general(bytes), "\(String(decoding: bytes, as: UTF8.self))")
            if quick { taken += 1 }
        }
        #expect(taken > 1000) // the check is tried on real moments, not only on broken ones
        for day in ["2024-02-29", "2025-02-29", "2000-02-29", "1900-02-29", "2026-04-31", "2026-12-31", "0000-02-29"] {
            let bytes = Array("\(day)T23:59:60Z".utf8)
            #expect(bytes.withUnsafeBufferPointer { JSONCursor.isMoment($0.baseAddress!) } == general(bytes), "\(day)")
        }
    }

    @Test("a key is read eight bytes at a time exactly as it is byte by byte: to its quote, refused at a byte no key has")
    func keysByEight() {
        // Byte by byte: the key's length, or nil when a byte before its quote is refused or there is no quote.
        func plain(_ bytes: [UInt8]) -> Int? {
            for (n, c) in bytes.enumerated().dropFirst() {
                if c == 0x22 { return n - 1 }
                if c == 0x5C || c < 0x20 || c >= 0x80 { return nil }
            }
            return nil
        }
        var random = SplitMix(seed: 14)
        var read = 0
        for _ in 0..<100_000 {
            var bytes: [UInt8] = [0x22] + (0..<random.below(24)).map { _ in UInt8(0x23 + random.below(0x5C - 0x23)) }
            for _ in 0..<random.below(3) {
                let special: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x7F, 0x80, 0xC3, 0xFF, 0x21, 0x23]
                bytes.insert(random.pick(special), at: 1 + random.below(bytes.count))
            }
            if random.below(4) != 0 { bytes += [0x22, 0x3A, 0x20, 0x31] + (0..<random.below(10)).map { _ in 0x20 } }
            bytes.withUnsafeBufferPointer { b in
                var cursor = JSONCursor(b)
                let key = try? cursor.keyBytes()
                #expect(key?.bytes.count == plain(bytes), "\(bytes)")
                if let key { #expect(cursor.i == key.bytes.count + 2); read += 1 }
            }
        }
        #expect(read > 30_000)
    }

    @Test("a string value is read, or passed over, as a JSON parser reads it, whatever bytes are in it")
    func stringsByEight() throws {
        var random = SplitMix(seed: 15)
        let pieces: [[UInt8]] = [Array("word ".utf8), Array("a".utf8), Array("Siân".utf8), Array("日本".utf8), [0x5C, 0x22], [0x5C, 0x5C],
                                 [0x5C, 0x6E], [0x5C, 0x2F], [0x5C, 0x78], [0x0A], [0x09], [0xC3], [0xFF], [0x7F], Array("🙂".utf8)]
        var read = 0
        for _ in 0..<30_000 {
            let inside = (0..<random.below(12)).flatMap { _ in random.pick(pieces) }
            let bytes = [0x22] + inside + [0x22] + (0..<random.below(12)).map { _ in 0x20 }
            let parsed = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
            bytes.withUnsafeBufferPointer { b in
                var reading = JSONCursor(b), passing = JSONCursor(b)
                let value = try? reading.string()
                #expect(value == parsed, "\(bytes)")
                let passed = (try? passing.skipString_()) != nil
                #expect(passed == (parsed != nil), "\(bytes)")
                if value != nil { #expect(reading.i == passing.i); read += 1 }
            }
        }
        #expect(read > 5_000)
    }

    @Test("ids are found to be all different exactly when a set of them is as long as the list")
    func allDifferent() {
        var random = SplitMix(seed: 10)
        for _ in 0..<3000 {
            let ids = (0..<random.below(60)).map { _ in "st\(random.below(80))" }
            #expect(JSONCursor.allDifferent(ids) == (Set(ids).count == ids.count), "\(ids)")
        }
    }

    @Test("a string's key from its bytes is the key of the string read, and both refuse the same bytes")
    func stringKeys() {
        var random = SplitMix(seed: 12)
        let pieces: [[UInt8]] = [Array("st".utf8), Array("12".utf8), Array("Siân".utf8), [0x5C, 0x22], [0x5C, 0x6E],
                                 Array("\\u0031".utf8), Array("\\u00e2".utf8), [0xC3], [0xFF], [0x0A], [0x5C, 0x78], Array("日".utf8)]
        var read = 0
        for _ in 0..<20_000 {
            let inside = (0..<random.below(5)).flatMap { _ in random.pick(pieces) }
            let bytes = [0x20, 0x22] + inside + [0x22, 0x2C]
            bytes.withUnsafeBufferPointer { b in
                var quick = JSONCursor(b), plain = JSONCursor(b)
                let key = try? quick.stringKey()
                let string = try? plain.string()
                #expect(key == string.map(JSONCursor.key), "\(bytes)")
                if key != nil { #expect(quick.i == plain.i); read += 1 }
            }
        }
        #expect(read > 5000)
        // The same id written two ways has one key.
        let ways = ["\"st1\"", "\"st\\u0031\""].map { text in
            Array(text.utf8).withUnsafeBufferPointer { b in var c = JSONCursor(b); return try? c.stringKey() }
        }
        #expect(ways[0] != nil && ways[0] == ways[1])
    }

    @Test("a file without its last save time is read by the tally's quick reader as the codec reads it (made then)")
    func noUpdatedAt() throws {
        for path in exampleSessions {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let data = Data(text.replacingOccurrences(of: "\"updatedAt\"", with: "\"lastSaved\"").utf8)
            let session = try SessionCodec.decode(data, path: path)
            let quick = try #require(LeanReader.read(data))
            #expect(quick == LeanSession(session))
            #expect(quick.updatedAt == quick.createdAt)
        }
    }

    @Test("an impossible day or time is refused by every reader with where it is, never rolled over into another day")
    func impossibleMoments() throws {
        let text = try String(contentsOfFile: exampleSessions[0], encoding: .utf8)
        let created = try #require(text.firstRange(of: "\"createdAt\": \"")).upperBound
        let original = String(text[created...].prefix(20))
        func with(_ moment: String) -> Data { Data(text.replacingOccurrences(of: "\"createdAt\": \"\(original)\"", with: "\"createdAt\": \"\(moment)\"").utf8) }
        for bad in ["2026-04-21T50:00:00Z", "2026-04-21T24:00:00Z", "2026-04-21T10:60:00Z", "2026-02-30T10:00:00Z",
                    "2025-02-29T10:00:00Z", "2026-04-31T10:00:00+01:00", "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z",
                    "2026-04-21T10:00:00+99:99"] {
            let data = with(bad)
            #expect(throws: SessionFileError.self, "\(bad)") { try SessionCodec.decode(data, path: "bad.json") }
            do { _ = try SessionCodec.decode(data, path: "bad.json") } catch { #expect(error.jsonPath.contains("createdAt"), "\(bad): \(error)") }
            #expect(LeanReader.read(data) == nil, "\(bad)")
        }
        for good in ["2024-02-29T10:00:00Z", "2026-04-21T10:00:00+01:00", "2026-12-31T23:59:60Z", original] {
            let data = with(good)
            let session = try SessionCodec.decode(data, path: "good.json")
            // The usual form is read quickly; a time with an offset is left to the careful decoder, which reads it.
            let quick = LeanReader.read(data)
            #expect(quick == (good.hasSuffix("Z") ? LeanSession(session) : nil), "\(good)")
            let ids = SessionSummary.Ids(content, ThemeSuggester(content.keywords))
            var buffer: [UInt8] = []
            let file = temporaryFolder().appendingPathComponent("good.json")
            try data.write(to: file)
            #expect(try Tallier.summarise(path: file.path, ids, buffer: &buffer).get() == SessionSummary.make(LeanSession(session), ids))
        }
    }
}

extension JSONCursor {
    /// `skipString` from the opening quote, as `skip` calls it.
    mutating func skipString_() throws {
        guard try byte() == 0x22 else { throw Refused() }
        try skipString()
    }
}
