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
        version: "together \(TogetherVersion.number)",
        subcommands: [WorkshopCommand.self, DisplayCommand.self, TallyCommand.self, ExportCommand.self, ImportCommand.self, KeysCommand.self, DemoDataCommand.self, MeasureKeysCommand.self],
        defaultSubcommand: WorkshopCommand.self
    )
}

/// Options every command shares.
struct AssetOptions: ParsableArguments {
    @Option(name: .customLong("assets"), help: "The assets folder (content packs). Found by itself: TOGETHER_ASSETS, ./assets, ../share/together beside the program, a checkout above it, /usr/share/together.")
    var folder: String?

    func folderURL() -> URL? {
        // The running program itself (a copy or a link found on PATH), not the name it was started by.
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return PackLoader.findAssets(explicit: folder, environment: ProcessInfo.processInfo.environment, executable: exe)
    }

    /// Where workshops are saved when --sessions is not given: `./sessions` beside a checkout's assets (where the
    /// examples are); when Together is installed, a folder a facilitator can find, never the installed files.
    func defaultSessions() -> String {
        guard let found = folderURL()?.standardizedFileURL.path,
              found.hasSuffix("/share/together") || found == "/usr/share/together" else { return "sessions" }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent("Documents/Together").path
    }

    func requiredFolder() throws -> URL {
        guard let assets = folderURL() else {
            throw ValidationError("Cannot find the assets folder (the content packs). Give --assets PATH, or set "
                + "TOGETHER_ASSETS=PATH, or keep them in ../share/together beside the program.")
        }
        return assets
    }

    /// Every language's packs, and the ones for `language`.
    /// `only`: load just these languages (and `language`); `font`: the large-text font too.
    func loadLanguages(_ language: String, only: Set<String>? = nil, font: Bool = true) throws -> (ContentPacks, [String: ContentPacks]) {
        let assets = try requiredFolder()
        let packs: [String: ContentPacks]
        do {
            packs = try PackLoader.loadLanguages(assets: assets, only: only.map { $0.union([language]) }, font: font)
            for (code, pack) in packs {
                try Stages.check(pack, file: assets.appendingPathComponent("content/\(code)/workshop.json").path)
            }
        } catch { throw Failure(message: error.description) }
        guard let chosen = packs[language] else {
            throw Failure(message: "There are no content packs for --lang \(language). Choose one of: "
                + PackLoader.languageCodes(assets: assets).sorted().joined(separator: ", ") + ".")
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

    @Option(help: "default, high-contrast, monochrome or low-stimulus (calm: no colour, no symbols).",
            completion: .list(Theme.allCases.map(\.rawValue)))
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
