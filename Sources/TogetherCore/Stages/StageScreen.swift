import TogetherContent
import TogetherPublishing

/// What a stage draws with: the session, the packs, the rest of the state, the pack's words for the stage, and
/// where each of the stage's rows sits in the list (so a line drawn for a row is the row the keys act on).
struct StageCanvas {
    let session: Session
    let content: ContentPacks
    let state: AppState
    let stage: Stage
    let rowIndex: (RowRef) -> Int?
    /// With a value, a long list may be built only that many rows either side of the focus.
    let near: Int?
}

/// Everything one stage of the workshop is: its rows, how it draws them, what its own keys do, its line on the
/// stage map, and where its notes and linked actions go. Each stage is one type in one file under `Stages/`,
/// registered once in `Stages.all`; nothing else switches on the kind of stage.
///
/// Keys every stage shares (moving, adding, changing, deleting, undo) are handled by `Workshop` using the rows;
/// a stage only says what is its own.
protocol StageScreen: Sendable {
    /// The stage's name in packs and session files.
    static var kind: StageKind { get }
    /// This stage's own keys (their context is this stage). Help, the key line and the README list them.
    static var keys: [KeyBinding] { get }
    /// How many screens the stage has: one per theme, person, tip, kind of statement, top theme… (at least 1).
    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int
    /// The rows that can have the focus, top to bottom. The page is drawn from these.
    static func rows(_ session: Session, _ content: ContentPacks) -> [RowRef]
    /// Draws the stage's lines into the page (title, progress and the typing box are drawn for it).
    static func draw(_ page: inout Page, _ canvas: StageCanvas)
    /// A few words on how far the stage has got, for the stage map.
    static func summary(_ session: Session, _ content: ContentPacks) -> String
    /// The note lists on the current screen, and what an action added here is linked to.
    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place?
    /// The answers a rating row on this stage offers (nil: the stage has no rating).
    static func ratingScale(_ content: ContentPacks) -> [RatingLevel]?
    /// What `a` (add) does here.
    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks)
    /// Enter on a row, when the stage has its own meaning for it; false leaves it to the shared behaviour
    /// (a heading adds, a line with words opens them to change).
    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool
    /// The names of the words this stage says that are not in the shared list (`say(named:)`): every language's
    /// facilitator words must have each one.
    static var words: [String] { get }
    /// Something was chosen from a list the stage offered (`AppState.Overlay.choose`).
    static func chosen(_ id: String, for purpose: String, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks)
    /// What this stage adds to the Easy Read handout, after who took part (most stages add nothing of their own).
    static func easyRead(_ doc: inout Document, _ session: Session, _ content: ContentPacks)
    /// The facilitator has just come to this stage.
    static func entered(_ session: inout Session, _ content: ContentPacks)
    /// An action of this stage's own keys.
    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment)
}

extension StageScreen {
    static var keys: [KeyBinding] { [] }
    static func itemCount(_ session: Session, _ content: ContentPacks) -> Int { 1 }
    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place? { nil }
    static func ratingScale(_ content: ContentPacks) -> [RatingLevel]? { nil }
    static func activate(_ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                         _ content: ContentPacks) -> Bool { false }
    static func handle(_ action: Action, _ row: RowRef?, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks, _ env: Environment) {}
    static func add(_ row: RowRef?, _ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        state.status = .init(content.say(.nothingToAdd))
    }
    static var words: [String] { [] }
    static func entered(_ session: inout Session, _ content: ContentPacks) {}
    static func easyRead(_ doc: inout Document, _ session: Session, _ content: ContentPacks) {}
    static func chosen(_ id: String, for purpose: String, _ session: inout Session, _ state: inout AppState,
                       _ content: ContentPacks) {}

    /// This stage's own words, by name (`<stage>.<name>` in the facilitator words), with `{1}`… filled in.
    static func say(_ content: ContentPacks, _ name: String, _ values: String...) -> String {
        content.facilitatorWords.text(named: "\(kind.rawValue).\(name)", values: values)
    }

    /// A key of this stage.
    static func key(_ keys: [Key], _ action: Action, short: Bool = false, hintKey: String? = nil) -> KeyBinding {
        KeyBinding(keys, action, .stage(kind), short: short, hintKey: hintKey)
    }
}

/// The one list of stages the program can show. A pack chooses which of them a workshop uses, and in what order.
public enum Stages {
    static let all: [any StageScreen.Type] = [
        SetupStage.self, SinceLastTimeStage.self, MakingItRealStage.self, WorkingTogetherStage.self,
        ThemingStage.self, PrioritiesStage.self, UnderstandStage.self, TopTipsStage.self, ActionsStage.self,
        WrapUpStage.self, FinishStage.self,
    ]

    /// The name of every stage the program can show, in the order they are registered.
    public static var kinds: [StageKind] { all.map { $0.kind } }

    private static let byKind: [StageKind: any StageScreen.Type] =
        Dictionary(all.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })

    static func screen(_ kind: StageKind) -> (any StageScreen.Type)? { byKind[kind] }

    /// A pack may only name stages the program can show: the first one it names that it cannot, with where.
    public static func check(_ content: ContentPacks, file: String) throws(PackError) {
        for (i, stage) in content.workshop.stages.enumerated() where byKind[stage.id] == nil {
            throw PackError(file: file, path: "stages[\(i)].id",
                            reason: "is \"\(stage.id)\", a stage this version of Together cannot show; "
                                + "known stages: \(kinds.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The stage the session is on (setup when the file names one this version cannot show).
    static func current(_ session: Session) -> any StageScreen.Type {
        screen(session.position.stage) ?? SetupStage.self
    }

    static func notePlace(_ session: Session, _ content: ContentPacks) -> NoteSlot.Place? {
        current(session).notePlace(session, content)
    }

    /// The screen for the stage the facilitator is on, drawn from its rows.
    /// With `near`, a long list is built only that many rows either side of the focus (what a screen can show).
    static func page(_ session: Session, _ content: ContentPacks, _ state: AppState, near: Int? = nil) -> Page {
        let stages = session.stages(content)
        let index = session.stageIndex(in: content)
        let stage = stages.indices.contains(index) ? stages[index] : stages[0]
        var page = Page(title: stage.label, progress: content.say(.stageProgress, "\(index + 1)", "\(stages.count)"))
        let rows = session.rows(content)
        page.focus = rows.isEmpty ? nil : session.position.focus
        let places = RowPlaces(rows, focus: page.focus, near: near)
        current(session).draw(&page, StageCanvas(session: session, content: content, state: state, stage: stage,
                                                 rowIndex: places.index, near: near))
        if let timer = Timing.label(session.timers[stage.id.rawValue], now: state.now, content) {
            page.progress = page.progress.isEmpty ? timer : "\(page.progress) · \(timer)"
        }
        if let draft = session.draft {
            page.typingLabel = StageParts.typingLabel(draft.target, session, content)
            page.editor = (draft.text, state.cursor)
        }
        return page
    }
}

/// Where each row is in the list. A stage draws its rows in order, so each look-up first tries the place after
/// the last one found; otherwise a table of every row is made, once. (Rows are unique: every id in a session is.)
final class RowPlaces {
    private let rows: [RowRef]
    private var next: Int
    private var places: [RowRef: Int]?

    init(_ rows: [RowRef], focus: Int?, near: Int?) {
        self.rows = rows
        // With a window, drawing starts a screenful above the focus.
        next = near.flatMap { near in focus.map { max(0, $0 - near - 1) } } ?? 0
    }

    func index(_ row: RowRef) -> Int? {
        for i in min(next, rows.count)..<min(rows.count, next + 3) where rows[i] == row {
            next = i + 1
            return i
        }
        if places == nil {
            var table: [RowRef: Int] = [:]
            for (i, row) in rows.enumerated() where table[row] == nil { table[row] = i }
            places = table
        }
        guard let i = places?[row] else { return nil }
        next = i + 1
        return i
    }
}
