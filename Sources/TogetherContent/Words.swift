import Foundation

/// A key into a words file: its raw value is the name used in the JSON.
public protocol WordKey: RawRepresentable<String>, CaseIterable, Sendable, Hashable {}

/// Words Together says, kept in `assets/content/<language>/` so they can be checked against Easy Read practice
/// and translated. `{1}`, `{2}` are filled in with names and numbers.
public struct Words<Key: WordKey>: Codable, Equatable, Sendable {
    public var language: String
    /// The language's own name for itself (English, Cymraeg), shown when choosing it.
    public var name: String?
    /// Set when the wording still needs checking (a first translation).
    public var review: String?
    public var words: [String: String]

    public init(language: String, review: String? = nil, words: [String: String]) {
        self.language = language
        self.review = review
        self.words = words
    }

    /// The words for a key, with `{1}`, `{2}` … filled in.
    public func text(_ key: Key, _ values: String...) -> String { fill(words[key.rawValue] ?? key.rawValue, values) }

    /// The words for a key, with `{1}`, `{2}` … filled in from a list.
    public func text(_ key: Key, values: [String]) -> String { fill(words[key.rawValue] ?? key.rawValue, values) }

    /// Words looked up by a name made at run time (for example the help for each key binding); the name itself
    /// when the file lacks it.
    public func text(named name: String) -> String { words[name] ?? name }

    /// Words looked up by name, with `{1}`, `{2}` … filled in.
    public func text(named name: String, values: [String]) -> String { fill(words[name] ?? name, values) }

    /// One pass over the template: each `{n}` with a value is replaced, once. What a value says is never read as
    /// a place to fill (a statement that reads "{2}" stays as it was typed).
    func fill(_ template: String, _ values: [String]) -> String {
        guard !values.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        let bytes = Array(template.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + values.reduce(0) { $0 + $1.utf8.count })
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{") {
                var j = i + 1, n = 0
                while j < bytes.count, j - i <= 4, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") {
                    n = n * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                    j += 1
                }
                if j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: "}"), n >= 1, n <= values.count {
                    out.append(contentsOf: values[n - 1].utf8)
                    i = j + 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The keys the file lacks (a pack missing any of them is refused at load).
    public var missing: [Key] { Key.allCases.filter { (words[$0.rawValue] ?? "").isEmpty } }
}

/// The words participants read: on the stage screens, the participant display, in large text and in the Easy
/// Read handout (`participant-words.json`). Every one is tested against the Easy Read bar.
public typealias ParticipantWords = Words<ParticipantKey>

/// The words for the person running the workshop: what a key does, what just happened, what to type
/// (`facilitator-words.json`). Shown on the same screen, so held to the same Easy Read bar.
public typealias FacilitatorWords = Words<FacilitatorKey>

public enum ParticipantKey: String, WordKey {
    case easyReadTitle, easyReadThanks, easyReadOurWorkshop, easyReadOnePerson, easyReadPeople
    case easyReadYouToldUs, easyReadYouToldUsAndWeWill, easyReadYouToldUsThat, easyReadWeWillTalk, easyReadWeWill
    case easyReadWhoWillDoIt, easyReadDraft, easyReadWorking, easyReadGoodLooksLike, easyReadContactHeading, easyReadContact
    case easyReadWeWillHeading, easyReadWeWillAlso, easyReadWhatHappensNext, easyReadWeWillTellYou
    case easyReadNoNames, easyReadBy
    case month1, month2, month3, month4, month5, month6, month7, month8, month9, month10, month11, month12
    case displayJustSaid, displayBeingWritten, displayWritingItDown, displayWaiting, displayFollowing, displayReadOnly, displayFollows
    case largeProgress, largeDoesNotFit, wallMore
    // On the stage screens.
    case theGroupsCount, nothingYet, linkOurTheme, linkTopTip, partProgress, everythingSaid, nothingHereYet, inTheme
    case ourThemes, themesWord, themeWithCount, makingItRealLinks, notLinkedYet, dotsGoTo, dotsGoToLeft, themeOneDot
    case themeDots, topThemeProgress, themeWithDots, actionWho, actionByWhen, notSaidYet, actionLinkedTo
    case actionIntention, stageProgress, fromAReview, themeProgress, themeQuestion, tipProgress, tipQuestion
    case headingCount, pressAToAdd, pressPToChange, tieAtCutOff, whyNumber, actionsWord, byWhen, notChosenYet, personProgress, categoryCount
    case hiddenUntilRevealed, peekMark, voiceOwn, voiceSupported, voiceSomeone, voiceOnBehalf, finishPeople, finishThingsSaid
    case finishThemesRated, finishTipsRated, finishThemesAndActions, displayTitle, noTheme, moreAbove, moreBelow, displayFileMissing
    case displayFileUnreadable
}

public enum FacilitatorKey: String, WordKey {
    case noVoice, handoutsWritten, handoutsFailed, savedIn, stoppedAdding, stoppedNotChanged, byWhenQuestion
    case nothingTyped, savedNowWho, savedByWhen, thatIsRank, saved, themeStartWithI, dateLikeThis, notAFullName
    case nothingFound, foundIt, noSuggestion, suggestionIgnored, marked, markFirst, moveToGroupThemeFirst
    case notLinkedNow, linked, putInto, putManyInto, moveToThemeFirst, usedAllDots, noDotsHere, dotsLeft
    case groupCountZero, groupCount, timerPaused, timerStarted, timerMore, timerHidden, timerShown, minSoFar
    case minLeft, minOver, timerPausedLabel, timerLabel, firstAlready, lastAlready, nowNumber, nobodyElse, fullThere
    case movedTo, undone, nothingToUndo, redone, nothingToRedo, themingHowTo, linkWithNumbers, noThemesYet, mapTitle
    case mapPrompt, mapYouAreHere, mapPeople, mapRated, mapThingsSaid, mapThemes, mapDots, mapTopThemes
    case mapActions, mapNotes, mapFinished, mapNotFinished, chooseThemeTitle, chooseThemeOne, chooseThemeMany
    case chooseThemeNew, searchTitle, searchPrompt, searchFound, searchHidden, searchTyping
    case homeHeading, homePrompt, homeStartNew, homeNoTitle, homeCarryOn, homeUnreadable, setupNoneYet
    case setupEnterChanges, setupTitle, setupDate, setupArea, setupLanguage, setupToBeChecked, setupGroup
    case setupLevel, setupNotSaid, setupPlan, setupThingsEach, setupThingsEachValue, setupDotsEach
    case setupDotsEachValue, setupNames, setupAnonymous, setupNamed, setupShow, setupRevealLater, setupShowAsTyped
    case setupPeople, setupMayBeQuoted, nobodyYet, suggestedTheme, finishIsFinished, finishMarkFinished
    case finishWriteHandouts, typingTitle, typingDate, typingArea, typingNewPerson, typingPerson, typingStatementFor
    case typingStatement, typingNewTheme, typingNewThemeFor, typingTheme, typingWhat, typingWho, typingByWhen
    case plainLeftAsItWas, plainNotAKey, plainDoesNothing, plainNothingToChoose, plainNoLine, plainWhichAnswer
    case plainKeysFor, plainKeysHelp, plainDeleteQuestion, plainChanged, plainChosen, plainProblem, plainType
    case plainNow, plainSearch, plainChoose, plainIntroduction, tooSmall, typing, keysFor, helpMore
    case helpAnyKey, keysWord, largeOn, largeOff, look, symbolsOn, symbolsOff, newWorkshop, welcomeBack
    case nothingToChange, nothingToDelete, deleted, nothingDeleted, moveToPersonFirst, personIs, moveToStatementThen
    case themeIs, moveToStatementFirst, whoseWords, mayQuote, mayNotQuote, dotsNowGoTo, nothingHidden, shownNow, peekShown, peekNothing
    case nameInWords, nameUseRole, nameMark, nameKeep
    case plainAnswerOrLine, plainTypeMore, plainNext, suggestKeys, pressW, sortedByDots, readingAloud
    case setupContact, typingContact
    case putAwayDone, broughtBackDone, notMoved, putAwayWhich, homePutAway, homeSavedIn
    case copyOf, choosePrompt, chooseRoleOf, chooseVoice, chooseMirTheme, chooseLink, chooseIntention
    case lastStage, firstStage, now, languageIs, planIs, shownAsTyped, themesMadeInFinding, hasTheMost, wordsKeptAtMost, openElsewhere, madePrivate, leaveWhileFailing, stayedOpen, rescueWritten, rescueFailed, nothingToAdd
    case chooseNumber, chosen, openAgain, finishedAndSaved, deletePerson, deletePersonAnd, deleteNote
    case deleteStatement, deleteTheme, deleteThemeAnd, deleteAction, keysTableKey, keysTableWhat, saveFailed
}

/// The tally's own words (the report's headings, sentences and labels) in one language. The English words are
/// the keys, written in the code as `w("Sessions counted: {1}.", n)`; `tally-words.json` in a language's folder
/// gives each in that language, and a test checks every one the code uses is there. English needs no file.
public typealias TallyWords = Words<TallyKey>

/// A key of the tally's words: the English words themselves, so there is no list of keys to keep.
public struct TallyKey: WordKey {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let allCases: [TallyKey] = []
}

extension Words where Key == TallyKey {
    public static var english: TallyWords { TallyWords(language: "en", words: [:]) }

    /// The words in this language (English when the file lacks them), with `{1}`, `{2}` … filled in.
    public func callAsFunction(_ english: String, _ values: Any...) -> String {
        text(named: english, values: values.map { "\($0)" })
    }
}
