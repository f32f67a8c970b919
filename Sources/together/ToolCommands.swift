import ArgumentParser
import Foundation
import TogetherAggregate
import TogetherApp
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Write made-up session files for trying and measuring the tally (the same seed gives the same files)."
    )

    @OptionGroup var assets: AssetOptions

    @Option(help: "How many sessions to write.")
    var sessions: Int = 100

    @Option(help: "A new or empty folder for the files.")
    var out: String

    @Option(help: "A number that picks the made-up data; the same number gives the same files.")
    var seed: UInt64 = 2026

    func run() throws {
        guard sessions > 0, sessions <= 1_000_000 else {
            throw ValidationError("--sessions should be from 1 to 1000000, not \(sessions).")
        }
        let content = try assets.load()
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: out), !existing.isEmpty {
            Self.fail(Failure(message: "\(out) already has files in it. Give a new or empty folder, so nothing is overwritten."))
        }
        do {
            try OwnerOnly.makeFolder(URL(fileURLWithPath: out))
        } catch {
            Self.fail(Failure(message: "Cannot make the folder \(out): check the path and who may write there."))
        }
        let demo = DemoData(content: content, seed: seed)
        let digits = String(sessions).count
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: sessions) { i in
            let number = String(i + 1)
            let name = "demo-" + String(repeating: "0", count: digits - number.count) + number + ".json"
            let path = (out as NSString).appendingPathComponent(name)
            let ok = (try? AtomicFile.write(SessionCodec.encode(demo.session(i)), to: URL(fileURLWithPath: path),
                                            mustBeNew: true, durable: false)) != nil
            if !ok { failures.withLock { $0 += 1 } }
        }
        let failed = failures.withLock { $0 }
        if failed > 0 { Self.fail(Failure(message: "\(failed) of \(sessions) files could not be written in \(out).")) }
        print("Wrote \(sessions) made-up sessions to \(out).")
    }
}

/// For the benchmark in docs/benchmarks.md: the time from a key to a finished frame, by workshop size.
struct MeasureKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure-keys",
        abstract: "Measure the time from a key to a finished frame (for the benchmark; not needed in a workshop).",
        shouldDisplay: false
    )

    @OptionGroup var assets: AssetOptions

    @Option(help: "How many keys to time for each size.")
    var keys: Int = 500

    @Option(help: "Only these numbers of statements (give it again for more; default 10, 100 and 1000).")
    var statements: [Int] = []

    @Flag(name: .customLong("themes-only"), help: "Only the finding-themes screen, and no start-up (for profiling).")
    var themesOnly = false

    @Flag(name: .customLong("large-only"), help: "Only the 200×60 screen (for profiling).")
    var largeOnly = false

    func run() throws {
        let content: ContentPacks
        do { content = try assets.load() } catch let error as Failure { Self.fail(error) }
        print("| screen | size | statements | median ms | 99th percentile ms |")
        print("|---|---|---:|---:|---:|")
        for stage in themesOnly ? [StageKind.theming] : [.workingTogether, .theming] {
            for size in largeOnly ? [Size(width: 200, height: 60)] : [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
                let sizes = statements.isEmpty ? [10, 100, 1_000] : statements
                let results = KeyBenchmark.run(statements: sizes, stage: stage, size: size, keys: keys, rounds: max(4, keys / 250),
                                               content: content)
                for (statements, r) in zip(sizes, results) {
                    print("| \(stage == .theming ? "finding themes (moving)" : "capture (typing)") | \(size.width)×\(size.height) "
                        + "| \(statements) | \(String(format: "%.3f", r.median)) | \(String(format: "%.3f", r.p99)) |")
                }
            }
        }
        if themesOnly { return }
        // Start-up: the sessions folder read and the start screen drawn, with 200 made-up workshops in it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("together-start-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try? OwnerOnly.makeFolder(folder)
        let demo = DemoData(content: content, seed: 5)
        for i in 0..<200 {
            try? AtomicFile.write(SessionCodec.encode(demo.session(i)), to: folder.appendingPathComponent("s\(i).json"), durable: false)
        }
        var times: [Double] = []
        for _ in 0..<20 { times.append(KeyBenchmark.startUp(folder: folder, content: content)) }
        times.sort()
        print("")
        print("Start-up to the first frame with 200 workshops in the folder: median \(String(format: "%.1f", times[10])) ms, "
            + "slowest of 20 \(String(format: "%.1f", times[19])) ms")
    }
}
