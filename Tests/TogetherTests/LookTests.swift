import Foundation
import Testing
@testable import TogetherContent
@testable import TogetherCore

@Suite("Large text, themes and symbols")
struct LookTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12)]

    /// The text, the roles, how each role is drawn in the frame's theme, and the cursor.
    static func picture(_ frame: Frame) -> String {
        let roles = Set(frame.grid.cells.map(\.role))
        let styles = Role.allCases.filter { roles.contains($0) }
            .map { "\(Grid.roleLetter[$0]!) \($0.rawValue): \(frame.view.style($0).description)" }
        let cursor = frame.cursor.map { "cursor row \($0.row), column \($0.column)" } ?? "cursor hidden"
        return frame.grid.text + "\n---- roles\n" + frame.grid.roleMap + "\n---- styles\n"
            + styles.joined(separator: "\n") + "\n---- " + cursor + "\n"
    }

    func snapshot(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for size in Self.sizes {
            let frame = Render.frame(state, content, size: size)
            #expect(frame.grid.size == size, sourceLocation: sourceLocation)
            for row in 0..<size.height {
                #expect(TextWidth.of(frame.grid.line(row)) <= size.width, sourceLocation: sourceLocation)
            }
            assertGolden(Self.picture(frame), named: "\(name)-\(size.width)x\(size.height)",
                         sourceLocation: sourceLocation)
        }
    }

    static func working(_ view: ViewOptions) -> AppState {
        var state = ScreenTests.sample(at: .workingTogether)
        press([.down], &state)
        state.view = view
        return state
    }

    @Test("large text, high contrast, no colour and calm, at 80×24, 120×40 and 40×12")
    func looks() {
        snapshot(Self.working(ViewOptions(large: true)), "look-large")
        snapshot(Self.working(ViewOptions(theme: .highContrast)), "look-high-contrast")
        snapshot(Self.working(ViewOptions(theme: .monochrome)), "look-monochrome")
        snapshot(Self.working(ViewOptions(theme: .lowStimulus)), "look-low-stimulus")
        var rating = ScreenTests.sample(at: .makingItReal)
        rating.view.large = true
        snapshot(rating, "look-large-makingItReal")
    }

    @Test("one key switches large text, the theme and symbols; the status line says what changed")
    func keys() {
        var state = Self.working(ViewOptions())
        press([.char("L")], &state)
        #expect(state.view.large)
        #expect(state.status?.text.contains("Large text: on") == true)
        press([.char("C")], &state)
        #expect(state.view.theme == .highContrast)
        press([.char("C"), .char("C"), .char("C")], &state)
        #expect(state.view.theme == .standard)
        press([.char("S")], &state)
        #expect(!state.view.symbols)
        let text = Render.frame(state, content, size: Size(width: 120, height: 40)).grid.text
        #expect(!text.contains("●") && !text.contains("+ Working"))
        state.view.large = false
        let normal = Render.frame(state, content, size: Size(width: 80, height: 24)).grid.text
        #expect(normal.contains("Working (") && !normal.contains("+ Working"))
        state.view.symbols = true
        #expect(Render.frame(state, content, size: Size(width: 80, height: 24)).grid.text.contains("+ Working ("))
    }

    @Test("no colour: every role that means something is still bold, reverse or underlined")
    func noColour() {
        for theme in Theme.allCases {
            let view = ViewOptions(theme: theme, colour: false)
            for role in [Role.focus, .working, .notWorking, .aspiration, .error, .chosen, .heading, .title] {
                let style = view.style(role)
                #expect(style.foreground == nil && style.background == nil)
                #expect(style.bold || style.reverse || style.underline, "\(theme) \(role)")
            }
            #expect(view.style(.focus) != view.style(.normal), "\(theme): focus must differ from plain text")
        }
        #expect(ViewOptions(theme: .monochrome).style(.working).foreground == nil)
        #expect(!ViewOptions(theme: .lowStimulus).showsSymbols)
    }

    @Test("block letters: the chosen words are drawn big, at the biggest size that fits")
    func blockLetters() throws {
        let font = content.font
        #expect(!font.isEmpty)
        for character in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,!?'\"-:;()" {
            #expect(font.glyph(character) != nil, "\(character)")
        }
        // Bigger windows give bigger letters.
        let small = try #require(BlockText.fit(["My flat"], font: font, width: 60, height: 8))
        let big = try #require(BlockText.fit(["My flat"], font: font, width: 200, height: 40))
        #expect(small.0 == .small && big.0 == .large)
        #expect(BlockText.fit(["A very long sentence that cannot fit"], font: font, width: 20, height: 4) == nil)
        // Lines break between words, never wider than asked.
        let lines = try #require(BlockText.lines("Letters are hard to read", font: font, maxPixels: 40))
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.width <= 40 })
        // Words the font cannot draw are not drawn as boxes: the screen falls back to normal text.
        #expect(BlockText.lines("Café job 日本", font: font, maxPixels: 400) == nil)
    }

    @Test("Welsh letters look the same typed as one character or with a combining mark")
    func welshLetters() {
        let font = content.font
        let pairs: [(String, String)] = [("ŵ", "w\u{0302}"), ("ŷ", "y\u{0302}"), ("â", "a\u{0302}"),
                                         ("Ŵ", "W\u{0302}"), ("ï", "i\u{0308}"), ("é", "e\u{0301}"),
                                         ("à", "a\u{0300}"), ("Ŷ", "Y\u{0302}")]
        for (precomposed, combining) in pairs {
            let one = font.glyph(Character(precomposed))
            let two = font.glyph(Character(combining))
            #expect(one != nil, "\(precomposed)")
            #expect(one == two, "\(precomposed)")
            #expect(one != font.glyph(Character(precomposed.decomposedStringWithCanonicalMapping.unicodeScalars.first!)))
        }
        // The accent is drawn above the letter, in ink.
        let w = font.glyph("ŵ")!, plain = font.glyph("w")!
        #expect(w.rows[1].contains(true) && !plain.rows[1].contains(true))
        let frame = { (text: String) in
            BlockText.lines(text, font: font, maxPixels: 200).map { $0.map(\.rows) }
        }
        #expect(frame("Mae'r ŵyr yn hŷn") == frame("Mae'r w\u{0302}yr yn hy\u{0302}n"))
    }

    @Test("large text falls back to normal text when even the smallest letters do not fit")
    func fallback() {
        var state = Self.working(ViewOptions(large: true))
        let tiny = Render.frame(state, content, size: Size(width: 30, height: 10))
        #expect(tiny.grid.text.contains("Large text does not fit here."))
        #expect(!tiny.grid.text.contains("█"))
        state.status = nil
        let roomy = Render.frame(state, content, size: Size(width: 120, height: 40))
        #expect(roomy.grid.text.contains("█") || roomy.grid.text.contains("▀"))
    }
}

@Suite("The cursor on every screen")
struct CursorTests {
    /// Every screen: the start screen, each stage, the lists shown over a stage, typing, and the question
    /// before deleting.
    static func screens(in packs: ContentPacks = content) -> [(String, AppState)] {
        func sample(at stage: StageKind) -> AppState {
            var state = ScreenTests.sample(at: stage)
            state.session?.setup.language = packs.language
            return state
        }
        func press(_ keys: [Key], _ state: inout AppState) { TogetherTests.press(keys, &state, in: packs) }
        var screens: [(String, AppState)] = [("home", AppState(resumable: [sample(at: .setup).session!]))]
        for stage in Stages.kinds {
            var state = sample(at: stage)
            press([.down], &state)
            screens.append(("stage \(stage)", state))
        }
        var map = sample(at: .setup)
        press([.char("g"), .down], &map)
        screens.append(("stage map", map))
        var search = sample(at: .setup)
        press([.char("/")] + typing("flat"), &search)
        screens.append(("search", search))
        var theme = sample(at: .theming)
        press([.char("i")], &theme)
        screens.append(("choose theme", theme))
        var typingState = sample(at: .workingTogether)
        press([.char("a")] + typing("I would like"), &typingState)
        screens.append(("typing", typingState))
        var confirm = sample(at: .workingTogether)
        press([.down, .char("d")], &confirm)
        screens.append(("confirm delete", confirm))
        return screens
    }

    static let looks: [ViewOptions] = Theme.allCases.map { ViewOptions(theme: $0) }
        + Theme.allCases.map { ViewOptions(theme: $0, large: true) }
        + [ViewOptions(colour: false, symbols: false)]

    @Test("the hardware cursor is on the focused item on every screen, in every look, at every size")
    func everywhere() {
        var checked = 0
        var bigDrawn = 0
        for (name, base) in Self.screens() {
            for view in Self.looks {
                for size in LookTests.sizes {
                    var state = base
                    state.view = view
                    let frame = Render.frame(state, content, size: size)
                    let label = "\(name), \(view.theme)\(view.large ? " large" : ""), \(size.width)×\(size.height)"
                    guard let cursor = frame.cursor else {
                        Issue.record("no cursor: \(label)")
                        continue
                    }
                    #expect(cursor.row >= 0 && cursor.row < size.height && cursor.column >= 0
                            && cursor.column < size.width, "\(label)")
                    let line = frame.grid.line(cursor.row)
                    let isBig = line.contains { "█▀▄".contains($0) }
                    if case .confirmDelete = state.overlay {
                        #expect(frame.grid[cursor.row, 0].role == .error, "\(label)")
                        #expect(line.hasPrefix("Delete"), "\(label): \(line)")
                    } else if isBig {
                        // Large text: the cursor is at the top left of the chosen item's big letters.
                        bigDrawn += 1
                        #expect(cursor.column == 0, "\(label)")
                        // …on its first row: the row above holds no block letters.
                        let above = frame.grid.line(cursor.row - 1)
                        #expect(!above.contains { "█▀▄".contains($0) }, "\(label): the cursor is not on the top row")
                        #expect(!state.isTyping, "\(label): while typing the cursor stays in the typing box")
                    } else {
                        #expect(frame.grid[cursor.row, 0].text == ">", "\(label): \(line)")
                        #expect(frame.grid[cursor.row, cursor.column].role == .focus, "\(label)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == Self.screens().count * Self.looks.count * LookTests.sizes.count)
        #expect(bigDrawn > 20, "large text was drawn on \(bigDrawn) screens")
    }
}

@Suite("Large text never fails in silence")
struct LargeTextTests {
    @Test("a line with an emoji is drawn big without it, the whole words in normal text under it; a line that cannot fit says so")
    func emojiAndTooLong() throws {
        var state = ScreenTests.sample(at: .workingTogether)
        let cafe = try #require(state.session?.statements.first { $0.text.contains("👍") })
        focus(on: .statement(id: cafe.id), &state)
        state.view.large = true
        let frame = Render.frame(state, content, size: Size(width: 120, height: 40))
        #expect(frame.grid.text.contains("█"), "drawn big")
        #expect(frame.grid.text.contains("Café job 日本 👍"), "the whole words, in normal text")
        #expect(!frame.grid.text.contains("Large text does not fit"))
        // Too small for big letters: the status says so first, even when it had something else to say.
        state.status = .init("Chosen: Good")
        let small = Render.frame(state, content, size: Size(width: 30, height: 10))
        #expect(small.grid.text.contains("Large text does not fit here."), "\(small.grid.text)")
    }
}
