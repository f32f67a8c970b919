import Foundation
import TogetherContent

/// Names a session file writes as plain strings, typed here so the code cannot misspell them. A name this version
/// does not know is kept as it is (a newer file, another tool): the screens show it as written and the tally
/// counts it as not recognised.

/// Who put a statement into words: the person (`own`), the person with help (`supported`), or someone who knows them
/// (`onBehalf`).
public struct VoiceKind: RawRepresentable, Codable, Hashable, Sendable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let own = VoiceKind(rawValue: "own")
    public static let supported = VoiceKind(rawValue: "supported")
    public static let onBehalf = VoiceKind(rawValue: "onBehalf")
}

/// Where a person or a statement came from: the workshop itself (`room`) or a person-centred review (`review`).
public struct Source: RawRepresentable, Codable, Hashable, Sendable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let room = Source(rawValue: "room")
    public static let review = Source(rawValue: "review")
}

/// What the facilitator decided about a suggested Making It Real theme.
public struct Decision: RawRepresentable, Codable, Hashable, Sendable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let accepted = Decision(rawValue: "accepted")
    public static let ignored = Decision(rawValue: "ignored")
}

/// A list of notes on a screen: its id in the workshop pack's `noteSections` (which gives its words).
public struct NoteSection: RawRepresentable, Codable, Hashable, Sendable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let examples = NoteSection(rawValue: "examples"), notes = NoteSection(rawValue: "notes")
    public static let barriers = NoteSection(rawValue: "barriers"), shouldHappen = NoteSection(rawValue: "shouldHappen")
    public static let causes = NoteSection(rawValue: "causes"), success = NoteSection(rawValue: "success")
    public static let divergent = NoteSection(rawValue: "divergent"), notHeard = NoteSection(rawValue: "notHeard")
    public static let next = NoteSection(rawValue: "next"), tellBack = NoteSection(rawValue: "tellBack"), other = NoteSection(rawValue: "other")
    public static let happened = NoteSection(rawValue: "happened"), feeling = NoteSection(rawValue: "feeling")
}

extension ContentPacks {
    /// The heading of a list of notes, in the workshop's language.
    public func sectionLabel(_ section: NoteSection) -> String { sectionLabel(section.rawValue) }
}

/// People's labels (made-up names or initials) found in words, as whole words, ignoring capitals and accents.
public enum Names {
    /// The first person whose label is in the text.
    public static func found(in text: String, _ people: [Person]) -> Person? {
        let words = Set(split(text))
        return people.first { person in
            let label = split(person.label)
            return !label.isEmpty && (label.count == 1 ? words.contains(label[0]) : fold(text).contains(label.joined(separator: " ")))
        }
    }

    /// The text with every whole-word use of the label replaced (a label of several words, with spaces between).
    public static func replace(_ label: String, in text: String, with replacement: String) -> String {
        let wanted = split(label)
        guard !wanted.isEmpty else { return text }
        // Words and what lies between them, in order.
        var tokens: [(text: String, isWord: Bool)] = []
        var word = ""
        for ch in text {
            if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else {
                if !word.isEmpty { tokens.append((word, true)); word = "" }
                tokens.append((String(ch), false))
            }
        }
        if !word.isEmpty { tokens.append((word, true)) }
        var out = ""
        var i = 0
        while i < tokens.count {
            var j = i, k = 0
            while k < wanted.count, j < tokens.count, tokens[j].isWord, fold(tokens[j].text) == wanted[k] {
                k += 1
                j += 1
                if k < wanted.count {
                    guard j < tokens.count, tokens[j].text == " " else { break }
                    j += 1
                }
            }
            if k == wanted.count {
                out += replacement
                i = j
            } else {
                out += tokens[i].text
                i += 1
            }
        }
        return out
    }

    static func fold(_ text: String) -> String { Search.fold(text) }

    static func split(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
