import Foundation
import Testing
@testable import TogetherAggregate
@testable import TogetherContent
@testable import TogetherCore

/// The HTML report as a board member meets it: what it covers and what matters most first, charts anyone can
/// read (with or without sight of them), the frameworks' own titles beside our words.
@Suite("Tally: the report for a board")
struct BoardReportTests {
    static func report(threshold: Int = Disclosure.defaultThreshold) -> Report {
        ReportBuilder.build(exampleRun(), content, ReportOptions(threshold: threshold, produced: "2026-11-30"))
    }

    @Test("it opens with what it covers (period, areas, sessions, day, version, packs), then the three themes that matter most")
    func opening() throws {
        let r = Self.report()
        let html = TallyFormat.html.render(r)
        let order = ["What this report covers", "April 2026 to June 2026", "Sessions counted", "30 November 2026",
                     "Together \(TogetherVersion.number)", "Making It Real 1", "Keywords \(content.keywords.version)", "In short",
                     "Commissioning themes, most important first"]
        var from = html.startIndex
        for words in order {
            let found = try #require(html.range(of: words, range: from..<html.endIndex), "\(words) is missing or out of order")
            from = found.upperBound
        }
        // The summary: one sentence a theme, the top three in their rank order, each with its counts.
        let summary = html[html.range(of: "In short")!.upperBound...].prefix { _ in true }
        let list = String(summary[summary.range(of: "<ol>")!.upperBound..<summary.range(of: "</ol>")!.lowerBound])
        let items = list.components(separatedBy: "<li>").dropFirst()
        #expect(items.count == 3)
        for (item, theme) in zip(items, r.commissioningThemes) {
            #expect(item.hasPrefix(theme.label))
            #expect(item.contains("Making It Real: \(theme.official)"))
            #expect(item.contains("priority \(theme.priority.text);"))
            #expect(item.contains("in \(theme.sessions.text) sessions."))
        }
        // The areas table is withheld on the examples: the areas are not named either.
        #expect(r.about.withheld.contains { $0.part == "areas" })
        #expect(html.contains("Areas</td><td>Not listed"))
        #expect(!html.contains("Ynys Môn, "))
        // With nothing hidden, the areas are listed.
        let open = TallyFormat.html.render(Self.report(threshold: 1))
        let areas = try #require(Self.report(threshold: 1).table("areas")?.rows.map(\.label))
        #expect(!areas.isEmpty)
        #expect(open.contains("Areas</td><td>" + areas.joined(separator: ", ")))
    }

    @Test("every chart is an SVG with a title and a description that gives every value; one for each table the workbook charts")
    func charts() throws {
        let r = Self.report()
        let html = TallyFormat.html.render(r)
        let svgs = html.components(separatedBy: "<svg ").dropFirst()
        let charted = r.tables.filter { WorkbookPlan.chart(for: $0) != nil }
        #expect(svgs.count == 1 + charted.count, "priority, then \(charted.map(\.id))")
        for kind in ["themeRatings", "tipRatings", "groupTypes", "intentions", "trend-notWorking", "trend-aspirations"] {
            #expect(charted.contains { $0.id == kind }, "no chart for \(kind)")
        }
        for svg in svgs {
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title>") && svg.contains("<desc>"))
        }
        // Each chart's description has each row's label and every value in words, hidden ones as the mark.
        for table in charted {
            let svg = try #require(svgs.first { $0.contains("<title>" + Self.escaped(table.title) + "</title>") }, "\(table.id)")
            let desc = String(svg[svg.range(of: "<desc>")!.upperBound..<svg.range(of: "</desc>")!.lowerBound])
            let plan = WorkbookPlan.chart(for: table)!
            for row in plan.rows {
                #expect(desc.contains(Self.escaped(table.rows[row].label)), "\(table.id): \(table.rows[row].label)")
                for c in plan.columns { #expect(desc.contains(table.rows[row].cells[c].text)) }
            }
        }
    }

    @Test("the frameworks' own titles stand beside our words: Making It Real's headings and the NHS Confederation's tips")
    func officialTitles() {
        let r = Self.report()
        let html = TallyFormat.html.render(r)
        let markdown = TallyFormat.markdown.render(r)
        for theme in content.makingItReal.themes {
            #expect(html.contains("Making It Real: " + Self.escaped(theme.heading)), "\(theme.id)")
        }
        for tip in content.topTips.tips {
            #expect(html.contains("NHS Confederation: " + Self.escaped(tip.official)), "\(tip.id)")
            #expect(markdown.contains("NHS Confederation: " + tip.official), "\(tip.id)")
        }
        #expect(r.table("tipRatings")?.rows.allSatisfy { $0.official != nil } == true)
        #expect(r.table("areas")?.rows.allSatisfy { $0.official == nil } ?? true)
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
