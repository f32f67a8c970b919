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
    public var skipped: [Skipped]
    public var categories: [Choice]
    public var themeScale: [Choice]
    public var tipScale: [Choice]
    /// One row per Making It Real theme, then one (id "none") for statements with no theme.
    public var themes: [ThemeRow]
    public var tips: [TipRow]

    public static let noTheme = "none"
}

public enum Tallier {
    /// Every `.json` file under the paths (folders are searched all the way down), in a stable order.
    public static func files(under paths: [String]) -> (files: [URL], missing: [Tally.Skipped]) {
        var files: [URL] = []
        var missing: [Tally.Skipped] = []
        let fm = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
                missing.append(.init(path: path, reason: "does not exist"))
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

    public static func tally(paths: [String], content: ContentPacks) -> Tally {
        let (files, missing) = files(under: paths)
        var sessions: [Session] = []
        var skipped = missing
        for url in files {
            do {
                sessions.append(try SessionCodec.read(url))
            } catch {
                skipped.append(.init(path: url.path, reason: error.jsonPath.isEmpty ? error.reason
                                     : "\(error.jsonPath) \(error.reason)"))
            }
        }
        return tally(sessions, skipped: skipped, content: content)
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
