import Foundation

/// The words Together itself says to the people taking part (on the participant display, in large text and in
/// the Easy Read handout), kept in `assets/content/<language>/participant-words.json` so they can be checked
/// against Easy Read practice and translated. `{1}`, `{2}` are filled in with names and numbers.
public struct ParticipantWords: Codable, Equatable, Sendable {
    public var language: String
    /// The language's own name for itself (English, Cymraeg), shown when choosing it.
    public var name: String?
    /// Set when the wording still needs checking (a first translation).
    public var review: String?
    public var words: [String: String]

    public enum Key: String, CaseIterable, Sendable {
        case easyReadTitle, easyReadThanks, easyReadOurWorkshop, easyReadOnePerson, easyReadPeople
        case easyReadYouToldUs, easyReadYouToldUsAndWeWill, easyReadYouToldUsThat, easyReadWeWillTalk, easyReadWeWill
        case easyReadWeWillHeading, easyReadWeWillAlso, easyReadWhatHappensNext, easyReadWeWillTellYou
        case easyReadNoNames, easyReadBy
        case month1, month2, month3, month4, month5, month6, month7, month8, month9, month10, month11, month12
        case displayJustSaid, displayBeingWritten, displayWritingItDown, displayWaiting, displayFollowing, displayKeys
        case largeProgress, largeDoesNotFit
    }

    public init(language: String, review: String? = nil, words: [String: String]) {
        self.language = language
        self.review = review
        self.words = words
    }

    /// The English words the record (for the facilitator, in English) uses: only "by" is needed there.
    public static let english = ParticipantWords(language: "en", words: [Key.easyReadBy.rawValue: "by {1}"])

    /// The words for a key, with `{1}`, `{2}` … filled in.
    public func text(_ key: Key, _ values: String...) -> String {
        var text = words[key.rawValue] ?? key.rawValue
        for (i, value) in values.enumerated() { text = text.replacingOccurrences(of: "{\(i + 1)}", with: value) }
        return text
    }

    /// The keys the file lacks (a pack missing any of them is refused at load).
    public var missing: [Key] { Key.allCases.filter { (words[$0.rawValue] ?? "").isEmpty } }
}
