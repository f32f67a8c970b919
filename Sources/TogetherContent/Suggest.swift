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
///
/// The rule, measured on a labelled set of statements (`Tests/TogetherTests/Fixtures/suggestions.tsv`):
/// - a keyword matches a whole word, or the start of a word when it has four letters or more; in Welsh a word
///   also matches in its radical form, so "fy ngofalwr" finds "gofalwr" and "fwlio" finds "bwli";
/// - a word found by a longer keyword, or found whole, is not counted again by a shorter one or a word start
///   ("key worker" is a worker, not "work"; "worker" is not "work");
/// - each theme scores 2 for each of its `words` found and 1 for each of its `weak` words (common words that only
///   help: "home", "know");
/// - the theme with the highest score is suggested; a tie suggests nothing, so a doubtful statement is left to
///   the group.
public struct ThemeSuggester: Sendable {
    struct Keyword: Sendable {
        var theme: Int
        var text: String
        var words: [[UInt8]]
        var weight: Int
    }
    public let themes: [String]
    /// Keywords in pack order (each theme's words, then its weak words).
    let keywords: [Keyword]
    /// Keyword indices by their first word (whole-word matches) and by its first four bytes (word starts).
    let byWord: [[UInt8]: [Int]]
    let byStart: [[UInt8]: [Int]]
    /// Welsh words are also tried in their radical form (without an initial mutation).
    let welsh: Bool
    /// The same two indexes keyed by a hash of the bytes, for plain ASCII text (see `suggestASCII`).
    let quickWord: ByteIndex
    let quickStart: ByteIndex

    public init(_ pack: KeywordPack) {
        themes = pack.themes.map(\.themeId)
        welsh = pack.language == "cy"
        var keywords: [Keyword] = []
        for (t, list) in pack.themes.enumerated() {
            for (word, weight) in list.words.map({ ($0, 2) }) + list.weak.map({ ($0, 1) }) {
                let words = ContentPacks.words(of: word).map { Array($0.utf8) }
                if !words.isEmpty { keywords.append(Keyword(theme: t, text: word, words: words, weight: weight)) }
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
        quickWord = ByteIndex(byWord)
        quickStart = ByteIndex(byStart)
    }

    /// A keyword word of four letters or more also matches the start of a longer word.
    static func isPrefixWord(_ word: [UInt8]) -> Bool { String(decoding: word, as: UTF8.self).count >= 4 }

    /// A Welsh word and the radical forms it may come from: nasal (fy ngofalwr → gofalwr), soft (ei fwlio →
    /// bwlio) and aspirate (ei chwaer → cwaer is not a word, but tried) mutations, and an h before a vowel.
    static func radicals(_ word: String) -> [String] {
        var out = [word]
        func add(_ from: String, _ to: String) { if word.hasPrefix(from) { out.append(to + word.dropFirst(from.count)) } }
        for (from, to) in [("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("ch", "c"), ("ph", "p"), ("th", "t"), ("dd", "d")] {
            add(from, to)
        }
        let two = ["ng", "ll", "rh", "ch", "ph", "th", "dd", "mh", "nh"]
        if !two.contains(where: { word.hasPrefix($0) }) {
            for (from, to) in [("g", "c"), ("b", "p"), ("d", "t"), ("f", "b"), ("f", "m"), ("l", "ll"), ("r", "rh"), ("m", "b"), ("n", "d")] {
                add(from, to)
            }
        }
        if let first = word.first, "aeiouwy".contains(first) { out.append("g" + word) }
        if word.hasPrefix("h"), let second = word.dropFirst().first, "aeiouwy".contains(second) { out.append(String(word.dropFirst())) }
        return out
    }

    public func suggest(for text: String) -> ThemeSuggestion? {
        if !welsh {
            var text = text
            if let quick = text.withUTF8({ suggestASCII($0) }) { return quick.found ? pick(quick.hits) : nil }
        }
        return suggestGenerally(for: text)
    }

    /// The rule on any text, word by word as Strings (the quick way below is tested against it).
    func suggestGenerally(for text: String) -> ThemeSuggestion? {
        let plain = ContentPacks.words(of: text)
        guard !plain.isEmpty else { return nil }
        let words = plain.map { Array($0.utf8) }
        // Welsh words also in their radical forms; English words only as they are (no extra arrays on this path).
        let radicals: [[[UInt8]]] = welsh ? plain.map { Self.radicals($0).dropFirst().map { Array($0.utf8) } } : []
        func isWord(_ p: Int, _ key: [UInt8]) -> Bool { words[p] == key || (welsh && radicals[p].contains(key)) }
        func startsWord(_ p: Int, _ key: [UInt8]) -> Bool {
            words[p].starts(with: key) || (welsh && radicals[p].contains { $0.starts(with: key) })
        }
        // Every keyword found, where, how long, and whether every word of it was found whole.
        var hits: [(keyword: Int, start: Int, length: Int, exact: Bool)] = []
        var candidates: [Int] = []
        for start in words.indices {
            candidates.removeAll(keepingCapacity: true)
            func look(_ form: [UInt8]) {
                candidates += byWord[form] ?? []
                if form.count >= 4 { candidates += byStart[Array(form.prefix(4))] ?? [] }
            }
            look(words[start])
            if welsh { radicals[start].forEach(look) }
            for (n, i) in candidates.enumerated() where !candidates[..<n].contains(i) {
                let key = keywords[i].words
                guard start + key.count <= words.count else { continue }
                var exact = true, found = true
                for j in key.indices {
                    if isWord(start + j, key[j]) { continue }
                    if Self.isPrefixWord(key[j]), startsWord(start + j, key[j]) { exact = false; continue }
                    found = false
                    break
                }
                if found { hits.append((i, start, key.count, exact)) }
            }
        }
        return pick(hits.map { Hit(keyword: $0.keyword, start: $0.start, length: $0.length, exact: $0.exact) })
    }

    struct Hit { var keyword, start, length: Int; var exact: Bool }

    /// The same rule on plain ASCII text, straight on its bytes: the words are lowered into one buffer and looked
    /// up by a hash of their bytes, with no String or array made per word. Nil when the text is not plain ASCII;
    /// `found` false when no keyword is in it.
    func suggestASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (found: Bool, hits: [Hit])? {
        if bytes.contains(where: { $0 >= 0x80 }) { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { low -> (found: Bool, hits: [Hit])? in
            // Word starts and ends (letters and digits, lower case), as the general way splits them.
            var starts: [Int] = [], ends: [Int] = []
            var start = -1
            for i in 0..<bytes.count {
                var b = bytes[i]
                let upper = b &- 0x41 < 26
                if upper { b += 32 }
                low[i] = b
                let wordy = upper || b &- 0x61 < 26 || b &- 0x30 < 10
                if wordy {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    starts.append(start); ends.append(i); start = -1
                }
            }
            if start >= 0 { starts.append(start); ends.append(bytes.count) }
            if starts.isEmpty { return (false, []) }
            let base = UnsafePointer(low.baseAddress!)
            func same(_ p: Int, _ key: [UInt8], prefix: Bool) -> Bool {
                let n = ends[p] - starts[p]
                guard prefix ? n >= key.count : n == key.count else { return false }
                return key.withUnsafeBufferPointer { memcmp(base + starts[p], $0.baseAddress!, key.count) == 0 }
            }
            var hits: [Hit] = []
            var candidates: [Int] = []
            for p in starts.indices {
                candidates.removeAll(keepingCapacity: true)
                let n = ends[p] - starts[p]
                quickWord.lookUp(base + starts[p], n, into: &candidates)
                if n >= 4 { quickStart.lookUp(base + starts[p], 4, into: &candidates) }
                for (c, i) in candidates.enumerated() where !candidates[..<c].contains(i) {
                    let key = keywords[i].words
                    guard p + key.count <= starts.count else { continue }
                    var exact = true, found = true
                    for j in key.indices {
                        if same(p + j, key[j], prefix: false) { continue }
                        if key[j].count >= 4, same(p + j, key[j], prefix: true) { exact = false; continue }
                        found = false
                        break
                    }
                    if found { hits.append(Hit(keyword: i, start: p, length: key.count, exact: exact)) }
                }
            }
            return (!hits.isEmpty, hits)
        }
    }

    /// Which theme the keywords found point to: the scoring half of the rule.
    func pick(_ hits: [Hit]) -> ThemeSuggestion? {
        guard !hits.isEmpty else { return nil }
        let wordCount = hits.map { $0.start + $0.length }.max()!
        // A word counts only for the longest keywords found on it, and whole before word starts.
        func rank(_ length: Int, _ exact: Bool) -> Int { length * 2 + (exact ? 1 : 0) }
        var best = Array(repeating: -1, count: wordCount)
        for h in hits { for p in h.start..<(h.start + h.length) { best[p] = max(best[p], rank(h.length, h.exact)) } }
        var kept: [Int] = []
        for h in hits where (h.start..<(h.start + h.length)).allSatisfy({ best[$0] <= rank(h.length, h.exact) }) { kept.append(h.keyword) }
        kept.sort()
        var score = Array(repeating: 0, count: themes.count)
        var first = Array(repeating: Int?.none, count: themes.count)
        for (n, i) in kept.enumerated() where n == 0 || kept[n - 1] != i {
            let t = keywords[i].theme
            score[t] += keywords[i].weight
            if first[t] == nil { first[t] = i }
        }
        guard let top = score.max(), top > 0, score.filter({ $0 == top }).count == 1,
              let t = score.firstIndex(of: top), let i = first[t] else { return nil }
        return ThemeSuggestion(themeId: themes[t], word: keywords[i].text, matches: top)
    }
}

/// A small open-addressing table from a hash of some bytes to the keyword indices filed under those bytes.
/// Different bytes may share a hash: every keyword it gives is then checked against the words themselves.
struct ByteIndex: Sendable {
    private var hashes: [UInt64]
    private var lists: [[Int]]
    private let mask: Int

    init(_ index: [[UInt8]: [Int]]) {
        var size = 16
        while size < index.count * 2 { size *= 2 }
        mask = size - 1
        hashes = Array(repeating: 0, count: size)
        lists = Array(repeating: [], count: size)
        for (bytes, list) in index.sorted(by: { $0.value[0] < $1.value[0] }) {
            let h = bytes.withUnsafeBufferPointer { Self.hash($0.baseAddress!, $0.count) }
            var slot = Int(truncatingIfNeeded: h) & mask
            while hashes[slot] != 0, hashes[slot] != h { slot = (slot + 1) & mask }
            hashes[slot] = h
            lists[slot] += list
        }
    }

    /// Never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 29
        return h | 1
    }

    @inline(__always)
    func lookUp(_ p: UnsafePointer<UInt8>, _ n: Int, into out: inout [Int]) {
        let h = Self.hash(p, n)
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == h { out += lists[slot]; return }
            slot = (slot + 1) & mask
        }
    }
}
