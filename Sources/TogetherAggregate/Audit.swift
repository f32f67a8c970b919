/// Works out how far an attacker could narrow each hidden count, given everything published with it.
///
/// The published counts are fixed; the hidden ones are unknowns that are whole numbers of 0 or more and satisfy
/// every relation the documentation states (sums, and "at most" facts such as people ≤ statements). For each
/// small hidden count the audit asks two questions by linear programming (the simplex method, as tau-ARGUS and
/// sdcTable do when they audit a suppression pattern): can it be 0, and can it be the threshold? A count for
/// which either answer is no could be narrowed by an attacker, and needs more protection.
///
/// Linear programming treats the unknowns as real numbers, so the range it finds can only be wider than the
/// whole-number range, never narrower: where a sum links the counts in ways only whole numbers rule out (a
/// parity), an attacker with an integer solver could do slightly better. Our tables are sums of rows and
/// columns, where the two agree.
struct Audit {
    /// Σ plus = Σ minus (`equal`), or Σ plus ≤ Σ minus.
    struct Relation: Sendable {
        var plus: [Int]
        var minus: [Int]
        var equal: Bool
    }

    /// A small count that could be narrowed: it cannot be 0 (`low`) or cannot reach the threshold (`high`).
    struct Exposure: Equatable {
        var cell: Int
        var low: Bool
        var high: Bool
    }

    let values: [Int]
    let relations: [Relation]
    /// Counts known to be at least 1 (their row is listed only when they are): for these, "could be 0" means
    /// "could be 1".
    let floors: Set<Int>
    /// Relations each count is in.
    let relationsOf: [[Int]]

    init(values: [Int], relations: [Relation], floors: Set<Int> = []) {
        self.values = values
        self.relations = relations
        self.floors = floors
        var of = Array(repeating: [Int](), count: values.count)
        for (r, relation) in relations.enumerated() {
            for c in Set(relation.plus + relation.minus) { of[c].append(r) }
        }
        relationsOf = of
    }

    /// The small counts among `targets` that an attacker could narrow, when the counts in `hidden` are not shown.
    func exposures(hidden: Set<Int>, targets: Set<Int>, threshold: Int) -> [Exposure] {
        // Unknowns linked by a relation are solved together; the rest of the report is a constant.
        var parent = Dictionary(uniqueKeysWithValues: hidden.map { ($0, $0) })
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x]! != x { parent[x] = parent[parent[x]!]!; x = parent[x]! }
            return x
        }
        var live: [Int] = []
        for (r, relation) in relations.enumerated() {
            let unknown = (relation.plus + relation.minus).filter(hidden.contains)
            guard let first = unknown.first else { continue }
            live.append(r)
            for other in unknown.dropFirst() {
                let (a, b) = (root(first), root(other))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: (cells: [Int], relations: [Int])] = [:]
        for cell in hidden.sorted() { groups[root(cell), default: ([], [])].cells.append(cell) }
        for r in live {
            let cell = (relations[r].plus + relations[r].minus).first(where: hidden.contains)!
            groups[root(cell)]!.relations.append(r)
        }
        var out: [Exposure] = []
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let wanted = group.cells.filter(targets.contains)
            guard !wanted.isEmpty else { continue }
            out += solve(group.cells, group.relations, hidden, wanted, threshold)
        }
        return out.sorted { $0.cell < $1.cell }
    }

    private func solve(_ cells: [Int], _ rels: [Int], _ hidden: Set<Int>, _ wanted: [Int], _ threshold: Int) -> [Exposure] {
        let column = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
        var rows: [(coefficients: [Int: Double], bound: Double, equal: Bool)] = []
        for r in rels {
            let relation = relations[r]
            var coefficients: [Int: Double] = [:]
            var bound = 0.0
            // A count with a floor of 1 is solved as 1 + (a count of 0 or more).
            for c in relation.plus {
                if let j = column[c] { coefficients[j, default: 0] += 1; if floors.contains(c) { bound -= 1 } } else { bound -= Double(values[c]) }
            }
            for c in relation.minus {
                if let j = column[c] { coefficients[j, default: 0] -= 1; if floors.contains(c) { bound += 1 } } else { bound += Double(values[c]) }
            }
            coefficients = coefficients.filter { $0.value != 0 }
            if coefficients.isEmpty { continue }
            rows.append((coefficients, bound, relation.equal))
        }
        var lp = Simplex(variables: cells.count, rows: rows)
        var exposures: [Exposure] = []
        for cell in wanted {
            let j = column[cell]!
            let low = !lp.canReach(j, atMost: 0)
            let high = !lp.canReach(j, atLeast: Double(threshold - (floors.contains(cell) ? 1 : 0)))
            if low || high { exposures.append(.init(cell: cell, low: low, high: high)) }
        }
        return exposures
    }
}

/// A small dense simplex over x ≥ 0 with rows Σ a·x = b or ≤ b, kept at a feasible corner between questions so
/// each question starts where the last one ended. Bland's rule (smallest index first) means it never cycles.
struct Simplex {
    private var t: [Double]
    private let width: Int
    private let m: Int
    /// Columns an answer may use: the counts and the slacks, not the helpers used to find a first corner.
    private let usable: Int
    private var basis: [Int]
    /// The row where each column is basic, or -1.
    private var rowOf: [Int]
    private var feasible = true
    /// What is already known from corners visited: a variable seen at 0, or at the threshold or more.
    private var seenZero: Set<Int> = []
    private var seenAt: [Int: Double] = [:]
    static let eps = 1e-9
    static let pivotLimit = 20_000

    init(variables n: Int, rows: [(coefficients: [Int: Double], bound: Double, equal: Bool)]) {
        m = rows.count
        let slacks = rows.filter { !$0.equal }.count
        usable = n + slacks
        width = usable + m + 1 // + one helper per row + the right-hand side
        t = Array(repeating: 0, count: m * width)
        basis = Array(repeating: 0, count: m)
        rowOf = Array(repeating: -1, count: width - 1)
        var slack = n
        for (i, row) in rows.enumerated() {
            for (j, a) in row.coefficients { t[i * width + j] = a }
            if !row.equal { t[i * width + slack] = 1; slack += 1 }
            t[i * width + width - 1] = row.bound
            if row.bound < 0 { for j in 0..<(width - 1) { t[i * width + j] = -t[i * width + j] }; t[i * width + width - 1] = -row.bound }
            t[i * width + usable + i] = 1
            basis[i] = usable + i
            rowOf[usable + i] = i
        }
        firstCorner()
    }

    private mutating func pivot(_ row: Int, _ col: Int) {
        let p = t[row * width + col]
        for j in 0..<width { t[row * width + j] /= p }
        for i in 0..<m where i != row {
            let f = t[i * width + col]
            if abs(f) > Self.eps {
                for j in 0..<width { t[i * width + j] -= f * t[row * width + j] }
            }
        }
        rowOf[basis[row]] = -1
        basis[row] = col
        rowOf[col] = row
    }

    /// The row that blocks raising `col` first (smallest ratio; ties to the smallest basic index), or nil.
    private func leaving(_ col: Int, prefer: Int? = nil) -> Int? {
        var bestRatio = Double.infinity
        for i in 0..<m where t[i * width + col] > Self.eps {
            bestRatio = min(bestRatio, t[i * width + width - 1] / t[i * width + col])
        }
        guard bestRatio < .infinity else { return nil }
        let ties = (0..<m).filter {
            t[$0 * width + col] > Self.eps && t[$0 * width + width - 1] / t[$0 * width + col] <= bestRatio + Self.eps
        }
        if let prefer, ties.contains(prefer) { return prefer }
        return ties.min { basis[$0] < basis[$1] }
    }

    /// Phase one: minimise the helpers to reach a corner where only the counts and slacks are used.
    private mutating func firstCorner() {
        var cost = Array(repeating: 0.0, count: width)
        for i in 0..<m { for j in 0..<width { cost[j] -= t[i * width + j] } }
        for i in 0..<m { cost[usable + i] = 0 }
        var pivots = 0
        while pivots < Self.pivotLimit {
            guard let col = (0..<usable).first(where: { cost[$0] < -Self.eps }), let row = leaving(col) else { break }
            let f = cost[col]
            pivot(row, col)
            for j in 0..<width { cost[j] -= f * t[row * width + j] }
            pivots += 1
        }
        if -cost[width - 1] > 1e-6 { feasible = false; return }
        // Helpers still in the basis at 0: swap each for a real column where one has a non-zero entry.
        for i in 0..<m where basis[i] >= usable {
            if let col = (0..<usable).first(where: { abs(t[i * width + $0]) > Self.eps }) { pivot(i, col) }
        }
        note()
    }

    private mutating func note() {
        for j in 0..<usable where rowOf[j] < 0 { seenZero.insert(j) }
        for (i, j) in basis.enumerated() where j < usable {
            let v = t[i * width + width - 1]
            if v <= Self.eps { seenZero.insert(j) }
            seenAt[j] = max(seenAt[j] ?? 0, v)
        }
    }

    /// Whether variable `j` can be as large as `target` (or is unbounded). Leaves the tableau at a feasible corner.
    mutating func canReach(_ j: Int, atLeast target: Double) -> Bool {
        guard feasible else { return false }
        if (seenAt[j] ?? 0) >= target - 1e-7 { return true }
        for _ in 0..<Self.pivotLimit {
            let col: Int
            if rowOf[j] >= 0 {
                let row = rowOf[j]
                if t[row * width + width - 1] >= target - 1e-7 { return true }
                guard let q = (0..<usable).first(where: { rowOf[$0] < 0 && t[row * width + $0] < -Self.eps }) else {
                    return false // the largest it can be is below the target
                }
                col = q
            } else {
                col = j
            }
            guard let row = leaving(col) else { return true } // no limit
            pivot(row, col)
            note()
        }
        return false
    }

    /// Whether variable `j` can be as small as `target`.
    mutating func canReach(_ j: Int, atMost target: Double) -> Bool {
        guard feasible else { return false }
        if target >= 0, seenZero.contains(j) { return true }
        for _ in 0..<Self.pivotLimit {
            let row = rowOf[j]
            guard row >= 0 else { return true } // not in the basis: it is 0
            if t[row * width + width - 1] <= target + 1e-7 { return true }
            guard let q = (0..<usable).first(where: { rowOf[$0] < 0 && t[row * width + $0] > Self.eps }),
                  let leave = leaving(q, prefer: row) else { return false }
            pivot(leave, q)
            note()
        }
        return false
    }
}
