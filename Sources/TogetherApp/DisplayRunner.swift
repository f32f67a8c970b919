import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

/// The participant display's loop: look at the session file a few times a second, read it again when it
/// changed, draw only when the picture changed. It never writes anything.
///
/// The facilitator's Together replaces the file on every save (a new file renamed over the old one), so the
/// display looks the file up by its path each time rather than keeping it open.
public final class DisplayRunner {
    public enum Target: Equatable, Sendable {
        /// One session file.
        case file(URL)
        /// The session in this folder saved most recently (the workshop going on now).
        case newestIn(URL)
    }

    public private(set) var session: Session?
    public private(set) var view: ViewOptions
    private let target: Target
    private let content: ContentPacks
    private let terminal: any Terminal
    private var followed: URL?
    private var stamp: Stamp?
    private var problem: Display.Problem?
    private var lastFrame: Frame?
    private var finished = false
    /// How often the file is looked at, in milliseconds: a save shows within this and one drawing.
    public static let pollMilliseconds = 100

    /// Every language's packs: the session's own language is shown.
    private let languages: [String: ContentPacks]

    /// True when this shows a workshop that another window has open (`together FILE` in a second window).
    let openElsewhere: Bool

    public init(target: Target, content: ContentPacks, terminal: any Terminal, view: ViewOptions,
                languages: [String: ContentPacks] = [:], openElsewhere: Bool = false) {
        self.openElsewhere = openElsewhere
        self.target = target
        self.content = content
        self.languages = languages
        self.terminal = terminal
        self.view = view
    }

    public func run() -> Int32 {
        poll()
        render(force: true)
        while !finished {
            if terminal.pendingExitSignal != 0 { break }
            if let event = terminal.read(timeoutMilliseconds: Self.pollMilliseconds) { handle(event) }
            poll()
            render(force: false)
        }
        terminal.close()
        return 0
    }

    /// A key: q closes; C, S and L change the look. Nothing else does anything: the display is read-only.
    public func handle(_ event: InputEvent) {
        switch event {
        case .resize: render(force: true)
        case .key(let key):
            // The display's keys are in the one key table, under "The participant display".
            switch Keymap.action(for: key, in: .display) {
            case .quit: finished = true
            case .nextTheme: view.theme = view.theme.next
            case .toggleSymbols: view.symbols.toggle()
            case .toggleLarge: view.large.toggle()
            default: break
            }
        default: break
        }
    }

    /// Reads the session again when its file changed (or another file became the newest).
    public func poll() {
        guard let url = currentFile() else {
            problem = nil
            return
        }
        let now = Stamp(url)
        guard url != followed || now != stamp else { return }
        guard let now else {
            problem = .missing(file: url.lastPathComponent)
            stamp = nil
            return
        }
        do {
            session = try SessionCodec.read(url)
            followed = url
            stamp = now
            problem = nil
        } catch {
            // Keep what was shown: the next save will be read.
            problem = .unreadable(file: url.lastPathComponent, reason: error.reason)
            stamp = now
            followed = url
        }
    }

    func currentFile() -> URL? {
        switch target {
        case .file(let url): return url
        case .newestIn(let folder):
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && !$0.hasPrefix("example-") }
                .map { folder.appendingPathComponent($0) }
            return files.compactMap { url in Stamp(url).map { (url, $0) } }
                .max { ($0.1.modified, $0.0.path) < ($1.1.modified, $1.0.path) }?.0
        }
    }

    var sourceName: String {
        switch target {
        case .file(let url): url.lastPathComponent
        case .newestIn(let folder): followed?.lastPathComponent ?? folder.path
        }
    }

    func render(force: Bool) {
        let packs = session.flatMap { languages[$0.setup.language] } ?? content
        let frame = Display.frame(session, packs, view: view,
                                  source: .init(name: sourceName, problem: problem, openElsewhere: openElsewhere),
                                  size: terminal.size)
        if force || frame != lastFrame {
            terminal.present(frame)
            lastFrame = frame
        }
    }

    /// What tells a new save from the last one: the file's identity, size and time to the nanosecond.
    struct Stamp: Equatable {
        var inode: UInt64
        var size: Int64
        var modified: Double
        var nanoseconds: Int

        init?(_ url: URL) {
            var info = stat()
            guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            nanoseconds = Int(info.st_mtim.tv_nsec)
        }
    }
}
