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
    // Cells are kept as plain numbers, so a frame is made, compared and thrown away without counting references:
    // a cell's grapheme when it is one Unicode scalar (nearly all are), 0 for the second half of a wide one, and
    // `Grid.inLong` when the text is longer (a letter with marks, an emoji sequence) and kept in `long`.
    private var scalars: [UInt32]
    private var widths: [UInt8]
    private var roles: [Role]
    private var long: [Int: String] = [:]
    private static let inLong: UInt32 = 0xFFFF_FFFF

    public init(_ size: Size) {
        self.size = size
        let count = max(0, size.width * size.height)
        scalars = Array(repeating: 0x20, count: count)
        widths = Array(repeating: 1, count: count)
        roles = Array(repeating: .normal, count: count)
    }

    /// Every cell, row by row.
    public var cells: [Cell] { scalars.indices.map(cell) }

    public subscript(row: Int, column: Int) -> Cell {
        cell(row * size.width + column)
    }

    private func cell(_ i: Int) -> Cell {
        let value = scalars[i]
        let text = value == Self.inLong ? long[i] ?? "" : value == 0 ? "" : Unicode.Scalar(value).map { String($0) } ?? ""
        return Cell(text: text, width: Int(widths[i]), role: roles[i])
    }

    private mutating func set(_ i: Int, _ text: String, width: Int, role: Role) {
        let units = text.unicodeScalars
        if text.isEmpty {
            scalars[i] = 0
        } else if units.index(after: units.startIndex) == units.endIndex, units.first!.value != 0 {
            scalars[i] = units.first!.value
        } else {
            scalars[i] = Self.inLong
            long[i] = text
        }
        if scalars[i] != Self.inLong, !long.isEmpty { long[i] = nil }
        widths[i] = UInt8(clamping: width)
        roles[i] = role
    }

    /// Writes text at a position, clipped to the grid and to `maxWidth` columns. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: Role = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < size.height, column >= 0, column < size.width else { return 0 }
        let limit = min(size.width - column, maxWidth ?? Int.max)
        // Printable ASCII, most of what is drawn: one cell a byte, no characters to break apart.
        let start = row * size.width + column
        let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard TextWidth.printableASCII(bytes) else { return nil }
            let n = max(0, min(bytes.count, limit))
            guard n > 0, let from = bytes.baseAddress else { return n }
            // Plain stores through pointers (the grid was checked above): copies the compiler turns into a few
            // wide moves, as a full screen of a large workshop is mostly this.
            scalars.withUnsafeMutableBufferPointer { scalars in
                let to = scalars.baseAddress! + start
                for k in 0..<n { to[k] = UInt32(truncatingIfNeeded: from[k]) }
            }
            widths.withUnsafeMutableBufferPointer { ($0.baseAddress! + start).update(repeating: 1, count: n) }
            roles.withUnsafeMutableBufferPointer { ($0.baseAddress! + start).update(repeating: role, count: n) }
            if !long.isEmpty { for k in 0..<n { long[start + k] = nil } }
            return n
        }
        if let done, let n = done { return n }
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
                    while prev > column && widths[row * size.width + prev] == 0 { prev -= 1 }
                    let at = row * size.width + prev
                    set(at, cell(at).text + String(ch), width: Int(widths[at]), role: roles[at])
                }
                continue
            }
            if col - column + w > limit { break }
            set(row * size.width + col, String(ch), width: w, role: role)
            if w == 2 { set(row * size.width + col + 1, "", width: 0, role: role) }
            col += w
        }
        return col - column
    }

    /// Gives a role to a stretch of a row (for a focus bar or a title bar), keeping the text.
    public mutating func paint(row: Int, from column: Int = 0, width: Int? = nil, role: Role) {
        guard row >= 0, row < size.height else { return }
        let end = min(size.width, column + (width ?? size.width))
        for c in max(0, column)..<max(column, end) { roles[row * size.width + c] = role }
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
