import Foundation
import TogetherContent
import TogetherPublishing

/// A problem with a reviews file, naming the line (counted from 1, the header is line 1).
public struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
    public var description: String { line == 0 ? reason : "line \(line): \(reason)" }
}

/// Statements from person-centred reviews, brought into a session from a CSV file with the columns
/// `person`, `category`, `rank`, `text` and (optional) `theme`. Every row is checked first; when any row has
/// a problem nothing is imported, and every problem is listed with its line.
public enum ReviewImport {
    /// Every problem found in the file, each with its line.
    public struct Problems: Error, Equatable, Sendable {
        public var all: [ImportProblem]
    }

    public struct Summary: Equatable, Sendable {
        public var statements: Int
        public var newPeople: Int
    }

    public static func apply(csv: String, to session: Session, _ content: ContentPacks,
                             now: Date) -> Result<(Session, Summary), Problems> {
        let rows: [(line: Int, fields: [String])]
        switch CSV.parse(csv) {
        case .success(let parsed): rows = parsed
        case .failure(let problem): return .failure(Problems(all: [problem]))
        }
        guard let header = rows.first else {
            return .failure(Problems(all: [ImportProblem(line: 0, reason: "The file is empty. It needs a header line: person,category,rank,text,theme")]))
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: " ") }
        func column(_ options: [String]) -> Int? { names.firstIndex { options.contains($0) } }
        let person = column(["person", "person key", "key"])
        let category = column(["category", "kind"])
        let rank = column(["rank"])
        let text = column(["text", "statement"])
        let theme = column(["theme", "making it real", "making it real theme"])
        let missing = [("person", person), ("category", category), ("rank", rank), ("text", text)]
            .filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            return .failure(Problems(all: [ImportProblem(line: header.line, reason: "The header has no column for "
                + missing.joined(separator: ", ") + ". It should be: person,category,rank,text,theme")]))
        }

        var problems: [ImportProblem] = []
        var result = session
        var summary = Summary(statements: 0, newPeople: 0)
        var taken = Set(session.statements.map { "\($0.personId)|\($0.category)|\($0.rank)" })
        let limit = session.setup.statementsPerPerson
        for row in rows.dropFirst() {
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func field(_ i: Int?) -> String {
                guard let i, row.fields.indices.contains(i) else { return "" }
                // A line break inside a quoted field becomes a space; other control characters are dropped.
                let oneLine = row.fields[i].replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                    .replacingOccurrences(of: "\r", with: " ")
                return PlainText.withoutControls(oneLine).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if row.fields.count != names.count {
                problems.append(.init(line: row.line, reason: "has \(row.fields.count) values; the header has \(names.count)"))
                continue
            }
            let key = field(person)
            let words = field(text)
            var rowProblems: [String] = []
            if key.isEmpty { rowProblems.append("the person key is empty") }
            if Editing.looksLikeFullName(key) {
                rowProblems.append("the person key \"\(key)\" looks like a full name; use the review's key or initials")
            }
            let categoryId = matchCategory(field(category), content)
            if categoryId == nil {
                rowProblems.append("the category \"\(field(category))\" is not one of: "
                    + content.workingTogether.categories.map(\.id).joined(separator: ", "))
            }
            let rankValue = Int(field(rank))
            if rankValue == nil || !(1...limit).contains(rankValue!) {
                rowProblems.append("the rank \"\(field(rank))\" should be a whole number from 1 to \(limit)")
            }
            if words.isEmpty { rowProblems.append("the text is empty") }
            var themeId: String?
            if !field(theme).isEmpty {
                themeId = matchTheme(field(theme), content)
                if themeId == nil {
                    rowProblems.append("the theme \"\(field(theme))\" is not a Making It Real theme id: "
                        + content.makingItReal.themes.map(\.id).joined(separator: ", "))
                }
            }
            if !rowProblems.isEmpty {
                problems.append(.init(line: row.line, reason: rowProblems.joined(separator: "; ")))
                continue
            }
            let personId: String
            if let known = result.people.first(where: { $0.label == key }) {
                personId = known.id
            } else {
                personId = result.makeID("p")
                result.people.append(Person(id: personId, label: key, role: "person", source: .review))
                summary.newPeople += 1
            }
            let slot = "\(personId)|\(categoryId!)|\(rankValue!)"
            if !taken.insert(slot).inserted {
                problems.append(.init(line: row.line, reason: "\(key) already has a statement at rank \(rankValue!) in "
                    + "\(categoryId!) (in this file or in the session)"))
                continue
            }
            result.statements.append(Statement(id: result.makeID("st"), personId: personId, category: categoryId!,
                                               rank: rankValue!, text: words, themeId: themeId, createdAt: now,
                                               source: .review))
            summary.statements += 1
        }
        // Ranks must run 1, 2, 3 with no gap for each person and kind, as in the room.
        if problems.isEmpty {
            for person in result.people {
                for kind in content.workingTogether.categories {
                    let ranks = result.statements(of: person.id, in: kind.id).map(\.rank)
                    if ranks != Array(1...max(1, ranks.count)) && !ranks.isEmpty {
                        problems.append(.init(line: 0, reason: "\(person.label) has ranks \(ranks.map(String.init).joined(separator: ", ")) "
                            + "in \(kind.id); ranks should be 1, 2, 3 with none missing"))
                    }
                }
            }
        }
        if summary.statements == 0 && problems.isEmpty {
            problems.append(.init(line: 0, reason: "The file has a header but no statements."))
        }
        // A change made here is a change like any in the room: the session's time moves on.
        result.updatedAt = now
        return problems.isEmpty ? .success((result, summary)) : .failure(Problems(all: problems))
    }

    static func matchCategory(_ text: String, _ content: ContentPacks) -> String? {
        let t = text.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        let aliases = ["not working": "notWorking", "needs to change": "notWorking", "aspiration": "aspirations",
                       "future": "aspirations", "for the future": "aspirations"]
        if let id = aliases[t], content.category(id) != nil { return id }
        return content.workingTogether.categories.first { $0.id.lowercased() == t || $0.label.lowercased() == t }?.id
    }

    static func matchTheme(_ text: String, _ content: ContentPacks) -> String? {
        let t = text.lowercased()
        return content.makingItReal.themes.first {
            $0.id.lowercased() == t || $0.label.lowercased() == t || $0.heading.lowercased() == t
        }?.id
    }
}

/// Comma-separated values as spreadsheets write them: quoted fields may hold commas, quotes ("") and line breaks;
/// lines end in LF or CRLF; a byte order mark at the start is ignored.
public enum CSV {
    public static func parse(_ text: String) -> Result<[(line: Int, fields: [String])], ImportProblem> {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var rowLine = 1
        var chars = Array(text.unicodeScalars.map(Character.init))
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRow() {
            fields.append(field)
            rows.append((rowLine, fields))
            fields = []
            field = ""
            afterQuote = false
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" {
                    // A line break inside a quoted value is kept as a plain line break.
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
            } else {
                switch c {
                case ",":
                    fields.append(field)
                    field = ""
                    afterQuote = false
                case "\r":
                    break
                case "\n":
                    endRow()
                    line += 1
                    rowLine = line
                case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty && !afterQuote:
                    field = ""
                    quoted = true
                default:
                    if afterQuote && c != " " {
                        return .failure(ImportProblem(line: rowLine, reason: "has text after a closing quote; "
                            + "a quote inside a quoted value is written twice (\"\")"))
                    }
                    if !afterQuote { field.append(c) }
                }
            }
            i += 1
        }
        if quoted {
            return .failure(ImportProblem(line: rowLine, reason: "has a quote that is never closed"))
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return .success(rows)
    }
}
