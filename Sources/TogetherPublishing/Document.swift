/// A simple document (headings, paragraphs, lists, tables) written out as Markdown or as one self-contained,
/// printable HTML file. Handouts and reports are built as documents, so both forms always say the same.
public struct Document: Equatable, Sendable {
    public indirect enum Block: Equatable, Sendable {
        case heading(Int, String)
        case paragraph(String)
        case bullets([String])
        case numbered([String])
        case table(header: [String], rows: [[String]])
        /// A bar chart: in HTML an SVG drawing with each value written beside its bar, in Markdown a table.
        case bars(caption: String, [Bar])
        /// A chart of bars made of parts, one part for each key (ratings, themes): in HTML an SVG drawing with a
        /// legend and every value written under its bar, in Markdown a table.
        case stacked(caption: String, keys: [String], [Stack])
        /// A block with a picture on its left, as Easy Read documents have (by name in `pictures`; in Markdown, the
        /// block alone).
        case pictured(String, Block)
    }

    /// One bar of parts: its label, the length of each part (nil draws none, for a count not shown) and each
    /// part's value in words.
    public struct Stack: Equatable, Sendable {
        public var label: String
        public var values: [Int?]
        public var texts: [String]
        public init(label: String, values: [Int?], texts: [String]) {
            self.label = label
            self.values = values
            self.texts = texts
        }
    }

    /// One bar: its label, its length (nil draws no bar, for a count that is not shown) and the words shown.
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Int?
        public var text: String
        public init(label: String, value: Int?, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }
    }

    public var title: String
    public var language: String
    public var blocks: [Block]
    /// Pictures by name (SVG), for `.pictured` blocks.
    public var pictures: [String: String] = [:]

    public init(title: String, language: String = "en", blocks: [Block] = []) {
        self.title = title
        self.language = language
        self.blocks = blocks
    }

    public mutating func add(_ block: Block) { blocks.append(block) }
}
