import Foundation
import TogetherContent

/// Everything the screen shows, in one value. Only `Workshop.reduce` changes it.
public struct AppState: Equatable, Sendable {
    public enum Screen: Equatable, Sendable { case home, workshop }

    /// Something shown over the screen until it is answered.
    public enum Overlay: Equatable, Sendable {
        case help
        case confirmDelete(RowRef, question: String)
        /// Leaving while saves are failing: write a copy to the home folder and leave, or stay.
        case confirmLeave(question: String)
        /// The map of the workshop's stages, to jump to any of them.
        case stageMap(focus: Int)
        /// Searching what people said: the words looked for and the chosen result.
        case search(query: String, focus: Int)
        /// Choosing the theme that statements go into (the last choice makes a new theme).
        case chooseTheme(statementIds: [String], focus: Int)
        /// Choosing one of a list a stage offers; the stage is told what was chosen.
        case choose(ChoiceList)
    }

    /// A list shown over the screen to choose one thing from, and what the choice is for.
    public struct ChoiceList: Equatable, Sendable {
        public struct Option: Equatable, Sendable {
            public var id: String
            public var label: String
        }
        public var title: String
        public var prompt: String
        public var options: [Option]
        public var focus: Int
        public var purpose: ChoicePurpose
    }

    public struct Status: Equatable, Sendable {
        public var text: String
        public var isProblem: Bool
        public init(_ text: String, isProblem: Bool = false) {
            self.text = text
            self.isProblem = isProblem
        }
    }

    public var screen: Screen
    public var session: Session?
    /// Why the last save failed, while saves are failing (set by the shell; nil once a save works).
    public var saveProblem: String?
    /// Unfinished workshops found at start, offered on the start screen.
    public var resumable: [Session]
    /// The folder workshops are saved in, named on the start screen.
    public var sessionsFolder = ""
    /// Workshops put away from the start screen (in the archive folder), which can be brought back.
    public var putAway: [Session] = []
    /// Ids of the shipped example workshops: they open as a copy, so the example is never rewritten.
    public var examples: Set<String> = []
    /// Workshops in the sessions folder that agreed actions (finished or not), which a later workshop can follow up.
    public var earlier: [Session]
    /// Files in the sessions folder that could not be opened, with the reason, shown on the start screen.
    public var unreadable: [String]
    public var homeFocus: Int
    public var overlay: Overlay?
    /// Where the typing cursor is in the draft, counted in characters.
    public var cursor: Int
    public var status: Status?
    /// How many keys the help list has scrolled past.
    public var helpOffset: Int
    /// Earlier versions of the session, newest last: every change can be undone, not just the last one.
    public var undoStack: [Session]
    /// Versions undone, newest last, until a new change is made.
    public var redoStack: [Session]
    /// The time of the latest action, for the stage timer.
    public var now: Date
    /// Statements marked on the theming screens, to put into a theme together.
    public var marked: Set<String>
    /// A hidden statement whose words this screen shows (not the room's display), until the next key.
    public var peek: String?
    /// How the screen looks: theme, large text, symbols.
    public var view: ViewOptions

    public init(resumable: [Session] = [], unreadable: [String] = [], earlier: [Session] = []) {
        screen = .home
        session = nil
        self.resumable = resumable
        self.earlier = earlier
        self.unreadable = unreadable
        homeFocus = resumable.isEmpty ? 0 : 1 // the newest unfinished workshop, when there is one
        overlay = nil
        cursor = 0
        status = nil
        helpOffset = 0
        undoStack = []
        redoStack = []
        now = Date(timeIntervalSince1970: 0)
        marked = []
        view = ViewOptions()
    }

    /// Opens a workshop straight away (used when a session file is named on the command line).
    public init(session: Session) {
        self.init()
        screen = .workshop
        self.session = session
        cursor = session.draft?.text.count ?? 0
    }

    public var isTyping: Bool { screen == .workshop && session?.draft != nil }


    /// Which keys a key press is looked up in: a list or question over the screen first, then the screen's own.
    public var inputContext: KeyContext {
        switch overlay {
        case .help: .help
        case .stageMap, .chooseTheme, .choose: .list
        case .search: .search
        case .confirmDelete: .confirmDelete
        case .confirmLeave: .confirmLeave
        case nil: keyContext
        }
    }

    /// The keys of the screen (under any list shown over it): what `?` lists.
    public var keyContext: KeyContext {
        if isTyping { return .typing }
        guard screen == .workshop, let session else { return .home }
        return KeyContext(stage: session.position.stage)
    }
}

/// What `reduce` may use from outside: the clock and a source of new session ids. Tests pass fixed ones.
public struct Environment: Sendable {
    public var now: @Sendable () -> Date
    public var newSessionID: @Sendable () -> String

    public init(now: @escaping @Sendable () -> Date, newSessionID: @escaping @Sendable () -> String) {
        self.now = now
        self.newSessionID = newSessionID
    }

    /// Whole seconds, so what is in memory is exactly what the file holds.
    public static let live = Environment(now: { Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)) },
                                         newSessionID: { UUID().uuidString.lowercased() })
}
