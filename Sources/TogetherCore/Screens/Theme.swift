import TogetherContent
/// How the screen looks: the theme, large text, symbols. Chosen by flags and keys; never stored in a session,
/// so one laptop's choice does not follow the file to another screen.
public struct ViewOptions: Equatable, Sendable {
    public var theme: Theme
    /// Colour allowed at all (`NO_COLOR` and `--no-color` turn it off in every theme).
    public var colour: Bool
    /// Symbols beside words (+ ! * for the kinds of statement, ● for dots). Words are always shown.
    public var symbols: Bool
    /// The prompt and the chosen item in big block letters, one item per screen.
    public var large: Bool

    public init(theme: Theme = .standard, colour: Bool = true, symbols: Bool = true, large: Bool = false) {
        self.theme = theme
        self.colour = colour
        self.symbols = symbols
        self.large = large
    }

    /// Whether symbols are drawn: off when switched off, and always off in the low-stimulus theme.
    public var showsSymbols: Bool { symbols && theme != .lowStimulus }

    /// The style of a role under these options (colour dropped when colour is off).
    public func style(_ role: Role) -> CellStyle {
        var style = theme.style(role)
        if !colour { style.foreground = nil; style.background = nil }
        return style
    }
}

/// The colours a terminal has by number (curses numbering); nil keeps the user's own colour.
public enum Colour: Int16, Sendable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How one role is drawn. Each role that carries meaning is bold, reverse or underlined as well as coloured,
/// so it still shows with no colour at all.
public struct CellStyle: Equatable, Sendable {
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public var foreground: Colour?
    public var background: Colour?

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
                foreground: Colour? = nil, background: Colour? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.foreground = foreground
        self.background = background
    }

    /// "bold reverse green", for snapshots and the help screen.
    public var description: String {
        var words: [String] = []
        if bold { words.append("bold") }
        if reverse { words.append("reverse") }
        if underline { words.append("underline") }
        if dim { words.append("dim") }
        if let foreground { words.append("\(foreground)") }
        if let background { words.append("on \(background)") }
        return words.isEmpty ? "plain" : words.joined(separator: " ")
    }
}

public enum Theme: String, Sendable, CaseIterable {
    /// Colour on the user's own background.
    case standard = "default"
    /// White and bright colours on black, bold text, focus in black on yellow.
    case highContrast = "high-contrast"
    /// No colour at all: bold, reverse and underline only.
    case monochrome
    /// Calm: no colour, no symbols, no reverse title bar, nothing that flashes; focus is bold and underlined.
    case lowStimulus = "low-stimulus"

    /// Words for the status line when the look changes (`look.<name>` in `facilitator-words.json`).
    public func label(_ words: FacilitatorWords) -> String { words.text(named: "look." + rawValue) }

    public var next: Theme {
        let all = Theme.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public func style(_ role: Role) -> CellStyle {
        switch self {
        case .standard:
            switch role {
            case .title, .focus: return CellStyle(bold: true, reverse: true)
            case .heading: return CellStyle(bold: true)
            case .working: return CellStyle(bold: true, foreground: .green)
            case .notWorking: return CellStyle(bold: true, foreground: .red)
            case .aspiration: return CellStyle(bold: true, foreground: .cyan)
            case .error: return CellStyle(bold: true, foreground: .red)
            case .status: return CellStyle(foreground: .green)
            case .chosen: return CellStyle(bold: true, underline: true)
            case .dim, .keyHint: return CellStyle(dim: true)
            case .normal, .prompt: return CellStyle()
            }
        case .highContrast:
            switch role {
            case .title: return CellStyle(bold: true, foreground: .black, background: .white)
            case .focus: return CellStyle(bold: true, underline: true, foreground: .black, background: .yellow)
            case .heading: return CellStyle(bold: true, foreground: .white, background: .black)
            case .prompt, .normal, .dim, .keyHint: return CellStyle(foreground: .white, background: .black)
            case .working: return CellStyle(bold: true, foreground: .green, background: .black)
            case .notWorking, .error: return CellStyle(bold: true, underline: true, foreground: .yellow, background: .black)
            case .aspiration: return CellStyle(bold: true, foreground: .cyan, background: .black)
            case .status: return CellStyle(bold: true, foreground: .green, background: .black)
            case .chosen: return CellStyle(bold: true, underline: true, foreground: .white, background: .black)
            }
        case .monochrome:
            switch role {
            case .title, .focus: return CellStyle(bold: true, reverse: true)
            case .heading, .working, .notWorking, .aspiration: return CellStyle(bold: true)
            case .error: return CellStyle(bold: true, underline: true)
            case .chosen: return CellStyle(bold: true, underline: true)
            case .dim, .keyHint: return CellStyle(dim: true)
            case .normal, .prompt, .status: return CellStyle()
            }
        case .lowStimulus:
            switch role {
            case .focus: return CellStyle(bold: true, underline: true)
            case .title, .heading, .error, .chosen, .working, .notWorking, .aspiration: return CellStyle(bold: true)
            case .dim, .keyHint, .normal, .prompt, .status: return CellStyle()
            }
        }
    }
}
