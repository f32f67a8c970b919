import Foundation

/// A Making It Real theme suggested for a statement, and the word that suggested it (so the facilitator,
/// and later the reader of a report, can see why).
public struct ThemeSuggestion: Equatable, Sendable {
    public var themeId: String
    public var word: String
    /// How many of the theme's words were found; the theme with most wins, ties go to the pack's order.
    public var matches: Int
}

extension ContentPacks {
    /// Suggests a Making It Real theme from the editable keyword list, or nil when no word matches.
    public func suggestTheme(for text: String) -> ThemeSuggestion? { ThemeSuggester(keywords).suggest(for: text) }

    /// Lower-case words without accents, split on anything that is not a letter or a digit.
    public static func words(of text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
    }

    static func contains(_ words: [String], _ keyword: [String]) -> Bool {
        guard !keyword.isEmpty, words.count >= keyword.count else { return false }
        for start in 0...(words.count - keyword.count) {
            let hit = keyword.indices.allSatisfy { i in
                let word = words[start + i]
                let key = keyword[i]
                return word == key || (key.count >= 4 && word.hasPrefix(key))
            }
            if hit { return true }
        }
        return false
    }
}

/// The keyword list made ready once, for suggesting themes for many statements.
/// A keyword matches a whole word, or the start of a word when it has four letters or more;
/// a keyword of several words matches those words in a row. Capitals and accents are ignored.
public struct ThemeSuggester: Sendable {
    let lists: [(themeId: String, keywords: [(text: String, words: [String])])]

    public init(_ pack: KeywordPack) {
        lists = pack.themes.map { list in
            (list.themeId, list.words.map { ($0, ContentPacks.words(of: $0)) })
        }
    }

    public func suggest(for text: String) -> ThemeSuggestion? {
        let words = ContentPacks.words(of: text)
        guard !words.isEmpty else { return nil }
        var best: ThemeSuggestion?
        for list in lists {
            var first: String?
            var count = 0
            for keyword in list.keywords where ContentPacks.contains(words, keyword.words) {
                count += 1
                if first == nil { first = keyword.text }
            }
            if let first, count > (best?.matches ?? 0) {
                best = ThemeSuggestion(themeId: list.themeId, word: first, matches: count)
            }
        }
        return best
    }
}
