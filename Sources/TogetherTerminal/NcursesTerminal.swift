import CNcursesw
import TogetherCore

/// The real terminal, through wide-character ncurses. One object owns every curses call.
public final class NcursesTerminal: Terminal {
    private let palette: Palette

    /// Starts curses, or returns nil when there is no usable terminal (the caller can then explain or fall back).
    public init?(colour: Bool) {
        shim_setlocale()
        // Ours before newterm, so ncurses keeps them and does not exit without saving.
        shim_install_exit_signals()
        guard shim_start() == 1 else { return nil }
        shim_install_crash_handlers()
        palette = Palette(colour: colour && shim_has_colors() == 1)
    }

    public var size: Size { Size(width: Int(shim_cols()), height: Int(shim_rows())) }
    public var pendingExitSignal: Int32 { shim_pending_exit_signal() }

    public func read(timeoutMilliseconds: Int) -> InputEvent? {
        var ch: Int32 = 0
        switch shim_read(Int32(timeoutMilliseconds), &ch) {
        case 1: return Self.character(ch)
        case 2: return Self.functionKey(ch)
        case 3 where ch == 1: return readPaste()
        default: return nil
        }
    }

    /// The text of a bracketed paste, up to its end mark, as one event. Line breaks stay line breaks; other
    /// control characters are dropped later, where all typed text is cleaned.
    func readPaste() -> InputEvent {
        var scalars = String.UnicodeScalarView()
        var ch: Int32 = 0
        // A paste is sent all at once; a terminal that never sends the end mark is waited for at most 1 s.
        while true {
            let r = shim_read(1000, &ch)
            if r == 0 || r == 3 { break }
            if r == 1, let u = UnicodeScalar(UInt32(bitPattern: ch)) {
                scalars.append(u == "\r" ? "\n" : u)
            }
        }
        return .paste(String(scalars))
    }

    static func character(_ ch: Int32) -> InputEvent? {
        switch ch {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(UInt8(ch) + 96))))
        default:
            guard let scalar = UnicodeScalar(UInt32(bitPattern: ch)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    static func functionKey(_ ch: Int32) -> InputEvent? {
        let table: [Int32: Key] = [
            shim_key_up(): .up, shim_key_down(): .down, shim_key_left(): .left, shim_key_right(): .right,
            shim_key_home(): .home, shim_key_end(): .end, shim_key_npage(): .pageDown, shim_key_ppage(): .pageUp,
            shim_key_enter(): .enter, shim_key_backspace(): .backspace, shim_key_dc(): .delete,
            shim_key_btab(): .backTab,
        ]
        if ch == shim_key_resize() { return .resize }
        if let key = table[ch] { return .key(key) }
        for n in 1...12 where ch == shim_key_f(Int32(n)) { return .key(.function(n)) }
        return nil
    }

    public func present(_ frame: Frame) {
        shim_clear()
        let grid = frame.grid
        for row in 0..<grid.size.height {
            var column = 0
            while column < grid.size.width {
                let role = grid[row, column].role
                let start = column
                var text = ""
                while column < grid.size.width && grid[row, column].role == role {
                    text += grid[row, column].text
                    column += 1
                }
                let style = palette.style(role, frame.view)
                shim_put(Int32(row), Int32(start), text, style.attributes, style.pair)
            }
        }
        if let cursor = frame.cursor {
            shim_cursor(1)
            shim_move(Int32(cursor.row), Int32(cursor.column))
        } else {
            shim_cursor(0)
        }
        shim_refresh()
    }

    public func close() {
        shim_stop()
    }
}

/// Turns a frame's roles into curses attributes and colour pairs, from the frame's theme. Pairs are made as
/// they are first needed, so any theme can use any colours.
final class Palette {
    let hasColour: Bool
    private var pairs: [String: Int16] = [:]

    init(colour: Bool) {
        hasColour = colour
    }

    func style(_ role: Role, _ view: ViewOptions) -> (attributes: Int32, pair: Int16) {
        let style = view.style(role)
        var attributes: Int32 = 0
        if style.bold { attributes |= Int32(SHIM_BOLD) }
        if style.reverse { attributes |= Int32(SHIM_REVERSE) }
        if style.underline { attributes |= Int32(SHIM_UNDERLINE) }
        if style.dim { attributes |= Int32(SHIM_DIM) }
        guard hasColour, style.foreground != nil || style.background != nil else { return (attributes, 0) }
        // -1 keeps the user's own colour (use_default_colors).
        let fg = style.foreground?.rawValue ?? -1, bg = style.background?.rawValue ?? -1
        let key = "\(fg),\(bg)"
        if let pair = pairs[key] { return (attributes, pair) }
        let pair = Int16(pairs.count + 1)
        shim_init_pair(pair, fg, bg)
        pairs[key] = pair
        return (attributes, pair)
    }
}
