/// Everything that can change the workshop. Keys become actions through the keymap; only `reduce` applies them.
public enum Action: Equatable, Sendable {
    // Moving around
    case focusUp, focusDown, nextItem, previousItem, nextStage, previousStage
    // Doing things to the focused row
    case activate, add, edit, delete, rate(Int), cycleRole, cycleTheme, cycleVoice, nextCategory
    case finishWorkshop
    case undo, redo
    case moveRank(Int), moveToNextCategory, moveToNextPerson
    // Overlays
    case showHelp, scrollHelp(Int), closeOverlay, confirm(Bool)
    // Typing
    case insert(String), backspace, deleteForward, cursorLeft, cursorRight, cursorHome, cursorEnd
    case commitEdit, cancelEdit
    // Leaving (everything is already saved)
    case quit
}

/// Side effects that `reduce` asks the shell to carry out. Saving is not here: the shell saves whenever
/// the session changed, so no change can forget to ask.
public enum Effect: Equatable, Sendable {
    case quit
}
