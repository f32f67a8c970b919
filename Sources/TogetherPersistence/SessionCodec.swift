import Foundation
import TogetherContent
import TogetherCore
import TogetherPublishing

/// Why a session file could not be read: the file, the JSON path and the reason, in plain words.
public struct SessionFileError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var jsonPath: String
    public var reason: String

    public init(path: String, jsonPath: String, reason: String) {
        self.path = path
        self.jsonPath = jsonPath
        self.reason = reason
    }

    public var description: String {
        jsonPath.isEmpty ? "\(path): \(reason)" : "\(path): \(jsonPath) \(reason)"
    }
}

/// The one place that turns sessions into JSON and back.
public enum SessionCodec {
    /// Files bigger than this are not session files (a long workshop is well under 1 MB).
    public static let maximumBytes = 32 * 1024 * 1024

    /// The fields that hold whole numbers, for explaining a fraction found in one.
    static let wholeNumberKeys: Set<String> = ["schemaVersion", "rank", "statementsPerPerson", "item", "focus", "nextNumber"]

    public static func encode(_ session: Session) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain Codable values with string keys cannot fail.
        return (try? encoder.encode(session)) ?? Data()
    }

    /// Any of the session's companions (the typing and undo files) in the session's own JSON form.
    static func encodeAny(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)) ?? Data()
    }

    static func decodeAny<T: Decodable>(_ type: T.Type, _ data: Data) -> T? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(decodeDate)
        return try? decoder.decode(type, from: data)
    }

    public static func decode(_ data: Data, path: String) throws(SessionFileError) -> Session {
        if data.isEmpty {
            throw SessionFileError(path: path, jsonPath: "", reason: "is empty (0 bytes)")
        }
        if let offset = firstInvalidUTF8(data) {
            throw SessionFileError(path: path, jsonPath: "", reason:
                "is not UTF-8 text: the byte at offset \(offset) is not part of any letter. It may have been saved in "
                + "another encoding; save it again as UTF-8. Nothing in it was counted or changed.")
        }
        // The usual file is read straight from its bytes; anything unusual is decoded the careful way below.
        if let session = QuickSession.read(data) { return try checked(session, path: path) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(Self.decodeDate)
        struct Header: Decodable { var schemaVersion: Int? }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            let (where_, why) = explainDecodingFailure(error, data: data, wholeNumberKeys: wholeNumberKeys)
            throw SessionFileError(path: path, jsonPath: where_ == "(top level)" ? "" : where_, reason: why)
        }
        guard let version = header.schemaVersion else {
            throw SessionFileError(path: path, jsonPath: "schemaVersion",
                                   reason: "is missing: this does not look like a Together session file")
        }
        guard version <= Session.currentSchemaVersion else {
            throw SessionFileError(path: path, jsonPath: "schemaVersion", reason:
                "is \(version): the file was made by a newer Together (this one reads up to "
                + "\(Session.currentSchemaVersion)). Use the newer Together; the file was left as it is.")
        }
        guard version >= 1 else {
            throw SessionFileError(path: path, jsonPath: "schemaVersion", reason: "is \(version), which was never used")
        }
        let session: Session
        do {
            session = try decoder.decode(Session.self, from: data)
        } catch {
            let (where_, why) = explainDecodingFailure(error, data: data, wholeNumberKeys: wholeNumberKeys)
            throw SessionFileError(path: path, jsonPath: where_ == "(top level)" ? "" : where_, reason: why)
        }
        return try checked(session, path: path)
    }

    /// A session as read, however it was read: the one default that depends on another field, then the rules.
    static func checked(_ read: Session, path: String) throws(SessionFileError) -> Session {
        var session = read
        // A file without `updatedAt` was last changed when it was made.
        if session.updatedAt == Defaults.NotSaid.value { session.updatedAt = session.createdAt }
        if let (place, why) = SessionRules.problem(session) {
            throw SessionFileError(path: path, jsonPath: place, reason: why + ". The file was left as it is.")
        }
        return session
    }

    /// The careful way only (for tests that compare it with the quick reader).
    static func decodeCarefully(_ data: Data) -> Session? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(Self.decodeDate)
        return try? decoder.decode(Session.self, from: data)
    }

    /// Where the first byte that is not valid UTF-8 is, or nil when all of it is.
    public static func firstInvalidUTF8(_ data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                let need: Int, low: UInt8, high: UInt8
                switch c {
                case 0xC2...0xDF: (need, low, high) = (1, 0x80, 0xBF)
                case 0xE0: (need, low, high) = (2, 0xA0, 0xBF)
                case 0xED: (need, low, high) = (2, 0x80, 0x9F) // no surrogates
                case 0xE1...0xEF: (need, low, high) = (2, 0x80, 0xBF)
                case 0xF0: (need, low, high) = (3, 0x90, 0xBF)
                case 0xF4: (need, low, high) = (3, 0x80, 0x8F)
                case 0xF1...0xF3: (need, low, high) = (3, 0x80, 0xBF)
                default: return i
                }
                guard i + need < b.count, (low...high).contains(b[i + 1]) else { return i }
                for k in 2...max(2, need) where k <= need {
                    guard (0x80...0xBF).contains(b[i + k]) else { return i }
                }
                i += need + 1
            }
            return nil
        }
    }

    /// Dates as the codec writes them (`2026-03-14T10:00:00Z`), read without Foundation's general parser, which
    /// is most of the time it takes to open a workshop; any other ISO 8601 form goes to that parser.
    @Sendable static func decodeDate(_ decoder: any Decoder) throws -> Date {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        if let date = quickDate(text) { return date }
        // Foundation's reading would roll an impossible time ("T50:00:00Z") over into another day: refused first.
        let real = Array(text.utf8).withUnsafeBufferPointer { Gregorian.moment($0) != nil }
        if real, let date = try? Date(text, strategy: .iso8601) { return date }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "should be a real day and time, written like 2026-03-14T10:00:00Z (it is \"\(PlainText.withoutControls(String(text.prefix(40))))\")")
    }

    static func quickDate(_ text: String) -> Date? {
        Array(text.utf8).withUnsafeBufferPointer { u -> Date? in
            guard u.count == 20, u[19] == 0x5A, let (y, mo, d, h, mi, se) = Gregorian.moment(u) else { return nil }
            // Days from the civil date (Howard Hinnant's algorithm), then seconds.
            let yy = mo <= 2 ? y - 1 : y
            let era = (yy >= 0 ? yy : yy - 399) / 400
            let yoe = yy - era * 400
            let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            let days = era * 146097 + doe - 719468
            return Date(timeIntervalSince1970: Double(days * 86400 + h * 3600 + mi * 60 + se))
        }
    }

    public static func read(_ url: URL) throws(SessionFileError) -> Session {
        try decode(readData(url), path: url.path)
    }

    /// Reads a file's bytes, refusing folders and anything too big to be a session.
    public static func readData(_ url: URL) throws(SessionFileError) -> Data {
        var buffer: [UInt8] = []
        let count = try readBytes(path: url.path, into: &buffer)
        return Data(buffer[0..<count])
    }

    /// Reads a file's bytes into the start of `buffer` (made bigger when it is too small, so one buffer serves
    /// many files) and returns how many there are; refuses folders, pipes, devices and anything too big.
    public static func readBytes(path: String, into buffer: inout [UInt8]) throws(SessionFileError) -> Int {
        // One open, then its size and kind from the open file, then its bytes: no name looked up twice, and none
        // of Foundation's dictionaries of attributes (a tally reads thousands of files).
        func refuse(_ reason: String) -> SessionFileError { SessionFileError(path: path, jsonPath: "", reason: reason) }
        // Not blocking: a pipe named like a session file is refused below instead of waiting for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            throw refuse(errno == ENOENT || errno == ENOTDIR ? "does not exist" : "cannot be read (check who may read it)")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw refuse("cannot be read (check who may read it)") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw refuse("is a folder, not a file") }
        if (info.st_mode & S_IFMT) != S_IFREG { throw refuse("is not a plain file (a pipe or a device): give a session file") }
        let size = Int(info.st_size)
        if size > maximumBytes {
            throw refuse("is \(size / 1_048_576) MB, too big to be a session file (the most is \(maximumBytes / 1_048_576) MB)")
        }
        // Read to the end, whatever the size said (a file may grow while it is read; never past the most).
        if buffer.count < size + 1 { buffer = [UInt8](repeating: 0, count: max(size + 1, 2 * buffer.count)) }
        var filled = 0
        while true {
            if filled == buffer.count {
                if buffer.count > maximumBytes { throw refuse("is too big to be a session file (the most is \(maximumBytes / 1_048_576) MB)") }
                buffer += [UInt8](repeating: 0, count: buffer.count)
            }
            let room = buffer.count - filled
            let n = buffer.withUnsafeMutableBytes { readFile(fd, $0.baseAddress! + filled, room) }
            if n < 0 {
                if errno == EINTR { continue }
                throw refuse(errno == EISDIR ? "is a folder, not a file" : "cannot be read (check who may read it)")
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }
}

/// `read(2)`, by a name the codec's own methods do not hide.
private func readFile(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
