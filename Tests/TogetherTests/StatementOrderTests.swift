import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore

/// The statements a screen lists are worked out once for each list of statements and people and kept: after
/// any change the kept lists must be the ones worked out afresh.
@Suite("Statements kept in order")
struct StatementOrderTests {
    static func plain(_ s: Session, _ category: String) -> [Statement] {
        s.people.flatMap { person in s.statements.filter { $0.personId == person.id && $0.category == category }.sorted { $0.rank < $1.rank } }
    }

    @Test("a category's statements, one person's, and the rows, after every kind of change, as worked out afresh")
    func keptMatchesFresh() {
        var random = SplitMix(seed: 8)
        var session = DemoData(content: content, seed: 3).session(0)
        let categories = content.workingTogether.categories.map(\.id)
        for step in 0..<400 {
            switch random.next() % 6 {
            case 0 where !session.statements.isEmpty:
                session.statements.remove(at: Int(random.next() % UInt64(session.statements.count)))
            case 1 where !session.statements.isEmpty:
                session.statements[Int(random.next() % UInt64(session.statements.count))].rank = Int(random.next() % 4) + 1
            case 2 where session.people.count > 1:
                session.people.swapAt(0, session.people.count - 1)
            case 3 where !session.statements.isEmpty:
                session.statements[Int(random.next() % UInt64(session.statements.count))].category = categories.randomElement(using: &random)!
            default:
                let person = session.people.randomElement(using: &random)?.id ?? "p1"
                session.statements.append(Statement(id: "x\(step)", personId: person, category: categories.randomElement(using: &random)!,
                                                    rank: Int(random.next() % 3) + 1, text: "Said \(step)", createdAt: fixedNow))
            }
            for category in categories {
                let fresh = Self.plain(session, category)
                #expect(session.statements(in: category) == fresh, "step \(step)")
                #expect(StatementOrder.shared.rows(in: category, session) == fresh.map { RowRef.statement(id: $0.id) })
                for person in session.people {
                    let own = session.statements.filter { $0.personId == person.id && $0.category == category }.sorted { $0.rank < $1.rank }
                    #expect(session.statements(of: person.id, in: category) == own, "step \(step)")
                }
            }
        }
    }
}
