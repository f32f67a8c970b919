import Foundation
import Testing
@testable import TogetherContent
@testable import TogetherCore

@Suite("Screens")
struct ScreenTests {
    /// A workshop with a little of everything, then moved to a stage.
    static func sample(at stage: StageKind) -> AppState {
        var state = sampleWorkshop()
        if stage == .sinceLastTime { return followingUp(state) }
        state.session?.position = Position(stage: stage)
        state.status = nil
        return state
    }

    /// The sample workshop as a later one on the plan that starts with "since last time", following up an earlier
    /// workshop's two actions: the first said to be started, with what happened.
    static func followingUp(_ sample: AppState, in packs: ContentPacks = content) -> AppState {
        var earlier = sample.session!
        earlier.id = "earlier-workshop"
        earlier.setup.title = "Autumn review"
        earlier.setup.date = "2026-10-01"
        earlier.actions.append(PlannedAction(id: "a99", what: "Bus times checked with the day centre", who: "Transport team",
                                             byWhen: "", link: nil, intention: nil, createdAt: fixedNow))
        var state = sample
        state.earlier = [earlier]
        state.session?.setup.plan = "nextRound"
        state.session?.position = Position(stage: .sinceLastTime)
        TogetherTests.press([.enter, .enter, .char("2"), .down, .char("a")]
                            + typing("The letters are now in easy read") + [.enter, .escape], &state, in: packs)
        state.status = nil
        return state
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    func snapshot(_ state: AppState, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for size in Self.sizes {
            let frame = Render.frame(state, content, size: size)
            #expect(frame.grid.size == size)
            for row in 0..<size.height {
                #expect(TextWidth.of(frame.grid.line(row)) <= size.width, sourceLocation: sourceLocation)
            }
            let cursor = frame.cursor.map { "cursor row \($0.row), column \($0.column)" } ?? "cursor hidden"
            let text = frame.grid.text + "\n---- roles\n" + frame.grid.roleMap + "\n---- " + cursor + "\n"
            assertGolden(text, named: "\(name)-\(size.width)x\(size.height)", sourceLocation: sourceLocation)
        }
    }

    @Test("each stage at 80×24 and 40×12", arguments: Stages.kinds)
    func stage(_ stage: StageKind) {
        let state = Self.sample(at: stage)
        #expect(state.session?.position.stage == stage)
        snapshot(state, "stage-\(stage.rawValue)")
    }

    @Test("the start screen, with a workshop to carry on and a file that could not be opened")
    func home() {
        let unfinished = Self.sample(at: .topTips).session!
        let state = AppState(resumable: [unfinished],
                             unreadable: ["sessions/old.json: schemaVersion is 9: made by a newer Together"])
        snapshot(state, "home")
    }

    @Test("typing, the help overlay, a question before deleting")
    func overlays() {
        var typingState = Self.sample(at: .workingTogether)
        press([.char("a")] + typing("I would like to"), &typingState)
        snapshot(typingState, "typing")

        var help = Self.sample(at: .makingItReal)
        press([.char("?")], &help)
        snapshot(help, "help-makingItReal")
        press([.down, .down, .down], &help)
        #expect(help.overlay == .help)
        #expect(Render.frame(help, content, size: Size(width: 40, height: 12)).grid.text.contains("Move up the list"))
        press([.char("x")], &help)
        #expect(help.overlay == nil)

        var confirm = Self.sample(at: .workingTogether)
        press([.down, .char("d")], &confirm)
        snapshot(confirm, "confirm-delete")
    }

    @Test("the cursor sits on the focused line on every stage")
    func cursorOnFocus() {
        for stage in Stages.kinds {
            var state = Self.sample(at: stage)
            press([.down], &state)
            let frame = Render.frame(state, content, size: Size(width: 80, height: 24))
            let cursor = frame.cursor!
            #expect(frame.grid[cursor.row, 0].text == ">", "stage \(stage)")
            #expect(frame.grid[cursor.row, cursor.column].role == .focus, "stage \(stage)")
        }
    }

    @Test("a window too small says so plainly")
    func tooSmall() {
        let frame = Render.frame(Self.sample(at: .setup), content, size: Size(width: 20, height: 6))
        #expect(frame.grid.text.replacingOccurrences(of: "\n", with: " ").contains("too small"))
        #expect(frame.cursor == nil)
    }

    @Test("a long list scrolls so the focused line is always in view")
    func scrolling() {
        var state = workshopWithPeople(["AB"])
        press([.char("]"), .char("a")], &state)
        for i in 1...15 { press(typing("Example number \(i)") + [.enter], &state) }
        press([.escape], &state)
        let frame = Render.frame(state, content, size: Size(width: 40, height: 12))
        #expect(frame.grid.text.contains("Example number 15"))
        #expect(frame.grid.text.contains("↑ more above"))
        #expect(!frame.grid.text.contains("Example number 1\n"))
    }
}

extension ScreenTests {
    @Test("a statement's line reads its words, then its theme, whose words and where they came from, for every mix of them")
    func statementLineWords() {
        let session = ScreenTests.sample(at: .theming).session!
        for language in allLanguages.values {
            for theme in [nil, "control", "nonsense"] {
                for voice in [Voice.own, .supported, .onBehalf("carer"), Voice(kind: VoiceKind(rawValue: "odd"))] {
                    for source in [Source.room, .review] {
                        var statement = Statement(id: "s1", personId: "p1", category: "working", rank: 1,
                                                  text: "Zoë has the same staff 🙂", themeId: theme, createdAt: Date())
                        statement.voice = voice
                        statement.source = source
                        var page = Page(title: "t")
                        StageParts.statementLines(&page, statement, prefix: "[ ] ", session, language, { _ in nil })
                        // The plain way of putting it together.
                        let t = theme.flatMap { language.themeLabel($0) }.map { "  [\($0)]" } ?? ""
                        let v = voice == .own ? "" : "  (\(StageParts.voiceLabel(voice, language)))"
                        let r = source == .review ? "  (\(language.say(.fromAReview)))" : ""
                        #expect(page.list.first?.text == "[ ] \(statement.text)\(t)\(v)\(r)")
                    }
                }
            }
        }
    }
}
