import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence

/// A file the tally could not use, and why, in plain words.
public struct Skipped: Codable, Equatable, Sendable {
    public var path: String
    public var reason: String
}

/// What a run of the tally read: the totals of the sessions it counted, and what it could not use.
public struct TallyRun: Equatable, Sendable {
    public var totals: TallyTotals
    /// Sessions read but left out because they did not match the filters.
    public var filteredOut: Int
    public var skipped: [Skipped]
    /// Files whose summary came from the cache rather than being read again.
    public var fromCache: Int
    /// What a reader of the report should know about the files: duplicates counted once, values not recognised.
    public var notes: [String] = []
    /// Sessions read (counted or left out by the filters).
    public var read: Int { totals.sessions + filteredOut }
}

/// Which sessions a tally counts: by workshop date (inclusive, `YYYY-MM-DD`), area and group type.
/// An empty list lets everything through.
public struct TallyFilter: Equatable, Sendable {
    public var since: String?
    public var until: String?
    public var areas: [String]
    public var groups: [String]
    /// Levels of commissioning, by id or label.
    public var levels: [String]

    public init(since: String? = nil, until: String? = nil, areas: [String] = [], groups: [String] = [],
                levels: [String] = []) {
        self.since = since
        self.until = until
        self.areas = areas
        self.groups = groups
        self.levels = levels
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
        for level in levels where Self.id(level, in: content.workshop.levels) == nil {
            return "--level \"\(level)\" is not a level of commissioning. Use one of: "
                + content.workshop.levels.map(\.id).joined(separator: ", ")
        }
        return nil
    }

    static func groupId(_ text: String, _ content: ContentPacks) -> String? { id(text, in: content.workshop.groupTypes) }

    static func id(_ text: String, in choices: [Choice]) -> String? {
        choices.first { $0.id.lowercased() == text.lowercased() || $0.label.lowercased() == text.lowercased() }?.id
    }

    public func matches(_ s: SessionSummary, _ content: ContentPacks) -> Bool {
        matches(date: s.date, area: s.area, groupType: s.groupType, level: s.level, content)
    }

    func matches(date day: String, area: String, groupType: String, level: String, _ content: ContentPacks) -> Bool {
        // A session with no usable date cannot be said to fall between two days.
        if since != nil || until != nil, !Workshop.isRealDay(day) { return false }
        if let since, day < since { return false }
        if let until, day > until { return false }
        let fold = { (text: String) in
            text.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        if !areas.isEmpty, !areas.map(fold).contains(fold(area)) { return false }
        if !groups.isEmpty, !groups.compactMap({ Self.groupId($0, content) }).contains(groupType) { return false }
        if !levels.isEmpty, !levels.compactMap({ Self.id($0, in: content.workshop.levels) }).contains(level) {
            return false
        }
        return true
    }
}

public enum Tallier {
    /// Files named by the paths, in a stable order: files as they are, folders searched all the way down for
    /// `.json` files, and patterns (`sessions/2026-*.json`, `leeds/**` is not special) expanded by the shell's rules.
    public static func files(under paths: [String]) -> (files: [URL], missing: [Skipped]) {
        var files: [URL] = []
        var missing: [Skipped] = []
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

    /// Reads every file named by the paths (in parallel, on all cores) and adds up the sessions that match
    /// the filter. Each file is read once into a small summary and then forgotten (new summaries go to the
    /// cache in batches), so memory grows with the number of themes and wordings, not of files. With a cache, a file that has not changed since it was last summarised is
    /// not read again.
    public static func run(paths: [String], content: ContentPacks, filter: TallyFilter = TallyFilter(),
                           cache: SummaryCache? = nil) -> TallyRun {
        let (files, missing) = files(under: paths)
        let stamps = files.map(FileStamp.init)
        let runKey = cache.map { _ in SummaryCache.runKey(zip(files.map(\.path), stamps).map { ($0, $1) }, filter) }
        if let cache, let runKey, let memo = cache.memo(runKey) {
            return TallyRun(totals: memo.totals, filteredOut: memo.filteredOut, skipped: memo.skipped,
                            fromCache: files.count)
        }
        cache?.loadSummaries()
        let suggester = ThemeSuggester(content.keywords)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        let parts = Locked([TallyRun]())
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var part = TallyRun(totals: TallyTotals(), filteredOut: 0, skipped: [], fromCache: 0)
            var made: [SummaryCache.Entry] = []
            var index = worker
            while index < files.count {
                let url = files[index]
                index += workers
                let stamp = stamps[index - workers]
                let summary: SessionSummary
                if let stamp, let cached = cache?.summary(for: url.path, stamp: stamp) {
                    summary = cached
                    part.fromCache += 1
                } else {
                    switch summarise(url, content, suggester) {
                    case .success(let s):
                        summary = s
                        if let cache, let stamp {
                            made.append(.init(path: url.path, stamp: stamp, summary: s))
                            if made.count >= 256 { cache.append(made); made.removeAll(keepingCapacity: true) }
                        }
                    case .failure(let error):
                        part.skipped.append(.init(path: url.path, reason: error.jsonPath.isEmpty ? error.reason
                                                  : "\(error.jsonPath) \(error.reason)"))
                        continue
                    }
                }
                if filter.matches(summary, content) { part.totals.add(summary) } else { part.filteredOut += 1 }
            }
            parts.withLock { $0.append(part) }
            cache?.append(made)
        }
        var run = TallyRun(totals: TallyTotals(), filteredOut: 0, skipped: missing, fromCache: 0)
        for part in parts.withLock({ $0 }) {
            run.totals.merge(part.totals)
            run.filteredOut += part.filteredOut
            run.skipped += part.skipped
            run.fromCache += part.fromCache
        }
        run.skipped.sort { ($0.path, $0.reason) < ($1.path, $1.reason) }
        if let cache, let runKey {
            cache.finish()
            cache.remember(SummaryCache.Memo(key: runKey, totals: run.totals, filteredOut: run.filteredOut,
                                             skipped: run.skipped))
        }
        return run
    }

    /// One file's summary: the quick reader first; when it refuses, the careful decoder, which either reads
    /// the file after all or says exactly what is wrong with it.
    public static func summarise(_ url: URL, _ content: ContentPacks,
                                 _ suggester: ThemeSuggester) -> Result<SessionSummary, SessionFileError> {
        do {
            let data = try SessionCodec.readData(url)
            if let lean = LeanReader.read(data) { return .success(SessionSummary.make(lean, content, suggester)) }
            let session = try SessionCodec.decode(data, path: url.path)
            return .success(SessionSummary.make(LeanSession(session), content, suggester))
        } catch {
            return .failure(error)
        }
    }

    /// Totals of sessions already in memory (for tests and the workshop's own summaries).
    public static func totals(_ sessions: [Session], content: ContentPacks) -> TallyTotals {
        let suggester = ThemeSuggester(content.keywords)
        var totals = TallyTotals()
        for s in sessions { totals.add(SessionSummary.make(LeanSession(s), content, suggester)) }
        return totals
    }
}

extension TallyFilter {
    /// The filters in words, for the report.
    public func description(_ content: ContentPacks) -> [String] {
        var out: [String] = []
        if let since { out.append("from \(since)") }
        if let until { out.append("up to \(until)") }
        if !areas.isEmpty { out.append("areas: " + areas.joined(separator: ", ")) }
        if !groups.isEmpty {
            out.append("groups: " + groups.map { Self.groupId($0, content).flatMap { content.groupType($0)?.label } ?? $0 }
                .joined(separator: ", "))
        }
        if !levels.isEmpty {
            out.append("levels: " + levels.map { Self.id($0, in: content.workshop.levels).flatMap { content.level($0)?.label } ?? $0 }
                .joined(separator: ", "))
        }
        return out
    }
}

/// Writes every format of a report into a new or empty folder, with the CSV's field guide and the JSON
/// schema beside them. Files are readable by their owner only; an existing file is never replaced.
public enum ReportWriter {
    public static func write(_ report: Report, to folder: URL, guides: URL?) throws -> [URL] {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var files: [(String, Data)] = TallyFormat.allCases.map { ($0.fileName, Data($0.render(report).utf8)) }
        for guide in ["tally-csv-README.md", "tally-report.schema.json"] {
            if let url = guides?.appendingPathComponent(guide), let data = try? Data(contentsOf: url) {
                files.append((guide, data))
            }
        }
        var written: [URL] = []
        for (name, data) in files {
            let url = folder.appendingPathComponent(name)
            guard !fm.fileExists(atPath: url.path) else {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: url.path])
            }
            guard fm.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            written.append(url)
        }
        return written
    }
}
