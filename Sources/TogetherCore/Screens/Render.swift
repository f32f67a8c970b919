import TogetherContent

/// Draws the state into a grid of the given size. Pure: the same state and size always give the same frame.
public enum Render {
    public static let minimumSize = Size(width: 30, height: 10)

    public static func frame(_ state: AppState, _ content: ContentPacks, size: Size) -> Frame {
        var frame = unstyled(state, content, size: size)
        frame.view = state.view
        return frame
    }

    static func unstyled(_ state: AppState, _ content: ContentPacks, size: Size, windowed: Bool = true) -> Frame {
        if size.width < minimumSize.width || size.height < minimumSize.height {
            var grid = Grid(size)
            let message = content.say(.tooSmall, "\(minimumSize.width)", "\(minimumSize.height)")
            for (i, line) in TextWidth.wrap(message, width: max(1, size.width)).prefix(size.height).enumerated() {
                grid.put(line, row: i, column: 0, role: .error)
            }
            return Frame(grid: grid, cursor: nil)
        }
        if state.overlay == .help {
            return helpFrame(state, content, size: size)
        }
        // A screen shows at most its height in rows: a long list is built only that far either side of the focus.
        // (The list itself has at most the height less three rows: the title, the status and the keys.)
        // (Large text counts the whole list: "27 of 102".)
        let page = Self.page(state, content, near: windowed && !state.view.large ? size.height - 1 : nil)
        if state.view.large {
            if let frame = LargeLayout.frame(page, state, content, size: size) { return frame }
            // Never small in silence: the reason comes first, before anything else the status had to say.
            var fallback = state
            let why = content.say(.largeDoesNotFit)
            fallback.status = .init(state.status.map { "\(why) \($0.text)" } ?? why, isProblem: state.status?.isProblem ?? false)
            return layout(page, fallback, content, size: size, windowed: windowed)
        }
        return layout(page, state, content, size: size, windowed: windowed)
    }

    /// What the screen is showing, before layout: the start screen, a stage, or a list over it.
    static func page(_ state: AppState, _ content: ContentPacks, near: Int? = nil) -> Page {
        guard state.screen == .workshop, let session = state.session else { return HomePage.page(state, content) }
        switch state.overlay {
        case .stageMap(let focus): return OverlayPages.stageMap(session, content, focus: focus)
        case .chooseTheme(let ids, let focus): return OverlayPages.chooseTheme(session, content, ids: ids, focus: focus)
        case .search(let query, let focus): return OverlayPages.search(session, content, query: query, focus: focus)
        case .choose(let list): return OverlayPages.choice(list, content)
        default: return Stages.page(session, content, state, near: near)
        }
    }

    /// The page in words only: symbols are for the eyes, and a voice or a braille line would read "+" as "plus".
    static func wordsOnlyPage(_ state: AppState, _ content: ContentPacks) -> Page {
        var wordsOnly = state
        wordsOnly.view.symbols = false
        return page(wordsOnly, content)
    }

    /// The words to read aloud: the words being typed; a chosen statement on its own; otherwise the prompt
    /// and the chosen line.
    public static func spokenText(_ state: AppState, _ content: ContentPacks) -> String {
        if let draft = state.session?.draft, state.screen == .workshop {
            return draft.text.trimmingCharacters(in: .whitespaces)
        }
        if state.overlay == nil, let session = state.session, state.screen == .workshop {
            let rows = session.rows(content)
            if rows.indices.contains(session.position.focus), case .statement(let id) = rows[session.position.focus],
               let statement = session.statements.first(where: { $0.id == id }), !statement.hidden {
                return statement.text
            }
        }
        let page = wordsOnlyPage(state, content)
        let prompt = page.fixed.first { $0.role == .prompt }?.text
        let focused = page.focusedLine?.text.trimmingCharacters(in: .whitespaces)
        return [prompt, focused].compactMap { $0 }.filter { !$0.isEmpty }.map { sentence($0) }.joined(separator: " ")
    }

    /// Ends words with a full stop so a speech voice pauses between them.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".?!:".contains(last) ? text : text + "."
    }

    /// Header, fixed text, a list that scrolls to keep the focus in view, the typing box, status and keys.
    /// With `windowed` false every item of the list is wrapped (tests compare the two).
    static func layout(_ page: Page, _ state: AppState, _ content: ContentPacks, size: Size, windowed: Bool = true) -> Frame {
        var grid = Grid(size)
        let width = size.width
        titleBar(page, into: &grid)

        var bottom = size.height - 2 // status line, then the key line
        var cursor: Point?
        if let editor = page.editor {
            bottom -= 2
            let label = TextWidth.truncate(content.say(.typing, page.typingLabel), to: width)
            grid.put(label, row: bottom, column: 0, role: .heading)
            cursor = drawEditor(editor.text, cursor: editor.cursor, row: bottom + 1, into: &grid)
        }

        // The fixed part may take at most half of the space, so the list is always seen.
        let space = bottom - 1
        var fixed = page.fixed.flatMap { wrapLine($0, width: width) }
        if fixed.count > space / 2 {
            fixed = Array(fixed.prefix(max(1, space / 2)))
            if var last = fixed.popLast() {
                last.text = TextWidth.truncate(last.text + "…", to: width)
                fixed.append(last)
            }
        }
        for (i, line) in fixed.enumerated() { grid.put(line.text, row: 1 + i, column: 0, role: line.role) }

        let listTop = 1 + fixed.count + (fixed.isEmpty ? 0 : 1)
        let listHeight = max(0, bottom - listTop)
        // Only the items that can be on screen are wrapped (each takes at least one line): a list of a thousand
        // statements costs what a screenful costs. The window is the same as if every item were wrapped.
        let focusItem = page.focus.flatMap { focus in page.list.firstIndex { $0.row == focus } } ?? 0
        // The window shows the top of the list while the focus is in it, and otherwise ends at the focus: so
        // nothing more than a screen above the focus, and below it only its next item, or the first screenful.
        let lo = windowed && focusItem >= listHeight ? focusItem - listHeight : 0
        let hi = windowed ? min(page.list.count, max(focusItem + 2, listHeight + 2)) : page.list.count
        var lines: [Page.Line] = []
        lines.reserveCapacity(2 * (hi - lo))
        // Wrapping stops once the focus and the item after it are wrapped and there are more lines than the
        // list can show: the window is then the same as with every item wrapped.
        let lastFocusItem = page.focus.flatMap { focus in page.list[lo..<hi].lastIndex { $0.row == focus } } ?? focusItem
        var more = hi < page.list.count
        for j in lo..<hi {
            wrapLine(page.list[j], width: width, inList: true, into: &lines)
            if windowed, j >= max(focusItem, lastFocusItem) + 1, lines.count >= listHeight + 1, j + 1 < hi {
                more = true
                break
            }
        }
        let focusLines = lines.indices.filter { lines[$0].row == page.focus && page.focus != nil }
        // Items after the ones wrapped still exist: the list goes on below.
        let window = scrollWindow(count: lines.count + (more ? 1 : 0), height: listHeight, focus: focusLines)
        var row = listTop
        if window.above {
            grid.put("  " + (state.view.showsSymbols ? "↑ " : "") + content.say(.moreAbove), row: row, column: 0, role: .dim)
            row += 1
        }
        for line in lines[window.range] {
            let focused = line.row != nil && line.row == page.focus
            let marker = focused && line.isFirst ? "> " : "  "
            let role = focused ? Role.focus : line.role
            if grid.put(marker, row: row, column: 0, role: role) == 2 {
                if line.lead > 0 { grid.paint(row: row, from: 2, width: line.lead, role: role) }
                grid.put(line.text, row: row, column: 2 + line.lead, role: role)
            }
            if focused && line.isFirst && cursor == nil {
                cursor = Point(row: row, column: 2 + line.indent)
            }
            row += 1
        }
        if window.below {
            grid.put("  " + (state.view.showsSymbols ? "↓ " : "") + content.say(.moreBelow), row: row, column: 0, role: .dim)
        }

        footer(page, state, content, into: &grid, cursor: &cursor)
        return Frame(grid: grid, cursor: cursor ?? Point(row: 0, column: 0))
    }

    /// The title bar: the page's title, and its progress on the right when both fit.
    static func titleBar(_ page: Page, into grid: inout Grid) {
        let width = grid.size.width
        grid.put(TextWidth.pad(" " + page.title, to: width), row: 0, column: 0, role: .title)
        if !page.progress.isEmpty, TextWidth.of(page.title) + TextWidth.of(page.progress) + 4 <= width {
            grid.put(page.progress + " ", row: 0, column: width - TextWidth.of(page.progress) - 1, role: .title)
        }
    }

    /// The status line (or the question before deleting, which takes the cursor) and the key line.
    static func footer(_ page: Page, _ state: AppState, _ content: ContentPacks, into grid: inout Grid,
                       cursor: inout Point?) {
        let width = grid.size.width
        let statusRow = grid.size.height - 2
        let keyLine = page.keyLine ?? Keymap.hints(in: state.inputContext, content.facilitatorWords, width: width)
        if case .confirmDelete(_, let question) = state.overlay {
            let text = TextWidth.truncate(question, to: width)
            grid.put(text, row: statusRow, column: 0, role: .error)
            cursor = Point(row: statusRow, column: min(width - 1, TextWidth.of(text)))
        } else if case .confirmLeave(let question) = state.overlay {
            let text = TextWidth.truncate(question, to: width)
            grid.put(text, row: statusRow, column: 0, role: .error)
            cursor = Point(row: statusRow, column: min(width - 1, TextWidth.of(text)))
        } else if let status = state.status {
            let text = (status.isProblem ? "! " : "") + status.text
            grid.put(TextWidth.truncate(text, to: width), row: statusRow, column: 0, role: status.isProblem ? .error : .status)
        }
        grid.put(TextWidth.truncate(keyLine, to: width), row: grid.size.height - 1, column: 0, role: .keyHint)
    }

    /// Which lines of a list to show in `height` rows so the focused lines are in view. A row is kept
    /// above and below for "more" when the list does not fit, so no line is ever drawn over.
    static func scrollWindow(count: Int, height: Int, focus: [Int]) -> (range: Range<Int>, above: Bool, below: Bool) {
        guard count > height, height >= 3 else { return (0..<min(count, max(0, height)), false, false) }
        let first = focus.first ?? 0
        let last = focus.last ?? 0
        // Show from the top while the focus fits under a "more below" line.
        if last < height - 1 { return (0..<(height - 1), false, true) }
        // Otherwise end at the focus (or the end of the list), with "more above" at the top.
        let end = min(count, max(last + 1, first + 1))
        if end == count { return ((count - (height - 1))..<count, true, false) }
        let start = max(1, end - (height - 2))
        return (start..<(start + height - 2), true, true)
    }

    /// The typing box: one line that scrolls sideways so the cursor is always in view.
    static func drawEditor(_ text: String, cursor: Int, row: Int, into grid: inout Grid) -> Point {
        let width = grid.size.width
        let chars = Array(text)
        let at = min(max(0, cursor), chars.count)
        let room = width - 3
        // Back from the cursor until the room is used: the cost is the width of the box, not of the text
        // (a 10,000-letter paste draws as quickly as a word).
        var start = at
        var used = 0
        while start > 0 {
            let w = TextWidth.of(chars[start - 1])
            if used + w > room - 1 { break }
            used += w
            start -= 1
        }
        let visible = TextWidth.prefix(String(chars[start..<min(chars.count, start + 2 * room + 4)]), fitting: room)
        grid.put("> ", row: row, column: 0, role: .focus)
        grid.put(TextWidth.pad(visible, to: width - 2), row: row, column: 2, role: .focus)
        return Point(row: row, column: 2 + TextWidth.of(String(chars[start..<at])))
    }

    static func wrapLine(_ line: Page.Line, width: Int, inList: Bool = false) -> [Page.Line] {
        var out: [Page.Line] = []
        wrapLine(line, width: width, inList: inList, into: &out)
        return out
    }

    /// A line wrapped to the width, each piece indented as the line is; in the list, pieces after the first
    /// are indented two more, so all of them are wrapped to fit that.
    static func wrapLine(_ line: Page.Line, width: Int, inList: Bool, into out: inout [Page.Line]) {
        let room = max(1, width - (inList ? 4 : 2) - line.indent)
        // Most lines fit: the line itself, with no list of pieces made.
        if TextWidth.fitsOneLine(line.text, width: room) {
            out.append(line)
            if inList {
                out[out.count - 1].lead = line.indent
            } else if line.indent > 0 {
                out[out.count - 1].text = String(repeating: " ", count: line.indent) + line.text
            }
            out[out.count - 1].isFirst = true
            return
        }
        let pieces = TextWidth.wrap(line.text, width: room)
        for (i, text) in (pieces.isEmpty ? [""] : pieces).enumerated() {
            var piece = line
            let indent = i == 0 ? line.indent : inList ? line.indent + 2 : 0
            if inList {
                piece.text = text
                piece.lead = indent
            } else {
                piece.text = indent == 0 ? text : String(repeating: " ", count: indent) + text
            }
            piece.isFirst = i == 0
            out.append(piece)
        }
    }

    static func helpFrame(_ state: AppState, _ content: ContentPacks, size: Size) -> Frame {
        var grid = Grid(size)
        let context = state.keyContext
        grid.put(TextWidth.pad(" " + content.say(.keysFor, context.title(content.facilitatorWords)), to: size.width),
                 row: 0, column: 0, role: .title)
        let keyWidth = min(18, size.width / 3)
        var lines: [(keys: String, help: String)] = []
        // Scrolling moves by whole keys (Down, Space), so nothing is cut off for good.
        for binding in Keymap.bindings(in: context).dropFirst(state.helpOffset) {
            let keys = binding.keys.map(\.label).joined(separator: " ")
            for (i, line) in TextWidth.wrap(binding.help(content.facilitatorWords), width: size.width - keyWidth - 2)
                .enumerated() {
                lines.append((i == 0 ? keys : "", line))
            }
        }
        let room = size.height - 3
        for (i, line) in lines.prefix(room).enumerated() {
            grid.put(TextWidth.truncate(line.keys, to: keyWidth - 1), row: 2 + i, column: 1, role: .heading)
            grid.put(line.help, row: 2 + i, column: keyWidth + 1)
        }
        let more = room < lines.count
        let footer = content.say(more ? .helpMore : .helpAnyKey)
        grid.put(TextWidth.truncate(footer, to: size.width), row: size.height - 1, column: 0, role: .keyHint)
        return Frame(grid: grid, cursor: Point(row: size.height - 1, column: 0))
    }
}

/// What a screen wants to show, before layout: a title, fixed text, and a list of lines some of which
/// are focusable rows.
struct Page {
    struct Line {
        var text: String
        var role: Role = .normal
        /// The index of the focusable row this line belongs to.
        var row: Int? = nil
        var indent: Int = 0
        var isFirst = true
        /// Spaces the layout puts before `text` (a wrapped list line's indent, not made into a string).
        var lead = 0
        /// Large text: shorter words to draw big when this line is chosen (the whole line is still shown small).
        var large: String? = nil
        /// The end of `text` that tells the facilitator which key to press ("  (Enter changes it)"): the
        /// participant display leaves it out.
        var hint: String = ""

        /// A line whose text ends with a key hint for the facilitator.
        static func hinted(_ text: String, hint: String, role: Role = .normal, row: Int? = nil, indent: Int = 0) -> Line {
            Line(text: text + hint, role: role, row: row, indent: indent, hint: hint)
        }

        /// The line without its key hint (for the participants' screen).
        var withoutHint: Line {
            guard !hint.isEmpty, text.hasSuffix(hint) else { return self }
            var line = self
            line.text = String(text.dropLast(hint.count))
            line.hint = ""
            return line
        }
    }

    var title: String
    var progress: String = ""
    var fixed: [Line] = []
    var list: [Line] = []
    var focus: Int?
    var typingLabel: String = ""
    /// The typing box: its words and where the cursor is in them (counted in characters).
    var editor: (text: String, cursor: Int)?
    /// A key line of the page's own (lists shown over the screen), instead of the keys of the stage.
    var keyLine: String?
    /// Large text: words to draw big instead of the chosen line, and what they are.
    var largeItem: String?
    var largeItemLabel: String?
    /// Large text: lines in normal text under the big letters (the participant display's newest statements).
    var notes: [Line] = []
    /// Large text: the room's wall, drawn big instead of the chosen line (the participant display on finding
    /// themes and on what matters most: every theme with its dots).
    var wall: [Line] = []

    /// The first line of the focused row.
    var focusedLine: Line? { focus.flatMap { focus in list.first { $0.row == focus } } }

    /// The focusable rows, in order.
    var focusableRows: [Int] {
        var seen: [Int] = []
        for line in list { if let row = line.row, !seen.contains(row) { seen.append(row) } }
        return seen
    }
}
