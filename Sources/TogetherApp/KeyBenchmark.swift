import Foundation
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

/// Measures the time from a key to a finished frame: the key read, applied, the session saved to a real file,
/// the grid drawn and handed to a terminal (one in memory, so the terminal's own speed is left out).
public enum KeyBenchmark {
    public struct Result: Sendable {
        public var median: Double
        public var p99: Double
        /// Keys timed, and the length of the words in the typing box at the end (each letter typed is there).
        public var keys: Int
        public var typed: Int
    }

    /// A terminal that keeps only the last frame.
    final class Null: Terminal {
        let size: Size
        var frames = 0
        init(size: Size) { self.size = size }
        func read(timeoutMilliseconds: Int) -> InputEvent? { nil }
        func present(_ frame: Frame) { frames += 1 }
        var pendingExitSignal: Int32 { 0 }
        func close() {}
    }

    /// A workshop with `statements` statements (three of each kind per person), open at `stage`.
    public static func session(statements: Int, stage: StageKind, content: ContentPacks) -> Session {
        var s = Session(id: "bench-\(statements)", now: Date(),
                        setup: Setup(title: "Measuring", date: "2026-11-30", area: "Leeds", groupType: "", statementsPerPerson: 3))
        let categories = content.workingTogether.categories.map(\.id)
        let themes = content.makingItReal.themes.map(\.id)
        var person = -1
        for i in 0..<statements {
            if i % (3 * categories.count) == 0 {
                person += 1
                s.people.append(Person(id: "p\(person)", label: "P\(person)", role: "person"))
            }
            let category = categories[(i / 3) % categories.count]
            s.statements.append(Statement(id: "s\(i)", personId: "p\(person)", category: category, rank: i % 3 + 1,
                                          text: "Statement \(i): the bus stops at six so I miss things",
                                          themeId: themes[i % themes.count], createdAt: Date()))
        }
        s.people.append(Person(id: "new", label: "NEW", role: "person"))
        s.position = Position(stage: stage, item: stage == .workingTogether ? s.people.count - 1 : 0, focus: 0)
        if stage == .workingTogether {
            s.draft = Draft(target: .newStatement(personId: "new", category: categories[0]), text: "")
        }
        return s
    }

    /// Presses `keys` keys on each size of workshop (typing letters in the box on the capture screen; moving up
    /// and down on the others) and times each from the key to the frame. The sizes take turns in `rounds` rounds,
    /// so anything else the machine does in the meantime falls on all of them alike, and the ratios between
    /// them are measured side by side.
    public static func run(statements sizes: [Int], stage: StageKind, size: Size, keys: Int, rounds: Int = 4,
                           content: ContentPacks) -> [Result] {
        let letters = Array("abcdefghij ")
        var benches = sizes.map { statements -> (runner: WorkshopRunner, folder: URL, times: [Double]) in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("together-keys-\(UUID().uuidString)")
            let store = SessionStore(folder: folder)
            try? store.prepare()
            var state = AppState(session: session(statements: statements, stage: stage, content: content))
            state.screen = .workshop
            let runner = WorkshopRunner(state: state, content: content, store: store, terminal: Null(size: size))
            runner.handle(.resize)
            var times: [Double] = []
            times.reserveCapacity(keys)
            return (runner, folder, times)
        }
        let rounds = max(1, min(rounds, keys))
        for round in 0..<rounds {
            let range = (keys * round / rounds)..<(keys * (round + 1) / rounds)
            for b in benches.indices {
                for i in range {
                    let key: Key = stage == .workingTogether ? .char(letters[i % letters.count]) : (i % 2 == 0 ? .down : .up)
                    let start = DispatchTime.now().uptimeNanoseconds
                    benches[b].runner.handle(.key(key))
                    benches[b].times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
            }
        }
        return benches.map { bench in
            bench.runner.engine.close()
            try? FileManager.default.removeItem(at: bench.folder)
            let times = bench.times.sorted()
            return Result(median: times[times.count / 2], p99: times[min(times.count - 1, times.count * 99 / 100)],
                          keys: times.count, typed: bench.runner.state.session?.draft?.text.count ?? 0)
        }
    }

    /// Milliseconds from reading the sessions folder to the start screen's first frame (what `together` does
    /// before the facilitator sees anything).
    public static func startUp(folder: URL, content: ContentPacks) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let store = SessionStore(folder: folder)
        let state = WorkshopRunner.startScreen(store)
        let terminal = Null(size: Size(width: 80, height: 24))
        let runner = WorkshopRunner(state: state, content: content, store: store, terminal: terminal)
        runner.handle(.resize)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}
