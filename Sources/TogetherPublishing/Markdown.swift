import Foundation

/// A document written as Markdown (the Easy Read handout and the record as `.md`, the tally report).
extension Document {

    /// The document as Markdown. No control character or terminal escape sequence gets through, whatever the
    /// session held.
    public var markdown: String { PlainText.withoutControls(markdownBody, allowingLayout: true) }

    var markdownBody: String {
        var out = "# \(Self.md(title))\n"
        for block in blocks {
            out += "\n" + Self.markdown(block)
        }
        return out
    }

    /// One block as Markdown (a picture's block is written without its picture).
    static func markdown(_ block: Block) -> String {
        var out = ""
        switch block {
        case .heading(let level, let text):
            out += String(repeating: "#", count: min(6, level + 1)) + " " + Self.md(text) + "\n"
        case .paragraph(let text):
            out += Self.md(text) + "\n"
        case .bullets(let items):
            out += items.map { "- " + Self.md($0) + "\n" }.joined()
        case .numbered(let items):
            out += items.enumerated().map { "\($0 + 1). " + Self.md($1) + "\n" }.joined()
        case .table(let header, let rows):
            out += "| " + header.map(Self.cell).joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(Self.cell).joined(separator: " | ") + " |\n" }
        case .bars(let caption, let bars):
            out += Self.md(caption) + "\n\n| | |\n|---|---|\n"
            for bar in bars { out += "| " + Self.cell(bar.label) + " | " + Self.cell(bar.text) + " |\n" }
        case .stacked(let caption, let keys, let stacks):
            out += Self.md(caption) + "\n\n| | " + keys.map(Self.cell).joined(separator: " | ") + " |\n"
            out += "|---|" + keys.map { _ in "---:|" }.joined() + "\n"
            for stack in stacks {
                out += "| " + Self.cell(stack.label) + " | " + stack.texts.map(Self.cell).joined(separator: " | ") + " |\n"
            }
        case .pictured(_, let inner):
            out += markdown(inner)
        }
        return out
    }

    /// Text with Markdown's special characters escaped, so people's words are shown exactly as typed.
    static func md(_ text: String) -> String {
        var out = ""
        for c in text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_[]<>#|!~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func cell(_ text: String) -> String { text.isEmpty ? " " : md(text) }
}
