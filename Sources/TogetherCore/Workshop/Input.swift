import TogetherPublishing
/// A key as the workshop understands it, whatever terminal it came from.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case ctrl(Character)
    case function(Int)

    /// How the key is written in help and in the README.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .ctrl(let c): "Ctrl-\(String(c).uppercased())"
        case .function(let n): "F\(n)"
        }
    }
}

/// Something that happened at the terminal.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize
    /// Text pasted in one go (a terminal's bracketed paste): it goes into the typing box as words, and is
    /// never taken as keys.
    case paste(String)
}
