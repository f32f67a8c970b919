import Foundation
import Testing
@testable import TogetherApp
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// Every language's packs, as Together loads them.
let allLanguages: [String: ContentPacks] = {
    do { return try PackLoader.loadLanguages(assets: assetsFolder) } catch { fatalError("\(error)") }
}()

@Suite("Welsh, and the Easy Read bar")
struct LanguageTests {
    @Test("a load of some languages without the font gives those languages as the whole load does, less the font")
    func partialLoad() throws {
        let some = try PackLoader.loadLanguages(assets: assetsFolder, only: ["en"], font: false)
        #expect(Array(some.keys) == ["en"])
        var english = try #require(allLanguages["en"])
        #expect(english.font != .empty)
        english.font = .empty
        // Every language is still listed (one not loaded by its code, as its name is in its own packs).
        #expect(some["en"]?.languages.map(\.code) == english.languages.map(\.code))
        english.languages = some["en"]?.languages ?? []
        #expect(some["en"] == english)
        // The whole load shares one font among the languages.
        #expect(allLanguages["cy"]?.font == allLanguages["en"]?.font)
        #expect(allLanguages.count > 1)
    }

    struct Bar: Decodable {
        var maxWordsPerSentence: Int
        var avoid: [String: [String]]
    }

    static let bar: Bar = {
        let data = try! Data(contentsOf: assetsFolder.appendingPathComponent("language/easy-read.json"))
        return try! JSONDecoder().decode(Bar.self, from: data)
    }()

    /// Every string a participant sees on the shared screen, with where it is from: the packs, the words for
    /// participants, and the facilitator's words (key help, what just happened), which share the screen.
    static func participantStrings(_ packs: ContentPacks) -> [(String, String)] {
        var out: [(String, String)] = []
        for t in packs.makingItReal.themes { out += [("theme \(t.id) label", t.label), ("theme \(t.id) prompt", t.prompt)] }
        for level in packs.makingItReal.scale + packs.topTips.scale { out.append(("rating \(level.id)", level.label)) }
        for c in packs.workingTogether.categories { out += [("category \(c.id)", c.label), ("category \(c.id) prompt", c.prompt)] }
        for tip in packs.topTips.tips { out += [("tip \(tip.id)", tip.label), ("tip \(tip.id) prompt", tip.prompt)] }
        for stage in packs.workshop.stages {
            out += [("stage \(stage.id)", stage.label), ("stage \(stage.id) prompt", stage.prompt)]
            for answer in stage.answers ?? [] { out.append(("stage \(stage.id) answer \(answer.id)", answer.label)) }
        }
        let w = packs.workshop
        for choice in w.roles + w.groupTypes + w.levels + w.intentions { out.append(("choice \(choice.id)", choice.label)) }
        for plan in w.plans { out.append(("plan \(plan.id)", plan.label)) }
        for section in w.noteSections { out.append(("note section \(section.id)", section.label)) }
        for (key, text) in packs.words.words.sorted(by: { $0.key < $1.key }) { out.append(("words \(key)", text)) }
        for (key, text) in packs.facilitatorWords.words.sorted(by: { $0.key < $1.key }) {
            out.append(("facilitator \(key)", text))
        }
        return out
    }

    /// Words that are the same in Welsh and English: the framework's own name, "map" and "dot", and a heading with its count.
    static let sameInBoth: Set<String> = [
        "words headingCount", "stage makingItReal", "facilitator context.makingItReal", "words makingItRealLinks", "words themeOneDot", "words themeDots",
        "facilitator short.workshop.showStageMap", "facilitator short.priorities.dot(1)",
    ]

    /// Sentences: split at . ? ! (and at the dots between short items on a key line).
    static func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: { ".?!·:".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func uses(_ text: String, _ word: String) -> Bool {
        let lower = text.lowercased()
        let stem = word.hasSuffix("*") ? String(word.dropLast()).lowercased() : word.lowercased()
        var search = lower.startIndex
        while let range = lower.range(of: stem, range: search..<lower.endIndex) {
            let before = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
            let after = range.upperBound == lower.endIndex ? nil : lower[range.upperBound]
            let startsWord = before.map { !$0.isLetter } ?? true
            let endsWord = word.hasSuffix("*") || (after.map { !$0.isLetter } ?? true)
            if startsWord && endsWord { return true }
            search = range.upperBound
        }
        return false
    }

    @Test("English and Welsh load, with the same ids, every word, and the Welsh marked for review")
    func bothLanguages() throws {
        let en = try #require(allLanguages["en"]), cy = try #require(allLanguages["cy"])
        #expect(en.languages.map(\.code) == ["en", "cy"])
        #expect(cy.languages.map(\.name) == ["English", "Cymraeg"])
        #expect(en.makingItReal.themes.map(\.id) == cy.makingItReal.themes.map(\.id))
        #expect(en.topTips.tips.map(\.id) == cy.topTips.tips.map(\.id))
        #expect(en.workshop.stages.map(\.id) == cy.workshop.stages.map(\.id))
        #expect(en.workingTogether.categories.map(\.id) == cy.workingTogether.categories.map(\.id))
        #expect(cy.words.missing.isEmpty && en.words.missing.isEmpty)
        #expect(cy.review?.contains("fluent Welsh speaker") == true)
        #expect(en.review == nil)
        // Welsh wording, not English left behind.
        let english = Set(Self.participantStrings(en).map(\.1))
        let leftInEnglish = Self.participantStrings(cy).filter { english.contains($0.1) && !Self.sameInBoth.contains($0.0) }
        #expect(leftInEnglish.isEmpty, "\(leftInEnglish)")
        // The commissioning pack too: the same links, in Welsh words.
        let (ec, cc) = (en.commissioning, cy.commissioning)
        #expect(ec.standards.map(\.id) == cc.standards.map(\.id) && ec.themes.map(\.themeId) == cc.themes.map(\.themeId))
        let englishCommissioning = Set(ec.standards.map(\.label) + ec.domains.map(\.label) + ec.themes.map(\.objective)
            + ec.themes.map(\.reason) + ec.themes.map(\.implication) + ec.categories.map(\.reason))
        let welshCommissioning = cc.standards.map(\.label) + cc.domains.map(\.label) + cc.themes.map(\.objective)
            + cc.themes.map(\.reason) + cc.themes.map(\.implication) + cc.categories.map(\.reason)
        #expect(welshCommissioning.filter(englishCommissioning.contains).isEmpty)
        for name in ["making-it-real", "working-together", "top-tips", "workshop", "keywords", "commissioning",
                     "participant-words", "facilitator-words"] {
            let data = try Data(contentsOf: assetsFolder.appendingPathComponent("content/cy/\(name).json"))
            let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((top["review"] as? String)?.contains("fluent Welsh speaker") == true,
                    "\(name).json must say it needs checking")
        }
    }

    @Test("every participant-facing string in both languages meets the Easy Read bar", arguments: ["en", "cy"])
    func easyRead(_ language: String) throws {
        let packs = try #require(allLanguages[language])
        let avoid = try #require(Self.bar.avoid[language]) + (language == "en" ? [] : Self.bar.avoid["en"]!)
        let strings = Self.participantStrings(packs)
        #expect(strings.count > 100)
        for (place, text) in strings {
            for sentence in Self.sentences(text) {
                let words = sentence.split(whereSeparator: { $0.isWhitespace }).count
                #expect(words <= Self.bar.maxWordsPerSentence, "\(language) \(place): \(words) words: \(sentence)")
            }
            for word in avoid where Self.uses(text, word) {
                Issue.record("\(language) \(place) uses \"\(word)\": \(text)")
            }
        }
    }

    @Test("the Easy Read check can fail: a long sentence and a jargon word are caught")
    func barCatches() {
        let long = "This sentence is far too long for anyone to read easily from across a busy room today."
        #expect(Self.sentences(long).first!.split(separator: " ").count > Self.bar.maxWordsPerSentence)
        #expect(Self.uses("Support for each service user", "service user"))
        #expect(Self.uses("Our key stakeholders", "stakeholder*"))
        #expect(!Self.uses("Community unity", "unit"))
        #expect(!Self.uses("Opportunity", "unit"))
    }

    @Test("Welsh chosen at setup: the screens and the Easy Read handout are in Welsh; --lang cy starts in Welsh")
    func welshWorkshop() throws {
        let en = try #require(allLanguages["en"])
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = WorkshopEngine(state: AppState(), content: en, store: SessionStore(folder: folder), env: testEnv,
                                    speaker: Speaker(engine: nil), languages: allLanguages)
        for action in [Action.activate, .insert("Gŵyl haf"), .commitEdit, .focusDown, .focusDown, .focusDown, .focusDown, .activate,
                       .focusDown, .activate] { // the list of languages: the second, Cymraeg
            engine.apply(action)
        }
        #expect(engine.state.session?.setup.language == "cy")
        #expect(engine.content.language == "cy")
        let screen = Render.frame(engine.state, engine.content, size: Size(width: 100, height: 30)).grid.text
        #expect(screen.contains("Paratoi"))
        #expect(screen.contains("Cymraeg (geiriad i'w wirio)"))
        engine.apply(.nextStage)
        let rating = Render.frame(engine.state, engine.content, size: Size(width: 100, height: 30)).grid.text
        #expect(rating.contains("Cadw'n ddiogel ac yn iach"))
        let easyRead = Handouts.easyRead(engine.state.session!, engine.content).markdown
        #expect(easyRead.contains("Diolch am ddod i Gŵyl haf ar 14 Mawrth 2026."))
        #expect(easyRead.contains("Dydyn ni ddim yn rhoi enw neb yn y papur hwn."))

        // Started with --lang cy, a new workshop is in Welsh from the start.
        let cy = try #require(allLanguages["cy"])
        var output: [String] = []
        var input = ["1", "Gweithdy", "q"][...]
        let runner = PlainRunner(state: AppState(), content: cy, store: SessionStore(folder: folder), env: testEnv,
                                 languages: allLanguages, readLine: { input.popFirst() }, write: { output.append($0) })
        _ = runner.run()
        #expect(runner.state.session?.setup.language == "cy")
        #expect(output.joined(separator: "\n").contains("== Paratoi"))
    }

    /// The fixed words of the English interface (templates cut at their `{1}`), long enough to be sure of:
    /// none of them may show on a Welsh screen.
    static func englishPieces() throws -> [(String, String)] {
        let en = try #require(allLanguages["en"]), cy = try #require(allLanguages["cy"])
        var pieces: [(String, String)] = []
        func add(_ name: String, _ english: String, _ welsh: String?) {
            guard english != welsh else { return }
            for piece in english.split(separator: "{").map({ String($0.drop { $0.isNumber || $0 == "}" }) }) {
                let trimmed = piece.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
                if trimmed.split(separator: " ").count >= 2 && trimmed.count >= 10 { pieces.append((name, trimmed)) }
            }
        }
        for (key, text) in en.words.words { add(key, text, cy.words.words[key]) }
        for (key, text) in en.facilitatorWords.words { add(key, text, cy.facilitatorWords.words[key]) }
        return pieces
    }

    /// Sentences written as string literals in the code that draws screens and answers keys (not in a words file):
    /// English that would show in a Welsh workshop. Comments and messages for the command line are left out.
    static func englishInCode() throws -> [(String, String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let literal = try Regex(#""((?:[^"\\]|\\.)*)""#)
        var found: [(String, String)] = []
        for module in ["TogetherCore", "TogetherApp"] {
            let folder = root.appendingPathComponent(module)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".swift") } ?? []
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("//") { continue }
                    for match in code.matches(of: literal) {
                        let words = String(code[match.range].dropFirst().dropLast())
                        let plain = words.replacing(try Regex(#"\\\([^)]*\)"#), with: " ")
                        let letters = plain.split(separator: " ").filter { $0.count >= 2 && $0.allSatisfy(\.isLetter) }
                        guard letters.count >= 3, plain.first?.isUppercase == true else { continue }
                        found.append(("\(module)/\(file):\(n + 1)", plain.trimmingCharacters(in: .punctuationCharacters)))
                    }
                }
            }
        }
        return found
    }

    @Test("no sentence written in the code reaches a Welsh screen, whichever key is pressed on whichever screen")
    func noEnglishFromTheCode() throws {
        let cy = try #require(allLanguages["cy"])
        // Names that are the same in both languages (the framework's title) are in the Welsh words too.
        let welsh = Array(cy.words.words.values) + Array(cy.facilitatorWords.words.values)
        let written = try Self.englishInCode().filter { sentence in !welsh.contains { $0.contains(sentence.1) } }
        print("sentences found in the code: \(written.count)")
        #expect(written.count > 10)
        var pressed = 0
        // Each screen as it is, and after a step up or on to the next item, so keys meet rows of every kind.
        for (name, base) in CursorTests.screens(in: cy) {
            for first in [[], [Key.up], [Key.char("n")]] {
            for binding in Keymap.bindings where binding.action != .quit {
                var state = base
                press(first + [binding.keys[0]], &state, in: cy)
                pressed += 1
                let text = (state.status?.text ?? "") + "\n" + Render.frame(state, cy, size: Size(width: 120, height: 40)).grid.text
                for (place, sentence) in written where text.contains(sentence) {
                    Issue.record("\(name), \(first.map(\.label)) \(binding.keys[0].label): \"\(sentence)\" from \(place)")
                }
            }
            }
        }
        #expect(pressed > 500)
    }

    @Test("a Welsh workshop shows no English: every screen, overlay, the keys, large text and plain mode")
    func noEnglishOnWelshScreens() throws {
        let cy = try #require(allLanguages["cy"])
        let pieces = try Self.englishPieces()
        #expect(pieces.count > 150)
        print("english phrases checked: \(pieces.count)")
        var screens = CursorTests.screens(in: cy)
        var help = screens[1].1
        press([.char("?")], &help, in: cy)
        screens.append(("keys", help))
        var undo = screens[1].1
        press([.char("U")], &undo, in: cy)
        #expect(undo.status?.text == "Does dim byd i'w ailwneud.")
        screens.append(("status", undo))
        var checked = 0
        let sizes = [Size(width: 120, height: 40), Size(width: 40, height: 12)]
        for (name, base) in screens {
            for large in [false, true] {
                for size in sizes {
                    var state = base
                    state.view.large = large
                    let text = Render.frame(state, cy, size: size).grid.text
                        .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
                    for (key, piece) in pieces where text.contains(piece) {
                        Issue.record("\(name)\(large ? " large" : "") \(size.width)×\(size.height): English \"\(piece)\" (\(key))")
                    }
                    checked += 1
                }
            }
            var mode = PlainMode()
            let plain = mode.describe(base, cy)
            for (key, piece) in pieces where plain.contains(piece) {
                Issue.record("\(name) plain: English \"\(piece)\" (\(key))")
            }
        }
        #expect(checked == screens.count * 2 * sizes.count)
        // The check can fail: the same screen in English is full of them.
        let english = Render.frame(screens[1].1, try #require(allLanguages["en"]), size: Size(width: 120, height: 40))
        #expect(pieces.contains { english.grid.text.contains($0.1) })
    }

    @Test("when a save fails, the facilitator is told in the workshop's language and nothing is lost")
    func saveFailureInWelsh() throws {
        let cy = try #require(allLanguages["cy"])
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The sessions "folder" is a file, so no save can work.
        let blocked = folder.appendingPathComponent("sessions")
        try Data("not a folder".utf8).write(to: blocked)
        let engine = WorkshopEngine(state: AppState(), content: cy, store: SessionStore(folder: blocked), env: testEnv,
                                    speaker: Speaker(engine: nil), languages: allLanguages)
        for action in [Action.activate, .insert("Gŵyl"), .commitEdit] { engine.apply(action) }
        let status = try #require(engine.state.status)
        #expect(status.isProblem)
        #expect(status.text.hasSuffix("Cadwch Together ar agor: bydd yn trio eto."), "\(status.text)")
        #expect(engine.state.session?.setup.title == "Gŵyl")
    }
}
