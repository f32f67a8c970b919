import Foundation

/// Everything that can change the workshop. Keys become actions through the keymap; only `reduce` applies them.
public enum Action: Equatable, Sendable {
    // Moving around
    case focusUp, focusDown, nextItem, previousItem, nextStage, previousStage
    case showStageMap, startSearch
    // Doing things to the focused row
    case activate, add, edit, delete, rate(Int), chooseRole, tagTheme, chooseVoice, nextCategory
    case toggleConsent
    case finishWorkshop, writeHandouts
    case undo, redo
    case moveRank(Int), moveToNextCategory, moveToNextPerson
    // Themes, suggestions and dots
    case acceptSuggestion, ignoreSuggestion, toggleMark, putIntoTheme, toggleLink(Int)
    case dot(Int), nextVoter, sortByDots
    /// The start screen: put the chosen workshop away (it stays in the archive folder, and can be brought back).
    case putAwayWorkshop
    case reveal
    /// "Capture now, reveal later": the focused hidden statement's words, on this screen only, until the next key.
    case peek
    // The stage timer
    case timerStartPause, timerExtend, timerHide
    // Overlays
    case showHelp, scrollHelp(Int), closeOverlay, confirm(Bool)
    // How the screen looks, and reading aloud
    case toggleLarge, nextTheme, toggleSymbols, readAloud
    /// A numbered choice in a list shown over the screen (the stage map, the theme chooser).
    case choose(Int)
    /// A letter in a list to choose from: the next choice starting with it.
    case jump(Character)
    // Typing
    case insert(String), backspace, deleteForward, cursorLeft, cursorRight, cursorHome, cursorEnd
    /// Typing: delete the word before the cursor (Ctrl-W), or everything before it (Ctrl-U).
    case deleteWord, deleteToStart
    case commitEdit, cancelEdit
    /// Time passing: nothing changes but what the timer shows.
    case tick
    /// What became of an effect the shell carried out (a save, the handouts, speech, a copy at home).
    case reported(EffectOutcome)
    // Leaving (everything is already saved)
    case quit
}

/// What the shell reports back after carrying out an effect, or saving. The core decides what the facilitator is
/// told and what changes; the shell only says what happened.
public enum EffectOutcome: Equatable, Sendable {
    /// The session file was written; `tightened` names files whose permissions were made owner-only.
    case saved(tightened: [String])
    /// The session file could not be written: the message for the facilitator, and the reason in short.
    case saveFailed(message: String, reason: String)
    case handoutsWritten(folder: String, files: [String])
    case handoutsFailed(String)
    case rescueWritten(String)
    case rescueFailed(String)
    /// Nothing on this computer can read aloud.
    case noVoice
    /// Another window has this session open: this one goes back to the start screen.
    case openElsewhere(sessionId: String)
    /// A workshop was put away (into the archive folder) or brought back, or could not be moved.
    case putAway(sessionId: String)
    case broughtBack(sessionId: String)
    case notMoved(String)
}

/// Side effects that `reduce` asks the shell to carry out. Saving is not here: the shell saves whenever
/// the session changed, so no change can forget to ask.
public enum Effect: Equatable, Sendable {
    case quit
    /// Write the handouts (Easy Read and the full record) next to the session file.
    case writeHandouts
    /// Say these words aloud (the shell cancels anything still being said first).
    case speak(String)
    /// Write a copy of the session to the home folder (saves to the sessions folder are failing).
    case rescueCopy
    /// Move a workshop's file into the archive folder, or back out of it (by session id).
    case putAway(String)
    case bringBack(String)
}
