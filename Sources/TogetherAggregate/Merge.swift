import TogetherContent

/// Group themes ("I" statements) from different sessions that say the same thing, put together.
///
/// The rule, which a reader can check by hand: each wording is reduced to its main words (lower case, no
/// accents, without common words such as "I", "want", "to", "the", and with a plural "s" or "es" taken off).
/// Two wordings go together when they share at least half of all the main words either of them has.
/// A wording joins a group when it goes together with any wording already in it. The result does not
/// depend on the order of the files. Each group is named by its most used wording (ties: the first in
/// alphabetical order) and says which main words its wordings share.
public enum ThemeMerger {
    public struct Group: Equatable, Sendable {
        /// The folded wordings in the group, sorted.
        public var keys: [String]
        /// The wording that names the group.
        public var name: String
        /// Every wording, most used first.
        public var wordings: [String]
        public var sessions: Int
        public var dots: Int
        /// Making It Real theme ids, most linked first.
        public var links: [String]
        /// Main words every wording in the group shares.
        public var shared: [String]
    }

    static let common: Set<String> = [
        "i", "me", "my", "mine", "we", "our", "us", "want", "wants", "would", "like", "need", "needs", "to", "the",
        "a", "an", "and", "or", "of", "in", "on", "at", "for", "with", "be", "is", "are", "am", "have", "has", "can",
        "that", "who", "which", "it", "its", "more", "some", "when", "where", "what", "so", "do", "does", "get",
        "about", "by", "from", "this", "there", "their", "they", "them", "you", "your", "will", "should", "able",
    ]

    /// The main words of a folded wording.
    public static func mainWords(_ folded: String) -> Set<String> {
        Set(folded.split(separator: " ").map(String.init).filter { !common.contains($0) }.map(singular))
    }

    /// A plural taken off: "buses" → "bus", "boxes" → "box", "friends" → "friend"; "class" stays.
    static func singular(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return word }
        for ending in ["ses", "xes", "zes", "ches", "shes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        return String(word.dropLast())
    }

    public static func similar(_ a: Set<String>, _ b: Set<String>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return a == b }
        return a.intersection(b).count * 2 >= a.union(b).count
    }

    public static func merge(_ phrases: [String: TallyTotals.Phrase]) -> [Group] {
        let keys = phrases.keys.sorted()
        let words = keys.map(mainWords)
        var parent = Array(keys.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        // Only wordings sharing a main word can be similar: look at those pairs only.
        var byWord: [String: [Int]] = [:]
        for (i, set) in words.enumerated() { for w in set { byWord[w, default: []].append(i) } }
        for i in keys.indices {
            var candidates = Set<Int>()
            for w in words[i] { for j in byWord[w] ?? [] where j > i { candidates.insert(j) } }
            if words[i].isEmpty { continue }
            for j in candidates where similar(words[i], words[j]) {
                let (a, b) = (root(i), root(j))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var members: [Int: [Int]] = [:]
        for i in keys.indices { members[root(i), default: []].append(i) }
        return members.values.map { indices -> Group in
            var total = TallyTotals.Phrase()
            for i in indices { total.merge(phrases[keys[i]]!) }
            let wordings = TallyTotals.byUse(total.wordings)
            let shared = indices.dropFirst().reduce(words[indices[0]]) { $0.intersection(words[$1]) }
            return Group(keys: indices.map { keys[$0] }, name: wordings.first ?? keys[indices[0]], wordings: wordings,
                         sessions: total.sessionKeys.isEmpty ? total.sessions : total.sessionKeys.count, dots: total.dots,
                         links: TallyTotals.byUse(total.links),
                         shared: shared.sorted())
        }.sorted { ($1.sessions, $1.dots, $0.name) < ($0.sessions, $0.dots, $1.name) }
    }
}
