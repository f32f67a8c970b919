import Foundation

/// An attacker who reads a published tally report (its JSON, as anyone would receive it) and tries to work out
/// the hidden counts. Written apart from the tally's own audit on purpose: it knows only the report and the
/// sums `docs/tally.md` says hold, and narrows each hidden count by interval propagation until nothing changes.
///
/// What it knows of a hidden count comes from its mark: a number is exact; "hidden" is any whole number from 0
/// up; the older marks "fewer than N" (1 to N − 1) and "hidden" beside them (N or more) are read as they were
/// meant, which is how it recovers counts from the older suppression.
struct Attacker {
    struct Range: Equatable, CustomStringConvertible {
        var lo: Double
        var hi: Double
        var description: String { "[\(Int(lo)), \(hi.isInfinite ? "∞" : String(Int(hi)))]" }
    }

    /// Σ plus = Σ minus, or Σ plus ≤ Σ minus.
    struct Constraint { var plus: [Int]; var minus: [Int]; var equal: Bool }

    private(set) var names: [String] = []
    private(set) var ranges: [Range] = []
    private var index: [String: Int] = [:]
    private(set) var constraints: [Constraint] = []
    /// Parts of the report it says are withheld.
    private(set) var withheld: Set<String> = []
    let threshold: Int

    /// Reads the JSON text of a report.
    init(reportJSON: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(reportJSON.utf8))
        guard let report = object as? [String: Any], let about = report["about"] as? [String: Any],
              let sessions = about["sessionsCounted"] as? Int, let k = about["hiddenBelow"] as? Int else {
            throw CocoaError(.coderReadCorrupt)
        }
        threshold = k
        let oldMarks = reportJSON.contains("\"fewer than ")
        for w in about["withheld"] as? [[String: Any]] ?? [] { if let part = w["part"] as? String { withheld.insert(part) } }
        let s = variable("sessions", sessions, oldMarks)

        var tables: [String: [String: [String: Int]]] = [:] // table → row → column → variable
        var rowOrder: [String: [String]] = [:]
        var columnOrder: [String: [String]] = [:]
        for table in report["tables"] as? [[String: Any]] ?? [] {
            guard let id = table["id"] as? String, let columns = table["columns"] as? [[String: Any]],
                  let rows = table["rows"] as? [[String: Any]] else { continue }
            let cols = columns.compactMap { $0["id"] as? String }
            columnOrder[id] = cols
            for row in rows {
                guard let rid = row["id"] as? String, let cells = row["cells"] as? [Any] else { continue }
                rowOrder[id, default: []].append(rid)
                for (c, cell) in zip(cols, cells) {
                    tables[id, default: [:]][rid, default: [:]][c] = variable("\(id)/\(rid)/\(c)", cell, oldMarks)
                }
            }
        }
        func cell(_ t: String, _ r: String, _ c: String) -> Int? { tables[t]?[r]?[c] }
        func rows(_ t: String) -> [String] { (rowOrder[t] ?? []).filter { $0 != "total" } }
        func cols(_ t: String) -> [String] { (columnOrder[t] ?? []).filter { $0 != "total" } }

        // Tables with a Total column and an All row.
        for t in ["statements", "suggested", "intentions", "intentionsByTheme", "followUps"] {
            for r in rowOrder[t] ?? [] where cell(t, r, "total") != nil {
                sum(cols(t).compactMap { cell(t, r, $0) }, equals: [cell(t, r, "total")!])
            }
            for c in columnOrder[t] ?? [] where cell(t, "total", c) != nil {
                sum(rows(t).compactMap { cell(t, $0, c) }, equals: [cell(t, "total", c)!])
            }
        }
        // A theme's statements by role, and by voice, add up to its given and suggested statements.
        for t in ["byRole", "byVoice"] {
            for r in rows(t) {
                let known = [cell("statements", r, "total"), cell("suggested", r, "total")].compactMap { $0 }
                sum(cols(t).compactMap { cell(t, r, $0) }, equals: known)
            }
        }
        // People: each is someone with a statement; "any" is at least each kind and at most their sum.
        for r in rows("people") {
            let kinds = cols("people").filter { $0 != "any" }
            for c in kinds {
                guard let p = cell("people", r, c) else { continue }
                sum([p], atMost: [cell("statements", r, c), cell("suggested", r, c)].compactMap { $0 })
                if let any = cell("people", r, "any") { sum([p], atMost: [any]) }
            }
            if let any = cell("people", r, "any") { sum([any], atMost: kinds.compactMap { cell("people", r, $0) }) }
        }
        // Rows that add up to the number of sessions.
        for t in ["themeRatings", "tipRatings", "sinceLastTime"] {
            for r in rows(t) { sum(cols(t).compactMap { cell(t, r, $0) }, equals: [s]) }
        }
        for t in ["areas", "groupTypes", "levels"] {
            sum(rows(t).compactMap { cell(t, $0, "sessions") }, equals: [s])
        }
        for r in rows("roles") {
            if let with = cell("roles", r, "sessionsWith"), let without = cell("roles", r, "sessionsWithout") {
                sum([with, without], equals: [s])
                if let people = cell("roles", r, "people") { sum([with], atMost: [people]) }
            }
        }
        // Quarters add up to the people table.
        for (t, _) in tables where t.hasPrefix("trend-") {
            let category = String(t.dropFirst("trend-".count))
            for theme in columnOrder[t] ?? [] {
                if let people = cell("people", theme, category) {
                    sum(rows(t).compactMap { cell(t, $0, theme) }, equals: [people])
                }
            }
        }
        // Commissioning themes repeat the people and votes tables, and add them up into a priority.
        for theme in report["commissioningThemes"] as? [[String: Any]] ?? [] {
            guard let id = theme["themeId"] as? String else { continue }
            func v(_ key: String) -> Int? { theme[key].map { variable("commissioningThemes.\(key)/\(id)", $0, oldMarks) } }
            let parts = [v("notWorkingPeople"), v("aspirationsPeople"), v("votes")]
            for (part, same) in zip(parts, [cell("people", id, "notWorking"), cell("people", id, "aspirations"),
                                            cell("votes", id, "dots")]) {
                if let part, let same { sum([part], equals: [same]) }
            }
            if let priority = v("priority") { sum(parts.compactMap { $0 }, equals: [priority]) }
            if let people = v("people"), let same = cell("people", id, "any") { sum([people], equals: [same]) }
            if let sessionsHere = v("sessions") { sum([sessionsHere], atMost: [s]) }
        }
        // Counts of sessions in lists are at most the sessions.
        for g in report["groupThemes"] as? [[String: Any]] ?? [] {
            let i = g["statement"] as? String ?? ""
            if let cell = g["sessions"] { sum([variable("groupThemes.sessions/\(i)", cell, oldMarks)], atMost: [s]) }
            if let cell = g["votes"] { _ = variable("groupThemes.votes/\(i)", cell, oldMarks) }
        }
        for tip in report["tipBarriers"] as? [[String: Any]] ?? [] {
            let i = tip["tipId"] as? String ?? ""
            for b in tip["barriers"] as? [[String: Any]] ?? [] {
                let j = b["text"] as? String ?? ""
                if let cell = b["sessions"] { sum([variable("tipBarriers.sessions/\(i).\(j)", cell, oldMarks)], atMost: [s]) }
            }
        }
        propagate()
    }

    private mutating func variable(_ name: String, _ cell: Any, _ oldMarks: Bool) -> Int {
        var range = Range(lo: 0, hi: .infinity)
        if let n = cell as? Int {
            range = Range(lo: Double(n), hi: Double(n))
        } else if let text = cell as? String {
            if text.hasPrefix("fewer than "), let n = Double(text.dropFirst(11)) {
                range = Range(lo: 1, hi: n - 1)
            } else if oldMarks {
                range = Range(lo: Double(threshold), hi: .infinity)
            } else if Self.listed(name) {
                range = Range(lo: 1, hi: .infinity)
            }
        }
        names.append(name)
        ranges.append(range)
        index[name] = names.count - 1
        return names.count - 1
    }

    /// A theme or barrier that is listed was written in at least one session (documented): its count is 1 or more.
    static func listed(_ name: String) -> Bool {
        name.hasPrefix("groupThemes.sessions/") || name.hasPrefix("tipBarriers.sessions/") || name.hasPrefix("areas/")
    }

    private mutating func sum(_ plus: [Int], equals minus: [Int]) { constraints.append(.init(plus: plus, minus: minus, equal: true)) }
    private mutating func sum(_ plus: [Int], atMost minus: [Int]) { constraints.append(.init(plus: plus, minus: minus, equal: false)) }

    /// Narrows every range from every constraint until nothing changes.
    private mutating func propagate() {
        for _ in 0..<2_000 {
            var changed = false
            for c in constraints {
                let loPlus = c.plus.reduce(0.0) { $0 + ranges[$1].lo }, hiPlus = c.plus.reduce(0.0) { $0 + ranges[$1].hi }
                let loMinus = c.minus.reduce(0.0) { $0 + ranges[$1].lo }, hiMinus = c.minus.reduce(0.0) { $0 + ranges[$1].hi }
                for x in c.plus {
                    let r = ranges[x]
                    // x ≤ Σ minus − Σ (plus without x); with equality also x ≥ …
                    var new = r
                    let restLo = loPlus - r.lo, restHi = hiPlus - r.hi
                    if !restLo.isNaN { new.hi = min(new.hi, (hiMinus - restLo).rounded(.down)) }
                    if c.equal, !restHi.isInfinite { new.lo = max(new.lo, (loMinus - restHi).rounded(.up)) }
                    if new != r { ranges[x] = new; changed = true }
                }
                for x in c.minus {
                    let r = ranges[x]
                    var new = r
                    let restLo = loMinus - r.lo, restHi = hiMinus - r.hi
                    if !restHi.isInfinite { new.lo = max(new.lo, (loPlus - restHi).rounded(.up)) }
                    if c.equal, !restLo.isNaN { new.hi = min(new.hi, (hiPlus - restLo).rounded(.down)) }
                    if new != r { ranges[x] = new; changed = true }
                }
            }
            if !changed { return }
        }
    }

    func range(_ name: String) -> Range? { index[name].map { ranges[$0] } }

    /// Counts whose range came out empty: some documented fact does not hold in the report.
    var contradictions: [String] { names.indices.filter { ranges[$0].lo > ranges[$0].hi }.map { "\(names[$0]) \(ranges[$0])" } }

    /// Every cell name with what it is worth in a report published with nothing hidden (threshold 1).
    static func truth(reportJSON: String) throws -> [String: Int] {
        let a = try Attacker(reportJSON: reportJSON)
        var out: [String: Int] = [:]
        for (i, name) in a.names.enumerated() where a.ranges[i].lo == a.ranges[i].hi { out[name] = Int(a.ranges[i].lo) }
        return out
    }

    struct Finding: CustomStringConvertible {
        var cell: String
        var truth: Int
        var range: Range
        var description: String { "\(cell) = \(truth), worked out to \(range)" }
    }

    /// Small counts (1 to the threshold − 1) whose range excludes 0 or the threshold, outside withheld parts;
    /// and any range that does not contain the truth (which would mean a documented sum is not true).
    func attack(truth: [String: Int]) -> (recovered: [Finding], wrong: [Finding], hidden: Int) {
        var recovered: [Finding] = [], wrong: [Finding] = []
        var hidden = 0
        for (i, name) in names.enumerated() {
            // The number of sessions is always published: it counts workshops, not people.
            guard let value = truth[name], name != "sessions" else { continue }
            let r = ranges[i]
            if Double(value) < r.lo || Double(value) > r.hi { wrong.append(.init(cell: name, truth: value, range: r)) }
            let part = name.split(separator: "/").first.map(String.init) ?? name
            if withheld.contains(part) || withheld.contains(name) { continue }
            guard !(r.lo == r.hi && r.lo == Double(value)) || value == 0 || value >= threshold else {
                recovered.append(.init(cell: name, truth: value, range: r)); continue
            }
            let floor = Self.listed(name) ? 1.0 : 0.0
            if value > 0, value < threshold, r.lo > floor || r.hi < Double(threshold) {
                recovered.append(.init(cell: name, truth: value, range: r))
            }
            if value > 0, value < threshold { hidden += 1 }
        }
        return (recovered, wrong, hidden)
    }
}
