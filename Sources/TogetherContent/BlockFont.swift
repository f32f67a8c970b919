import Foundation

/// The block letters for large text, read from `assets/fonts/together-blocks.txt`.
///
/// Every glyph is 11 pixel rows tall: 2 rows for the accent of a capital, 7 for the letter, 2 below the line.
/// Accented letters are composed (the letter, then its accent above), so a letter typed as one character and
/// the same letter typed with a combining mark give the same picture.
public struct BlockFont: Equatable, Sendable {
    /// One picture: rows of pixels, all the same width.
    public struct Bitmap: Equatable, Sendable {
        public var rows: [[Bool]]
        public var width: Int { rows.first?.count ?? 0 }
        public init(rows: [[Bool]]) { self.rows = rows }
    }

    public static let height = 11
    static let capTop = 2

    var glyphs: [Character: Bitmap]
    var accents: [Unicode.Scalar: Bitmap]

    public static let empty = BlockFont(glyphs: [:], accents: [:])
    public var isEmpty: Bool { glyphs.isEmpty }

    /// The combining marks the font can draw, by the name used in the file.
    static let accentNames: [String: Unicode.Scalar] = [
        "circumflex": "\u{0302}", "diaeresis": "\u{0308}", "acute": "\u{0301}", "grave": "\u{0300}",
    ]

    /// Stand-ins for characters that look the same in block letters.
    static let lookalikes: [Character: Character] = [
        "\u{2019}": "'", "\u{2018}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2013}": "-", "\u{2014}": "-",
        "\u{00A0}": " ", "·": ".", "…": ".",
    ]

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func load(_ url: URL) throws -> BlockFont {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LoadError(description: "\(url.path): cannot be read (\(error.localizedDescription))")
        }
        return try parse(text, name: url.lastPathComponent)
    }

    public static func parse(_ text: String, name: String = "font") throws -> BlockFont {
        var glyphs: [Character: Bitmap] = [:]
        var accents: [Unicode.Scalar: Bitmap] = [:]
        var current: (name: String, line: Int)?
        var rows: [String] = []

        func finish() throws {
            guard let (label, line) = current else { return }
            func fail(_ why: String) -> LoadError { LoadError(description: "\(name) line \(line): \(label): \(why)") }
            guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }), width > 0 else {
                throw fail("every row must have the same width")
            }
            let bitmap = Bitmap(rows: rows.map { $0.map { $0 == "#" } })
            if label.hasPrefix("accent ") {
                guard let mark = accentNames[String(label.dropFirst(7))] else { throw fail("unknown accent") }
                guard rows.count == 2 else { throw fail("an accent has 2 rows") }
                accents[mark] = bitmap
            } else {
                guard rows.count == 7 || rows.count == 9 else { throw fail("a letter has 7 rows, or 9 with the part below the line") }
                let character: Character = label == "space" ? " " : Character(label)
                guard glyphs[character] == nil else { throw fail("drawn twice") }
                let blank = [Bool](repeating: false, count: width)
                var full = [[Bool]](repeating: blank, count: capTop) + bitmap.rows
                while full.count < height { full.append(blank) }
                glyphs[character] = Bitmap(rows: full)
            }
            current = nil
            rows = []
        }

        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") && current == nil || line.isEmpty { continue }
            if line.hasPrefix(": ") {
                try finish()
                let label = String(line.dropFirst(2))
                guard label == "space" || label.hasPrefix("accent ") || label.count == 1 else {
                    throw LoadError(description: "\(name) line \(i + 1): \"\(label)\" is not one character")
                }
                current = (label, i + 1)
            } else if current != nil {
                guard line.allSatisfy({ $0 == "#" || $0 == "." }) else {
                    throw LoadError(description: "\(name) line \(i + 1): use only # and . in a glyph")
                }
                rows.append(line)
            }
        }
        try finish()
        return BlockFont(glyphs: glyphs, accents: accents)
    }

    /// The picture of one character (a letter with at most one accent), or nil when the font has none.
    public func glyph(_ character: Character) -> Bitmap? {
        let character = Self.lookalikes[character] ?? character
        if let plain = glyphs[character] { return plain }
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard scalars.count == 2, let accent = accents[scalars[1]] else { return nil }
        let baseCharacter = Character(scalars[0])
        let dotless: Character = baseCharacter == "i" ? "ı" : baseCharacter
        guard var base = glyphs[dotless] else { return nil }
        // A capital's accent goes in the 2 rows above it; a small letter's sits one row above its top.
        let isCapital = baseCharacter.isUppercase || baseCharacter.isNumber
        let top = isCapital ? 0 : 1
        let offset = (base.width - accent.width) / 2
        if offset < 0 { return nil }
        for (r, row) in accent.rows.enumerated() {
            for (c, ink) in row.enumerated() where ink { base.rows[top + r][offset + c] = true }
        }
        return base
    }

    /// Whether every character of the text can be drawn.
    public func canDraw(_ text: String) -> Bool {
        text.allSatisfy { glyph($0) != nil }
    }
}
