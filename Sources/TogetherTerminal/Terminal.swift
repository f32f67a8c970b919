import TogetherCore

/// What the main loop needs from a terminal: its size, the next input, and a way to show a frame.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// The next input, or nil when none came within the timeout.
    func read(timeoutMilliseconds: Int) -> InputEvent?
    /// Shows a frame and puts the hardware cursor on the focused item.
    func present(_ frame: Frame)
    /// A signal asking Together to save and stop (SIGINT, SIGTERM, SIGHUP), or 0.
    var pendingExitSignal: Int32 { get }
    /// Gives the terminal back as it was.
    func close()
}

/// A terminal in memory, for tests: inputs are queued, frames are kept.
public final class TestTerminal: Terminal {
    public var size: Size
    public private(set) var frames: [Frame] = []
    public var pending: [InputEvent] = []
    public var pendingExitSignal: Int32 = 0
    public private(set) var closed = false

    public init(size: Size) {
        self.size = size
    }

    public func read(timeoutMilliseconds: Int) -> InputEvent? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    public func present(_ frame: Frame) {
        frames.append(frame)
    }

    public func close() {
        closed = true
    }

    public var lastFrame: Frame? { frames.last }
    /// The screen as text, as a person would read it.
    public var screen: String { lastFrame?.grid.text ?? "" }
}
