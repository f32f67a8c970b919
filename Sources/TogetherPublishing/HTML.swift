import Foundation

/// A document written as one HTML page, with its styles and bar charts drawn as SVG.
extension Document {

    /// One HTML file with its own styles, for the screen and for print. `easyRead` uses large type and
    /// generous spacing.
    public func html(easyRead: Bool = false) -> String {
        PlainText.withoutControls(htmlBody(easyRead: easyRead), allowingLayout: true)
    }

    func htmlBody(easyRead: Bool) -> String {
        var body = "<h1>\(Self.escape(title))</h1>\n"
        for block in blocks { body += html(block) }
        let size = easyRead ? "20pt" : "11pt"
        let spacing = easyRead ? "1.7" : "1.45"
        return """
        <!doctype html>
        <html lang="\(Self.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escape(title))</title>
        <style>
        body { font-family: Arial, Helvetica, sans-serif; font-size: \(size); line-height: \(spacing); color: #111;
               background: #fff; max-width: 46em; margin: 1.5em auto; padding: 0 1em; }
        h1, h2, h3 { line-height: 1.25; }
        h2 { border-bottom: 2px solid #333; padding-bottom: 0.15em; margin-top: 1.6em; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
        th, td { border: 1px solid #555; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        li { margin: 0.3em 0; }
        figure { margin: 1em 0; } figcaption { font-weight: bold; } svg { max-width: 100%; height: auto; }
        td.n, th.n { text-align: right; }\(pictures.isEmpty ? "" : Self.pictureStyle)
        @page { size: A4; margin: 18mm 16mm; }
        @media print { body { margin: 0; max-width: none; } h1, h2, h3 { break-after: avoid-page; }
                       tr, li, figure { break-inside: avoid; } thead { display: table-header-group; } }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    /// Pictures on the left, words on the right, kept together across a page break.
    static let pictureStyle = """

        .er { display: flex; gap: 0.8em; align-items: flex-start; margin: 0.6em 0; break-inside: avoid; }
        .er > img { flex: none; width: 72px; height: 72px; } .er > div { flex: 1; }
        .er > div > h2, .er > div > h3 { margin-top: 0.3em; } .er > div > p { margin-top: 0.4em; }
        """

    /// One block as HTML; a picture's block sits on the right of its picture (the picture is decorative: the words
    /// say everything).
    func html(_ block: Block) -> String {
        var body = ""
        switch block {
        case .heading(let level, let text):
            let h = min(6, level + 1)
            body += "<h\(h)>\(Self.escape(text))</h\(h)>\n"
        case .paragraph(let text):
            body += "<p>\(Self.escape(text))</p>\n"
        case .bullets(let items):
            body += "<ul>\n" + items.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"
        case .numbered(let items):
            body += "<ol>\n" + items.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ol>\n"
        case .table(let header, let rows):
            // A column of counts (most of its cells whole numbers) is set right, so the numbers line up.
            let numeric = header.indices.map { c in
                let cells = rows.compactMap { c < $0.count ? $0[c] : nil }.filter { !$0.isEmpty }
                return !cells.isEmpty && cells.filter { Int($0) != nil }.count * 2 >= cells.count
            }
            func attributes(_ c: Int) -> String { c < numeric.count && numeric[c] ? " class=\"n\"" : "" }
            body += "<table>\n<thead><tr>" + header.enumerated().map {
                "<th scope=\"col\"\(attributes($0))>\(Self.escape($1))</th>"
            }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows {
                body += "<tr>" + row.enumerated().map { "<td\(attributes($0))>\(Self.escape($1))</td>" }.joined() + "</tr>\n"
            }
            body += "</tbody>\n</table>\n"
        case .bars(let caption, let bars):
            body += Self.svg(caption, bars)
        case .stacked(let caption, let keys, let stacks):
            body += Self.stackedSVG(caption, keys, stacks)
        case .pictured(let name, let inner):
            guard let svg = pictures[name] else { return html(inner) }
            body += "<div class=\"er\"><img src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\" alt=\"\" "
                + "width=\"72\" height=\"72\"><div>\n" + html(inner) + "</div></div>\n"
        }
        return body
    }

    /// A chart's opening: its caption, and an SVG image with a title and a description that give every value, for
    /// screen readers.
    static func chartStart(_ caption: String, width: Int, height: Int, description: String) -> String {
        "<figure>\n<figcaption>\(escape(caption))</figcaption>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(caption))\">\n"
            + "<title>\(escape(caption))</title>\n<desc>" + escape(description) + "</desc>\n"
    }

    /// A horizontal bar chart drawn in SVG: labels on the left, every value written in words after its bar
    /// (so nothing depends on seeing the bar), a title for screen readers, black on white for print.
    static func svg(_ caption: String, _ bars: [Bar]) -> String {
        let rowHeight = 26, labelWidth = 300, barWidth = 320, width = 760
        let height = rowHeight * bars.count + 10
        let most = max(1, bars.compactMap(\.value).max() ?? 1)
        var out = chartStart(caption, width: width, height: height,
                             description: bars.map { "\($0.label): \($0.text)" }.joined(separator: "; "))
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight + 5
            let length = bar.value.map { max(1, $0 * barWidth / most) } ?? 0
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" font-size=\"14\">"
                + escape(bar.label) + "</text>\n"
            if length > 0 {
                out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"18\" fill=\"#1d4f91\"/>\n"
            }
            out += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\" font-size=\"14\">" + escape(bar.text) + "</text>\n"
        }
        return out + "</svg>\n</figure>\n"
    }

    /// The fills of a stacked bar's parts: dark and light in turn, so neighbours differ in lightness as well as
    /// hue, and every value is also written in words under its bar, so nothing depends on colour.
    static let fills = ["#1d4f91", "#f2b233", "#3d7a3a", "#e7a1b0", "#4d4d4d", "#9cc3ea", "#8a4b08", "#c8c8c8"]

    /// Bars of parts in SVG: a legend first, then for each bar its label, the bar, and its values written under
    /// it ("Going well 2 · Not going well hidden"), each on a line of its own so long words are never cut off;
    /// a title and a description for screen readers.
    static func stackedSVG(_ caption: String, _ keys: [String], _ stacks: [Stack]) -> String {
        let rowHeight = 64, barWidth = 560, width = 760, legendRows = (keys.count + 2) / 3
        let top = legendRows * 22 + 10
        let height = top + rowHeight * stacks.count + 4
        let most = max(1, stacks.map { $0.values.compactMap { $0 }.reduce(0, +) }.max() ?? 1)
        func values(_ stack: Stack) -> String {
            zip(keys, stack.texts).map { "\($0) \($1)" }.joined(separator: " · ")
        }
        var out = chartStart(caption, width: width, height: height,
                             description: stacks.map { "\($0.label): \(values($0))" }.joined(separator: "; "))
        for (k, key) in keys.enumerated() {
            let x = 10 + (k % 3) * 250, y = 6 + (k / 3) * 22
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"\(fills[k % fills.count])\" stroke=\"#111\"/>\n"
            out += "<text x=\"\(x + 20)\" y=\"\(y + 12)\" font-size=\"13\">" + escape(key) + "</text>\n"
        }
        for (i, stack) in stacks.enumerated() {
            let y = top + i * rowHeight
            out += "<text x=\"10\" y=\"\(y + 14)\" font-size=\"14\" font-weight=\"bold\">" + escape(stack.label) + "</text>\n"
            var x = 10
            for (k, value) in stack.values.enumerated() {
                guard let value, value > 0 else { continue }
                let length = max(2, value * barWidth / most)
                out += "<rect x=\"\(x)\" y=\"\(y + 20)\" width=\"\(length)\" height=\"18\" fill=\"\(fills[k % fills.count])\" "
                    + "stroke=\"#fff\"><title>" + escape("\(keys[k]): \(value)") + "</title></rect>\n"
                x += length
            }
            out += "<text x=\"10\" y=\"\(y + 54)\" font-size=\"13\">" + escape(values(stack)) + "</text>\n"
        }
        return out + "</svg>\n</figure>\n"
    }

    /// Escaped by Unicode scalar, not by character: a quote mark followed by a combining accent is one
    /// character, and would slip through a check of whole characters.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
    }
}
