import ArgumentParser
import Foundation
import TogetherAggregate
import TogetherApp
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

@main
struct Together: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "together",
        abstract: "Co-production workshops for health and social care commissioning.",
        subcommands: [WorkshopCommand.self, DisplayCommand.self, TallyCommand.self, ExportCommand.self, ImportCommand.self, KeysCommand.self, DemoDataCommand.self, MeasureKeysCommand.self],
        defaultSubcommand: WorkshopCommand.self
    )
}

/// Options every command shares.
struct AssetOptions: ParsableArguments {
    @Option(name: .customLong("assets"), help: "The assets folder (content packs). Found by itself in a checkout.")
    var folder: String?

    func folderURL() -> URL? {
        PackLoader.findAssets(explicit: folder, environment: ProcessInfo.processInfo.environment,
                              executable: CommandLine.arguments[0])
    }

    func requiredFolder() throws -> URL {
        guard let assets = folderURL() else {
            throw ValidationError("Cannot find the assets folder. Run Together from its folder, or give --assets PATH.")
        }
        return assets
    }

    /// Every language's packs, and the ones for `language`.
    func loadLanguages(_ language: String) throws -> (ContentPacks, [String: ContentPacks]) {
        let assets = try requiredFolder()
        let packs: [String: ContentPacks]
        do {
            packs = try PackLoader.loadLanguages(assets: assets)
            for (code, pack) in packs {
                try Stages.check(pack, file: assets.appendingPathComponent("content/\(code)/workshop.json").path)
            }
        } catch { throw Failure(message: error.description) }
        guard let chosen = packs[language] else {
            throw Failure(message: "There are no content packs for --lang \(language). Choose one of: "
                + packs.keys.sorted().joined(separator: ", ") + ".")
        }
        return (chosen, packs)
    }

    func load() throws -> ContentPacks {
        let assets = try requiredFolder()
        do {
            let pack = try PackLoader.load(from: assets.appendingPathComponent("content/en"))
            try Stages.check(pack, file: assets.appendingPathComponent("content/en/workshop.json").path)
            return pack
        } catch {
            throw Failure(message: error.description)
        }
    }
}

/// How the screen looks: shared by the workshop and the participant display.
struct LookOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "No colour (NO_COLOR is honoured too).")
    var noColor = false

    @Option(help: "default, high-contrast, monochrome or low-stimulus (calm: no colour, no symbols).")
    var theme: String = "default"

    @Flag(name: .customLong("no-symbols"), help: "Words only: no + ! * or dots beside them.")
    var noSymbols = false

    @Flag(help: "Large text: the prompt and the chosen line in big letters (L switches it).")
    var large = false

    func validate() throws {
        guard Theme(rawValue: theme) != nil else {
            throw ValidationError("--theme \(theme) is not a theme. Use one of: "
                + Theme.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
    }

    func view() -> ViewOptions {
        let noColour = noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        return ViewOptions(theme: Theme(rawValue: theme) ?? .standard, colour: !noColour, symbols: !noSymbols,
                           large: large)
    }
}

/// A plain message and a non-zero exit, with no stack trace.
struct Failure: Error, CustomStringConvertible {
    var message: String
    var code: Int32 = 1
    var description: String { message }
}

extension ParsableCommand {
    static func fail(_ error: Failure) -> Never {
        FileHandle.standardError.write(Data((error.message + "\n").utf8))
        Foundation.exit(error.code)
    }
}

struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Run a workshop (the default). Offers to carry on with unfinished workshops."
    )

    @OptionGroup var assets: AssetOptions

    @Option(help: "The folder for session files.")
    var sessions: String = "sessions"

    @OptionGroup var look: LookOptions

    @Option(help: "The language for a new workshop: en (English) or cy (Cymraeg, wording to be checked). It can also be chosen at setup.")
    var lang: String = "en"

    @Flag(help: "Line by line: numbered choices, no full-screen drawing (for a screen reader, or a script on stdin). Chosen by itself when TERM is dumb or unset, or input or output is not a terminal.")
    var plain = false

    @Argument(help: "A session file to open straight away.")
    var session: String?

    func run() throws {
        let content: ContentPacks, languages: [String: ContentPacks]
        do { (content, languages) = try assets.loadLanguages(lang) } catch let error as Failure { Self.fail(error) }
        let store = SessionStore(folder: URL(fileURLWithPath: sessions))
        var state: AppState
        if let session {
            let url = URL(fileURLWithPath: session)
            _ = AtomicFile.removeStale(in: url.deletingLastPathComponent())
            let opened: Session
            do {
                opened = try store.open(url)
            } catch {
                Self.fail(Failure(message: "Cannot open \(error). The file was left as it is."))
            }
            if store.isInUseElsewhere(url) {
                // A second window on a workshop that is open: shown read-only, and it says so.
                var view = look.view()
                view.large = look.large
                guard let terminal = NcursesTerminal(colour: view.colour) else {
                    Self.fail(Failure(message: "\(session) is open in another Together window. Close that one first."))
                }
                Foundation.exit(DisplayRunner(target: .file(url), content: content, terminal: terminal, view: view,
                                              languages: languages, openElsewhere: true).run())
            }
            do { try store.claim(opened) } catch { Self.fail(Failure(message: error.description)) }
            state = AppState(session: opened)
            // The workshops in the same folder, which "since last time" can follow up.
            state.earlier = store.scan().sessions.map(\.session).filter { !$0.actions.isEmpty && $0.id != opened.id }
        } else {
            do { try store.prepare() } catch { Self.fail(Failure(message: error.description)) }
            _ = AtomicFile.removeStale(in: store.folder)
            state = WorkshopRunner.startScreen(store)
        }
        state.view = look.view()
        let speaker = Speaker.find(language: state.session?.setup.language ?? lang)
        if plain || PlainRunner.isNeeded() {
            let runner = PlainRunner(state: state, content: content, store: store, speaker: speaker,
                                     languages: languages)
            Foundation.exit(runner.run())
        }
        guard let terminal = NcursesTerminal(colour: state.view.colour) else {
            Self.fail(Failure(message: "Together needs a terminal to show the workshop, and this is not one "
                + "(or TERM is not set). Run it in a terminal window."))
        }
        let runner = WorkshopRunner(state: state, content: content, store: store, terminal: terminal,
                                    speaker: speaker, languages: languages)
        let code = runner.run()
        Foundation.exit(Self.farewell(runner.engine, runner.sessionURL, code))
    }

    /// What is printed on leaving: "Saved" only when it is true.
    static func farewell(_ engine: WorkshopEngine, _ url: URL?, _ code: Int32) -> Int32 {
        guard let url, engine.state.session != nil else { return code }
        if engine.allSaved {
            print("Saved: \(url.path)")
            return code
        }
        var message = "Not saved to \(url.path): \(engine.state.saveProblem ?? "saving failed")."
        if let copy = engine.rescuedTo {
            message += " A copy of everything is in \(copy.path). Open it with: together '\(copy.path)'"
        } else {
            message += " A copy could not be written either: the last words typed may be lost."
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return 4
    }
}

struct DisplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display",
        abstract: "The participant display: follows a workshop in large text on a second screen. Read-only."
    )

    @OptionGroup var assets: AssetOptions
    @OptionGroup var look: LookOptions

    @Option(help: "The folder to watch when no session file is named: the newest workshop in it is shown.")
    var sessions: String = "sessions"

    @Argument(help: "The session file to follow (the facilitator's Together saves it after every change).")
    var session: String?

    func run() throws {
        let content: ContentPacks, languages: [String: ContentPacks]
        do { (content, languages) = try assets.loadLanguages("en") } catch let error as Failure { Self.fail(error) }
        let target: DisplayRunner.Target
        if let session {
            let url = URL(fileURLWithPath: session)
            guard FileManager.default.fileExists(atPath: url.path) else {
                Self.fail(Failure(message: "\(session) does not exist. Name the session file the facilitator is "
                    + "using (it is shown when their Together closes), or give no file to follow the newest in \(sessions)."))
            }
            target = .file(url)
        } else {
            let folder = URL(fileURLWithPath: sessions)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                Self.fail(Failure(message: "There is no folder \(sessions) to watch. Give a session file, or --sessions DIR."))
            }
            target = .newestIn(folder)
        }
        var view = look.view()
        view.large = true
        guard let terminal = NcursesTerminal(colour: view.colour) else {
            Self.fail(Failure(message: "The participant display needs a terminal window to draw in (TERM is not set "
                + "or this is not a terminal). Run it in a terminal on the second screen."))
        }
        Foundation.exit(DisplayRunner(target: target, content: content, terminal: terminal, view: view,
                                      languages: languages).run())
    }
}

struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Commissioning themes from many sessions: ranked, in commissioning language, with no names."
    )

    @OptionGroup var assets: AssetOptions

    @Option(help: "table, markdown, csv, json, html or easy-read.")
    var format: String = "table"

    @Option(help: "A new or empty folder: write every format there (with the CSV's field guide and the JSON schema).")
    var out: String?

    @Flag(help: "Fail (exit 1, no output) if any file could not be read.")
    var strict = false

    @Option(name: .customLong("min-count"), help: "Hide counts below this, and any count that could give one away (shown as \"hidden\"). 1 hides nothing.")
    var minCount: Int = Disclosure.defaultThreshold

    @Flag(name: .customLong("no-quotes"), help: "Show no quotes at all, even from people who agreed.")
    var noQuotes = false

    @Option(help: "Only workshops on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only workshops on or before this day (YYYY-MM-DD).")
    var until: String?

    @Option(help: "Only workshops in this area (give it again for more areas).")
    var area: [String] = []

    @Option(help: "Only this group type, by id or label (give it again for more).")
    var group: [String] = []

    @Option(help: "Only this level of commissioning: individual, operational or strategic (give it again for more).")
    var level: [String] = []

    @Option(help: "The folder for the summary cache (default: ~/.cache/together).")
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Read every file afresh and keep no cache.")
    var noCache = false

    @Argument(help: "Session files, folders (searched all the way down) or patterns such as 'sessions/2026-*.json'.")
    var paths: [String] = []

    func run() throws {
        guard let format = TallyFormat(rawValue: format) else {
            throw ValidationError("--format must be one of " + TallyFormat.allCases.map(\.rawValue).joined(separator: ", ")
                                  + " (not \"\(format)\").")
        }
        guard minCount >= 1 else {
            throw ValidationError("--min-count must be 1 or more (1 hides nothing; the default is 3).")
        }
        guard !paths.isEmpty else {
            throw ValidationError("Name at least one session file or folder, for example: together tally sessions")
        }
        if let out, let existing = try? FileManager.default.contentsOfDirectory(atPath: out), !existing.isEmpty {
            Self.fail(Failure(message: "\(out) already has files in it. Give a new or empty folder, so nothing is overwritten."))
        }
        let content: ContentPacks
        do { content = try assets.load() } catch let error as Failure { Self.fail(error) }
        let filter = TallyFilter(since: since, until: until, areas: area, groups: group, levels: level)
        if let problem = filter.problem(content) { Self.fail(Failure(message: problem)) }
        let env = ProcessInfo.processInfo.environment
        let cacheFolder = noCache ? nil : cache.map { URL(fileURLWithPath: $0) } ?? SummaryCache.defaultFolder(env)
        let tally = Tallier.run(paths: paths, content: content, filter: filter,
                                cache: cacheFolder.map { SummaryCache(folder: $0, content: content) })
        for skip in tally.skipped {
            FileHandle.standardError.write(Data("Skipped \(skip.path): \(skip.reason)\n".utf8))
        }
        for duplicate in tally.duplicates {
            FileHandle.standardError.write(Data("Counted once: \(duplicate.note)\n".utf8))
        }
        var summary = "Read \(tally.read) session\(tally.read == 1 ? "" : "s")"
        if tally.filteredOut > 0 {
            summary += "; \(tally.filteredOut) left out by the filters, \(tally.totals.sessions) counted"
        }
        if !tally.duplicates.isEmpty { summary += "; \(tally.duplicates.count) duplicate file(s) counted once" }
        FileHandle.standardError.write(Data((summary + "; skipped \(tally.skipped.count).\n").utf8))
        if strict && !tally.skipped.isEmpty {
            Self.fail(Failure(message: "Stopped: --strict was given and \(tally.skipped.count) file(s) could not be read."))
        }
        let report = ReportBuilder.build(tally, content, ReportOptions(
            threshold: minCount, quotes: !noQuotes, filters: filter.description(content)))
        if let out {
            do {
                let written = try ReportWriter.write(report, to: URL(fileURLWithPath: out),
                                                     guides: assets.folderURL()?.appendingPathComponent("tally"))
                FileHandle.standardError.write(Data("Wrote \(written.count) files to \(out).\n".utf8))
            } catch {
                Self.fail(Failure(message: "Cannot write the report in \(out): \(error.localizedDescription)"))
            }
        } else {
            print(format.render(report), terminator: "")
        }
        if !tally.skipped.isEmpty { Foundation.exit(3) }
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the workshop's keys as Markdown (the README's list is this)."
    )

    @OptionGroup var assets: AssetOptions
    @Option(help: "The language of the key list: en or cy.") var lang = "en"

    func run() throws {
        do {
            let (content, _) = try assets.loadLanguages(lang)
            print(Keymap.markdown(content.facilitatorWords), terminator: "")
        } catch let error as Failure { Self.fail(error) }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a workshop's handouts: an Easy Read summary and the full record, in Markdown and HTML."
    )

    @OptionGroup var assets: AssetOptions

    @Option(help: "The folder to write into (the session file's folder if not given).")
    var out: String?

    @Argument(help: "The session file.")
    var session: String

    func run() throws {
        let content: ContentPacks
        do { content = try assets.load() } catch let error as Failure { Self.fail(error) }
        let url = URL(fileURLWithPath: session)
        let loaded: Session
        do { loaded = try SessionCodec.read(url) } catch {
            Self.fail(Failure(message: "Cannot open \(error). Nothing was written."))
        }
        let folder = out.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent()
        do {
            let written = try HandoutWriter.write(loaded, content, into: folder,
                                                  stem: url.deletingPathExtension().lastPathComponent)
            for file in written { print(file.path) }
        } catch {
            Self.fail(Failure(message: "The handouts could not be written: \(error)"))
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add statements from person-centred reviews (a CSV file) to a session. All or nothing."
    )

    @OptionGroup var assets: AssetOptions

    @Option(help: "The session file to add the statements to.")
    var into: String

    @Argument(help: "A CSV file with the columns person,category,rank,text,theme (theme may be empty).")
    var reviews: String

    func run() throws {
        let content: ContentPacks
        do { content = try assets.load() } catch let error as Failure { Self.fail(error) }
        let sessionURL = URL(fileURLWithPath: into)
        let store = SessionStore(folder: sessionURL.deletingLastPathComponent())
        let session: Session
        do { session = try store.open(sessionURL) } catch {
            Self.fail(Failure(message: "Cannot open \(error). Nothing was imported."))
        }
        // Held until the import is written: a workshop cannot open the file in between.
        if store.isInUseElsewhere(sessionURL) {
            Self.fail(Failure(message: "\(into) is open in Together just now. Close it there first, then import."))
        }
        do { try store.claim(session) } catch { Self.fail(Failure(message: "\(error.description) Nothing was imported.")) }
        guard let data = FileManager.default.contents(atPath: reviews) else {
            Self.fail(Failure(message: "Cannot read \(reviews). Is the name right? Nothing was imported."))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            Self.fail(Failure(message: "\(reviews) is not UTF-8 text. Save it from the spreadsheet as "
                + "\"CSV UTF-8\" and try again. Nothing was imported."))
        }
        switch ReviewImport.apply(csv: text, to: session, content, now: Environment.live.now()) {
        case .failure(let problems):
            var message = "\(reviews) has \(problems.all.count) problem\(problems.all.count == 1 ? "" : "s"):\n"
            for problem in problems.all { message += "  \(reviews) \(problem)\n" }
            message += "Nothing was imported. Fix the file and run the same command again."
            Self.fail(Failure(message: message))
        case .success(let (updated, summary)):
            do { try store.save(updated) } catch {
                Self.fail(Failure(message: "\(error). Nothing was imported."))
            }
            print("Imported \(summary.statements) statements from reviews (\(summary.newPeople) new people) into \(into).")
        }
    }
}

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

    func run() throws {
        let content: ContentPacks
        do { content = try assets.load() } catch let error as Failure { Self.fail(error) }
        print("| screen | size | statements | median ms | 99th percentile ms |")
        print("|---|---|---:|---:|---:|")
        for stage in [StageKind.workingTogether, .theming] {
            for size in [Size(width: 80, height: 24), Size(width: 200, height: 60)] {
                for statements in [10, 100, 1_000] {
                    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("together-keys-\(UUID().uuidString)")
                    defer { try? FileManager.default.removeItem(at: folder) }
                    let r = KeyBenchmark.run(statements: statements, stage: stage, size: size, keys: keys, folder: folder,
                                             content: content)
                    print("| \(stage == .theming ? "finding themes (moving)" : "capture (typing)") | \(size.width)×\(size.height) "
                        + "| \(statements) | \(String(format: "%.2f", r.median)) | \(String(format: "%.2f", r.p99)) |")
                }
            }
        }
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
