import TogetherCore

/// The one validator for session files: what a file must hold, beyond being the right shape, for every part of
/// Together to use it safely. The codec checks every file with it (the workshop, display, export, import and
/// the tally's careful reader all read through the codec); the tally's quick reader checks the same bounds
/// and hands anything outside them to the codec, which names the problem.
public enum SessionRules {
    public static let statementsPerPerson = 1...20
    public static let votesPerPerson = 0...100
    public static let rank = 1...1_000
    /// Dots one person gives one theme, and dots counted for the whole group.
    public static let dots = 0...1_000
    public static let groupDots = 0...100_000
    public static let seconds = 0...10_000_000
    public static let place = 0...1_000_000
    public static let nextNumber = 1...1_000_000_000

    /// The first problem found, as the place in the file and what is wrong, or nil.
    public static func problem(_ s: Session) -> (path: String, reason: String)? {
        func outside(_ value: Int, _ range: ClosedRange<Int>) -> String? {
            range.contains(value) ? nil : "is \(value): it should be from \(range.lowerBound) to \(range.upperBound)"
        }
        if let why = outside(s.setup.statementsPerPerson, statementsPerPerson) { return ("setup.statementsPerPerson", why) }
        if let why = outside(s.setup.votesPerPerson, votesPerPerson) { return ("setup.votesPerPerson", why) }
        if let why = outside(s.nextNumber, nextNumber) { return ("nextNumber", why) }
        if let why = outside(s.position.item, place) { return ("position.item", why) }
        if let why = outside(s.position.focus, place) { return ("position.focus", why) }
        func unique(_ ids: [String], _ list: String) -> (String, String)? {
            var first: [String: Int] = [:]
            for (i, id) in ids.enumerated() {
                if let earlier = first[id] {
                    return ("\(list)[\(i)].id", "is \"\(id)\", the same as \(list)[\(earlier)]: each needs its own id")
                }
                first[id] = i
            }
            return nil
        }
        if let p = unique(s.people.map(\.id), "people") { return p }
        if let p = unique(s.statements.map(\.id), "statements") { return p }
        if let p = unique(s.groupThemes.map(\.id), "groupThemes") { return p }
        if let p = unique(s.actions.map(\.id), "actions") { return p }
        if let items = s.followUp?.items, let p = unique(items.map(\.id), "followUp.items") { return p }
        for (i, st) in s.statements.enumerated() {
            if let why = outside(st.rank, rank) { return ("statements[\(i)].rank", why) }
        }
        for (i, g) in s.groupThemes.enumerated() {
            for key in g.dots.keys.sorted() {
                if let why = outside(g.dots[key]!, dots) { return ("groupThemes[\(i)].dots.\(key)", why) }
            }
            if let why = outside(g.groupDots, groupDots) { return ("groupThemes[\(i)].groupDots", why) }
        }
        for key in s.timers.keys.sorted() {
            let t = s.timers[key]!
            if let why = outside(t.plannedSeconds, seconds) { return ("timers.\(key).plannedSeconds", why) }
            if let why = outside(t.elapsedSeconds, seconds) { return ("timers.\(key).elapsedSeconds", why) }
        }
        return nil
    }
}
