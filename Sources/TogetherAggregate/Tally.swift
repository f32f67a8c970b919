import Synchronization
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
    /// Files that hold a session already counted from another file.
    public var duplicates: [Duplicate] = []
    /// Every file read, with its session's id (kept only while the run finds duplicates).
    var seen: [Tallier.Seen] = []
    /// Sessions read (counted or left out by the filters).
    public var read: Int { totals.sessions + filteredOut }
}

/// A file left out because it holds the same session (the same id) as a file that was counted.
public struct Duplicate: Codable, Equatable, Sendable {
    public var path: String
    /// The file counted instead: the newest save of that session.
    public var keptPath: String

    public var note: String {
        "\(path) holds the same workshop as \(keptPath): counted once, from \(keptPath) (its newest save)."
    }
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
        let (files, _, missing) = filePaths(under: paths)
        return (files.map { URL(fileURLWithPath: $0, isDirectory: false) }, missing)
    }

    /// A file's path as a URL writes it (from the folder the program runs in, without `.` parts), made once.
    static func filePath(_ path: String) -> String { URL(fileURLWithPath: path, isDirectory: false).path }

    /// The same as paths, with the size, time and inode of each file a folder's walk looked at (nil for a file
    /// named itself, which is looked at when it is read).
    static func filePaths(under paths: [String]) -> (files: [String], stamps: [FileStamp?], missing: [Skipped]) {
        var files: [String] = []
        var stamps: [FileStamp?] = []
        var missing: [Skipped] = []
        let fm = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
                if path.contains(where: { "*?[".contains($0) }) {
                    let matches = expand(path)
                    if matches.isEmpty { missing.append(.init(path: path, reason: "matches no files")) }
                    let more = Tallier.filePaths(under: matches)
                    files += more.files
                    stamps += more.stamps
                    missing += more.missing
                } else {
                    missing.append(.init(path: path, reason: "does not exist"))
                }
                continue
            }
            guard isFolder.boolValue else {
                files.append(filePath(path))
                stamps.append(nil)
                continue
            }
            var found: [Found] = []
            var visited: Set<FolderKey> = []
            walk(path, &found, &missing, &visited)
            found.sort { $0.path < $1.path }
            files += found.map(\.path)
            stamps += found.map(\.stamp)
        }
        // A file named twice (by two patterns, say) is read once. (One folder's walk names each file once.)
        guard paths.count > 1 else { return (files, stamps, missing) }
        var named = Set<String>()
        let once = files.indices.filter { named.insert(files[$0]).inserted }
        return (once.map { files[$0] }, once.map { stamps[$0] }, missing)
    }

    /// A file a walk found, and its stamp then.
    struct Found { var path: String; var stamp: FileStamp? }

    /// A folder's device and inode, to know a folder already searched when a link leads back to it.
    struct FolderKey: Hashable { var device: UInt64; var inode: UInt64 }

    static func folderKey(_ path: String) -> FolderKey? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FolderKey(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Every `.json` file in a folder and the folders in it, following symbolic links once: a link to a file is
    /// read, a link to a folder is searched unless that folder was already searched (a loop, which is named).
    /// Hidden files (such as a save in progress) are not read. The folder's list says what each name is, so a
    /// plain file or folder needs no second look; a session file gets one (from the folder, not its whole path)
    /// for its stamp, and a link or anything the list does not say is looked at through the link.
    static func walk(_ folder: String, _ found: inout [Found], _ problems: inout [Skipped], _ visited: inout Set<FolderKey>) {
        guard let key = folderKey(folder) else {
            problems.append(.init(path: folder, reason: "cannot be searched (check who may read it)"))
            return
        }
        guard visited.insert(key).inserted else {
            problems.append(.init(path: folder, reason: "is a link back to a folder already searched (a loop): searched once"))
            return
        }
        guard let dir = opendir(folder) else {
            problems.append(.init(path: folder, reason: "cannot be searched (check who may read it)"))
            return
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix(".") { entries.append((name, entry.pointee.d_type)) }
        }
        entries.sort { $0.name < $1.name }
        // The folder's path as a URL writes it, made once: a name from the folder's list has no `/` and is not
        // `.` or `..` (those are hidden), so each file's is the folder's and its name.
        let base = filePath(folder)
        func file(_ name: String) -> String { base.hasSuffix("/") ? base + name : base + "/" + name }
        for (name, type) in entries {
            switch Int32(type) {
            case Int32(DT_REG):
                guard name.hasSuffix(".json") else { continue }
                var info = stat()
                guard fstatat(fd, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                found.append(Found(path: file(name), stamp: FileStamp(info)))
            case Int32(DT_DIR):
                walk((folder as NSString).appendingPathComponent(name), &found, &problems, &visited)
            default:
                // A link, or a name the list does not say: one look at what it leads to, a second when that fails.
                let path = (folder as NSString).appendingPathComponent(name)
                var target = stat()
                guard fstatat(fd, name, &target, 0) == 0 else {
                    var link = stat()
                    if fstatat(fd, name, &link, AT_SYMLINK_NOFOLLOW) == 0, (link.st_mode & S_IFMT) == S_IFLNK,
                       name.hasSuffix(".json") || !name.contains(".") {
                        problems.append(.init(path: path, reason: "is a link to something that does not exist"))
                    }
                    continue
                }
                switch target.st_mode & S_IFMT {
                case S_IFDIR: walk(path, &found, &problems, &visited)
                case S_IFREG where name.hasSuffix(".json"): found.append(Found(path: file(name), stamp: FileStamp(target)))
                default: continue
                }
            }
        }
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
    /// `lists`: keep every action and every statement that may be quoted as well, for the files for working with
    /// (they grow with the sessions, so the report alone never keeps them).
    public static func run(paths: [String], content: ContentPacks, filter: TallyFilter = TallyFilter(),
                           cache: SummaryCache? = nil, lists: Bool = false) -> TallyRun {
        let (files, found, missing) = filePaths(under: paths)
        // The walk already looked at each file in a folder: its size, time and inode are used as they were found.
        let stamps = zip(files, found).map { $1 ?? FileStamp(path: $0) }
        let runKey = cache.map { _ in SummaryCache.runKey(zip(files, stamps).map { ($0, $1) }, filter) }
        if !lists, let cache, let runKey, let memo = cache.memo(runKey) {
            var run = TallyRun(totals: memo.totals, filteredOut: memo.filteredOut, skipped: memo.skipped,
                               fromCache: files.count, duplicates: memo.duplicates)
            run.notes = run.duplicates.map(\.note)
            return run
        }
        cache?.loadSummaries()
        var run = add(files, stamps, missing, content, filter, cache, leaveOut: [], lists: lists)
        // A session counts once: when two files hold the same session, the newest save wins (then the first path).
        var byId: [String: [Seen]] = [:]
        for seen in run.seen { byId[seen.id, default: []].append(seen) }
        var duplicates: [Duplicate] = []
        for (_, copies) in byId where copies.count > 1 {
            let sorted = copies.sorted { a, b in
                let (ta, tb) = (Self.time(a.updatedAt), Self.time(b.updatedAt))
                return ta != tb ? ta > tb : a.path < b.path
            }
            duplicates += sorted.dropFirst().map { Duplicate(path: $0.path, keptPath: sorted[0].path) }
        }
        if !duplicates.isEmpty {
            run = add(files, stamps, missing, content, filter, cache, leaveOut: Set(duplicates.map(\.path)), lists: lists)
        }
        run.seen = []
        run.duplicates = duplicates.sorted { $0.path < $1.path }
        run.notes = run.duplicates.map(\.note)
        if let cache, let runKey {
            cache.finish()
            if !lists { cache.remember(SummaryCache.Memo(key: runKey, totals: run.totals, filteredOut: run.filteredOut,
                                             skipped: run.skipped, duplicates: run.duplicates)) }
        }
        return run
    }

    /// A file read, with the session it holds, for finding two files of one session.
    struct Seen: Equatable, Sendable { var path, id, updatedAt: String }

    static func time(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }

    /// Reads the files in parallel and adds up those that match the filter, leaving out the paths given.
    private static func add(_ files: [String], _ stamps: [FileStamp?], _ missing: [Skipped], _ content: ContentPacks,
                            _ filter: TallyFilter, _ cache: SummaryCache?, leaveOut: Set<String>, lists: Bool) -> TallyRun {
        let ids = SessionSummary.Ids(content, ThemeSuggester(content.keywords))
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
        let parts = Locked([TallyRun]())
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var part = TallyRun(totals: TallyTotals(), filteredOut: 0, skipped: [], fromCache: 0)
            part.totals.keepsLists = lists
            // New summaries framed for the cache as they are made, and written a batch at a time.
            var batch = SummaryCodec.Writer(capacity: 1 << 18), record = SummaryCodec.Writer()
            var batched = 0, batchedNew = 0
            var buffer: [UInt8] = [] // each file's bytes, in one buffer used again for the next
            // Files are taken a few at a time from one count shared by the workers, so a worker slowed by
            // anything else on the machine leaves more of them to the others.
            var index = files.count, last = files.count
            while true {
                if index == last {
                    index = next.add(8, ordering: .relaxed).oldValue
                    guard index < files.count else { break }
                    last = min(index + 8, files.count)
                }
                let path = files[index]
                let stamp = stamps[index]
                index += 1
                if !leaveOut.isEmpty, leaveOut.contains(path) { continue }
                let summary: SessionSummary
                if let stamp, let cached = cache?.summary(for: path, stamp: stamp) {
                    summary = cached
                    part.fromCache += 1
                } else {
                    switch summarise(path: path, ids, buffer: &buffer) {
                    case .success(let s):
                        summary = s
                        if let cache, let stamp {
                            SummaryCodec.frame(path: path, stamp: stamp, summary: s, record: &record, into: &batch)
                            batched += 1
                            if !cache.hasRecord(path) { batchedNew += 1 }
                            if batched >= 256 {
                                cache.append(batch.bytes, records: batched, newFiles: batchedNew)
                                batch.removeAll()
                                (batched, batchedNew) = (0, 0)
                            }
                        }
                    case .failure(let error):
                        part.skipped.append(.init(path: path, reason: error.jsonPath.isEmpty ? error.reason
                                                  : "\(error.jsonPath) \(error.reason)"))
                        continue
                    }
                }
                part.seen.append(Seen(path: path, id: summary.id, updatedAt: summary.updatedAt))
                if filter.matches(summary, content) { part.totals.add(summary) } else { part.filteredOut += 1 }
            }
            parts.withLock { $0.append(part) }
            cache?.append(batch.bytes, records: batched, newFiles: batchedNew)
        }
        var run = TallyRun(totals: TallyTotals(), filteredOut: 0, skipped: missing, fromCache: 0)
        for part in parts.withLock({ $0 }) {
            run.totals.merge(part.totals)
            run.filteredOut += part.filteredOut
            run.skipped += part.skipped
            run.fromCache += part.fromCache
            run.seen += part.seen
        }
        run.totals.finish()
        run.skipped.sort { ($0.path, $0.reason) < ($1.path, $1.reason) }
        return run
    }

    /// One file's summary: the quick reader first; when it refuses, the careful decoder, which either reads
    /// the file after all or says exactly what is wrong with it.
    /// `buffer` holds the file's bytes (one buffer serves all of a worker's files).
    static func summarise(path: String, _ ids: SessionSummary.Ids, buffer: inout [UInt8]) -> Result<SessionSummary, SessionFileError> {
        do {
            let count = try SessionCodec.readBytes(path: path, into: &buffer)
            let lean = buffer.withUnsafeBufferPointer { LeanReader.read(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            if let lean { return .success(SessionSummary.make(lean, ids)) }
            let session = try SessionCodec.decode(Data(buffer[0..<count]), path: path)
            return .success(SessionSummary.make(LeanSession(session), ids))
        } catch {
            return .failure(error)
        }
    }

    /// Totals of sessions already in memory (for tests and the workshop's own summaries).
    public static func totals(_ sessions: [Session], content: ContentPacks, lists: Bool = false) -> TallyTotals {
        let ids = SessionSummary.Ids(content, ThemeSuggester(content.keywords))
        var totals = TallyTotals()
        totals.keepsLists = lists
        for s in sessions { totals.add(SessionSummary.make(LeanSession(s), ids)) }
        totals.finish()
        return totals
    }
}

extension TallyFilter {
    /// The filters in words, for the report.
    public func description(_ content: ContentPacks) -> [String] {
        let w = content.tallyWords
        var out: [String] = []
        if let since { out.append(w("from {1}", since)) }
        if let until { out.append(w("up to {1}", until)) }
        if !areas.isEmpty { out.append(w("areas: {1}", areas.joined(separator: ", "))) }
        if !groups.isEmpty {
            out.append(w("groups: {1}", groups.map { Self.groupId($0, content).flatMap { content.groupType($0)?.label } ?? $0 }
                .joined(separator: ", ")))
        }
        if !levels.isEmpty {
            out.append(w("levels: {1}", levels.map { Self.id($0, in: content.workshop.levels).flatMap { content.level($0)?.label } ?? $0 }
                .joined(separator: ", ")))
        }
        return out
    }
}

/// Writes every format of a report into a new or empty folder, with the CSV's field guide and the JSON
/// schema beside them. Files are readable by their owner only; an existing file is never replaced.
public enum ReportWriter {
    /// Every format into a new folder. `workbook` writes the workbook's plan as a file (libxlsxwriter, from the
    /// layer above); made before anything is written, so a failure leaves no half-written folder behind.
    public static func write(_ report: Report, to folder: URL, guides: URL?,
                             workbook: (WorkbookPlan) throws -> Data) throws -> [URL] {
        var files: [(String, Data)] = try TallyFormat.allCases.map {
            ($0.fileName, $0.isText ? Data($0.render(report).utf8) : try workbook(WorkbookPlan.make(report)))
        }
        try OwnerOnly.makeFolder(folder)
        for guide in ["tally-csv-README.md", "tally-report.schema.json"] {
            if let url = guides?.appendingPathComponent(guide), let data = try? Data(contentsOf: url) {
                files.append((guide, data))
            }
        }
        var written: [URL] = []
        for (name, data) in files {
            let url = folder.appendingPathComponent(name)
            try AtomicFile.write(data, to: url, mustBeNew: true)
            written.append(url)
        }
        return written
    }
}
