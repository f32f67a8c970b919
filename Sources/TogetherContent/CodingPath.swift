import Foundation

/// Turns a Codable coding path into the JSON path a person can find in the file: `themes[2].prompt`.
public func jsonPath(_ path: [any CodingKey]) -> String {
    var out = ""
    for key in path {
        if let index = key.intValue {
            out += "[\(index)]"
        } else {
            out += out.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
    }
    return out.isEmpty ? "(top level)" : out
}

/// A plain description of why JSON could not be decoded, naming the JSON path.
/// `DecodingError`'s own text is written for programmers; this is written for whoever edits the file.
public func describe(_ error: any Error) -> (path: String, reason: String) {
    guard let error = error as? DecodingError else {
        return ("(top level)", "\(error)")
    }
    switch error {
    case .keyNotFound(let key, let context):
        return (jsonPath(context.codingPath + [key]), "is missing")
    case .typeMismatch(let type, let context):
        return (jsonPath(context.codingPath), "should be \(plainTypeName(type))")
    case .valueNotFound(let type, let context):
        return (jsonPath(context.codingPath), "is empty (null) but should be \(plainTypeName(type))")
    case .dataCorrupted(let context):
        if context.codingPath.isEmpty {
            return ("(top level)", "is not valid JSON (it may be cut short, or have a typo)")
        }
        return (jsonPath(context.codingPath), context.debugDescription.contains("valid JSON")
            ? "has a value of the wrong kind (for example a fraction where a whole number belongs)"
            : context.debugDescription)
    @unknown default:
        return ("(top level)", "\(error)")
    }
}

private func plainTypeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "text"
    case is Int.Type: return "a whole number"
    case is Double.Type: return "a number"
    case is Bool.Type: return "true or false"
    default:
        let name = "\(type)"
        if name.hasPrefix("Array") { return "a list" }
        if name.hasPrefix("Dictionary") { return "an object" }
        return "an object (\(name))"
    }
}

/// Any JSON value: used only to explain an error that `JSONDecoder` reports without a path.
enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }
}

/// Decodes JSON and, on failure, says where and why in plain words.
///
/// `JSONDecoder` reports a fraction where a whole number belongs as "not valid JSON" with no path;
/// in that case the document is read again as plain JSON and the first fraction under one of
/// `wholeNumberKeys` is named.
public func explainDecodingFailure(_ error: any Error, data: Data, wholeNumberKeys: Set<String>) -> (path: String, reason: String) {
    let (path, reason) = describe(error)
    guard path == "(top level)", case DecodingError.dataCorrupted = error else { return (path, reason) }
    // JSON decoders stop at 512 levels of lists and groups inside each other, and say only "not valid JSON".
    if nestingDepth(data) > 512 {
        return (path, "has lists or groups inside each other far more deeply than any file of Together's "
            + "(more than 512 levels): it was not made by Together, or something else changed it")
    }
    guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return (path, reason) }
    func find(_ value: JSONValue, _ here: String) -> String? {
        switch value {
        case .object(let fields):
            for key in fields.keys.sorted() {
                let next = here.isEmpty ? key : "\(here).\(key)"
                if wholeNumberKeys.contains(key), case .number(let n)? = fields[key], n.rounded() != n { return next }
                if let found = find(fields[key]!, next) { return found }
            }
        case .array(let items):
            for (i, item) in items.enumerated() { if let found = find(item, "\(here)[\(i)]") { return found } }
        default: break
        }
        return nil
    }
    if let found = find(value, "") { return (found, "should be a whole number, not a fraction") }
    return (path, "has a value of the wrong kind")
}

/// How deeply lists and groups sit inside each other in JSON text (brackets inside strings do not count).
func nestingDepth(_ data: Data) -> Int {
    var depth = 0, deepest = 0, inString = false, escaped = false
    for b in data {
        if inString {
            if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
            continue
        }
        switch b {
        case 0x22: inString = true
        case 0x5B, 0x7B: depth += 1; deepest = max(deepest, depth)
        case 0x5D, 0x7D: depth -= 1
        default: break
        }
    }
    return deepest
}
