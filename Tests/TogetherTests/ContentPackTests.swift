import Foundation
import Testing
@testable import TogetherContent
@testable import TogetherCore

@Suite("Content packs")
struct ContentPackTests {
    @Test("the shipped packs carry the three frameworks in full")
    func shippedPacks() throws {
        #expect(content.makingItReal.themes.map(\.id)
            == ["wellbeing", "information", "communities", "support", "control", "workforce"])
        #expect(content.workingTogether.categories.map(\.id) == ["working", "notWorking", "aspirations"])
        #expect(content.workingTogether.statementsPerPerson == 3)
        #expect(content.topTips.tips.map(\.id) == ["discrimination", "adjustments", "important", "coproduction",
                                                   "brave", "information-time", "shared-vision", "action"])
        #expect(content.workshop.stages.map(\.id) == Stages.kinds)
        #expect(content.plan("nextRound").stages == Stages.kinds)
        #expect(content.plan("full").stages == Stages.kinds.filter { $0 != .sinceLastTime })
        #expect(content.workshop.plans.map(\.id) == ["full", "oneDay", "makingItRealOnly", "topTipsOnly", "nextRound"])
        for theme in content.makingItReal.themes { #expect(theme.source.year == 2018) }
        for tip in content.topTips.tips { #expect(tip.source.publisher == "NHS Confederation") }
    }

    /// Copies the shipped packs to a temporary folder and lets a test break one file.
    func brokenCopy(_ file: String, _ change: (inout [String: Any]) -> Void) throws -> URL {
        let folder = temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: englishPacks.path) {
            try FileManager.default.copyItem(at: englishPacks.appendingPathComponent(name),
                                             to: folder.appendingPathComponent(name))
        }
        let url = folder.appendingPathComponent(file)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        change(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        return folder
    }

    func loadError(_ folder: URL) -> PackError? {
        do {
            // What the program does: the loader checks the files, then every stage named must be one it can show.
            let packs = try PackLoader.load(from: folder)
            try Stages.check(packs, file: folder.appendingPathComponent("workshop.json").path)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing field is named with its file and JSON path")
    func missingField() throws {
        let folder = try brokenCopy("making-it-real.json") { json in
            var themes = json["themes"] as! [[String: Any]]
            themes[2].removeValue(forKey: "prompt")
            json["themes"] = themes
        }
        let error = try #require(loadError(folder))
        #expect(error.file.hasSuffix("making-it-real.json"))
        #expect(error.path == "themes[2].prompt")
        #expect(error.description.contains("themes[2].prompt is missing"))
    }

    @Test("a value of the wrong type is named")
    func wrongType() throws {
        let folder = try brokenCopy("working-together.json") { $0["statementsPerPerson"] = "three" }
        let error = try #require(loadError(folder))
        #expect(error.path == "statementsPerPerson")
        #expect(error.reason.contains("whole number"))
    }

    @Test("a repeated id, an empty label and an unknown stage are refused")
    func validation() throws {
        let repeated = try brokenCopy("top-tips.json") { json in
            var tips = json["tips"] as! [[String: Any]]
            tips[5]["id"] = "brave"
            json["tips"] = tips
        }
        #expect(loadError(repeated)?.path == "tips[5].id")

        let empty = try brokenCopy("workshop.json") { json in
            var roles = json["roles"] as! [[String: Any]]
            roles[0]["label"] = "  "
            json["roles"] = roles
        }
        #expect(loadError(empty)?.path == "roles[0].label")

        let unknownStage = try brokenCopy("workshop.json") { json in
            var stages = json["stages"] as! [[String: Any]]
            stages.insert(["id": "dancing", "label": "Dancing", "prompt": "Shall we dance?"], at: 1)
            json["stages"] = stages
        }
        #expect(loadError(unknownStage)?.path == "stages[1].id")
        #expect(loadError(unknownStage)?.reason.contains("cannot show") == true)
    }

    @Test("a file that is not JSON, or is missing, gets a clear message")
    func notJSON() throws {
        let folder = try brokenCopy("top-tips.json") { _ in }
        try Data("{ \"pack\": ".utf8).write(to: folder.appendingPathComponent("top-tips.json"))
        let error = try #require(loadError(folder))
        #expect(error.file.hasSuffix("top-tips.json"))
        #expect(error.reason.hasPrefix("is not valid JSON"))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("workshop.json"))
        try Data(contentsOf: englishPacks.appendingPathComponent("top-tips.json"))
            .write(to: folder.appendingPathComponent("top-tips.json"))
        let missing = try #require(loadError(folder))
        #expect(missing.file.hasSuffix("workshop.json"))
        #expect(missing.reason.contains("cannot be read"))
    }
}
