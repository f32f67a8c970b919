import Foundation
import TogetherContent
import TogetherPersistence

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

    public init?(_ url: URL) { self.init(path: url.path) }

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
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
    public struct Entry: Sendable {
        public var path: String
        public var stamp: FileStamp
        public var summary: SessionSummary
    }

    struct Memo: Codable {
        var key: UInt64
        var totals: TallyTotals
        var filteredOut: Int
        var skipped: [Skipped]
        var duplicates: [Duplicate]
    }

    public let folder: URL
    let fingerprint: String
    /// Where each theme's counts are in a summary (the packs', as the fingerprint is).
    let layout: FigureLayout
    /// Where each file's summary is in the cache file; the summaries stay on disk and are read when needed.
    private var index: [String: (stamp: FileStamp, offset: Int, length: Int)] = [:]
    /// Records in the file, and files with a record (those indexed and those added since).
    private var records = 0
    private var files = 0
    private var reader: FileHandle?
    private var writer: FileHandle?
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
        layout = FigureLayout(content)
    }

    deinit {
        try? reader?.close()
        try? writer?.close()
    }

    var summariesURL: URL { folder.appendingPathComponent("summaries-\(fingerprint).bin") }

    /// Indexes the per-file summaries: each record's path and stamp, and where it is (a record cut short at the
    /// end, say by a run that was stopped, ends the index). Call before reading files in parallel.
    func loadSummaries() {
        guard let handle = try? FileHandle(forReadingFrom: summariesURL),
              Self.read(handle, at: 0, count: SummaryCodec.magic.count) == SummaryCodec.magic else { return }
        reader = handle // only a file that is ours is added to; any other is replaced
        Self.forEachRecord(handle) { path, stamp, _, start, length in
            index[path] = (stamp, start, length) // later records win
            records += 1
        }
    }

    /// Each whole record of a cache file, in order: its path and stamp, where its frame starts, where its
    /// summary starts, and the summary's length. Nothing for a file that is not a cache file.
    static func forEachRecord(_ handle: FileHandle,
                              _ body: (String, FileStamp, _ frame: Int, _ start: Int, _ length: Int) -> Void) {
        guard read(handle, at: 0, count: SummaryCodec.magic.count) == SummaryCodec.magic else { return }
        var offset = SummaryCodec.magic.count
        while let (length, headerSize) = length(handle, at: offset), length > 0 {
            let start = offset + headerSize
            guard let prefix = read(handle, at: start, count: min(length, 4200)),
                  let (path, stamp) = try? SummaryCodec.pathAndStamp(prefix) else { return }
            body(path, stamp, offset, start, length)
            offset = start + length
        }
    }

    static func length(_ handle: FileHandle, at offset: Int) -> (Int, Int)? {
        guard let bytes = read(handle, at: offset, count: 10), !bytes.isEmpty else { return nil }
        var r = SummaryCodec.Reader(bytes: bytes, i: 0)
        guard let n = try? r.int() else { return nil }
        return (n, r.i)
    }

    /// Bytes at a place in the file, read with `pread` so that threads can share the handle.
    static func read(_ handle: FileHandle, at offset: Int, count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { pread(handle.fileDescriptor, $0.baseAddress, count, off_t(offset)) }
        guard got >= 0 else { return nil }
        return Array(buffer.prefix(got))
    }

    func summary(for path: String, stamp: FileStamp) -> SessionSummary? {
        guard let slot = index[path], slot.stamp == stamp, let reader,
              let bytes = Self.read(reader, at: slot.offset, count: slot.length), bytes.count == slot.length,
              let (entry, end) = try? SummaryCodec.decode(bytes, from: 0, layout: layout), end == slot.length else { return nil }
        return entry.summary
    }

    /// Whether a file has a record in the cache file as it was when the run began (the index is not changed
    /// while files are read, so threads can ask).
    func hasRecord(_ path: String) -> Bool { index[path] != nil }

    /// Adds summaries at the end of the cache file (later records win), framed already (`SummaryCodec.frame`):
    /// `records` of them, `newFiles` for files without a record before. Safe from several threads.
    func append(_ framed: UnsafeBufferPointer<UInt8>, records added: Int, newFiles: Int) {
        guard added > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        if writer == nil {
            guard prepareFolder() else { return }
            if !FileManager.default.fileExists(atPath: summariesURL.path) || reader == nil {
                // No usable file yet: start one (a file that was not ours is replaced only by rename).
                guard replace(summariesURL, with: Data(SummaryCodec.magic)) else { return }
            }
            writer = try? FileHandle(forWritingTo: summariesURL)
            _ = try? writer?.seekToEnd()
        }
        try? writer?.write(contentsOf: Data(framed))
        records += added
        files += newFiles // a run reads each file once
    }

    /// After a run: when the file holds more than twice as many records as there are files, it is written
    /// afresh with the newest record of each file, copied across a record at a time.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        try? writer?.close()
        writer = nil
        guard records > 64, records > 2 * (index.count + files) else { return }
        guard let handle = try? FileHandle(forReadingFrom: summariesURL) else { return }
        defer { try? handle.close() }
        var latest: [String: (Int, Int)] = [:]
        Self.forEachRecord(handle) { path, _, frame, start, length in latest[path] = (frame, start + length - frame) }
        let temp = folder.appendingPathComponent(".summaries-\(UUID().uuidString)")
        guard write(Data(SummaryCodec.magic), to: temp), let out = try? FileHandle(forWritingTo: temp) else { return }
        _ = try? out.seekToEnd()
        for (_, (at, size)) in latest.sorted(by: { $0.value.0 < $1.value.0 }) {
            if let bytes = Self.read(handle, at: at, count: size) { try? out.write(contentsOf: Data(bytes)) }
        }
        try? out.close()
        if rename(temp.path, summariesURL.path) != 0 { try? FileManager.default.removeItem(at: temp) }
    }

    /// The key of one run: the files with their stamps, in order, and the filter.
    static func runKey(_ files: [(String, FileStamp?)], _ filter: TallyFilter) -> UInt64 {
        var h = FNV()
        func mix(_ text: String) { h.mix(text.utf8); h.mix([0xFF]) } // 0xFF never occurs in UTF-8: a separator
        for (path, stamp) in files {
            mix(path)
            // The stamp's four numbers as they are in memory (a fixed length: no separator needed), or none.
            if let stamp {
                func number(_ n: UInt64) { withUnsafeBytes(of: n.littleEndian) { h.mix($0) } }
                number(UInt64(bitPattern: stamp.size))
                number(UInt64(bitPattern: stamp.seconds))
                number(UInt64(bitPattern: stamp.nanoseconds))
                number(stamp.inode)
            } else {
                h.mix([0xFE]) // never the start of a path's bytes (0xFE never occurs in UTF-8)
            }
        }
        mix("\(filter.since ?? "")|\(filter.until ?? "")|\(filter.areas)|\(filter.groups)|\(filter.levels)")
        return h.value
    }

    func memo(_ key: UInt64) -> Memo? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("last-run-\(fingerprint).json")),
              let memo = try? JSONDecoder().decode(Memo.self, from: data), memo.key == key else { return nil }
        return memo
    }

    func remember(_ memo: Memo) {
        guard prepareFolder(), let data = try? JSONEncoder().encode(memo) else { return }
        _ = replace(folder.appendingPathComponent("last-run-\(fingerprint).json"), with: data)
    }

    /// A new owner-only file.
    private func write(_ data: Data, to url: URL) -> Bool {
        (try? AtomicFile.write(data, to: url, mustBeNew: true)) != nil
    }

    /// A file replaced whole (the one atomic writer), so a reader never sees half of it.
    private func replace(_ url: URL, with data: Data) -> Bool {
        (try? AtomicFile.write(data, to: url)) != nil
    }

    private func prepareFolder() -> Bool {
        (try? OwnerOnly.makeFolder(folder)) != nil
    }

    /// Changes whenever something that shapes a summary changes: the summary's form, the themes, the
    /// categories, the keyword list, the intentions.
    static func fingerprint(_ content: ContentPacks) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var h = FNV()
        let parts: [Data?] = [
            Data("summary-11".utf8),
            try? encoder.encode((content.stage(.sinceLastTime)?.answers ?? []).map(\.id)),
            try? encoder.encode(content.workshop.roles.map(\.id)),
            try? encoder.encode(content.workshop.levels.map(\.id)),
            try? encoder.encode(content.workshop.groupTypes.map(\.id)),
            try? encoder.encode(content.makingItReal.scale.map(\.id)),
            try? encoder.encode(content.topTips.scale.map(\.id)),
            try? encoder.encode(content.keywords),
            try? encoder.encode(content.makingItReal.themes.map(\.id)),
            try? encoder.encode(content.workingTogether.categories.map(\.id)),
            try? encoder.encode(content.workshop.intentions.map(\.id)),
        ]
        for part in parts { h.mix(part ?? Data()) }
        return String(h.value, radix: 16)
    }
}
