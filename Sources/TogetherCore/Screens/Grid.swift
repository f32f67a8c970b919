/// What a cell is for. A theme turns roles into colours and attributes; each role that carries meaning
/// also has a word or symbol in the text itself, so colour is never the only signal.
public enum Role: String, Sendable, CaseIterable {
    case normal, title, heading, prompt, focus, dim, working, notWorking, aspiration, status, error, keyHint, chosen
}

/// One terminal cell: a grapheme, how many columns it takes, and its role.
/// A wide grapheme is followed by a continuation cell with empty text and width 0.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: Int
    public var role: Role

    public static let blank = Cell(text: " ", width: 1, role: .normal)
}

public struct Point: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// The screen as a grid of cells: every screen renders into one, and tests read it as text.
public struct Grid: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(_ size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.width + column]
    }

    private static let ascii: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Writes text at a position, clipped to the grid and to `maxWidth` columns. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < size.height, column >= 0, column < size.width else { return 0 }
        let limit = min(size.width - column, maxWidth ?? Int.max)
        // Printable ASCII, most of what is drawn: one cell a byte, no characters to break apart.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let n = max(0, min(text.utf8.count, limit))
            var at = row * size.width + column
            for b in text.utf8.prefix(n) {
                cells[at] = Cell(text: Self.ascii[Int(b)], width: 1, role: role)
                at += 1
            }
            return n
        }
        return putCharacters(text, row: row, column: column, role: role, limit: limit)
    }

    mutating func putCharacters(_ text: String, row: Int, column: Int, role: Role, limit: Int) -> Int {
        var col = column
        for ch in text {
            let w = TextWidth.of(ch)
            if w == 0 {
                // A lone combining mark or control: attach to the previous cell so nothing is lost or misplaced.
                if col > column, ch.unicodeScalars.first.map({ $0.value >= 0x20 }) == true {
                    var prev = col - 1
                    while prev > column && cells[row * size.width + prev].width == 0 { prev -= 1 }
                    cells[row * size.width + prev].text.append(ch)
                }
                continue
            }
            if col - column + w > limit { break }
            cells[row * size.width + col] = Cell(text: String(ch), width: w, role: role)
            if w == 2 { cells[row * size.width + col + 1] = Cell(text: "", width: 0, role: role) }
            col += w
        }
        return col - column
    }

    /// Gives a role to a stretch of a row (for a focus bar or a title bar), keeping the text.
    public mutating func paint(row: Int, from column: Int = 0, width: Int? = nil, role: Role) {
        guard row >= 0, row < size.height else { return }
        let end = min(size.width, column + (width ?? size.width))
        for c in max(0, column)..<max(column, end) { cells[row * size.width + c].role = role }
    }

    /// The grid as plain text, one line per row, trailing spaces removed.
    public var text: String {
        (0..<size.height).map { line($0) }.joined(separator: "\n")
    }

    public func line(_ row: Int) -> String {
        var s = ""
        for c in 0..<size.width { s += self[row, c].text }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// One letter per cell for the role (`.` normal), so tests can see focus and emphasis without colour.
    public var roleMap: String {
        (0..<size.height).map { row in
            var s = ""
            for c in 0..<size.width {
                let cell = self[row, c]
                if cell.width == 0 { continue }
                s += String(repeating: Grid.roleLetter[cell.role] ?? "?", count: cell.width)
            }
            while s.hasSuffix(".") { s.removeLast() }
            return s
        }.joined(separator: "\n")
    }

    static let roleLetter: [Role: String] = [
        .normal: ".", .title: "T", .heading: "H", .prompt: "p", .focus: "F", .dim: "d", .working: "w",
        .notWorking: "n", .aspiration: "a", .status: "s", .error: "E", .keyHint: "k", .chosen: "C",
    ]
}

/// A rendered screen and where the hardware cursor goes (on the focused item), for the terminal to show.
public struct Frame: Equatable, Sendable {
    public var grid: Grid
    public var cursor: Point?
    /// How roles are drawn (the theme, colour or none): part of the frame, so a new theme is a new frame.
    public var view: ViewOptions
    public init(grid: Grid, cursor: Point?, view: ViewOptions = ViewOptions()) {
        self.grid = grid
        self.cursor = cursor
        self.view = view
    }
}
