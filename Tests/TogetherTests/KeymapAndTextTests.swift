import CNcursesw
import Foundation
@testable import TogetherAggregate
import Testing
@testable import TogetherContent
@testable import TogetherCore
import TogetherPublishing

@Suite("Keys")
struct KeymapTests {
    @Test("no key means two things in the same place")
    func noConflicts() {
        for context in KeyContext.allCases {
            var seen: [Key: Action] = [:]
            for binding in Keymap.bindings where binding.context == context {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key.label) is bound twice in \(context)")
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test("every binding says what it does, in plain words, in every language")
    func described() {
        #expect(Set(Keymap.bindings.map(\.id)).count == Keymap.bindings.count, "two bindings share a name")
        for (code, packs) in allLanguages {
            let words = packs.facilitatorWords
            for binding in Keymap.bindings {
                #expect(words.words["key." + binding.id]?.isEmpty == false, "\(code): no help for \(binding.id)")
                #expect(binding.help(words).split(separator: " ").count <= 15, "\(binding.help(words))")
                if binding.hasShort {
                    #expect(words.words["short." + binding.id]?.isEmpty == false, "\(code): no short \(binding.id)")
                }
            }
            for context in KeyContext.allCases {
                #expect(words.words["context." + context.rawValue]?.isEmpty == false, "\(code): \(context)")
            }
            for look in Theme.allCases {
                #expect(words.words["look." + look.rawValue]?.isEmpty == false, "\(code): \(look)")
            }
            // A stage's own words, named in the stage.
            for stage in Stages.all {
                for name in stage.words {
                    #expect(words.words["\(stage.kind.rawValue).\(name)"]?.isEmpty == false, "\(code): \(stage.kind).\(name)")
                }
            }
            // Nothing in the file that no key, place or look uses.
            let used = Set(Keymap.bindings.flatMap { ["key." + $0.id, "short." + $0.id] }
                + KeyContext.allCases.map { "context." + $0.rawValue } + Theme.allCases.map { "look." + $0.rawValue }
                + FacilitatorKey.allCases.map(\.rawValue)
                + Stages.all.flatMap { stage in stage.words.map { "\(stage.kind.rawValue).\($0)" } })
            #expect(Set(words.words.keys).subtracting(used).sorted() == [], "\(code)")
        }
    }

    @Test("a stage's own key comes before the shared ones, and typing takes letters as words")
    func lookup() {
        #expect(Keymap.action(for: .char("1"), in: .stage(.makingItReal)) == .rate(1))
        #expect(Keymap.action(for: .char("1"), in: .stage(.setup)) == nil)
        #expect(Keymap.action(for: .char("q"), in: .stage(.topTips)) == .quit)
        var state = workshopWithPeople([])
        press([.char("a")], &state)
        #expect(Workshop.action(for: .key(.char("q")), in: state) == .insert("q"))
        #expect(Workshop.action(for: .key(.char("?")), in: state) == .insert("?"))
    }

    @Test("the key line always ends with the way to every key, and that key really shows them")
    func keyLine() {
        for context in KeyContext.allCases where !context.offersHelp {
            // A list or question over the screen: its line shows its own keys (all of them when there is room).
            let wide = Keymap.hints(in: context, content.facilitatorWords, width: 200)
            for b in Keymap.bindings(in: context) {
                if let short = b.short(content.facilitatorWords) { #expect(wide.contains(short), "\(context): \(short)") }
            }
            #expect(!wide.isEmpty && !wide.contains("? keys"), "\(context)")
            for width in [30, 40, 80] {
                #expect(TextWidth.of(Keymap.hints(in: context, content.facilitatorWords, width: width)) <= width, "\(context)")
            }
        }
        for context in KeyContext.allCases where context.offersHelp {
            for width in [30, 40, 80, 200] {
                let line = Keymap.hints(in: context, content.facilitatorWords, width: width)
                let help = context == .typing ? "F1 keys" : "? keys"
                #expect(line.hasSuffix(help))
                #expect(TextWidth.of(line) <= max(width, TextWidth.of(help)))
                let key: Key = context == .typing ? .function(1) : .char("?")
                #expect(Keymap.action(for: key, in: context) == .showHelp, "\(context)")
            }
        }
    }

    @Test("the README's key list is the key table")
    func readme() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(Keymap.markdown(content.facilitatorWords)), "Run `together keys` and paste its output into README.md")
    }
}

@Suite("Text width")
struct TextWidthTests {
    @Test("Welsh letters, typed whole or with a combining mark, take one column; CJK and emoji take two")
    func widths() {
        #expect(TextWidth.of("ŵŷâ") == 3)
        #expect(TextWidth.of("w\u{302}y\u{302}") == 2)
        #expect(TextWidth.of("日本") == 4)
        #expect(TextWidth.of("👍") == 2)
        #expect(TextWidth.of("❤️") == 2)
        #expect(TextWidth.of("👩‍👩‍👧") == 2)
    }

    @Test("our widths match the C library's, which the terminal uses")
    func matchesWcwidth() {
        setlocale(LC_ALL, "C.UTF-8")
        let samples: [UInt32] = Array(0x20...0x7E) + [0xE2, 0xF4, 0x175, 0x177, 0x302, 0x301, 0x4E00, 0x65E5,
                                                        0xAC00, 0xFF01, 0x1F44D, 0x1F600, 0x2014, 0x2026, 0x2191]
        for value in samples {
            let scalar = UnicodeScalar(value)!
            let c = shim_wcwidth(wchar_t(bitPattern: value))
            #expect(TextWidth.of(Character(scalar)) == max(0, Int(c)), "U+\(String(value, radix: 16))")
        }
    }

    @Test("wrapping never makes a line wider than asked, and loses no words")
    func wrap() {
        let text = "Dw i eisiau byw gyda fy ffrindiau 日本語のテキスト and a verylongwordthatdoesnotfit"
        for width in [5, 10, 17, 40] {
            let lines = TextWidth.wrap(text, width: width)
            for line in lines { #expect(TextWidth.of(line) <= width) }
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test("plain ASCII is wrapped on its bytes into exactly the lines the general way makes")
    func wrapASCII() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "word", "longerword", "averyveryverylongwordindeed", " ", " ", "  ", "\n", "\t", "\u{1}", ".", ""]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for width in [1, 2, 3, 7, 12, 40] {
                #expect(TextWidth.wrapASCII(text, width: width) == TextWidth.wrapAny(text, width: width),
                        "\(text.debugDescription) at \(width)")
                #expect(TextWidth.wrap(text, width: width) == TextWidth.wrapAny(text, width: width),
                        "\(text.debugDescription) at \(width)")
            }
        }
        #expect(TextWidth.wrap("a\r\nb", width: 10) == TextWidth.wrapAny("a\r\nb", width: 10))
    }

    @Test("the key hints keep as many keys as fit, measured as the whole line would be")
    func hintsFit() {
        let words = content.facilitatorWords
        // The rule written plainly: add keys while the whole line, help included, still fits.
        func plain(_ context: KeyContext, _ width: Int) -> String {
            let items = Keymap.bindings(in: context).compactMap { b in b.short(words).map { "\(b.hintKey ?? b.keys[0].label) \($0)" } }
            let help = !context.offersHelp ? [] : [context == .typing ? "F1 " + words.text(.keysWord) : "? " + words.text(.keysWord)]
            var kept: [String] = []
            for item in items where !help.contains(item) {
                if TextWidth.of((kept + [item] + help).joined(separator: " · ")) > width { break }
                kept.append(item)
            }
            return (kept + help).joined(separator: " · ")
        }
        for context in KeyContext.allCases {
            for width in [0, 5, 10, 20, 30, 45, 60, 80, 100, 120, 160, 200, 1000] {
                #expect(Keymap.hints(in: context, words, width: width) == plain(context, width), "\(context) at \(width)")
            }
        }
    }

    @Test("words are filled in one pass: every {n} of every template as plain replacing would, a value never refilled")
    func fillWords() {
        let values = ["Ann", "3", "Making It Real", "x", "y"]
        func plain(_ template: String) -> String {
            var text = template
            for (i, value) in values.enumerated() { text = text.replacingOccurrences(of: "{\(i + 1)}", with: value) }
            return text
        }
        let templates = Array(content.facilitatorWords.words.values) + Array(content.words.words.values)
            + ["{1}{2}", "{", "}", "{}", "{0}", "{9}", "{12}", "a{1", "{1}}", "{{1}}", "dw i {1} – ŵ {2}"]
        #expect(templates.count > 100)
        for template in templates {
            #expect(content.facilitatorWords.fill(template, values) == plain(template), "\(template)")
        }
        #expect(content.facilitatorWords.fill("{1} and {2}", ["{2}", "B"]) == "{2} and B")
    }

    @Test("printable ASCII goes into a grid byte by byte exactly as the character way puts it")
    func gridASCII() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...30, using: &random)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &random))) })
            let size = Size(width: Int.random(in: 1...20, using: &random), height: 2)
            let column = Int.random(in: -2...22, using: &random), maxWidth = Bool.random() ? nil : Int.random(in: -1...25, using: &random)
            var fast = Grid(size), slow = Grid(size)
            let a = fast.put(text, row: 1, column: column, role: .heading, maxWidth: maxWidth)
            var b = 0
            if column >= 0, column < size.width {
                b = slow.putCharacters(text, row: 1, column: column, role: .heading,
                                       limit: min(size.width - column, maxWidth ?? Int.max))
            }
            #expect(a == b && fast == slow, "\(text) at \(column), \(String(describing: maxWidth))")
        }
    }

    @Test("a grid puts a wide character in two cells and never writes past its edge")
    func grid() {
        var grid = Grid(Size(width: 6, height: 1))
        let used = grid.put("a日本b", row: 0, column: 0)
        #expect(used == 6)
        #expect(grid.line(0) == "a日本b")
        #expect(grid[0, 2].width == 0) // the second half of 日
        var narrow = Grid(Size(width: 4, height: 1))
        #expect(narrow.put("a日本", row: 0, column: 0) == 3)
        #expect(narrow.line(0) == "a日")
    }
}

extension TextWidthTests {
    @Test("printable ASCII is recognised eight bytes at a time exactly as byte by byte")
    func printableEightAtATime() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let count = Int.random(in: 0...40, using: &random)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
            if count > 0, Bool.random(using: &random) {
                bytes[Int.random(in: 0..<count, using: &random)] = [0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xFF, 0x20, 0x7E]
                    .randomElement(using: &random)!
            }
            let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            bytes.withUnsafeBufferPointer { #expect(TextWidth.printableASCII($0) == plain, "\(bytes)") }
        }
        for b in UInt8.min...UInt8.max {
            let bytes = [UInt8](repeating: 0x41, count: 7) + [b] + [UInt8](repeating: 0x41, count: 8)
            bytes.withUnsafeBufferPointer { #expect(TextWidth.printableASCII($0) == (b >= 0x20 && b < 0x7F), "\(b)") }
        }
    }

    @Test("control characters are taken out the same way whether the text is plain ASCII or not, with and without layout")
    func withoutControls() {
        var random = SystemRandomNumberGenerator()
        let scalars: [Unicode.Scalar] = (0..<0x80).compactMap(Unicode.Scalar.init) + ["\u{85}", "\u{9B}", "é", "\u{202E}", "\u{2066}", "🙂"]
        for _ in 0..<5000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &random) { text.append(scalars.randomElement(using: &random)!) }
            let s = String(text)
            for layout in [false, true] {
                let plain = String(String.UnicodeScalarView(s.unicodeScalars.filter { !PlainText.isControl($0, allowingLayout: layout) }))
                #expect(PlainText.withoutControls(s, allowingLayout: layout) == plain, "\(s.debugDescription)")
            }
        }
    }
}

extension KeymapTests {
    @Test("typing, moving and rubbing out in the box give the words a plain model of letters gives, ASCII or not")
    func typingMatchesLetters() {
        var random = SplitMix(seed: 41)
        let letters: [String] = ["a", "b", " ", "Z", ".", "é", "\u{301}", "日", "ŵ", "1"]
        for _ in 0..<40 {
            var state = workshopWithPeople([])
            press([.char("a")], &state) // a new person: the typing box opens, empty
            #expect(state.session?.draft?.text == "")
            var model: [Character] = [], cursor = 0
            for _ in 0..<60 {
                switch random.next() % 10 {
                case 0:
                    press([.left], &state)
                    cursor = max(0, cursor - 1)
                case 1:
                    press([.right], &state)
                    cursor = min(model.count, cursor + 1)
                case 2:
                    press([.backspace], &state)
                    if cursor > 0 { model.remove(at: cursor - 1); cursor -= 1 }
                default:
                    let typed = letters[Int(random.next() % UInt64(letters.count))]
                    press([.char(Character(typed))], &state)
                    let before = String(model[..<cursor]) + typed
                    model = Array(before + String(model[cursor...]))
                    cursor = before.count
                }
                #expect(state.session?.draft?.text == String(model))
                #expect(state.cursor == cursor)
            }
        }
    }
}

extension TextWidthTests {
    @Test("a line that fits is laid out as the general wrap lays it out: text, indent, lead and first-line mark")
    func wrapLineFits() {
        var random = SystemRandomNumberGenerator()
        let words = ["bus", "the", "six o'clock", "Zoë", "🙂", "a\nb", "x", "keyworker", "", "  "]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            let line = Page.Line(text: text, role: .normal, row: Int.random(in: 0...3, using: &random), indent: Int.random(in: 0...4, using: &random))
            let width = Int.random(in: 1...40, using: &random)
            let inList = Bool.random(using: &random)
            // The plain way: wrap, then one line per piece.
            let room = max(1, width - (inList ? 4 : 2) - line.indent)
            let pieces = TextWidth.wrap(line.text, width: room)
            let plain = (pieces.isEmpty ? [""] : pieces).enumerated().map { i, piece -> String in
                let indent = i == 0 ? line.indent : inList ? line.indent + 2 : 0
                let text = inList || indent == 0 ? piece : String(repeating: " ", count: indent) + piece
                return "\(text)|\(inList ? indent : 0)|\(i == 0)|\(line.row ?? -1)"
            }
            let laid = Render.wrapLine(line, width: width, inList: inList).map { "\($0.text)|\($0.lead)|\($0.isFirst)|\($0.row ?? -1)" }
            #expect(laid == plain, "\(text.debugDescription) at \(width), in a list: \(inList)")
        }
    }
}

extension TextWidthTests {
    @Test("a character wider than the line still moves the wrap on: every character is kept, in order, on as few lines as it can")
    func wrapWiderThanTheLine() {
        #expect(TextWidth.wrap("🙂🙂", width: 1) == ["🙂", "🙂"])
        #expect(TextWidth.wrap("a 漢字 b", width: 1) == ["a", "漢", "字", "b"])
        var random = SystemRandomNumberGenerator()
        let pieces = ["🙂", "漢", "a", "bc", " ", "é", "👩‍👩‍👧"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let width = Int.random(in: 1...4, using: &random)
            let lines = TextWidth.wrap(text, width: width)
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text) at \(width)")
            // Only a line of one character may be wider than the width.
            #expect(lines.allSatisfy { TextWidth.of($0) <= width || $0.count == 1 }, "\(text) at \(width): \(lines)")
        }
    }
}

