import TogetherContent

/// Large text: one item per screen. The prompt and the chosen line (or the words being typed) in block letters
/// at the biggest size that fits, "2 of 6" and the same words in normal text at the bottom (so a screen reader
/// and anyone close to the screen still get the plain words), then the status and the keys.
enum LargeLayout {
    static func frame(_ page: Page, _ state: AppState, _ content: ContentPacks, size: Size) -> Frame? {
        let font = content.font, words = content.words
        guard !font.isEmpty else { return nil }
        if !page.wall.isEmpty, let wall = wall(page, state, content, size: size) { return wall }
        var grid = Grid(size)
        let width = size.width
        Render.titleBar(page, into: &grid)

        var bottom = size.height - 2
        var cursor: Point?
        if let editor = page.editor {
            bottom -= 2
            grid.put(TextWidth.truncate(content.say(.typing, page.typingLabel), to: width), row: bottom, column: 0,
                     role: .heading)
            cursor = Render.drawEditor(editor.text, cursor: editor.cursor, row: bottom + 1, into: &grid)
        }

        let rows = page.focusableRows
        let focused = page.focusedLine
        let itemText: String? = if let largeItem = page.largeItem {
            largeItem
        } else if let editor = page.editor {
            editor.text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : editor.text
        } else {
            focused.map { $0.text.trimmingCharacters(in: .whitespaces) }
        }
        // What the block letters cannot draw (an emoji, a letter the font lacks) is left out of the big words; the
        // whole words stay in normal text on the line under them.
        let bigText = (page.largeItem == nil && page.editor == nil ? focused?.large ?? itemText : itemText)
            .map { drawable($0, font) }.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let prompt = page.fixed.first { $0.role == .prompt }?.text
        let heading = page.fixed.first { $0.role != .prompt }

        // The line above the status: where we are in the list, and the chosen words in normal text.
        let progressRow = bottom - 1
        var progress = ""
        if let label = page.largeItemLabel {
            progress = label
        } else if let focus = page.focus, let index = rows.firstIndex(of: focus), page.editor == nil {
            progress = words.text(.largeProgress, "\(index + 1)", "\(rows.count)")
            if let itemText { progress += " · " + itemText }
        } else if let itemText {
            progress = itemText
        }
        grid.put(TextWidth.truncate(progress, to: width), row: progressRow, column: 0, role: .heading)

        // Lines in normal text under the big letters, when there is room for them and some letters.
        var notes = page.notes
        while !notes.isEmpty && progressRow - notes.count - 1 < 4 { notes.removeLast() }
        let notesTop = progressRow - notes.count
        for (i, line) in notes.enumerated() {
            grid.put(TextWidth.truncate(line.text, to: width), row: notesTop + i, column: 0, role: line.role)
        }

        var top = 1
        if let heading {
            grid.put(TextWidth.truncate(heading.text, to: width), row: top, column: 0, role: heading.role)
            top += 2
        }
        let room = notesTop - 1 - top
        guard room > 0 else { return nil }
        let itemRole: Role = [.working, .notWorking, .aspiration].contains(focused?.role) && page.editor == nil
            && page.largeItem == nil ? focused!.role : .heading

        var itemTop = top
        var drawnItem = false
        if let prompt, let bigText, let (scale, blocks) = BlockText.fit([prompt, bigText], font: font,
                                                                          width: width, height: room - 1) {
            let next = BlockText.draw(blocks[0], scale: scale, into: &grid, row: top, column: 0, role: .prompt)
            itemTop = next + scale.lineGap + 1
            BlockText.draw(blocks[1], scale: scale, into: &grid, row: itemTop, column: 0, role: itemRole)
            drawnItem = true
        } else if let bigText {
            // The prompt in normal text (at most two lines), the item big.
            var promptRows = 0
            if let prompt {
                let wrapped = TextWidth.wrap(prompt, width: width)
                for (i, line) in wrapped.prefix(2).enumerated() {
                    let text = i == 1 && wrapped.count > 2 ? TextWidth.truncate(line + "…", to: width) : line
                    grid.put(text, row: top + i, column: 0, role: .prompt)
                }
                promptRows = min(2, wrapped.count) + 1
            }
            guard let (scale, blocks) = BlockText.fit([bigText], font: font, width: width,
                                                      height: room - promptRows) else { return nil }
            itemTop = top + promptRows
            BlockText.draw(blocks[0], scale: scale, into: &grid, row: itemTop, column: 0, role: itemRole)
            drawnItem = true
        } else if let prompt {
            guard let (scale, blocks) = BlockText.fit([prompt], font: font, width: width, height: room) else {
                return nil
            }
            BlockText.draw(blocks[0], scale: scale, into: &grid, row: top, column: 0, role: .prompt)
        } else {
            return nil
        }
        if cursor == nil {
            cursor = drawnItem ? Point(row: itemTop, column: 0) : Point(row: progressRow, column: 0)
        }
        Render.footer(page, state, content, into: &grid, cursor: &cursor)
        return Frame(grid: grid, cursor: cursor)
    }

    /// The room's wall: "Our themes", then every theme with its dots in block letters, as many as fit at the biggest
    /// size that fits them; the rest in normal text under them, with a line saying so (never cut off in silence).
    static func wall(_ page: Page, _ state: AppState, _ content: ContentPacks, size: Size) -> Frame? {
        var grid = Grid(size)
        let width = size.width
        Render.titleBar(page, into: &grid)
        // What the stage asks and whose dots these are, in normal text, then the themes.
        var row = 1
        for line in page.fixed.prefix(3) where !line.text.isEmpty {
            grid.put(TextWidth.truncate(line.text, to: width), row: row, column: 0, role: line.role)
            row += 1
        }
        grid.put(TextWidth.truncate(content.say(.ourThemes), to: width), row: row + 1, column: 0, role: .heading)
        let top = row + 3, bottom = size.height - 3
        let texts = page.wall.map { drawable($0.text, content.font) }
        // The most themes that fit big, leaving a normal line for each of the rest and one to say so.
        for count in stride(from: texts.count, through: 1, by: -1) {
            let rest = texts.count - count
            let room = bottom - top - (rest > 0 ? rest + 1 : 0)
            guard room > 0, let (scale, blocks) = BlockText.fit(Array(texts.prefix(count)), font: content.font,
                                                                width: width, height: room) else { continue }
            row = top
            for (i, block) in blocks.enumerated() {
                if i > 0 { row += scale.lineGap }
                row = BlockText.draw(block, scale: scale, into: &grid, row: row, column: 0, role: i == 0 ? .chosen : .heading)
            }
            if rest > 0 {
                row += 1
                grid.put(TextWidth.truncate(content.say(.wallMore, "\(rest)"), to: width), row: row, column: 0, role: .dim)
                for line in page.wall.dropFirst(count) {
                    row += 1
                    grid.put(TextWidth.truncate(line.text, to: width), row: row, column: 0, role: .normal)
                }
            }
            var cursor: Point? = Point(row: top, column: 0)
            Render.footer(page, state, content, into: &grid, cursor: &cursor)
            return Frame(grid: grid, cursor: cursor)
        }
        return nil
    }

    /// The text with only the characters the block letters can draw (spaces kept).
    static func drawable(_ text: String, _ font: BlockFont) -> String {
        String(text.filter { $0.isWhitespace || font.glyph($0) != nil })
    }
}
