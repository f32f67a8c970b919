import Foundation
import Testing
@testable import TogetherAggregate

@Suite("Audit")
struct AuditTests {
    @Test("the simplex finds how far a count can move")
    func simplex() {
        // x + y = 4, x ≤ z, z = 2 (z published): x ∈ [0, 2]
        let a = Audit(values: [1, 3, 2], relations: [.init(plus: [0, 1], minus: [], equal: true),
                                                      .init(plus: [0], minus: [2], equal: false)])
        // Without a published total the sum is 0 = x + y - 4: model the 4 as a published cell.
        let b = Audit(values: [1, 3, 4], relations: [.init(plus: [0, 1], minus: [2], equal: true)])
        #expect(b.exposures(hidden: [0, 1], targets: [0], threshold: 3).isEmpty)
        #expect(b.exposures(hidden: [0, 1], targets: [0], threshold: 5) == [.init(cell: 0, low: false, high: true)])
        let c = Audit(values: [1, 3, 4, 2], relations: [.init(plus: [0, 1], minus: [2], equal: true),
                                                        .init(plus: [0], minus: [3], equal: false)])
        #expect(c.exposures(hidden: [0, 1], targets: [0], threshold: 3) == [.init(cell: 0, low: false, high: true)])
        #expect(c.exposures(hidden: [0, 1, 3], targets: [0], threshold: 3).isEmpty)
        // x = 1 exactly when x + y = 4 and y = 3 via y + w = 3 with w = 0 published
        let d = Audit(values: [1, 3, 4, 0, 3], relations: [.init(plus: [0, 1], minus: [2], equal: true),
                                                           .init(plus: [1, 3], minus: [4], equal: true)])
        #expect(d.exposures(hidden: [0, 1], targets: [0], threshold: 3) == [.init(cell: 0, low: true, high: true)])
        _ = a
    }
}
