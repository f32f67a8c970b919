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
        // Most text is plain ASCII, where folding is lower-casing: done on the bytes, many times quicker than
        // Foundation's folding, with the same result (tested against it).
        if let ascii = asciiWords(text) { return ascii }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
    }

    /// The words of plain ASCII text, lower case; nil when the text has anything else.
    static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var out: [String] = []
            var start = -1
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 0x80 { return nil }
                let wordy = (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                if wordy {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    out.append(lower(bytes, start, i))
                    start = -1
                }
            }
            if start >= 0 { out.append(lower(bytes, start, bytes.count)) }
            return out
        }
    }

    private static func lower(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(unsafeUninitializedCapacity: to - from) { buffer in
            for i in from..<to {
                let b = bytes[i]
                buffer[i - from] = (0x41...0x5A).contains(b) ? b + 32 : b
            }
            return to - from
        }
    }
}

/// The keyword list made ready once, for suggesting themes for many statements.
/// A keyword matches a whole word, or the start of a word when it has four letters or more;
/// a keyword of several words matches those words in a row. Capitals and accents are ignored.
public struct ThemeSuggester: Sendable {
    struct Keyword: Sendable {
        var theme: Int
        var text: String
        var words: [[UInt8]]
    }
    let themes: [String]
    /// Keywords in pack order.
    let keywords: [Keyword]
    /// Keyword indices by their first word (whole-word matches) and by its first four bytes (word starts).
    let byWord: [[UInt8]: [Int]]
    let byStart: [[UInt8]: [Int]]

    public init(_ pack: KeywordPack) {
        themes = pack.themes.map(\.themeId)
        var keywords: [Keyword] = []
        for (t, list) in pack.themes.enumerated() {
            for word in list.words {
                let words = ContentPacks.words(of: word).map { Array($0.utf8) }
                if !words.isEmpty { keywords.append(Keyword(theme: t, text: word, words: words)) }
            }
        }
        var byWord: [[UInt8]: [Int]] = [:], byStart: [[UInt8]: [Int]] = [:]
        for (i, k) in keywords.enumerated() {
            byWord[k.words[0], default: []].append(i)
            if Self.isPrefixWord(k.words[0]) { byStart[Array(k.words[0].prefix(4)), default: []].append(i) }
        }
        self.keywords = keywords
        self.byWord = byWord
        self.byStart = byStart
    }

    /// A keyword word of four letters or more also matches the start of a longer word.
    static func isPrefixWord(_ word: [UInt8]) -> Bool { String(decoding: word, as: UTF8.self).count >= 4 }

    static func matches(_ word: [UInt8], _ key: [UInt8]) -> Bool {
        word == key || (isPrefixWord(key) && word.starts(with: key))
    }

    public func suggest(for text: String) -> ThemeSuggestion? {
        let words = ContentPacks.words(of: text).map { Array($0.utf8) }
        guard !words.isEmpty else { return nil }
        var hit = Set<Int>()
        for (start, word) in words.enumerated() {
            let candidates = (byWord[word] ?? []) + (word.count >= 4 ? byStart[Array(word.prefix(4))] ?? [] : [])
            for i in candidates where !hit.contains(i) {
                let key = keywords[i].words
                guard start + key.count <= words.count else { continue }
                if key.indices.allSatisfy({ Self.matches(words[start + $0], key[$0]) }) { hit.insert(i) }
            }
        }
        guard !hit.isEmpty else { return nil }
        var count = Array(repeating: 0, count: themes.count)
        var first = Array(repeating: Int?.none, count: themes.count)
        for i in hit.sorted() {
            let t = keywords[i].theme
            count[t] += 1
            if first[t] == nil { first[t] = i }
        }
        var best: Int?
        for t in themes.indices where count[t] > 0 && count[t] > (best.map { count[$0] } ?? 0) { best = t }
        guard let best, let i = first[best] else { return nil }
        return ThemeSuggestion(themeId: themes[best], word: keywords[i].text, matches: count[best])
    }
}
