import TogetherContent
/// Undo and redo for every change to what the group said, as far back as the workshop goes.
/// Moving around and typing into the box are not changes; keeping the words is.
enum History {
    /// How many versions are kept. A long workshop makes a few hundred changes.
    static let limit = 2_000

    /// True when the group's content changed, not just where the facilitator is or what is half-typed.
    static func isChange(from before: Session, to after: Session) -> Bool {
        content(of: before) != content(of: after)
    }

    static func content(of session: Session) -> Session {
        var s = session
        s.position = Position()
        s.draft = nil
        s.updatedAt = s.createdAt
        s.timers = [:]
        // Where things are shown and whose dots are being given are not things the group said: not undone.
        s.voter = nil
        s.dotOrder = nil
        return s
    }

    static func record(_ before: Session, in state: inout AppState) {
        var saved = before
        saved.draft = nil
        state.undoStack.append(saved)
        if state.undoStack.count > limit { state.undoStack.removeFirst(state.undoStack.count - limit) }
        state.redoStack.removeAll()
    }

    /// Goes back one change, and back to the place it was made, so the group sees what came back.
    static func undo(_ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        state.status = .init(step(&session, from: &state.undoStack, to: &state.redoStack)
                             ? content.say(.undone) : content.say(.nothingToUndo))
    }

    static func redo(_ session: inout Session, _ state: inout AppState, _ content: ContentPacks) {
        state.status = .init(step(&session, from: &state.redoStack, to: &state.undoStack)
                             ? content.say(.redone) : content.say(.nothingToRedo))
    }

    /// Takes the newest version from one stack, keeping the current one on the other. False when empty.
    private static func step(_ session: inout Session, from source: inout [Session], to other: inout [Session]) -> Bool {
        guard let version = source.popLast() else { return false }
        var current = session
        current.draft = nil
        other.append(current)
        session = restored(version, over: session)
        return true
    }

    /// A version brought back keeps counting ids upwards, so an id is never given out twice.
    static func restored(_ version: Session, over current: Session) -> Session {
        var s = version
        s.nextNumber = max(version.nextNumber, current.nextNumber)
        s.draft = nil
        // The timers are the facilitator's, not the group's content: undo leaves them running.
        s.timers = current.timers
        return s
    }
}
