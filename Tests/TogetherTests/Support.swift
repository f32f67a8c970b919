import Foundation
import Testing
@testable import TogetherContent
@testable import TogetherCore
@testable import TogetherPersistence

/// The package's own folder, found from this file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let assetsFolder = packageRoot.appendingPathComponent("assets")
let englishPacks = assetsFolder.appendingPathComponent("content/en")

/// The real content packs, loaded once.
let content: ContentPacks = {
    do { return try PackLoader.load(from: englishPacks) } catch { fatalError("\(error)") }
}()

/// A clock stopped at a known moment and a known session id, so every run gives the same files and screens.
let fixedNow = Date(timeIntervalSince1970: 1_773_482_400) // 2026-03-14T10:00:00Z
let testEnv = Environment(now: { fixedNow }, newSessionID: { "0f1e2d3c-test-session" })

/// A fresh folder under the system's temporary folder, removed by the caller when it likes.
func temporaryFolder(_ name: String = #function) -> URL {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("together-tests-\(safe)-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Applies a list of keys to a state, the way the main loop does.
@discardableResult
func press(_ keys: [Key], _ state: inout AppState, in packs: ContentPacks = content) -> [Effect] {
    var effects: [Effect] = []
    for key in keys {
        if let action = Workshop.action(for: .key(key), in: state) {
            effects += Workshop.apply(&state, action, content: packs, env: testEnv)
        }
    }
    return effects
}

/// The key the key table gives an action where the state is now (a list over the screen, typing, a stage).
func key(for action: Action, in state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> Key? {
    let found = Keymap.bindings(in: state.inputContext).first { $0.action == action }?.keys.first
    if found == nil { Issue.record("no key does \(action) in \(state.inputContext)", sourceLocation: sourceLocation) }
    return found
}

/// Presses the keys for actions, each looked up in the key table where the state is when it is pressed.
func act(_ actions: [Action], _ state: inout AppState, in packs: ContentPacks = content,
         sourceLocation: SourceLocation = #_sourceLocation) {
    for action in actions {
        guard let k = key(for: action, in: state, sourceLocation: sourceLocation) else { return }
        press([k], &state, in: packs)
    }
}

/// Moves the focus to a row of the screen with the keys for up and down, however many rows are before it.
func focus(on row: RowRef, _ state: inout AppState, in packs: ContentPacks = content,
           sourceLocation: SourceLocation = #_sourceLocation) {
    guard let rows = state.session?.rows(packs), let target = rows.firstIndex(of: row) else {
        Issue.record("\(row) is not on this screen", sourceLocation: sourceLocation)
        return
    }
    while let at = state.session?.position.focus, at != target {
        let before = at
        act([at < target ? .focusDown : .focusUp], &state, in: packs, sourceLocation: sourceLocation)
        if state.session?.position.focus == before { break }
    }
    #expect(state.session?.focusedRow(packs) == row, sourceLocation: sourceLocation)
}

/// Keys for typing some words.
func typing(_ text: String) -> [Key] { text.map { Key.char($0) } }

/// A state on a new workshop with a title and the given people, at the setup stage.
func workshopWithPeople(_ people: [String]) -> AppState {
    var state = AppState()
    press([.enter] + typing("Spring review") + [.enter], &state)
    press([.char("a")], &state)
    for person in people { press(typing(person) + [.enter], &state) }
    press([.escape], &state)
    return state
}

/// Compares text with a golden file under `__Snapshots__`. A missing golden file is written and the test fails,
/// so a new snapshot is always looked at once; set RECORD_SNAPSHOTS=1 to rewrite them all on purpose.
func assertGolden(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = packageRoot.appendingPathComponent("Tests/TogetherTests/__Snapshots__/\(name).txt")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    // Read as bytes: reading as a String would drop a byte-order mark, which some outputs start with on purpose.
    guard !record, let expected = (try? Data(contentsOf: url)).map({ String(decoding: $0, as: UTF8.self) }) else {
        try? text.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("Recorded a new golden file \(name).txt: look at it, then run the tests again.",
                     sourceLocation: sourceLocation)
        return
    }
    if expected != text {
        let actual = url.deletingPathExtension().appendingPathExtension("actual.txt")
        try? text.write(to: actual, atomically: true, encoding: .utf8)
        Issue.record("\(name) differs from its golden file; what came out is in \(actual.lastPathComponent)",
                     sourceLocation: sourceLocation)
    }
}

/// The made-up example workshops that ship in `sessions/` (named one by one, so a real workshop saved
/// in that folder never changes what the tests see).
let exampleSessions = ["example-bristol-self-advocacy.json", "example-gwynedd-carers.json",
                       "example-leeds-partnership-board.json"].map {
    packageRoot.appendingPathComponent("sessions").appendingPathComponent($0).path
}

/// The keys that go to a stage through the stage map (g), the way a facilitator would; nil when the plan
/// has no such stage.
func stageMapKeys(to stage: StageKind, in session: Session) -> [Key]? {
    let stages = session.stages(content).map(\.id)
    guard let i = stages.firstIndex(of: stage) else { return nil }
    return [.char("g")] + Array(repeating: .up, count: stages.count) + Array(repeating: .down, count: i) + [.enter]
}

/// Goes to a stage through the stage map.
func go(_ stage: StageKind, _ state: inout AppState, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let keys = stageMapKeys(to: stage, in: state.session!) else {
        Issue.record("\(stage) is not in the plan", sourceLocation: sourceLocation)
        return
    }
    press(keys, &state)
    #expect(state.session?.position.stage == stage, sourceLocation: sourceLocation)
}

/// A full-plan workshop with something in every stage: ratings, statements, themes, dots, causes, actions, notes.
func sampleWorkshop() -> AppState {
    var state = workshopWithPeople(["AB", "Cy"])
    go(.makingItReal, &state)
    press([.char("2"), .char("a")] + typing("The bus to the day centre stops at six, so I miss the evening club")
          + [.enter, .escape], &state)
    go(.workingTogether, &state)
    press([.char("a")] + typing("My flat") + [.enter] + typing("Café job 日本 👍") + [.enter, .escape], &state)
    press([.tab, .char("a")] + typing("Letters are hard to read") + [.enter, .escape, .char("t"), .char("3")], &state)
    press([.char("n"), .char("a")] + typing("I like my own front door") + [.enter, .escape], &state)
    go(.theming, &state)
    // Working: mark both statements about home, and make a theme of them.
    press([.char(" "), .down, .down, .char(" "), .char("i")] + typing("I want a home of my own") + [.enter], &state)
    press([.tab, .char("i"), .down, .enter] + typing("I want letters I can read") + [.enter], &state)
    press([.tab, .tab, .down, .down, .char("2")], &state)
    go(.priorities, &state)
    press([.char("+"), .char("+"), .down, .char("p"), .char("+")], &state)
    go(.understand, &state)
    press([.char("a")] + typing("Letters come from the council in long words") + [.enter]
          + typing("Nobody checks them with us") + [.enter, .escape], &state)
    go(.topTips, &state)
    press([.char("3"), .char("a")] + typing("Meetings moved with no notice") + [.enter, .escape], &state)
    go(.actions, &state)
    press([.char("a")] + typing("Easy read letters") + [.enter] + typing("Council comms team") + [.enter]
          + typing("June 2027") + [.enter], &state)
    // What the action answers, and its intention: each reached by its row, each stepped on with Enter.
    let action = state.session!.actions[0].id
    focus(on: .actionField(id: action, field: .link), &state)
    act([.activate, .focusDown, .activate], &state) // the list: the first of the group's themes
    focus(on: .actionField(id: action, field: .intention), &state)
    act([.activate, .focusDown, .activate], &state) // the list: the first intention
    go(.wrapUp, &state)
    press([.char("a")] + typing("Send an easy read summary by May") + [.enter, .escape], &state)
    return state
}
