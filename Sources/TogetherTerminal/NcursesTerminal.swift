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
        palette.install()
    }

    public var size: Size { Size(width: Int(shim_cols()), height: Int(shim_rows())) }
    public var pendingExitSignal: Int32 { shim_pending_exit_signal() }

    public func read(timeoutMilliseconds: Int) -> InputEvent? {
        var ch: Int32 = 0
        switch shim_read(Int32(timeoutMilliseconds), &ch) {
        case 1: return Self.character(ch)
        case 2: return Self.functionKey(ch)
        default: return nil
        }
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
                let style = palette.style(role)
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

/// Turns roles into attributes and colours. Every role that matters is bold, reverse or underlined as well
/// as coloured, so it still shows with no colour at all.
struct Palette {
    struct Style {
        var attributes: Int32
        var pair: Int16
    }

    let colour: Bool

    // Colour numbers from curses.h: 1 red, 2 green, 4 blue, 6 cyan; -1 keeps the user's own background.
    private static let pairs: [Role: (pair: Int16, fg: Int16)] = [
        .working: (1, 2), .notWorking: (2, 1), .aspiration: (3, 6), .error: (4, 1), .status: (5, 2),
    ]

    func install() {
        guard colour else { return }
        for (_, p) in Self.pairs { shim_init_pair(p.pair, p.fg, -1) }
    }

    func style(_ role: Role) -> Style {
        let bold = Int32(SHIM_BOLD), reverse = Int32(SHIM_REVERSE)
        let underline = Int32(SHIM_UNDERLINE), dim = Int32(SHIM_DIM)
        let attributes: Int32 = switch role {
        case .title, .focus: bold | reverse
        case .heading, .working, .notWorking, .aspiration, .error: bold
        case .chosen: bold | underline
        case .dim, .keyHint: dim
        case .normal, .prompt, .status: 0
        }
        return Style(attributes: attributes, pair: colour ? (Self.pairs[role]?.pair ?? 0) : 0)
    }
}
