import TogetherContent

/// Where a key binding applies.
public enum KeyContext: String, Sendable, CaseIterable {
    case home, setup, makingItReal, workingTogether, theming, priorities, understand, topTips, actions, wrapUp, finish
    /// Any stage of the workshop.
    case workshop
    /// While typing words into the text box.
    case typing
    /// Everywhere (but not while typing).
    case everywhere

    public var title: String {
        switch self {
        case .home: "Start screen"
        case .setup: "Getting ready"
        case .makingItReal: "Making It Real"
        case .workingTogether: "Working Together for Change"
        case .theming: "Finding themes"
        case .priorities: "What matters most"
        case .understand: "Why, and what good looks like"
        case .topTips: "Top tips"
        case .actions: "What we will do"
        case .wrapUp: "Wrapping up"
        case .finish: "Finished"
        case .workshop: "Every stage"
        case .typing: "While typing"
        case .everywhere: "Everywhere"
        }
    }

    /// The context of a stage's screen.
    public init(stage: StageKind) {
        self = KeyContext(rawValue: stage.rawValue) ?? .workshop
    }
}

/// One row of the key table: the key, what it does, where, and the words help shows.
public struct KeyBinding: Equatable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var context: KeyContext
    public var help: String
    /// One or two words for the key line at the bottom of the screen; nil keeps the key out of that line.
    public var short: String?
    /// How the key line writes the key, when not the first key's label (for example "1-4").
    public var hintKey: String?

    public init(_ keys: [Key], _ action: Action, _ context: KeyContext, _ help: String, short: String? = nil,
                hintKey: String? = nil) {
        self.hintKey = hintKey
        self.keys = keys
        self.action = action
        self.context = context
        self.help = help
        self.short = short
    }
}

/// The one key table. Dispatch, the `?` help screen and the README's key list all come from it.
public enum Keymap {
    public static let bindings: [KeyBinding] = [
        // Start screen
        KeyBinding([.up, .char("k")], .focusUp, .home, "Move up"),
        KeyBinding([.down, .char("j")], .focusDown, .home, "Move down"),
        KeyBinding([.enter], .activate, .home, "Open the chosen workshop, or start a new one", short: "open"),

        // Every stage
        KeyBinding([.up, .char("k")], .focusUp, .workshop, "Move up the list"),
        KeyBinding([.down, .char("j")], .focusDown, .workshop, "Move down the list"),
        KeyBinding([.char("n"), .right], .nextItem, .workshop, "Next theme, person or tip (then the next stage)", short: "next"),
        KeyBinding([.char("b"), .left], .previousItem, .workshop, "Go back one theme, person or tip", short: "back"),
        KeyBinding([.char("]"), .pageDown], .nextStage, .workshop, "Next stage"),
        KeyBinding([.char("["), .pageUp], .previousStage, .workshop, "Go back a stage"),
        KeyBinding([.enter], .activate, .workshop, "Change or add at the chosen line"),
        KeyBinding([.char("a")], .add, .workshop, "Add something new here", short: "add"),
        KeyBinding([.char("e")], .edit, .workshop, "Change the chosen words", short: "change"),
        KeyBinding([.char("d"), .delete], .delete, .workshop, "Delete the chosen line (asks first)"),
        KeyBinding([.char("u")], .undo, .workshop, "Undo the last change (again and again)", short: "undo"),
        KeyBinding([.char("U"), .ctrl("r")], .redo, .workshop, "Redo what was undone"),
        KeyBinding([.char("g")], .showStageMap, .workshop, "Go to any stage (the map of the workshop)", short: "map"),
        KeyBinding([.char("/")], .startSearch, .workshop, "Search everything people said", short: "search"),
        KeyBinding([.char("T")], .timerStartPause, .workshop, "Start or pause this stage's timer"),
        KeyBinding([.char("X")], .timerExtend, .workshop, "Give this stage 5 more minutes"),
        KeyBinding([.char("H")], .timerHide, .workshop, "Hide or show the timer"),
        KeyBinding([.char("R")], .reveal, .workshop, "Show the statements kept hidden so far (capture now, reveal later)"),

        // Stage by stage
        KeyBinding([.char("r")], .cycleRole, .setup, "Change the chosen person's role", short: "role"),
        KeyBinding([.char("o")], .toggleConsent, .setup, "The chosen person agrees to be quoted, or not", short: "quote ok"),
        KeyBinding([.char("1")], .rate(1), .makingItReal, "Rate: the first answer", short: "rate", hintKey: "1-4"),
        KeyBinding([.char("2")], .rate(2), .makingItReal, "Rate: the second answer"),
        KeyBinding([.char("3")], .rate(3), .makingItReal, "Rate: the third answer"),
        KeyBinding([.char("4")], .rate(4), .makingItReal, "Rate: the fourth answer"),
        KeyBinding([.tab, .char("c")], .nextCategory, .workingTogether, "Next kind: working, needs to change, future", short: "kind"),
        KeyBinding([.char("t")], .cycleTheme, .workingTogether, "Tag the chosen statement with a Making It Real theme", short: "theme"),
        KeyBinding([.char("<")], .moveRank(-1), .workingTogether, "Move the chosen statement up (more important)"),
        KeyBinding([.char(">")], .moveRank(1), .workingTogether, "Move the chosen statement down"),
        KeyBinding([.char("m")], .moveToNextCategory, .workingTogether, "Move the chosen statement to the next kind"),
        KeyBinding([.char("p")], .moveToNextPerson, .workingTogether, "Move the chosen statement to the next person"),
        KeyBinding([.char("v")], .cycleVoice, .workingTogether,
                   "Whose words: their own, with support, or said for them", short: "voice"),
        KeyBinding([.char("y")], .acceptSuggestion, .workingTogether, "Yes: use the suggested Making It Real theme"),
        KeyBinding([.char("x")], .ignoreSuggestion, .workingTogether, "No: ignore the suggested theme"),
        KeyBinding([.char(" ")], .toggleMark, .theming, "Mark or unmark the chosen statement", short: "mark",
                   hintKey: "Space"),
        KeyBinding([.char("i")], .putIntoTheme, .theming, "Put the marked statements (or the chosen one) into a theme",
                   short: "into theme"),
        KeyBinding([.tab, .char("c")], .nextItem, .theming, "Next kind of statement, then the list of themes"),
        KeyBinding([.char("t")], .cycleTheme, .theming, "Tag the chosen statement with a Making It Real theme"),
        KeyBinding([.char("y")], .acceptSuggestion, .theming, "Yes: use the suggested Making It Real theme", short: "yes"),
        KeyBinding([.char("x")], .ignoreSuggestion, .theming, "No: ignore the suggested theme"),
        KeyBinding([.char("1")], .toggleLink(1), .theming, "Link the chosen theme to Making It Real theme 1 (or unlink)",
                   short: "link", hintKey: "1-6"),
        KeyBinding([.char("2")], .toggleLink(2), .theming, "Link to Making It Real theme 2 (or unlink)"),
        KeyBinding([.char("3")], .toggleLink(3), .theming, "Link to Making It Real theme 3 (or unlink)"),
        KeyBinding([.char("4")], .toggleLink(4), .theming, "Link to Making It Real theme 4 (or unlink)"),
        KeyBinding([.char("5")], .toggleLink(5), .theming, "Link to Making It Real theme 5 (or unlink)"),
        KeyBinding([.char("6")], .toggleLink(6), .theming, "Link to Making It Real theme 6 (or unlink)"),
        KeyBinding([.char("+"), .char("=")], .dot(1), .priorities, "Add a dot to the chosen theme", short: "dot"),
        KeyBinding([.char("-")], .dot(-1), .priorities, "Take a dot away from the chosen theme", short: "undot"),
        KeyBinding([.char("p")], .nextVoter, .priorities, "Whose dots: the group's count, or the next person",
                   short: "whose"),
        KeyBinding([.char("1")], .rate(1), .topTips, "Rate: the first answer", short: "rate", hintKey: "1-4"),
        KeyBinding([.char("2")], .rate(2), .topTips, "Rate: the second answer"),
        KeyBinding([.char("3")], .rate(3), .topTips, "Rate: the third answer"),
        KeyBinding([.char("4")], .rate(4), .topTips, "Rate: the fourth answer"),
        KeyBinding([.char("f")], .finishWorkshop, .finish, "Mark the workshop as finished (or not)", short: "finish"),
        KeyBinding([.char("w")], .writeHandouts, .finish, "Write the handouts: Easy Read, and the full record",
                   short: "handouts"),

        // Typing
        KeyBinding([.enter], .commitEdit, .typing, "Keep the words (then type the next one)", short: "keep"),
        KeyBinding([.escape], .cancelEdit, .typing, "Stop typing (words not kept are thrown away)", short: "stop"),
        KeyBinding([.backspace], .backspace, .typing, "Delete the letter before the cursor"),
        KeyBinding([.delete], .deleteForward, .typing, "Delete the letter after the cursor"),
        KeyBinding([.left], .cursorLeft, .typing, "Move the cursor left"),
        KeyBinding([.right], .cursorRight, .typing, "Move the cursor right"),
        KeyBinding([.home, .ctrl("a")], .cursorHome, .typing, "Go to the start"),
        KeyBinding([.end, .ctrl("e")], .cursorEnd, .typing, "Go to the end"),
        KeyBinding([.ctrl("c")], .quit, .typing, "Save and close Together (the words typed so far are kept)"),
        KeyBinding([.function(1)], .showHelp, .typing, "Show these keys"),
        KeyBinding([.function(2)], .readAloud, .typing, "Read the words typed so far aloud"),

        // Everywhere
        KeyBinding([.char("?"), .function(1)], .showHelp, .everywhere, "Show or hide these keys", short: "keys"),
        KeyBinding([.char("s")], .readAloud, .everywhere, "Read aloud the prompt, or the chosen statement", short: "say"),
        KeyBinding([.char("L")], .toggleLarge, .everywhere, "Large text: the prompt and the chosen line in big letters"),
        KeyBinding([.char("C")], .nextTheme, .everywhere, "Next look: default, high contrast, no colour, calm"),
        KeyBinding([.char("S")], .toggleSymbols, .everywhere, "Symbols on or off (the words always stay)"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, .everywhere, "Save and close Together", short: "close"),
    ]

    /// The action for a key in a context: the context's own bindings first, then every stage's, then everywhere.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        for scope in lookupOrder(context) {
            if let b = bindings.first(where: { $0.context == scope && $0.keys.contains(key) }) {
                return b.action
            }
        }
        return nil
    }

    /// The bindings that apply in a context, in the order help shows them.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        lookupOrder(context).flatMap { scope in bindings.filter { $0.context == scope } }
    }

    static func lookupOrder(_ context: KeyContext) -> [KeyContext] {
        switch context {
        case .home, .everywhere: [context, .everywhere]
        case .typing: [.typing]
        case .workshop: [.workshop, .everywhere]
        default: [context, .workshop, .everywhere]
        }
    }

    /// The short key line for the bottom of the screen: "a add · n next · ? keys", cut to fit the width.
    /// The way to every other key ("? keys") is always kept, whatever else has to go.
    public static func hints(in context: KeyContext, width: Int = .max) -> String {
        let items = bindings(in: context).compactMap { b in b.short.map { "\(b.hintKey ?? b.keys[0].label) \($0)" } }
        // While typing, `?` is a letter: F1 is the way to the keys there.
        let help = context == .typing ? "F1 keys" : "? keys"
        var kept: [String] = []
        for item in items where item != help {
            let line = (kept + [item, help]).joined(separator: " · ")
            if TextWidth.of(line) > width { break }
            kept.append(item)
        }
        return (kept + [help]).joined(separator: " · ")
    }

    /// The key list as Markdown, grouped by where each key works (the README's list is this text).
    public static var markdown: String {
        var out = ""
        for context in KeyContext.allCases {
            let rows = bindings.filter { $0.context == context }
            if rows.isEmpty { continue }
            out += "\n**\(context.title)**\n\n| key | what it does |\n|---|---|\n"
            for b in rows {
                out += "| \(b.keys.map { "`\($0.label)`" }.joined(separator: " ")) | \(b.help) |\n"
            }
        }
        return out
    }
}
