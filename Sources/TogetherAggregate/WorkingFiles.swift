import TogetherContent
import TogetherCore

/// Files for working with, not for publishing: every action for a tracker, and the words people agreed to share
/// for qualitative analysis. They name each workshop's area and day, so they are kept out of `--out` (which is
/// what a council publishes) and say so; like every output, they hold no name and no person's key.
public enum TallyWorkingFile: String, CaseIterable, Sendable {
    case actionsCSV = "actions-csv"
    case refiQDA = "refi-qda"

    public var isText: Bool { self == .actionsCSV }

    /// The file's bytes.
    public func render(_ t: TallyTotals, _ content: ContentPacks) -> [UInt8] {
        switch self {
        case .actionsCSV: Array(Privacy.localiseName(ActionsCSV.render(t, content), content.tallyWords).utf8)
        case .refiQDA: REFIQDA.project(t, content)
        }
    }

    /// Said on standard error when one is written.
    public static let notForPublishing = "This file names each workshop's area and day: it is for working with (a tracker, "
        + "an analysis), not for publishing. The report (--out) is what can be published."
}

/// Every action, one a line, for a tracker: what, who (a team or a role), by when, the commissioning intention,
/// what it answers, and the workshop's area and day. UTF-8 with a byte-order mark, CR LF, quoted as the tally's CSV.
enum ActionsCSV {
    static let header = ["workshop", "workshop_date", "area", "action", "what", "who", "by_when", "intention_id",
                         "intention", "answers_kind", "answers", "making_it_real"]

    static func render(_ t: TallyTotals, _ content: ContentPacks) -> String {
        let w = content.tallyWords
        let rows = t.actionList.sorted { ($0.date, $0.area, $0.session, $0.order) < ($1.date, $1.area, $1.session, $1.order) }
        var lines = [TallyCSV.csv(header)]
        for row in rows {
            let a = row.action
            let intention = switch a.intention {
            case SessionSummary.noIntention: w("Not given")
            case SessionSummary.other: w("Not recognised")
            default: content.intention(a.intention)?.label ?? a.intention
            }
            let answers = switch a.answersKind {
            case "makingItReal": content.theme(a.answers)?.label ?? a.answers
            case "topTip": content.topTips.tips.first { $0.id == a.answers }?.label ?? a.answers
            default: a.answers
            }
            lines.append(TallyCSV.csv([
                row.session, row.date, row.area, String(row.order + 1), a.what, a.who, a.byWhen, a.intention, intention,
                a.answersKind, answers, a.themes.compactMap { content.theme($0)?.label }.joined(separator: "; "),
            ]))
        }
        return Privacy.clean("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n")
    }
}

/// A REFI-QDA project (`.qdpx`, QDA-XML 1.0), which NVivo, ATLAS.ti, MAXQDA and others import: each statement
/// people agreed to share is a text source (no names: any person's name in it is "[name]"), coded with its Making
/// It Real theme (given by a group, or suggested by the keyword list, in a code of its own), its Working Together
/// for Change category, the group's theme it went into, and "With support" where so; each workshop is a case;
/// area, kind of group, level and day are variables.
enum REFIQDA {
    static let namespace = "urn:QDA-XML:project:1.0"

    /// A GUID made from a name, so the same tally gives the same project.
    static func guid(_ name: String) -> String {
        var a = FNV(), b = FNV()
        a.mix(name.utf8)
        b.mix(Array("together:".utf8) + Array(name.utf8))
        let hex = String(format: "%016llx%016llx", a.value, b.value)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default: if u.value >= 0x20 { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    struct Code {
        var key: String
        var name: String
        var description: String
        var children: [Code] = []
    }

    static func project(_ t: TallyTotals, _ content: ContentPacks) -> [UInt8] {
        let rows = t.wordsList.sorted { ($0.date, $0.area, $0.session, $0.order) < ($1.date, $1.area, $1.session, $1.order) }
        let w = content.tallyWords
        let user = guid("user")
        let themes = content.makingItReal.themes
        let categories = content.workingTogether.categories
        let groupThemes = Array(Set(rows.map(\.quote.groupTheme).filter { !$0.isEmpty })).sorted()
        let codes: [Code] = [
            Code(key: "mir", name: w("Making It Real"), description: w("The theme the group gave the statement."),
                 children: themes.map { Code(key: "mir:" + $0.id, name: $0.label, description: w("Making It Real: {1}", $0.heading)) }),
            Code(key: "mir-suggested", name: w("Making It Real (suggested)"),
                 description: w("Statements no group gave a theme, by the theme the keyword list suggests: suggested, not decided."),
                 children: themes.map { Code(key: "mir-suggested:" + $0.id, name: w("{1} (suggested)", $0.label),
                                             description: w("Making It Real: {1}", $0.heading)) }),
            Code(key: "wtfc", name: w("Working Together for Change"), description: w("What kind of statement it is."),
                 children: categories.map { Code(key: "wtfc:" + $0.id, name: $0.label, description: $0.prompt) }),
            Code(key: "group", name: w("The groups' themes"), description: w("The theme a group put the statement into, in their words."),
                 children: groupThemes.map { Code(key: "group:" + $0, name: $0, description: "") }),
            Code(key: "voice", name: w("Voice"), description: w("How the words were put."),
                 children: [Code(key: "voice:supported", name: w("With support"), description: w("Said by the person, with support."))]),
        ]
        func codeXML(_ c: Code, _ indent: String) -> String {
            let codable = c.children.isEmpty || c.key.contains(":")
            var out = "\(indent)<Code guid=\"\(guid("code:" + c.key))\" name=\"\(escape(c.name))\" isCodable=\"\(codable)\">\n"
            if !c.description.isEmpty { out += "\(indent)  <Description>\(escape(c.description))</Description>\n" }
            for child in c.children { out += codeXML(child, indent + "  ") }
            return out + "\(indent)</Code>\n"
        }
        let variables = [("area", w("Area")), ("groupType", w("Kind of group")), ("level", w("Level of commissioning")), ("date", w("Day"))]
        // Only codes the codebook has (a category the packs do not list is left uncoded).
        let known = Set(codes.flatMap { $0.children.map(\.key) })
        var zip = StoredZip()
        var sources = ""
        var cases: [String: [String]] = [:]
        var caseOrder: [String] = []
        for (n, row) in rows.enumerated() {
            let q = row.quote
            let id = guid("source:\(row.session):\(row.order)")
            let text = Privacy.localiseName(q.text + (q.supported ? " " + w("(with support)") : ""), w)
            let name = w("Statement {1}", n + 1)
            zip.add("sources/\(id).txt", Array(text.utf8))
            var coded = [(q.suggested ? "mir-suggested:" : "mir:") + q.themeId, "wtfc:" + q.category]
            if !q.groupTheme.isEmpty { coded.append("group:" + q.groupTheme) }
            if q.supported { coded.append("voice:supported") }
            sources += "    <TextSource guid=\"\(id)\" name=\"\(escape(name))\" plainTextPath=\"internal://\(id).txt\" creatingUser=\"\(user)\">\n"
            sources += "      <PlainTextSelection guid=\"\(guid("selection:\(id)"))\" name=\"\(escape(name))\" startPosition=\"0\" "
                + "endPosition=\"\(text.unicodeScalars.count)\" creatingUser=\"\(user)\">\n"
            for key in coded where known.contains(key) {
                sources += "        <Coding guid=\"\(guid("coding:\(id):\(key)"))\" creatingUser=\"\(user)\"><CodeRef targetGUID=\"\(guid("code:" + key))\"/></Coding>\n"
            }
            sources += "      </PlainTextSelection>\n"
            let values = ["area": row.area, "groupType": content.groupType(row.groupType)?.label ?? row.groupType,
                          "level": content.level(row.level)?.label ?? row.level, "date": row.date]
            for (key, _) in variables where !(values[key] ?? "").isEmpty {
                sources += "      <VariableValue><VariableRef targetGUID=\"\(guid("variable:" + key))\"/>"
                    + "<TextValue>\(escape(values[key]!))</TextValue></VariableValue>\n"
            }
            sources += "    </TextSource>\n"
            if cases[row.session] == nil { caseOrder.append(row.session) }
            cases[row.session, default: []].append(id)
        }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<Project xmlns=\"\(namespace)\" name=\"\(escape(w("What people told us")))\" origin=\"Together \(TogetherVersion.number)\" "
            + "creatingUserGUID=\"\(user)\">\n"
        xml += "  <Users>\n    <User guid=\"\(user)\" name=\"Together\"/>\n  </Users>\n"
        xml += "  <CodeBook>\n    <Codes>\n" + codes.map { codeXML($0, "      ") }.joined() + "    </Codes>\n  </CodeBook>\n"
        xml += "  <Variables>\n" + variables.map {
            "    <Variable guid=\"\(guid("variable:" + $0.0))\" name=\"\(escape($0.1))\" typeOfVariable=\"Text\"/>\n"
        }.joined() + "  </Variables>\n"
        if !caseOrder.isEmpty {
            xml += "  <Cases>\n"
            for (n, session) in caseOrder.enumerated() {
                xml += "    <Case guid=\"\(guid("case:" + session))\" name=\"\(escape(w("Workshop {1}", n + 1)))\">\n"
                xml += "      <Description>" + escape(w("One workshop (session {1}).", session)) + "</Description>\n"
                xml += cases[session]!.map { "      <SourceRef targetGUID=\"\($0)\"/>\n" }.joined()
                xml += "    </Case>\n"
            }
            xml += "  </Cases>\n"
            xml += "  <Sources>\n" + sources + "  </Sources>\n"
        }
        let about = w("Statements from co-production workshops, tallied by Together. Only the words of people who agreed "
            + "to be quoted, in their own words or with support; no names (any name in the words is shown as [name]). "
            + "Not for publishing: it names each workshop's area and day.")
        xml += "  <Description>" + escape(about) + "</Description>\n"
        xml += "</Project>\n"
        zip.add("project.qde", Array(Privacy.localiseName(Privacy.clean(xml), w).utf8))
        return zip.bytes
    }
}
