import ArgumentParser
import Foundation
import TogetherAggregate
import TogetherApp
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal
import TogetherWorkbook

struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Commissioning themes from many sessions: ranked, in commissioning language, with no names."
    )

    @OptionGroup var assets: AssetOptions

    @Option(help: "The terminal table's width in columns (default: the terminal's, when there is one).")
    var width: Int?

    /// The terminal's width when standard output is one; nil for a file or a pipe (no wrapping).
    static func terminalWidth() -> Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    @Option(help: ArgumentHelp(
        "table, markdown, csv, json, html, easy-read or xlsx (a workbook: give --out, or send it to a file with >); or a "
        + "file for working with, not for publishing: actions-csv (every action, for a tracker) or refi-qda (a .qdpx "
        + "project for NVivo, ATLAS.ti or MAXQDA, with the words people agreed to share)."),
            completion: .list(TallyFormat.allCases.map(\.rawValue) + TallyWorkingFile.allCases.map(\.rawValue)))
    var format: String = "table"

    @Option(help: "A new or empty folder: write every format of the report there (with the CSV's field guide and the JSON schema); not the working files actions-csv and refi-qda.")
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

    @Option(help: "Only this level of commissioning: individual, operational or strategic (give it again for more).",
            completion: .list(["individual", "operational", "strategic"]))
    var level: [String] = []

    @Option(help: "The language of the report: en (English) or cy (Cymraeg, wording to be checked). The counts are the same in every language.",
            completion: .list(["en", "cy"]))
    var lang = "en"

    @Option(help: "The folder for the summary cache (default: ~/.cache/together).")
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Read every file afresh and keep no cache.")
    var noCache = false

    @Argument(help: "Session files, folders (searched all the way down) or patterns such as 'sessions/2026-*.json'.")
    var paths: [String] = []

    func run() throws {
        let working = TallyWorkingFile(rawValue: format)
        guard let format = TallyFormat(rawValue: format) ?? (working == nil ? nil : .table) else {
            throw ValidationError("--format must be one of "
                                  + (TallyFormat.allCases.map(\.rawValue) + TallyWorkingFile.allCases.map(\.rawValue)).joined(separator: ", ")
                                  + " (not \"\(format)\").")
        }
        if working != nil, out != nil {
            throw ValidationError("--out writes the report, which can be published; \(working!.rawValue) is a file for working "
                                  + "with. Send it to a file instead, for example: together tally --format \(working!.rawValue) sessions > "
                                  + (working == .actionsCSV ? "actions.csv" : "tally.qdpx"))
        }
        guard minCount >= 1 else {
            throw ValidationError("--min-count must be 1 or more (1 hides nothing; the default is 3).")
        }
        guard !paths.isEmpty else {
            throw ValidationError("Name at least one session file or folder, for example: together tally sessions")
        }
        if working == .refiQDA, isatty(1) == 1 {
            throw ValidationError("A REFI-QDA project is not for the terminal: send it to a file, for example "
                                  + "together tally --format refi-qda sessions > tally.qdpx")
        }
        if format == .xlsx, out == nil, isatty(1) == 1 {
            throw ValidationError("A workbook is not for the terminal: give --out DIR, or send it to a file, for example "
                                  + "together tally --format xlsx sessions > tally.xlsx")
        }
        if let out, let existing = try? FileManager.default.contentsOfDirectory(atPath: out), !existing.isEmpty {
            Self.fail(Failure(message: "\(out) already has files in it. Give a new or empty folder, so nothing is overwritten."))
        }
        // Counting always uses the English packs (ids and the keyword list), so the counts do not depend on the
        // language; the report's words come from the packs of --lang.
        let content: ContentPacks, words: ContentPacks
        do {
            // Only English (the counting) and the report's language; no large-text font.
            let (_, languages) = try assets.loadLanguages(lang, only: ["en"], font: false)
            guard let english = languages["en"], let chosen = languages[lang] else {
                throw Failure(message: "There are no content packs for --lang \(lang). Choose one of: "
                              + languages.keys.sorted().joined(separator: ", ") + ".")
            }
            (content, words) = (english, chosen)
        } catch let error as Failure { Self.fail(error) }
        let filter = TallyFilter(since: since, until: until, areas: area, groups: group, levels: level)
        if let problem = filter.problem(content) { Self.fail(Failure(message: problem)) }
        let env = ProcessInfo.processInfo.environment
        let cacheFolder = noCache ? nil : cache.map { URL(fileURLWithPath: $0) } ?? SummaryCache.defaultFolder(env)
        let tally = Tallier.run(paths: paths, content: content, filter: filter,
                                cache: cacheFolder.map { SummaryCache(folder: $0, content: content) }, lists: working != nil)
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
        let report = ReportBuilder.build(tally, words, ReportOptions(
            threshold: minCount, quotes: !noQuotes, filters: filter.description(words),
            produced: Workshop.isoDay(Date())))
        if let out {
            do {
                let written = try ReportWriter.write(report, to: URL(fileURLWithPath: out),
                                                     guides: assets.folderURL()?.appendingPathComponent("tally"),
                                                     workbook: XLSXWriter.data)
                FileHandle.standardError.write(Data("Wrote \(written.count) files to \(out).\n".utf8))
            } catch {
                Self.fail(Failure(message: "Cannot write the report in \(out): \(error.localizedDescription)"))
            }
        } else if let working {
            FileHandle.standardOutput.write(Data(working.render(tally.totals, words)))
            FileHandle.standardError.write(Data((TallyWorkingFile.notForPublishing + "\n").utf8))
        } else if format == .xlsx {
            do {
                FileHandle.standardOutput.write(try XLSXWriter.data(WorkbookPlan.make(report)))
            } catch {
                Self.fail(Failure(message: "Cannot make the workbook: \(error)"))
            }
        } else {
            print(format.render(report, width: width ?? Self.terminalWidth()), terminator: "")
        }
        if !tally.skipped.isEmpty { Foundation.exit(3) }
    }
}
