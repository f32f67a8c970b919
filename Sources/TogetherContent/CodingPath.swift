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
            let detail = underlyingDetail(context)
            return ("(top level)", "is not valid JSON" + (detail.isEmpty ? "" : " (\(detail))"))
        }
        return (jsonPath(context.codingPath), context.debugDescription.contains("valid JSON")
            ? "has a value of the wrong kind (for example a fraction where a whole number belongs)"
            : context.debugDescription)
    @unknown default:
        return ("(top level)", "\(error)")
    }
}

private func underlyingDetail(_ context: DecodingError.Context) -> String {
    guard let underlying = context.underlyingError else { return "" }
    let text = "\(underlying)"
    // Foundation puts "around line N, column M" in its message; keep just that part when present.
    if let range = text.range(of: "line ") {
        let tail = text[range.lowerBound...]
        let end = tail.firstIndex(where: { $0 == "\"" || $0 == ")" || $0 == "." }) ?? tail.endIndex
        return String(tail[..<end]).trimmingCharacters(in: .whitespaces)
    }
    return ""
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

