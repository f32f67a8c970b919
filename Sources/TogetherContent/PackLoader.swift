import Foundation

/// Why a content pack could not be used. The message names the file and the field, so whoever edits the
/// pack can find the mistake.
public struct PackError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var reason: String

    public init(file: String, path: String, reason: String) {
        self.file = file
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "Content pack \(file): \(path) \(reason). Fix the file, or put back the copy that came with Together."
    }
}

/// Loads the content packs from a folder such as `assets/content/en`.
public enum PackLoader {
    public static let fileNames = (
        makingItReal: "making-it-real.json",
        workingTogether: "working-together.json",
        topTips: "top-tips.json",
        workshop: "workshop.json",
        keywords: "keywords.json",
        commissioning: "commissioning.json"
    )

    /// One language's packs. `font`: the large-text font as well (once loaded, it can be given here instead).
    public static func load(from folder: URL, font: Font = .load) throws(PackError) -> ContentPacks {
        let packs = ContentPacks(
            makingItReal: try decode(MakingItRealPack.self, folder, fileNames.makingItReal),
            workingTogether: try decode(WorkingTogetherPack.self, folder, fileNames.workingTogether),
            topTips: try decode(TopTipsPack.self, folder, fileNames.topTips),
            workshop: try decode(WorkshopPack.self, folder, fileNames.workshop),
            keywords: try decode(KeywordPack.self, folder, fileNames.keywords),
            commissioning: try decode(CommissioningPack.self, folder, fileNames.commissioning)
        )
        try validate(packs, folder: folder)
        var withFont = packs
        let words = try decode(ParticipantWords.self, folder, "participant-words.json")
        if let missing = words.missing.first {
            throw PackError(file: "participant-words.json", path: "words.\(missing.rawValue)", reason: "is missing")
        }
        withFont.words = words
        let facilitatorWords = try decode(FacilitatorWords.self, folder, "facilitator-words.json")
        if let missing = facilitatorWords.missing.first {
            throw PackError(file: "facilitator-words.json", path: "words.\(missing.rawValue)", reason: "is missing")
        }
        withFont.facilitatorWords = facilitatorWords
        // The tally's words: English is in the code; another language has them in its own file.
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("tally-words.json").path) {
            withFont.tallyWords = try decode(TallyWords.self, folder, "tally-words.json")
        } else {
            withFont.tallyWords = TallyWords(language: packs.makingItReal.language, words: [:])
        }
        // assets/content/<language>/ → assets/pictures/: the Easy Read pictures, by name (none when the folder is missing).
        let pictures = folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("pictures")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: pictures.path)) ?? []).sorted() where name.hasSuffix(".svg") {
            guard let data = FileManager.default.contents(atPath: pictures.appendingPathComponent(name).path),
                  let svg = String(data: data, encoding: .utf8), svg.contains("<svg") else {
                throw PackError(file: "pictures/\(name)", path: "", reason: "is not an SVG picture in UTF-8")
            }
            withFont.pictures[String(name.dropLast(4))] = svg
        }
        switch font {
        case .load: withFont.font = try loadFont(assets: folder.deletingLastPathComponent().deletingLastPathComponent()) ?? .empty
        case .given(let given): withFont.font = given ?? .empty
        }
        return withFont
    }

    /// Where a language's packs get the large-text font: loaded from the assets, or one already loaded (nil: none,
    /// for the tally and the files written from a session, which draw no large text).
    public enum Font {
        case load, given(BlockFont?)
    }

    /// The large-text font of the assets (`assets/fonts/`), or nil when there is none.
    static func loadFont(assets: URL) throws(PackError) -> BlockFont? {
        let fontURL = assets.appendingPathComponent("fonts/together-blocks.txt")
        guard FileManager.default.fileExists(atPath: fontURL.path) else { return nil }
        do { return try BlockFont.load(fontURL) } catch {
            throw PackError(file: fontURL.lastPathComponent, path: "", reason: "\(error)")
        }
    }

    /// Every language's packs under `assets/content/` (one folder per language, `en` first), each told which
    /// languages there are, so a workshop can switch language at setup.
    /// `only`: just these languages are loaded (the others are still listed, by their codes); `font`: whether
    /// the large-text font is loaded (once, for every language).
    public static func loadLanguages(assets: URL, only: Set<String>? = nil, font: Bool = true) throws(PackError)
        -> [String: ContentPacks] {
        let codes = languageCodes(assets: assets)
        let folder = assets.appendingPathComponent("content")
        let shared: BlockFont? = font ? try loadFont(assets: assets) : nil
        var packs: [String: ContentPacks] = [:]
        for code in codes where only?.contains(code) ?? true {
            packs[code] = try load(from: folder.appendingPathComponent(code), font: .given(shared))
        }
        let languages = codes.map { ContentPacks.Language(code: $0, name: packs[$0]?.words.name ?? $0) }
        for code in codes { packs[code]?.languages = languages }
        return packs
    }

    /// The languages with packs under `assets/content/`, English first.
    public static func languageCodes(assets: URL) -> [String] {
        let folder = assets.appendingPathComponent("content")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/making-it-real.json").path) }
            .sorted { ($0 == "en" ? 0 : 1, $0) < ($1 == "en" ? 0 : 1, $1) }
    }

    /// Finds `assets/` for a run: an explicit folder, then `$TOGETHER_ASSETS`, then `./assets`, then the
    /// folders above the executable (so a built program finds the assets of its own checkout).
    public static func findAssets(explicit: String?, environment: [String: String], executable: String) -> URL? {
        let fm = FileManager.default
        func ok(_ url: URL) -> Bool {
            fm.fileExists(atPath: url.appendingPathComponent("content").path)
        }
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = environment["TOGETHER_ASSETS"], !env.isEmpty { return URL(fileURLWithPath: env) }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("assets")
        if ok(cwd) { return cwd }
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        // Installed: `…/bin/together` with its assets in `…/share/together`.
        let installed = dir.deletingLastPathComponent().appendingPathComponent("share/together")
        if ok(installed) { return installed }
        // A checkout: `assets/` in a folder above the built program.
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("assets")
            if ok(candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for system in ["/usr/share/together", "/usr/local/share/together"] where ok(URL(fileURLWithPath: system)) {
            return URL(fileURLWithPath: system)
        }
        return nil
    }

    static func decode<T: Decodable>(_ type: T.Type, _ folder: URL, _ name: String) throws(PackError) -> T {
        let url = folder.appendingPathComponent(name)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PackError(file: url.path, path: "(file)", reason: "cannot be read (is it there?)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            let (path, reason) = explainDecodingFailure(error, data: data, wholeNumberKeys: ["version", "statementsPerPerson", "year", "topThemes", "minutes"])
            throw PackError(file: url.path, path: path, reason: reason)
        }
    }

    /// Checks what JSON decoding cannot: ids unique and present, text not empty, numbers in range.
    static func validate(_ packs: ContentPacks, folder: URL) throws(PackError) {
        let names = fileNames
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }

        try checkItems(packs.makingItReal.themes.map { ($0.id, [("label", $0.label), ("prompt", $0.prompt)]) },
                       list: "themes", file: file(names.makingItReal))
        try checkItems(packs.makingItReal.scale.map { ($0.id, [("label", $0.label)]) },
                       list: "scale", file: file(names.makingItReal))
        try checkItems(packs.workingTogether.categories.map {
            ($0.id, [("label", $0.label), ("symbol", $0.symbol), ("prompt", $0.prompt)])
        }, list: "categories", file: file(names.workingTogether))
        if !(1...9).contains(packs.workingTogether.statementsPerPerson) {
            throw PackError(file: file(names.workingTogether), path: "statementsPerPerson",
                            reason: "should be a whole number from 1 to 9")
        }
        try checkItems(packs.topTips.tips.map { ($0.id, [("label", $0.label), ("prompt", $0.prompt)]) },
                       list: "tips", file: file(names.topTips))
        try checkItems(packs.topTips.scale.map { ($0.id, [("label", $0.label)]) },
                       list: "scale", file: file(names.topTips))
        try checkItems(packs.workshop.stages.map { ($0.id.rawValue, [("label", $0.label)]) },
                       list: "stages", file: file(names.workshop))
        try checkItems(packs.workshop.roles.map { ($0.id, [("label", $0.label)]) },
                       list: "roles", file: file(names.workshop))
        try checkItems(packs.workshop.groupTypes.map { ($0.id, [("label", $0.label)]) },
                       list: "groupTypes", file: file(names.workshop))
        try checkItems(packs.workshop.levels.map { ($0.id, [("label", $0.label)]) },
                       list: "levels", file: file(names.workshop))
        if packs.workshop.stages.first?.id != .setup {
            throw PackError(file: file(names.workshop), path: "stages[0].id",
                            reason: "should be \"setup\": every workshop starts by setting up")
        }
        for (i, stage) in packs.workshop.stages.enumerated() {
            if let answers = stage.answers {
                try checkItems(answers.map { ($0.id, [("label", $0.label)]) }, list: "stages[\(i)].answers",
                               file: file(names.workshop))
            }
        }
        try checkItems(packs.workshop.plans.map { ($0.id, [("label", $0.label)]) },
                       list: "plans", file: file(names.workshop))
        try checkItems(packs.workshop.intentions.map { ($0.id, [("label", $0.label)]) },
                       list: "intentions", file: file(names.workshop))
        try checkItems(packs.workshop.noteSections.map { ($0.id, [("label", $0.label)]) },
                       list: "noteSections", file: file(names.workshop))
        let known = Set(packs.workshop.stages.map(\.id))
        for (i, plan) in packs.workshop.plans.enumerated() {
            let at = "plans[\(i)]"
            if plan.stages.first != .setup || plan.stages.last != .finish {
                throw PackError(file: file(names.workshop), path: "\(at).stages",
                                reason: "should start with \"setup\" and end with \"finish\"")
            }
            if let missing = plan.stages.first(where: { !known.contains($0) }) {
                throw PackError(file: file(names.workshop), path: "\(at).stages",
                                reason: "names \"\(missing.rawValue)\", which is not in the list of stages")
            }
            if Set(plan.stages).count != plan.stages.count {
                throw PackError(file: file(names.workshop), path: "\(at).stages", reason: "lists a stage twice")
            }
            if !(1...9).contains(plan.topThemes) {
                throw PackError(file: file(names.workshop), path: "\(at).topThemes",
                                reason: "should be a whole number from 1 to 9")
            }
        }
        let themeIds = Set(packs.makingItReal.themes.map(\.id))
        for (i, list) in packs.keywords.themes.enumerated() where !themeIds.contains(list.themeId) {
            throw PackError(file: file(names.keywords), path: "themes[\(i)].themeId",
                            reason: "is \"\(list.themeId)\", which is not a Making It Real theme id")
        }
        try validateCommissioning(packs, file: file(names.commissioning))
    }

    private static func validateCommissioning(_ packs: ContentPacks, file: String) throws(PackError) {
        let c = packs.commissioning
        try checkItems(c.domains.map { ($0.id, [("label", $0.label)]) }, list: "domains", file: file)
        try checkItems(c.standards.map { ($0.id, [("label", $0.label)]) }, list: "standards", file: file)
        try checkItems(c.cycle.map { ($0.id, [("label", $0.label)]) }, list: "cycle", file: file)
        func known(_ ids: [String], _ allowed: Set<String>, _ at: String, _ what: String) throws(PackError) {
            if ids.isEmpty { throw PackError(file: file, path: at, reason: "is empty; give at least one \(what)") }
            for id in ids where !allowed.contains(id) {
                throw PackError(file: file, path: at, reason: "names \"\(id)\", which is not a known \(what)")
            }
        }
        let domains = Set(c.domains.map(\.id)), standards = Set(c.standards.map(\.id)), cycle = Set(c.cycle.map(\.id))
        for (i, s) in c.standards.enumerated() { try known([s.domain], domains, "standards[\(i)].domain", "domain") }
        for (i, link) in c.categories.enumerated() {
            try known([link.categoryId], Set(packs.workingTogether.categories.map(\.id)), "categories[\(i)].categoryId",
                      "Working Together for Change category")
            try known(link.cycle, cycle, "categories[\(i)].cycle", "stage of the commissioning cycle")
        }
        for (i, link) in c.intentions.enumerated() {
            try known([link.intentionId], Set(packs.workshop.intentions.map(\.id)), "intentions[\(i)].intentionId",
                      "commissioning intention")
            try known(link.cycle, cycle, "intentions[\(i)].cycle", "stage of the commissioning cycle")
        }
        for (i, link) in c.themes.enumerated() {
            try known([link.themeId], Set(packs.makingItReal.themes.map(\.id)), "themes[\(i)].themeId",
                      "Making It Real theme")
            try known(link.standards, standards, "themes[\(i)].standards", "standard")
            for (field, text) in [("objective", link.objective), ("reason", link.reason), ("implication", link.implication)]
            where text.trimmingCharacters(in: .whitespaces).isEmpty {
                throw PackError(file: file, path: "themes[\(i)].\(field)", reason: "is empty")
            }
        }
        for theme in packs.makingItReal.themes where c.theme(theme.id) == nil {
            throw PackError(file: file, path: "themes", reason: "has nothing for the Making It Real theme \"\(theme.id)\"")
        }
    }

    private static func checkItems(_ items: [(id: String, texts: [(String, String)])], list: String,
                                   file: String) throws(PackError) {
        if items.isEmpty {
            throw PackError(file: file, path: list, reason: "is an empty list; it needs at least one item")
        }
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            let at = "\(list)[\(index)]"
            if item.id.trimmingCharacters(in: .whitespaces).isEmpty {
                throw PackError(file: file, path: "\(at).id", reason: "is empty")
            }
            if !seen.insert(item.id).inserted {
                throw PackError(file: file, path: "\(at).id", reason: "repeats the id \"\(item.id)\"; ids must be different")
            }
            for (field, text) in item.texts where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw PackError(file: file, path: "\(at).\(field)", reason: "is empty")
            }
        }
    }
}
