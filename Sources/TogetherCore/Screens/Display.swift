import Foundation
import TogetherContent
import TogetherPublishing

/// The participant display: what the facilitator is working on, in large text, for a second screen. Read-only:
/// it is drawn from the session file alone, so it shows exactly what has been saved.
public enum Display {
    /// What the display knows besides the session: where it is reading from, and any trouble reading it.
    public struct Source: Equatable, Sendable {
        public var name: String
        public var problem: Problem?
        /// Shown instead of a workshop that another window has open: say so.
        public var openElsewhere: Bool
        public init(name: String, problem: Problem? = nil, openElsewhere: Bool = false) {
            self.name = name
            self.problem = problem
            self.openElsewhere = openElsewhere
        }
    }

    /// Trouble reading the file just now (the last words read stay on the screen).
    public enum Problem: Equatable, Sendable {
        case missing(file: String)
        case unreadable(file: String, reason: String)

        func text(_ content: ContentPacks) -> String {
            switch self {
            case .missing(let file): content.say(.displayFileMissing, file)
            case .unreadable(let file, let reason): content.say(.displayFileUnreadable, file, reason)
            }
        }
    }

    /// `now` is the time on the display's clock: the stage timer it shows runs as the facilitator's does.
    public static func frame(_ session: Session?, _ content: ContentPacks, view: ViewOptions, source: Source,
                             size: Size, now: Date = Date()) -> Frame {
        let normal: ParticipantKey = source.openElsewhere ? .displayReadOnly : .displayFollowing
        let status = source.problem.map { AppState.Status($0.text(content), isProblem: true) }
            ?? AppState.Status(content.say(normal, source.name))
        guard let session else {
            var state = AppState()
            state.view = view
            var page = Page(title: content.say(.displayTitle))
            page.fixed = [.init(text: content.say(.displayWaiting), role: .prompt)]
            page.keyLine = content.say(.displayFollows) + " · " + Keymap.hints(in: .display, content.facilitatorWords)
            state.status = status
            var frame = Render.layout(page, state, content, size: size)
            frame.view = view
            return frame
        }
        var state = AppState(session: session)
        state.now = now
        state.view = view
        state.view.large = true
        state.status = status
        let page = self.page(session, content, state)
        var frame: Frame
        if size.width < Render.minimumSize.width || size.height < Render.minimumSize.height {
            frame = Render.unstyled(state, content, size: size)
        } else if let large = LargeLayout.frame(page, state, content, size: size) {
            frame = large
        } else {
            // Never small in silence: the room is told large text does not fit.
            var normal = page, fallback = state
            normal.fixed += page.notes
            fallback.status = .init(content.say(.largeDoesNotFit) + " " + status.text, isProblem: status.isProblem)
            frame = Render.layout(normal, fallback, content, size: size)
        }
        frame.view = view
        return frame
    }

    /// The facilitator's page, with the words being typed shown big (unless the workshop keeps statements
    /// hidden until they are revealed), the newest statements underneath, and no typing box.
    static func page(_ session: Session, _ content: ContentPacks, _ state: AppState) -> Page {
        var page = Render.page(state, content)
        page.editor = nil
        // Which key does what is for the facilitator: the room sees the words alone.
        page.fixed = page.fixed.map(\.withoutHint)
        page.list = page.list.map(\.withoutHint)
        page.keyLine = content.say(.displayFollows) + " · " + Keymap.hints(in: .display, content.facilitatorWords)
        if let draft = session.draft {
            let hidden = session.setup.revealLater && draft.target.isStatement
            page.largeItem = hidden ? content.say(.displayWritingItDown) : draft.text.isEmpty ? nil : draft.text
            if page.largeItem != nil { page.largeItemLabel = content.say(.displayBeingWritten, page.typingLabel) }
        }
        // The wall: on finding themes and on what matters most, every theme of the group's with its dots.
        if session.position.stage == .priorities || session.position.stage == .theming, !session.groupThemes.isEmpty {
            let themes = session.themesForDots()
            page.wall = themes.enumerated().map { i, theme in
                let dots = theme.totalDots
                return .init(text: "\(i + 1). " + content.say(dots == 1 ? .themeOneDot : .themeDots, theme.statement, "\(dots)"))
            }
            // In normal text too (when large text cannot be drawn at all), with the dots as a bar.
            page.notes.append(.init(text: content.say(.ourThemes), role: .heading))
            for (line, theme) in zip(page.wall, themes) {
                let bar = state.view.showsSymbols ? " " + String(repeating: "●", count: min(theme.totalDots, 20)) : ""
                page.notes.append(.init(text: line.text + bar))
            }
            return page
        }
        // Newest first: by the time written, then by the number in the id (ids count up within a session).
        func number(_ id: String) -> Int { Int(id.drop { !$0.isNumber }) ?? 0 }
        let newest = session.statements.filter { !$0.hidden }
            .sorted { ($0.createdAt, number($0.id)) > ($1.createdAt, number($1.id)) }
            .prefix(3)
        if !newest.isEmpty {
            page.notes.append(.init(text: content.say(.displayJustSaid), role: .heading))
            for statement in newest {
                let category = content.category(statement.category)
                let symbol = category.map { StageParts.symbol($0, state) } ?? ""
                page.notes.append(.init(text: "\(symbol)\(category?.label ?? statement.category): \(statement.text)",
                                        role: StageParts.role(of: statement.category)))
            }
        }
        return page
    }
}

extension EditTarget {
    /// Whether the words being typed are a statement (kept hidden when the workshop reveals them later).
    var isStatement: Bool {
        switch self {
        case .newStatement, .statement: true
        default: false
        }
    }
}
