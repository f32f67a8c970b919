import TogetherContent

/// Plain mode: the whole workshop line by line, for a screen reader, a braille display or a script.
///
/// Pure: it turns a typed line into actions for `Workshop.apply`, and a state into the lines to print. It
/// prints a screen in full only when it is a new screen, and otherwise only what changed, so a screen reader
/// does not read the same things again and again.
///
/// What a line means:
/// - a number on its own chooses that line of the list (on the start screen and in lists shown over the
///   screen, it is the choice itself; a rating asks next for the answer, by number);
/// - an empty line is Enter: it changes or adds at the chosen line;
/// - while typing, the line is the words (an empty line stops typing);
/// - anything else is keys, separated by spaces: a single character is that key (`a`, `]`, `+`), and keys are
///   also written by name: `enter`, `esc`, `tab`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `space`,
///   `delete`, `f1`, `f2`; `key 2` presses the key 2.
public struct PlainMode: Sendable {
    /// A question asked by plain mode itself, answered by the next line.
    enum Question: Equatable, Sendable {
        case rating(count: Int)
    }

    var question: Question?
    var lastScreen: Screen?
    var lastStatus: AppState.Status?
    var lastTyping: String?
    /// A single answer's box has just closed: an empty line now would open it again, so it only says what to do.
    var justClosed = false

    public init() {}

    /// One thing a line asks for: a key, looked up in the state it meets (after the keys before it on the line),
    /// or an action plain mode means directly (the words typed, the line a number chooses).
    public enum Step: Equatable, Sendable {
        case key(Key)
        case action(Action)
    }

    /// What a line asks for: steps for the engine to carry out one by one, and words to print first.
    public struct Reply: Equatable, Sendable {
        public var steps: [Step]
        public var message: String?

        init(actions: [Action], message: String?) {
            steps = actions.map(Step.action)
            self.message = message
        }

        init(keys: [Key]) {
            steps = keys.map(Step.key)
            message = nil
        }

        /// The actions of a reply that holds no keys (for tests).
        public var actions: [Action] { steps.compactMap { if case .action(let a) = $0 { a } else { nil } } }
    }

    /// What one key of a line does in the state it meets: an action for the engine, or words to print instead
    /// (the list of keys for `?`, or that the key does nothing here).
    public static func resolve(_ key: Key, _ state: AppState, _ content: ContentPacks) -> (action: Action?, message: String?) {
        guard let action = Workshop.action(for: .key(key), in: state) else {
            return (nil, content.say(.plainDoesNothing, key.label))
        }
        if action == .showHelp { return (nil, help(state.inputContext, content)) }
        return (action, nil)
    }

    static let keyNames: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "up": .up, "down": .down,
        "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "delete": .delete, "del": .delete, "backspace": .backspace, "space": .char(" "),
        "f1": .function(1), "f2": .function(2),
    ]

    public mutating func interpret(_ line: String, _ state: AppState, _ content: ContentPacks) -> Reply {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        defer { justClosed = false }
        if justClosed, trimmed.isEmpty, !state.isTyping, state.overlay == nil {
            return Reply(actions: [], message: content.say(.plainNext))
        }
        if let question {
            self.question = nil
            switch question {
            case .rating(let count):
                if trimmed.isEmpty { return Reply(actions: [], message: content.say(.plainLeftAsItWas)) }
                if let n = Int(trimmed), (1...count).contains(n) { return Reply(actions: [.rate(n)], message: nil) }
            }
        }
        if state.overlay == nil, state.isTyping {
            // The words replace what is in the box; an empty line stops typing.
            if trimmed.isEmpty { return Reply(actions: [.cancelEdit], message: nil) }
            let old = state.session?.draft?.text.count ?? 0
            return Reply(actions: [.cursorEnd] + Array(repeating: .backspace, count: old) + [.insert(trimmed), .commitEdit],
                         message: nil)
        }
        if case .search = state.overlay, Int(trimmed) == nil {
            if trimmed.isEmpty { return Reply(actions: [.closeOverlay], message: nil) }
            let old: Int = if case .search(let query, _) = state.overlay { query.count } else { 0 }
            return Reply(actions: Array(repeating: .backspace, count: old) + [.insert(trimmed)], message: nil)
        }
        if trimmed.isEmpty {
            // An empty line is Enter on the chosen line (in a list shown over the screen: go back).
            return Reply(actions: [state.overlay == nil ? .activate : .closeOverlay], message: nil)
        }
        // "line 3" always chooses a line. On a screen with a rating a number on its own is the answer (what
        // anyone rating would mean by "3").
        let asked = trimmed.lowercased().split(separator: " ")
        if asked.count == 2, asked[0] == "line" || asked[0] == "llinell", Self.isLineNumber(asked[1]) {
            return choose(String(asked[1]), state, content)
        }
        if Self.isLineNumber(Substring(trimmed)), trimmed.contains(".") { return choose(trimmed, state, content) }
        if let n = Int(trimmed) {
            if state.overlay == nil, state.screen == .workshop, let session = state.session,
               session.rows(content).contains(.rating), let scale = Self.scale(session, content) {
                return (1...scale.count).contains(n) ? Reply(actions: [.rate(n)], message: nil)
                    : Reply(actions: [], message: content.say(.plainAnswerOrLine, "\(scale.count)"))
            }
            return choose(String(n), state, content)
        }
        var keys: [Key] = []
        var words = trimmed.split(separator: " ").map(String.init)
        while !words.isEmpty {
            let word = words.removeFirst()
            if word.lowercased() == "key", let next = words.first, next.count == 1 {
                keys.append(.char(Character(next)))
                words.removeFirst()
            } else if let key = Self.keyNames[word.lowercased()] {
                keys.append(key)
            } else if word.count == 1 {
                keys.append(.char(Character(word)))
            } else {
                return Reply(actions: [], message: content.say(.plainNotAKey, word))
            }
        }
        // The engine looks each key up in the state the keys before it leave, and applies it once.
        return Reply(keys: keys)
    }

    /// "3" or "3.2": a line's number, as `labels` gives them.
    static func isLineNumber(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
    }

    /// The number of each line that can be chosen. On a stage a heading has its own number and the lines under it
    /// share it ("3", then "3.1", "3.2"), so adding a line never renumbers the others; a line on its own (a setup
    /// field, the rating) has a number of its own. Elsewhere (the start screen, a list over the screen): 1, 2, 3.
    static func labels(_ rows: [Int], _ state: AppState, _ content: ContentPacks) -> [String] {
        guard state.overlay == nil, state.screen == .workshop, let session = state.session else {
            return rows.indices.map { String($0 + 1) }
        }
        let refs = session.rows(content)
        var labels: [String] = []
        var section = 0, item = 0, underHeading = false
        for r in rows {
            let ref = refs.indices.contains(r) ? refs[r] : nil
            let isHeading: Bool, isItem: Bool
            switch ref {
            case .peopleHeader, .notesHeader, .categoryHeader, .groupThemesHeader, .actionsHeader: (isHeading, isItem) = (true, false)
            case .person, .note, .statement, .groupTheme, .actionField: (isHeading, isItem) = (false, true)
            default: (isHeading, isItem) = (false, false)
            }
            if isItem && underHeading {
                item += 1
                labels.append("\(section).\(item)")
            } else {
                section += 1; item = 0; underHeading = isHeading
                labels.append(String(section))
            }
        }
        return labels
    }

    /// The line with that number: move there, then do what Enter does (a rating asks for the answer next).
    mutating func choose(_ label: String, _ state: AppState, _ content: ContentPacks) -> Reply {
        let page = Render.page(state, content)
        let rows = page.focusableRows
        let labels = Self.labels(rows, state, content)
        let wanted = label.split(separator: ".").compactMap { Int($0) }.map(String.init).joined(separator: ".")
        guard let target = labels.firstIndex(of: wanted) else {
            return Reply(actions: [], message: rows.isEmpty ? content.say(.plainNothingToChoose)
                         : content.say(.plainNoLine, label, labels.last { !$0.contains(".") } ?? "1"))
        }
        let current = page.focus.flatMap { rows.firstIndex(of: $0) } ?? 0
        let moves: [Action] = target >= current ? Array(repeating: .focusDown, count: target - current)
            : Array(repeating: .focusUp, count: current - target)
        if state.overlay == nil, state.screen == .workshop, let session = state.session {
            let refs = session.rows(content)
            if refs.indices.contains(rows[target]), refs[rows[target]] == .rating, let scale = Self.scale(session, content) {
                question = .rating(count: scale.count)
                let choices = scale.enumerated().map { "\($0 + 1) \($1.label)" }.joined(separator: " · ")
                return Reply(actions: moves, message: content.say(.plainWhichAnswer, choices))
            }
        }
        // On the start screen and in lists shown over the screen a number is the choice itself; on a stage it
        // chooses the line, and an empty line (Enter) or a key then acts on it.
        let isChoice = state.screen == .home || state.overlay != nil
        return Reply(actions: moves + (isChoice ? [.activate] : []), message: nil)
    }

    static func scale(_ session: Session, _ content: ContentPacks) -> [RatingLevel]? {
        Stages.current(session).ratingScale(content)
    }

    static func help(_ context: KeyContext, _ content: ContentPacks) -> String {
        let words = content.facilitatorWords
        var lines = [content.say(.plainKeysFor, context.title(words))]
        for binding in Keymap.bindings(in: context) {
            lines.append("  \(binding.keys.map(\.label).joined(separator: " ")): \(binding.help(words))")
        }
        lines.append(content.say(.plainKeysHelp))
        return lines.joined(separator: "\n")
    }

    /// A screen as plain lines: what it is, and its list with numbers.
    struct Screen: Equatable, Sendable {
        var heading: [String]
        var list: [String]
        var focusLine: String?
    }

    static func screen(_ state: AppState, _ content: ContentPacks) -> Screen {
        let page = Render.wordsOnlyPage(state, content)
        var heading = ["== \(page.title)\(page.progress.isEmpty ? "" : " · " + page.progress) =="]
        heading += page.fixed.map(\.text)
        let rows = page.focusableRows
        let labels = labels(rows, state, content)
        var list: [String] = []
        var focusLine: String?
        for line in page.list {
            let text = line.text.trimmingCharacters(in: .whitespaces)
            if let row = line.row, let index = rows.firstIndex(of: row), line.isFirst {
                let numbered = "[\(labels[index])] " + text
                list.append(String(repeating: " ", count: line.indent) + numbered)
                if row == page.focus { focusLine = numbered }
            } else {
                if !text.isEmpty { list.append(String(repeating: " ", count: line.indent + 4) + text) }
            }
        }
        return Screen(heading: heading, list: list, focusLine: focusLine)
    }

    /// The lines to print after a change: a new screen in full; otherwise the lines that are new or changed,
    /// the chosen line when it moved, the status when it is new, and what to do next.
    public mutating func describe(_ state: AppState, _ content: ContentPacks) -> String {
        var out: [String] = []
        if case .confirmDelete(_, let question) = state.overlay {
            out.append(question + " " + content.say(.plainDeleteQuestion))
            lastStatus = nil
            return out.joined(separator: "\n")
        }
        if case .confirmLeave(let question) = state.overlay {
            out.append(question + " " + Keymap.hints(in: .confirmLeave, content.facilitatorWords))
            lastStatus = nil
            return out.joined(separator: "\n")
        }
        let screen = Self.screen(state, content)
        if let last = lastScreen, last.heading == screen.heading {
            let old = Set(last.list)
            let changed = screen.list.filter { !old.contains($0) && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if !changed.isEmpty {
                out.append(content.say(.plainChanged))
                out += changed
            }
            if screen.focusLine != last.focusLine, let focus = screen.focusLine,
               !changed.contains(where: { $0.trimmingCharacters(in: .whitespaces) == focus }) {
                out.append(content.say(.plainChosen, focus))
            }
        } else {
            out += screen.heading + screen.list
            if let focus = screen.focusLine { out.append(content.say(.plainChosen, focus)) }
        }
        lastScreen = screen
        if let status = state.status, status != lastStatus {
            out.append(status.isProblem ? content.say(.plainProblem, status.text) : status.text)
        }
        lastStatus = state.status
        if state.isTyping, let draft = state.session?.draft, let session = state.session {
            let label = StageParts.typingLabel(draft.target, session, content)
            // Only a box that adds one after another stops on an empty line; a single answer closes by itself.
            let prompt = content.say(draft.target.addsItem ? .plainTypeMore : .plainType, label)
                + (draft.text.isEmpty ? "" : " " + content.say(.plainNow, draft.text))
            if prompt != lastTyping { out.append(prompt) }
            lastTyping = prompt
        } else {
            // The box has closed: say what a line means now, so an empty line is not taken as more words.
            if lastTyping != nil, state.overlay == nil {
                out.append(content.say(.plainNext))
                justClosed = true
            }
            lastTyping = nil
            if case .search = state.overlay {
                out.append(content.say(.plainSearch))
            } else if state.overlay != nil {
                out.append(content.say(.plainChoose))
            }
        }
        return out.joined(separator: "\n")
    }

    /// What to type, said once at the start.
    public static func introduction(_ content: ContentPacks) -> String { content.say(.plainIntroduction) }
}
