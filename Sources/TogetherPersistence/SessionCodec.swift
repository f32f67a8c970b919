import Foundation
import TogetherContent
import TogetherCore

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

    public static func decode(_ data: Data, path: String) throws(SessionFileError) -> Session {
        if data.isEmpty {
            throw SessionFileError(path: path, jsonPath: "", reason: "is empty (0 bytes)")
        }
        if let offset = firstInvalidUTF8(data) {
            throw SessionFileError(path: path, jsonPath: "", reason:
                "is not UTF-8 text: the byte at offset \(offset) is not part of any letter. It may have been saved in "
                + "another encoding; save it again as UTF-8. Nothing in it was counted or changed.")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
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
        if let (place, why) = SessionRules.problem(session) {
            throw SessionFileError(path: path, jsonPath: place, reason: why + ". The file was left as it is.")
        }
        return session
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

    public static func read(_ url: URL) throws(SessionFileError) -> Session {
        try decode(readData(url), path: url.path)
    }

    /// Reads a file's bytes, refusing folders and anything too big to be a session.
    public static func readData(_ url: URL) throws(SessionFileError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw SessionFileError(path: url.path, jsonPath: "", reason: "does not exist")
        }
        if isFolder.boolValue { throw SessionFileError(path: url.path, jsonPath: "", reason: "is a folder, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > maximumBytes {
            throw SessionFileError(path: url.path, jsonPath: "", reason:
                "is \(size / 1_048_576) MB, too big to be a session file (the most is \(maximumBytes / 1_048_576) MB)")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SessionFileError(path: url.path, jsonPath: "", reason: "cannot be read (check who may read it)")
        }
    }
}
