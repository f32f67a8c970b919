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

    /// Whether an ASCII byte is a letter or a digit: what words are made of in plain ASCII text.
    @inlinable @inline(__always)
    public static func isWordByte(_ b: UInt8) -> Bool { b &- 0x41 < 26 || b &- 0x61 < 26 || b &- 0x30 < 10 }

    /// An ASCII byte in lower case.
    @inlinable @inline(__always)
    public static func lowered(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b + 32 : b }

    /// The words of plain ASCII text, lower case; nil when the text has anything else.
    static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var out: [String] = []
            var start = -1
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 0x80 { return nil }
                if isWordByte(b) {
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
            for i in from..<to { buffer[i - from] = lowered(bytes[i]) }
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
    /// Every keyword's words in one run of bytes: word `w` is `wordBytes[wordStart[w]..<wordStart[w + 1]]`, and
    /// keyword `k`'s words are `firstWord[k]..<firstWord[k + 1]`.
    let wordBytes: [UInt8]
    let wordStart: [Int]
    let firstWord: [Int]
    /// The most keywords one word of a text can bring to be checked.
    let mostCandidates: Int

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
        var bytes: [UInt8] = [], starts = [0], firsts = [0]
        for k in keywords {
            for w in k.words { bytes += w; starts.append(bytes.count) }
            firsts.append(starts.count - 1)
        }
        wordBytes = bytes
        wordStart = starts
        firstWord = firsts
        mostCandidates = quickWord.longest + quickStart.longest
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
            if let quick = text.withUTF8({ suggestASCII($0) }) { return quick }
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
        return hits.map { Hit(keyword: $0.keyword, start: $0.start, length: $0.length, exact: $0.exact) }
            .withUnsafeBufferPointer { pick($0) }
    }

    struct Hit { var keyword, start, length: Int; var exact: Bool }

    /// The same rule on plain ASCII text, straight on its bytes: the words are lowered into one buffer and looked
    /// up by a hash of their bytes, and everything is counted in buffers on the stack, with no String or array made
    /// per word. Nil when the text is not plain ASCII; a nil suggestion when no theme is suggested.
    func suggestASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ThemeSuggestion?? {
        if bytes.contains(where: { $0 >= 0x80 }) { return nil }
        let n = bytes.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, n)) { low -> ThemeSuggestion?? in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 2) { bounds -> ThemeSuggestion?? in
                // Word starts and ends (letters and digits, lower case), as the general way splits them.
                var words = 0
                var start = -1
                for i in 0...n {
                    let b: UInt8 = i < n ? bytes[i] : 0x20
                    if i < n { low[i] = ContentPacks.lowered(b) }
                    if ContentPacks.isWordByte(b) {
                        if start < 0 { start = i }
                    } else if start >= 0 {
                        bounds[2 * words] = start
                        bounds[2 * words + 1] = i
                        words += 1
                        start = -1
                    }
                }
                if words == 0 { return .some(nil) }
                let text = UnsafePointer(low.baseAddress!)
                return withUnsafeTemporaryAllocation(of: Hit.self, capacity: max(1, words * mostCandidates)) { hits -> ThemeSuggestion?? in
                    var found = 0
                    wordBytes.withUnsafeBufferPointer { keyBytes in
                        /// Whether keyword `k` is at word `p`, and whether every word of it is there whole.
                        func check(_ k: Int, at p: Int) {
                            let (first, count) = (firstWord[k], firstWord[k + 1] - firstWord[k])
                            guard p + count <= words else { return }
                            var exact = true
                            for j in 0..<count {
                                let from = wordStart[first + j], length = wordStart[first + j + 1] - from
                                let at = bounds[2 * (p + j)], size = bounds[2 * (p + j) + 1] - at
                                let same = size >= length && memcmp(text + at, keyBytes.baseAddress! + from, length) == 0
                                if same, size == length { continue }
                                if same, length >= 4 { exact = false; continue }
                                return
                            }
                            hits[found] = Hit(keyword: k, start: p, length: count, exact: exact)
                            found += 1
                        }
                        for p in 0..<words {
                            let at = bounds[2 * p], size = bounds[2 * p + 1] - at
                            let whole = quickWord.find(text + at, size)
                            for e in whole { check(quickWord.entries[e], at: p) }
                            if size >= 4 {
                                for e in quickStart.find(text + at, 4) {
                                    let k = quickStart.entries[e]
                                    if !whole.contains(where: { quickWord.entries[$0] == k }) { check(k, at: p) }
                                }
                            }
                        }
                    }
                    return .some(pick(UnsafeBufferPointer(rebasing: hits[0..<found])))
                }
            }
        }
    }

    /// Which theme the keywords found point to: the scoring half of the rule.
    func pick(_ hits: UnsafeBufferPointer<Hit>) -> ThemeSuggestion? {
        guard !hits.isEmpty else { return nil }
        var wordCount = 0
        for h in hits { wordCount = max(wordCount, h.start + h.length) }
        let themeCount = themes.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: wordCount + hits.count + 2 * themeCount) { space in
            // A word counts only for the longest keywords found on it, and whole before word starts.
            func rank(_ h: Hit) -> Int { h.length * 2 + (h.exact ? 1 : 0) }
            let best = UnsafeMutableBufferPointer(rebasing: space[0..<wordCount])
            best.initialize(repeating: -1)
            for h in hits { for p in h.start..<(h.start + h.length) { best[p] = max(best[p], rank(h)) } }
            var keptCount = 0
            let kept = UnsafeMutableBufferPointer(rebasing: space[wordCount..<(wordCount + hits.count)])
            for h in hits where (h.start..<(h.start + h.length)).allSatisfy({ best[$0] <= rank(h) }) {
                kept[keptCount] = h.keyword
                keptCount += 1
            }
            var sorted = UnsafeMutableBufferPointer(rebasing: kept[0..<keptCount])
            sorted.sort()
            let base = wordCount + hits.count
            let score = UnsafeMutableBufferPointer(rebasing: space[base..<(base + themeCount)])
            let first = UnsafeMutableBufferPointer(rebasing: space[(base + themeCount)..<(base + 2 * themeCount)])
            score.initialize(repeating: 0)
            first.initialize(repeating: -1)
            for (n, i) in sorted.enumerated() where n == 0 || sorted[n - 1] != i {
                let t = keywords[i].theme
                score[t] += keywords[i].weight
                if first[t] < 0 { first[t] = i }
            }
            guard let top = score.max(), top > 0, score.filter({ $0 == top }).count == 1,
                  let t = score.firstIndex(of: top), first[t] >= 0 else { return nil }
            return ThemeSuggestion(themeId: themes[t], word: keywords[first[t]].text, matches: top)
        }
    }
}

/// A small open-addressing table from a hash of some bytes to the keyword indices filed under those bytes.
/// Different bytes may share a hash: every keyword it gives is then checked against the words themselves.
struct ByteIndex: Sendable {
    private var hashes: [UInt64]
    /// Each slot's keywords are `entries[from[slot]..<from[slot] + count[slot]]`.
    private var from: [Int]
    private var count: [Int]
    private(set) var entries: [Int] = []
    private let mask: Int
    /// The most keywords one slot holds.
    private(set) var longest = 0

    init(_ index: [[UInt8]: [Int]]) {
        var size = 16
        while size < index.count * 2 { size *= 2 }
        mask = size - 1
        hashes = Array(repeating: 0, count: size)
        var lists = Array(repeating: [Int](), count: size)
        for (bytes, list) in index.sorted(by: { $0.value[0] < $1.value[0] }) {
            let h = bytes.withUnsafeBufferPointer { Self.hash($0.baseAddress!, $0.count) }
            var slot = Int(truncatingIfNeeded: h) & mask
            while hashes[slot] != 0, hashes[slot] != h { slot = (slot + 1) & mask }
            hashes[slot] = h
            lists[slot] += list
        }
        from = []
        count = []
        for list in lists {
            from.append(entries.count)
            count.append(list.count)
            entries += list
            longest = max(longest, list.count)
        }
    }

    /// Never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h = FNV()
        h.mix(UnsafeBufferPointer(start: p, count: n))
        return (h.value ^ h.value >> 29) | 1
    }

    /// Where in `entries` the keywords filed under these bytes are (empty when none are).
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Range<Int> {
        let h = Self.hash(p, n)
        var slot = Int(truncatingIfNeeded: h) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == h { return from[slot]..<(from[slot] + count[slot]) }
            slot = (slot + 1) & mask
        }
        return 0..<0
    }
}
