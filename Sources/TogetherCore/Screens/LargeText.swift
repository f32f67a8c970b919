import TogetherContent

/// Words in block letters: wrapped to a width, drawn at one of three sizes, with a blank column between
/// letters and a blank row between lines. Pure, so the same words and size always give the same cells.
public enum BlockText {
    /// How many terminal cells one pixel of a letter takes. The smallest size uses half blocks (two pixels
    /// stacked in one cell), so a letter is about as wide as it is tall on a terminal's tall cells.
    public enum Scale: Int, CaseIterable, Sendable, Comparable {
        case small = 1, medium = 2, large = 3

        var columnsPerPixel: Int { [1, 2, 4][rawValue - 1] }
        /// Cell rows for a bitmap this many pixels tall.
        func rows(forPixels pixels: Int) -> Int {
            switch self {
            case .small: (pixels + 1) / 2
            case .medium: pixels
            case .large: pixels * 2
            }
        }
        /// The blank rows between two lines of letters.
        var lineGap: Int { self == .large ? 2 : 1 }

        public static func < (a: Scale, b: Scale) -> Bool { a.rawValue < b.rawValue }
    }

    /// One line of letters, joined with a blank pixel column between them, trimmed of blank rows above and
    /// below (so a line with no capitals' accents or tails takes less room).
    public typealias Line = BlockFont.Bitmap

    /// Wraps words into lines no wider than `maxPixels`; nil when a character cannot be drawn.
    public static func lines(_ text: String, font: BlockFont, maxPixels: Int) -> [Line]? {
        guard !font.isEmpty, maxPixels > 0 else { return nil }
        var glyphLines: [[BlockFont.Bitmap]] = []
        var current: [BlockFont.Bitmap] = []
        var currentWidth = 0
        guard let space = font.glyph(" ") else { return nil }
        func width(_ glyphs: [BlockFont.Bitmap]) -> Int {
            glyphs.reduce(0) { $0 + $1.width } + max(0, glyphs.count - 1)
        }
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            var glyphs: [BlockFont.Bitmap] = []
            for character in word {
                guard let glyph = font.glyph(character) else { return nil }
                glyphs.append(glyph)
            }
            let wordWidth = width(glyphs)
            let needed = current.isEmpty ? wordWidth : currentWidth + 1 + space.width + 1 + wordWidth
            if needed <= maxPixels {
                if !current.isEmpty { current.append(space) }
                current += glyphs
                currentWidth = needed
                continue
            }
            if !current.isEmpty { glyphLines.append(current) }
            current = []
            currentWidth = 0
            // A word longer than a whole line is broken between letters.
            for glyph in glyphs {
                let next = current.isEmpty ? glyph.width : currentWidth + 1 + glyph.width
                if next > maxPixels && !current.isEmpty {
                    glyphLines.append(current)
                    current = [glyph]
                    currentWidth = glyph.width
                } else {
                    if glyph.width > maxPixels { return nil }
                    current.append(glyph)
                    currentWidth = next
                }
            }
        }
        if !current.isEmpty { glyphLines.append(current) }
        return glyphLines.map(join)
    }

    static func join(_ glyphs: [BlockFont.Bitmap]) -> Line {
        var rows = [[Bool]](repeating: [], count: BlockFont.height)
        for (i, glyph) in glyphs.enumerated() {
            for r in 0..<BlockFont.height {
                if i > 0 { rows[r].append(false) }
                rows[r] += glyph.rows[r]
            }
        }
        let inked = rows.indices.filter { rows[$0].contains(true) }
        guard let first = inked.first, let last = inked.last else { return Line(rows: [rows[0]]) }
        // Keep the letters sitting on one line: trim the accent rows and the tail rows only as a block.
        let top = min(first, 2)
        let bottom = max(last, 8)
        return Line(rows: Array(rows[top...bottom]))
    }

    /// The cell rows a set of blocks takes at a scale (a blank row between lines and between blocks).
    public static func height(_ blocks: [[Line]], scale: Scale) -> Int {
        let lines = blocks.flatMap { $0 }
        let drawn = lines.reduce(0) { $0 + scale.rows(forPixels: $1.rows.count) }
        return drawn + max(0, lines.count - 1) * scale.lineGap
    }

    /// The biggest scale at which all the texts fit in `width` × `height` cells, with their lines.
    public static func fit(_ texts: [String], font: BlockFont, width: Int, height: Int) -> (Scale, [[Line]])? {
        for scale in Scale.allCases.reversed() {
            let maxPixels = width / scale.columnsPerPixel
            var blocks: [[Line]] = []
            for text in texts {
                guard let lines = lines(text, font: font, maxPixels: maxPixels), !lines.isEmpty else { return nil }
                blocks.append(lines)
            }
            if Self.height(blocks, scale: scale) <= height { return (scale, blocks) }
        }
        return nil
    }

    /// Draws lines of letters from a row; returns the next free row.
    @discardableResult
    public static func draw(_ lines: [Line], scale: Scale, into grid: inout Grid, row: Int, column: Int,
                            role: Role) -> Int {
        var y = row
        for (index, line) in lines.enumerated() {
            if index > 0 { y += scale.lineGap }
            let pixels = line.rows
            let cellRows = scale.rows(forPixels: pixels.count)
            for cellRow in 0..<cellRows {
                var text = ""
                for x in 0..<line.width {
                    let cell: String
                    switch scale {
                    case .small:
                        let top = pixels[cellRow * 2][x]
                        let bottom = cellRow * 2 + 1 < pixels.count ? pixels[cellRow * 2 + 1][x] : false
                        cell = top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " "
                    case .medium:
                        cell = pixels[cellRow][x] ? "██" : "  "
                    case .large:
                        cell = pixels[cellRow / 2][x] ? "████" : "    "
                    }
                    text += cell
                }
                grid.put(text, row: y + cellRow, column: column, role: role)
            }
            y += cellRows
        }
        return y
    }
}
