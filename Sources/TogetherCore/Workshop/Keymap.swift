import TogetherContent

/// Where a key binding applies.
public enum KeyContext: Hashable, Sendable {
    case home
    /// One stage of the workshop (its keys are listed by the stage itself).
    case stage(StageKind)
    /// Any stage of the workshop.
    case workshop
    /// While typing words into the text box.
    case typing
    /// Everywhere (but not while typing).
    case everywhere
    /// The list of keys (`?`).
    case help
    /// A list shown over the screen to choose from: the stage map, the theme chooser, a stage's own list.
    case list
    /// Searching what people said.
    case search
    /// The question before something is deleted.
    case confirmDelete
    /// The question when leaving while saves are failing.
    case confirmLeave
    /// The participant display (`together display`).
    case display

    /// The name used in the words files: `context.<name>`, `key.<name>.<action>`.
    public var rawValue: String {
        switch self {
        case .home: "home"
        case .stage(let kind): kind.rawValue
        case .workshop: "workshop"
        case .typing: "typing"
        case .everywhere: "everywhere"
        case .help: "help"
        case .list: "list"
        case .search: "search"
        case .confirmDelete: "confirmDelete"
        case .confirmLeave: "confirmLeave"
        case .display: "display"
        }
    }

    /// Whether `?` (or F1 while typing) opens the list of keys here; a list or a question shown over the screen
    /// has every key it needs on its own key line.
    var offersHelp: Bool {
        switch self {
        case .home, .stage, .workshop, .typing, .everywhere: true
        case .help, .list, .search, .confirmDelete, .confirmLeave, .display: false
        }
    }

    /// Every place keys work, in the order help and the README list them.
    public static var allCases: [KeyContext] {
        [.home] + Stages.kinds.map(KeyContext.stage) + [.workshop, .typing, .everywhere]
            + [.help, .list, .search, .confirmDelete, .confirmLeave, .display]
    }

    /// The name of this place in the help, in the workshop's language.
    public func title(_ words: FacilitatorWords) -> String { words.text(named: "context." + rawValue) }

    /// The context of a stage's screen.
    public init(stage: StageKind) { self = .stage(stage) }
}

/// One row of the key table: the key, what it does, and where. The words help shows are in
/// `facilitator-words.json` under `key.<where>.<action>` (and `short.…` for the key line), so they can be translated.
public struct KeyBinding: Equatable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var context: KeyContext
    /// Whether the key has one or two words in the key line at the bottom of the screen.
    public var hasShort: Bool
    /// How the key line writes the key, when not the first key's label (for example "1-4").
    public var hintKey: String?

    public init(_ keys: [Key], _ action: Action, _ context: KeyContext, short: Bool = false, hintKey: String? = nil) {
        self.keys = keys
        self.action = action
        self.context = context
        self.hasShort = short
        self.hintKey = hintKey
    }

    /// The name of this binding in the words files: where it works and what it does ("workshop.add", "theming.dot(1)").
    public var id: String { "\(context.rawValue).\(action)" }

    /// What the key does, in the help.
    public func help(_ words: FacilitatorWords) -> String { words.text(named: "key." + id) }

    /// One or two words for the key line; nil keeps the key out of that line.
    public func short(_ words: FacilitatorWords) -> String? { hasShort ? words.text(named: "short." + id) : nil }
}

/// The one key table. Dispatch, the `?` help screen and the README's key list all come from it.
public enum Keymap {
    public static let bindings: [KeyBinding] = shared + Stages.all.flatMap { $0.keys } + typingAndEverywhere
        + overlaysAndDisplay

    /// Lists and questions shown over the screen, and the participant display. A key not listed closes the list
    /// of keys and the lists to choose from; in the search it is a letter of the words looked for.
    static let overlaysAndDisplay: [KeyBinding] = [
        KeyBinding([.down, .pageDown, .char(" "), .char("j")], .scrollHelp(1), .help, short: true, hintKey: "Down"),
        KeyBinding([.up, .pageUp, .char("k")], .scrollHelp(-1), .help, short: true, hintKey: "Up"),
        KeyBinding([.escape, .char("?")], .closeOverlay, .help, short: true),

        KeyBinding([.up, .char("k")], .focusUp, .list),
        KeyBinding([.down, .char("j"), .tab], .focusDown, .list),
        KeyBinding([.enter], .activate, .list, short: true),
        KeyBinding([.char("1")], .choose(1), .list, short: true, hintKey: "1-9"),
    ] + (2...9).map { KeyBinding([.char(Character("\($0)"))], .choose($0), .list) } + [
        KeyBinding([.escape], .closeOverlay, .list, short: true),
        KeyBinding([.ctrl("c")], .quit, .list),

        KeyBinding([.up], .focusUp, .search, short: true, hintKey: "Up Down"),
        KeyBinding([.down, .tab], .focusDown, .search),
        KeyBinding([.enter], .activate, .search, short: true),
        KeyBinding([.backspace], .backspace, .search),
        KeyBinding([.escape], .closeOverlay, .search, short: true),
        KeyBinding([.ctrl("c")], .quit, .search),

        KeyBinding([.char("y"), .char("Y")], .confirm(true), .confirmDelete, short: true),
        KeyBinding([.char("n"), .char("N"), .escape], .confirm(false), .confirmDelete, short: true),
        KeyBinding([.ctrl("c")], .quit, .confirmDelete),

        KeyBinding([.char("c"), .char("C")], .confirm(true), .confirmLeave, short: true),
        KeyBinding([.escape, .char("s"), .char("S"), .char("n"), .char("N")], .confirm(false), .confirmLeave, short: true),

        KeyBinding([.char("q"), .ctrl("c"), .escape], .quit, .display, short: true),
        KeyBinding([.char("C")], .nextTheme, .display, short: true),
        KeyBinding([.char("S")], .toggleSymbols, .display, short: true),
        KeyBinding([.char("L")], .toggleLarge, .display, short: true),
    ]

    static let shared: [KeyBinding] = [
        // Start screen
        KeyBinding([.up, .char("k")], .focusUp, .home),
        KeyBinding([.down, .char("j")], .focusDown, .home),
        KeyBinding([.enter], .activate, .home, short: true),
        KeyBinding([.char("x")], .putAwayWorkshop, .home, short: true),

        // Every stage
        KeyBinding([.up, .char("k")], .focusUp, .workshop),
        KeyBinding([.down, .char("j")], .focusDown, .workshop),
        KeyBinding([.char("n"), .right], .nextItem, .workshop, short: true),
        KeyBinding([.char("b"), .left], .previousItem, .workshop, short: true),
        KeyBinding([.char("]"), .pageDown], .nextStage, .workshop),
        KeyBinding([.char("["), .pageUp], .previousStage, .workshop),
        KeyBinding([.enter], .activate, .workshop),
        KeyBinding([.char("a")], .add, .workshop, short: true),
        KeyBinding([.char("e")], .edit, .workshop, short: true),
        KeyBinding([.char("d"), .delete], .delete, .workshop),
        KeyBinding([.char("u")], .undo, .workshop, short: true),
        KeyBinding([.char("U"), .ctrl("r")], .redo, .workshop),
        KeyBinding([.char("g")], .showStageMap, .workshop, short: true),
        KeyBinding([.char("/")], .startSearch, .workshop, short: true),
        KeyBinding([.char("T")], .timerStartPause, .workshop),
        KeyBinding([.char("X")], .timerExtend, .workshop),
        KeyBinding([.char("H")], .timerHide, .workshop),
        KeyBinding([.char("R")], .reveal, .workshop),
        KeyBinding([.char("V")], .peek, .workshop),

    ]

    static let typingAndEverywhere: [KeyBinding] = [
        // Typing
        KeyBinding([.enter], .commitEdit, .typing, short: true),
        KeyBinding([.escape], .cancelEdit, .typing, short: true),
        KeyBinding([.backspace], .backspace, .typing),
        KeyBinding([.delete], .deleteForward, .typing),
        KeyBinding([.left], .cursorLeft, .typing),
        KeyBinding([.right], .cursorRight, .typing),
        KeyBinding([.home, .ctrl("a")], .cursorHome, .typing),
        KeyBinding([.end, .ctrl("e")], .cursorEnd, .typing),
        KeyBinding([.ctrl("w")], .deleteWord, .typing),
        KeyBinding([.ctrl("u")], .deleteToStart, .typing),
        KeyBinding([.ctrl("c")], .quit, .typing),
        KeyBinding([.function(1)], .showHelp, .typing),
        KeyBinding([.function(2)], .readAloud, .typing),

        // Everywhere
        KeyBinding([.char("?"), .function(1)], .showHelp, .everywhere, short: true),
        KeyBinding([.char("s")], .readAloud, .everywhere, short: true),
        KeyBinding([.char("L")], .toggleLarge, .everywhere),
        KeyBinding([.char("C")], .nextTheme, .everywhere),
        KeyBinding([.char("S")], .toggleSymbols, .everywhere),
        KeyBinding([.char("q"), .ctrl("c")], .quit, .everywhere, short: true),
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
        case .stage: [context, .workshop, .everywhere]
        case .help, .list, .search, .confirmDelete, .confirmLeave, .display: [context]
        }
    }

    /// The short key line for the bottom of the screen: "a add · n next · ? keys", cut to fit the width.
    /// The way to every other key ("? keys") is always kept, whatever else has to go.
    public static func hints(in context: KeyContext, _ words: FacilitatorWords, width: Int = .max) -> String {
        let items = bindings(in: context).compactMap { b in b.short(words).map { "\(b.hintKey ?? b.keys[0].label) \($0)" } }
        // While typing, `?` is a letter: F1 is the way to the keys there. Lists over the screen show all theirs.
        let help = !context.offersHelp ? [] : [context == .typing ? "F1 " + words.text(.keysWord) : "? " + words.text(.keysWord)]
        // Widths add up as the line is built (" · " is three columns), rather than measuring it again per item.
        let helpWidth = help.reduce(0) { $0 + 3 + TextWidth.of($1) }
        var kept: [String] = []
        var used = 0
        for item in items where !help.contains(item) {
            let itemWidth = (kept.isEmpty ? 0 : 3) + TextWidth.of(item)
            if used + itemWidth + helpWidth > width { break }
            used += itemWidth
            kept.append(item)
        }
        return (kept + help).joined(separator: " · ")
    }

    /// The key list as Markdown, grouped by where each key works (the README's list is this text).
    public static func markdown(_ words: FacilitatorWords) -> String {
        var out = ""
        for context in KeyContext.allCases {
            let rows = bindings.filter { $0.context == context }
            if rows.isEmpty { continue }
            out += "\n**\(context.title(words))**\n\n| \(words.text(.keysTableKey)) | \(words.text(.keysTableWhat)) |\n|---|---|\n"
            for b in rows {
                out += "| \(b.keys.map { "`\($0.label)`" }.joined(separator: " ")) | \(b.help(words)) |\n"
            }
        }
        return out
    }
}
