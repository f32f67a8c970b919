import Foundation

/// The cache's own compact form for summaries: numbers as variable-length integers, texts as length and
/// UTF-8 bytes, maps as their keys and values. Many times quicker to read than JSON, which matters because
/// the cache is read whenever any file of a corpus has changed.
enum SummaryCodec {
    static let magic: [UInt8] = Array("TGS2".utf8)

    /// Values written one after another into memory of its own, grown when needed (an array's append checks
    /// and counts on every byte, which was most of the time it took to write a cache).
    struct Writer: ~Copyable {
        private(set) var base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int = 4096) {
            self.capacity = max(16, capacity)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

        mutating func removeAll() { count = 0 }

        @inline(__always)
        private mutating func room(_ n: Int) {
            guard count + n > capacity else { return }
            let bigger = max(capacity * 2, count + n)
            let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
            fresh.initialize(from: base, count: count)
            base.deallocate()
            base = fresh
            capacity = bigger
        }

        mutating func int(_ value: Int) {
            room(10)
            var v = UInt64(bitPattern: Int64(value)) // zigzag, so small negatives stay small
            v = (v << 1) ^ UInt64(bitPattern: Int64(value) >> 63)
            while v >= 0x80 { base[count] = UInt8(v & 0x7F) | 0x80; count += 1; v >>= 7 }
            base[count] = UInt8(v)
            count += 1
        }
        mutating func text(_ s: String) {
            var s = s
            s.withUTF8 { u in
                int(u.count)
                append(u)
            }
        }
        mutating func append(_ more: UnsafeBufferPointer<UInt8>) {
            guard let from = more.baseAddress, !more.isEmpty else { return }
            room(more.count)
            (base + count).initialize(from: from, count: more.count)
            count += more.count
        }
        mutating func texts(_ list: [String]) { int(list.count); for text in list { self.text(text) } }
        // Maps in the order they hold their keys: they are read back into maps, so no order is needed.
        mutating func counts(_ map: [String: Int]) {
            int(map.count)
            for (key, value) in map { text(key); int(value) }
        }
        mutating func pairs(_ map: [String: String]) {
            int(map.count)
            for (key, value) in map { text(key); text(value) }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var i: Int
        struct Short: Error {}
        mutating func int() throws -> Int {
            var v: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard i < bytes.count, shift < 64 else { throw Short() }
                let b = bytes[i]
                i += 1
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
        }
        mutating func text() throws -> String {
            let n = try int()
            guard n >= 0, i + n <= bytes.count, let s = String(validating: bytes[i..<(i + n)], as: UTF8.self) else { throw Short() }
            i += n
            return s
        }
        mutating func count() throws -> Int {
            let n = try int()
            guard n >= 0, n <= bytes.count - i else { throw Short() }
            return n
        }
        mutating func texts() throws -> [String] { try (0..<count()).map { _ in try text() } }
        mutating func counts() throws -> [String: Int] {
            var map: [String: Int] = [:]
            for _ in 0..<(try count()) { let k = try text(); map[k] = try int() }
            return map
        }
        mutating func pairs() throws -> [String: String] {
            var map: [String: String] = [:]
            for _ in 0..<(try count()) { let k = try text(); map[k] = try text() }
            return map
        }
    }

    static func encode(path: String, stamp: FileStamp, summary s: borrowing SessionSummary, into w: inout Writer) {
        w.text(path)
        w.int(Int(stamp.size)); w.int(Int(stamp.seconds)); w.int(Int(stamp.nanoseconds))
        w.int(Int(bitPattern: UInt(stamp.inode)))
        w.text(s.id); w.text(s.updatedAt); w.text(s.date); w.text(s.area); w.text(s.groupType); w.text(s.level)
        w.counts(s.roles)
        // The themes' figures: each theme place with a count, and its block (the layout is the packs', which the
        // cache's fingerprint covers).
        let stride = s.layout.stride
        let places = (0..<s.layout.themes.count).filter { t in s.figures[(t * stride)..<((t + 1) * stride)].contains { $0 != 0 } }
        w.int(places.count)
        for t in places {
            w.int(t)
            for k in (t * stride)..<((t + 1) * stride) { w.int(s.figures[k]) }
        }
        w.pairs(s.themeRatings)
        w.pairs(s.tipRatings)
        w.int(s.tipBarriers.count)
        for (key, texts) in s.tipBarriers { w.text(key); w.texts(texts) }
        w.int(s.groupThemes.count)
        for g in s.groupThemes { w.text(g.statement); w.texts(g.makingItReal); w.int(g.dots) }
        w.int(s.actions.count)
        for a in s.actions {
            w.text(a.intention); w.texts(a.themes)
            w.text(a.what); w.text(a.who); w.text(a.byWhen); w.text(a.answersKind); w.text(a.answers)
        }
        w.int(s.quotes.count)
        for q in s.quotes {
            w.text(q.themeId); w.text(q.category); w.text(q.text); w.int(q.supported ? 1 : 0); w.int(q.suggested ? 1 : 0)
            w.text(q.groupTheme)
        }
        w.counts(s.followUps)
    }

    /// Only the path and stamp at the start of a record, for the index.
    static func pathAndStamp(_ bytes: [UInt8]) throws -> (String, FileStamp) {
        var r = Reader(bytes: bytes, i: 0)
        let path = try r.text()
        let size = try r.int(), seconds = try r.int(), nanoseconds = try r.int(), inode = try r.int()
        return (path, FileStamp(size: Int64(size), seconds: Int64(seconds), nanoseconds: Int64(nanoseconds),
                                inode: UInt64(UInt(bitPattern: inode))))
    }

    static func decode(_ bytes: [UInt8], from start: Int, layout: FigureLayout) throws -> (SummaryCache.Entry, Int) {
        var r = Reader(bytes: bytes, i: start)
        let path = try r.text()
        let size = try r.int(), seconds = try r.int(), nanoseconds = try r.int(), inode = try r.int()
        let stamp = FileStamp(size: Int64(size), seconds: Int64(seconds), nanoseconds: Int64(nanoseconds),
                              inode: UInt64(UInt(bitPattern: inode)))
        let id = try r.text(), updatedAt = try r.text()
        let date = try r.text(), area = try r.text(), groupType = try r.text(), level = try r.text()
        let roles = try r.counts()
        let stride = layout.stride
        var figures = [Int](repeating: 0, count: layout.themes.count * stride)
        for _ in 0..<(try r.count()) {
            let t = try r.int()
            guard t >= 0, t < layout.themes.count else { throw Reader.Short() }
            for k in (t * stride)..<((t + 1) * stride) { figures[k] = try r.int() }
        }
        let themeRatings = try r.pairs(), tipRatings = try r.pairs()
        var tipBarriers: [String: [String]] = [:]
        for _ in 0..<(try r.count()) { let k = try r.text(); tipBarriers[k] = try r.texts() }
        let groupThemes = try (0..<r.count()).map { _ in
            SessionSummary.GroupThemeFigure(statement: try r.text(), makingItReal: try r.texts(), dots: try r.int())
        }
        let actions = try (0..<r.count()).map { _ in
            SessionSummary.ActionFigure(intention: try r.text(), themes: try r.texts(), what: try r.text(), who: try r.text(),
                                        byWhen: try r.text(), answersKind: try r.text(), answers: try r.text())
        }
        let quotes = try (0..<r.count()).map { _ in
            SessionSummary.Quote(themeId: try r.text(), category: try r.text(), text: try r.text(), supported: try r.int() == 1,
                                 suggested: try r.int() == 1, groupTheme: try r.text())
        }
        let followUps = try r.counts()
        let summary = SessionSummary(id: id, updatedAt: updatedAt, date: date, area: area, groupType: groupType, level: level, roles: roles,
                                     layout: layout, figures: figures, themeRatings: themeRatings, tipRatings: tipRatings,
                                     tipBarriers: tipBarriers, groupThemes: groupThemes, actions: actions, quotes: quotes,
                                     followUps: followUps)
        return (SummaryCache.Entry(path: path, stamp: stamp, summary: summary), r.i)
    }

    /// Records one after another, each led by its length, so a record cut short at the end is simply dropped.
    /// `record` is a buffer used again for each (a summary is encoded there, then framed into `out`).
    static func frame(path: String, stamp: FileStamp, summary: borrowing SessionSummary, record: inout Writer, into out: inout Writer) {
        record.removeAll()
        encode(path: path, stamp: stamp, summary: summary, into: &record)
        out.int(record.count)
        out.append(record.bytes)
    }

    /// The same for a list of entries.
    static func frame(_ entries: [SummaryCache.Entry], into out: inout [UInt8]) {
        var record = Writer(), framed = Writer()
        for e in entries { frame(path: e.path, stamp: e.stamp, summary: e.summary, record: &record, into: &framed) }
        out.append(contentsOf: framed.bytes)
    }
}
