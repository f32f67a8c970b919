import Foundation
import TogetherContent

/// When a file last changed, as far as the cache needs to know: if any of these differ, it is read again.
public struct FileStamp: Codable, Equatable, Hashable, Sendable {
    public var size: Int64
    public var seconds: Int64
    public var nanoseconds: Int64
    public var inode: UInt64

    init(size: Int64, seconds: Int64, nanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.inode = inode
    }

    public init?(_ url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        seconds = Int64(info.st_mtim.tv_sec)
        nanoseconds = Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

/// Summaries of files already read, kept between runs in a folder only its owner can read (they hold the
/// words of people who agreed to be quoted, and group themes). A summary is used again only when its file
/// has the same size, time and inode, and the content packs that shaped it are the same.
///
/// Two layers: one summary per file (so a corpus with a few new files reads only those), and the totals of
/// the last run with the exact list of files and filters (so re-running over an unchanged corpus reads
/// nothing but the files' stamps).
public final class SummaryCache: @unchecked Sendable {
    public struct Entry: Codable, Sendable {
        public var path: String
        public var stamp: FileStamp
        public var summary: SessionSummary
    }

    struct Memo: Codable {
        var key: UInt64
        var totals: TallyTotals
        var filteredOut: Int
        var skipped: [Skipped]
    }

    public let folder: URL
    let fingerprint: String
    /// Loaded by `loadSummaries()` only when the last run's totals cannot be used; read-only afterwards.
    private var entries: [String: Entry] = [:]
    private var lines = 0
    private let lock = NSLock()

    /// Where the cache lives by default: `$XDG_CACHE_HOME/together`, else `~/.cache/together`.
    public static func defaultFolder(_ environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("together")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/together")
    }

    public init(folder: URL, content: ContentPacks) {
        self.folder = folder
        fingerprint = Self.fingerprint(content)
    }

    /// Reads the per-file summaries (lines that cannot be read, say from a run cut short, are left out).
    /// Call before reading files in parallel.
    func loadSummaries() {
        guard let data = try? Data(contentsOf: summariesURL) else { return }
        let all = SummaryCodec.entries(Array(data))
        lines = all.count
        for entry in all { entries[entry.path] = entry } // later records win
    }

    var summariesURL: URL { folder.appendingPathComponent("summaries-\(fingerprint).bin") }

    func summary(for path: String, stamp: FileStamp) -> SessionSummary? {
        guard let entry = entries[path], entry.stamp == stamp else { return nil }
        return entry.summary
    }

    /// The key of one run: the files with their stamps, in order, and the filter.
    static func runKey(_ files: [(String, FileStamp?)], _ filter: TallyFilter) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ text: String) { for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }; h = (h ^ 0xFF) &* 0x100_0000_01B3 }
        for (path, stamp) in files {
            mix(path)
            mix(stamp.map { "\($0.size).\($0.seconds).\($0.nanoseconds).\($0.inode)" } ?? "-")
        }
        mix("\(filter.since ?? "")|\(filter.until ?? "")|\(filter.areas)|\(filter.groups)|\(filter.levels)")
        return h
    }

    func memo(_ key: UInt64) -> Memo? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("last-run-\(fingerprint).json")),
              let memo = try? JSONDecoder().decode(Memo.self, from: data), memo.key == key else { return nil }
        return memo
    }

    func remember(_ memo: Memo) {
        guard prepareFolder(), let data = try? JSONEncoder().encode(memo) else { return }
        let url = folder.appendingPathComponent("last-run-\(fingerprint).json")
        let temp = folder.appendingPathComponent(".last-run-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temp.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temp.path, url.path) != 0 { try? FileManager.default.removeItem(at: temp) }
    }

    /// Adds new summaries. The file only grows (later records win); when it holds more than twice as many
    /// records as files, it is written afresh.
    func remember(_ fresh: [Entry]) {
        guard !fresh.isEmpty, prepareFolder() else { return }
        lock.lock()
        defer { lock.unlock() }
        var merged = entries
        for entry in fresh { merged[entry.path] = entry }
        let rewrite = lines + fresh.count > 2 * merged.count || !FileManager.default.fileExists(atPath: summariesURL.path)
        var out: [UInt8] = rewrite ? SummaryCodec.magic : []
        for entry in rewrite ? merged.values.sorted(by: { $0.path < $1.path }) : fresh {
            out += SummaryCodec.frame(SummaryCodec.encode(entry))
        }
        if rewrite {
            let temp = folder.appendingPathComponent(".summaries-\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: temp.path, contents: Data(out), attributes: [.posixPermissions: 0o600])
            else { return }
            if rename(temp.path, summariesURL.path) != 0 { try? FileManager.default.removeItem(at: temp) }
        } else if let handle = try? FileHandle(forWritingTo: summariesURL) {
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data(out))
        }
    }

    private func prepareFolder() -> Bool {
        (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                  attributes: [.posixPermissions: 0o700])) != nil
    }

    /// Changes whenever something that shapes a summary changes: the summary's form, the themes, the
    /// categories, the keyword list, the intentions.
    static func fingerprint(_ content: ContentPacks) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        let parts: [Data?] = [
            Data("summary-2".utf8),
            try? encoder.encode(content.keywords),
            try? encoder.encode(content.makingItReal.themes.map(\.id)),
            try? encoder.encode(content.workingTogether.categories.map(\.id)),
            try? encoder.encode(content.workshop.intentions.map(\.id)),
        ]
        for part in parts { for byte in part ?? Data() { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 } }
        return String(h, radix: 16)
    }
}
