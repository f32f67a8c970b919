import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence

/// Counts across many sessions: statements per Making It Real theme and category, and how each top tip was rated.
/// It holds ids, labels and counts only: never a person, a name or a statement's words.
public struct Tally: Codable, Equatable, Sendable {
    public struct ThemeRow: Codable, Equatable, Sendable {
        public var themeId: String
        public var label: String
        /// Statements by category id.
        public var statements: [String: Int]
        /// Making It Real ratings by scale id.
        public var ratings: [String: Int]
    }

    public struct TipRow: Codable, Equatable, Sendable {
        public var tipId: String
        public var label: String
        public var ratings: [String: Int]
        public var notRated: Int
    }

    public struct Skipped: Codable, Equatable, Sendable {
        public var path: String
        public var reason: String
    }

    public var sessionsRead: Int
    /// Sessions read but left out because they did not match the filters.
    public var sessionsFilteredOut: Int = 0
    public var skipped: [Skipped]
    public var categories: [Choice]
    public var themeScale: [Choice]
    public var tipScale: [Choice]
    /// One row per Making It Real theme, then one (id "none") for statements with no theme.
    public var themes: [ThemeRow]
    public var tips: [TipRow]

    public static let noTheme = "none"
}

/// Which sessions a tally counts: by workshop date (inclusive, `YYYY-MM-DD`), area and group type.
/// An empty list lets everything through.
public struct TallyFilter: Equatable, Sendable {
    public var since: String?
    public var until: String?
    public var areas: [String]
    public var groups: [String]

    public init(since: String? = nil, until: String? = nil, areas: [String] = [], groups: [String] = []) {
        self.since = since
        self.until = until
        self.areas = areas
        self.groups = groups
    }

    /// A plain reason the filter cannot be used, or nil.
    public func problem(_ content: ContentPacks) -> String? {
        for (flag, day) in [("--since", since), ("--until", until)] {
            if let day, !Workshop.isRealDay(day) { return "\(flag) should be a day like 2026-03-14, not \"\(day)\"." }
        }
        if let since, let until, since > until { return "--since \(since) is after --until \(until)." }
        let known = content.workshop.groupTypes
        for group in groups where Self.groupId(group, content) == nil {
            return "--group \"\(group)\" is not a group type. Use one of: " + known.map(\.id).joined(separator: ", ")
        }
        return nil
    }

    static func groupId(_ text: String, _ content: ContentPacks) -> String? {
        content.workshop.groupTypes.first { $0.id.lowercased() == text.lowercased() || $0.label.lowercased() == text.lowercased() }?.id
    }

    public func matches(_ session: Session, _ content: ContentPacks) -> Bool {
        let day = session.setup.date
        if let since, day < since { return false }
        if let until, day > until { return false }
        let fold = { (text: String) in
            text.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        if !areas.isEmpty, !areas.map(fold).contains(fold(session.setup.area)) { return false }
        if !groups.isEmpty, !groups.compactMap({ Self.groupId($0, content) }).contains(session.setup.groupType) {
            return false
        }
        return true
    }
}

public enum Tallier {
    /// Files named by the paths, in a stable order: files as they are, folders searched all the way down for
    /// `.json` files, and patterns (`sessions/2026-*.json`, `leeds/**` is not special) expanded by the shell's rules.
    public static func files(under paths: [String]) -> (files: [URL], missing: [Tally.Skipped]) {
        var files: [URL] = []
        var missing: [Tally.Skipped] = []
        let fm = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
                if path.contains(where: { "*?[".contains($0) }) {
                    let matches = expand(path)
                    if matches.isEmpty { missing.append(.init(path: path, reason: "matches no files")) }
                    let more = Tallier.files(under: matches)
                    files += more.files
                    missing += more.missing
                } else {
                    missing.append(.init(path: path, reason: "does not exist"))
                }
                continue
            }
            guard isFolder.boolValue else {
                files.append(URL(fileURLWithPath: path))
                continue
            }
            let root = URL(fileURLWithPath: path)
            let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                       options: [.skipsHiddenFiles])
            var found: [URL] = []
            while let url = walker?.nextObject() as? URL {
                if url.pathExtension == "json",
                   (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    found.append(url)
                }
            }
            files += found.sorted { $0.path < $1.path }
        }
        return (files, missing)
    }

    /// A pattern expanded as a shell would (`*`, `?`, `[...]`), sorted.
    static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }

    public static func tally(paths: [String], content: ContentPacks, filter: TallyFilter = TallyFilter()) -> Tally {
        let (files, missing) = files(under: paths)
        var sessions: [Session] = []
        var skipped = missing
        var filteredOut = 0
        for url in files {
            do {
                let session = try SessionCodec.read(url)
                if filter.matches(session, content) { sessions.append(session) } else { filteredOut += 1 }
            } catch {
                skipped.append(.init(path: url.path, reason: error.jsonPath.isEmpty ? error.reason
                                     : "\(error.jsonPath) \(error.reason)"))
            }
        }
        var tally = tally(sessions, skipped: skipped, content: content)
        tally.sessionsFilteredOut = filteredOut
        return tally
    }

    public static func tally(_ sessions: [Session], skipped: [Tally.Skipped] = [], content: ContentPacks) -> Tally {
        let categories = content.workingTogether.categories
        var themeRows = content.makingItReal.themes.map {
            Tally.ThemeRow(themeId: $0.id, label: $0.label, statements: [:], ratings: [:])
        }
        themeRows.append(.init(themeId: Tally.noTheme, label: "No theme given", statements: [:], ratings: [:]))
        var tipRows = content.topTips.tips.map { Tally.TipRow(tipId: $0.id, label: $0.label, ratings: [:], notRated: 0) }
        let themeIndex = Dictionary(uniqueKeysWithValues: themeRows.enumerated().map { ($1.themeId, $0) })

        for session in sessions {
            for statement in session.statements {
                let row = statement.themeId.flatMap { themeIndex[$0] } ?? themeIndex[Tally.noTheme]!
                themeRows[row].statements[statement.category, default: 0] += 1
            }
            for review in session.makingItReal {
                guard let row = themeIndex[review.themeId], let rating = review.rating else { continue }
                themeRows[row].ratings[rating, default: 0] += 1
            }
            for i in tipRows.indices {
                if let rating = session.topTips.first(where: { $0.tipId == tipRows[i].tipId })?.rating {
                    tipRows[i].ratings[rating, default: 0] += 1
                } else {
                    tipRows[i].notRated += 1
                }
            }
        }
        return Tally(
            sessionsRead: sessions.count,
            skipped: skipped,
            categories: categories.map { Choice(id: $0.id, label: $0.label) },
            themeScale: content.makingItReal.scale.map { Choice(id: $0.id, label: $0.label) },
            tipScale: content.topTips.scale.map { Choice(id: $0.id, label: $0.label) },
            themes: themeRows,
            tips: tipRows
        )
    }
}
