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
        do {
            return try decoder.decode(Session.self, from: data)
        } catch {
            let (where_, why) = explainDecodingFailure(error, data: data, wholeNumberKeys: wholeNumberKeys)
            throw SessionFileError(path: path, jsonPath: where_ == "(top level)" ? "" : where_, reason: why)
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
