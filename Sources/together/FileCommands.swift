import ArgumentParser
import Foundation
import TogetherAggregate
import TogetherApp
import TogetherContent
import TogetherCore
import TogetherPersistence
import TogetherTerminal

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the workshop's keys as Markdown (the README's list is this)."
    )

    @OptionGroup var assets: AssetOptions
    @Option(help: "The language of the key list: en or cy.", completion: .list(["en", "cy"])) var lang = "en"

    func run() throws {
        do {
            let (content, _) = try assets.loadLanguages(lang, only: [], font: false)
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
        let url = URL(fileURLWithPath: session)
        let loaded: Session
        do { loaded = try SessionCodec.read(url) } catch {
            Self.fail(Failure(message: "Cannot open \(error). Nothing was written."))
        }
        // The handouts are in the workshop's own language (English when its packs are not here).
        let content: ContentPacks
        do {
            let (english, all) = try assets.loadLanguages("en", font: false) // handouts draw no large text
            content = all[loaded.setup.language] ?? english
        } catch let error as Failure { Self.fail(error) }
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
