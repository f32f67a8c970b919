/// The one place that knows how many terminal columns text takes.
///
/// Terminals use the C library's `wcwidth`; this follows the same rules for the characters a workshop meets:
/// combining marks take no column (so Welsh ŵ typed as w + U+0302 is one column), East Asian wide
/// characters and emoji take two.
public enum TextWidth {
    public static func of(_ character: Character) -> Int {
        // Plain ASCII, most of what a workshop types: one column, no table to look in.
        if let a = character.asciiValue { return a >= 0x20 && a < 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return scalars.count == 1 ? 0 : 1
        default: break
        }
        if first.properties.isEmojiPresentation { return 2 }
        if first.properties.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Whether every byte is printable ASCII (0x20 to 0x7E), eight bytes at a time: most of what is drawn is,
    /// and a screen asks this of every line on every key.
    @inline(__always)
    static func printableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= bytes.count {
            let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A byte below 0x20, or above 0x7E (0x7F and up, which sets its high bit once 1 is added), or with
            // its own high bit set.
            let below = (x &- ones &* 0x20) & ~x & highs
            let above = ((x &+ ones &* (0x7F - 0x7E)) | x) & highs
            if below | above != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] < 0x20 || bytes[i] >= 0x7F { return false }
            i += 1
        }
        return true
    }

    public static func of(_ text: String) -> Int {
        if let count = text.utf8.withContiguousStorageIfAvailable({ bytes -> Int? in
            var ascii = 0
            for b in bytes {
                guard b < 0x80 else { return nil }
                if b >= 0x20 && b < 0x7F { ascii += 1 }
            }
            return ascii
        }) {
            if let count { return count }
            return text.reduce(0) { $0 + of($1) }
        }
        return of(text[...])
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var ascii = 0
        for b in text.utf8 {
            guard b < 0x80 else { return text.reduce(0) { $0 + of($1) } }
            if b >= 0x20 && b < 0x7F { ascii += 1 }
        }
        return ascii
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func prefix(_ text: String, fitting width: Int) -> String {
        var used = 0
        var out = ""
        for ch in text {
            let w = of(ch)
            if used + w > width { break }
            used += w
            out.append(ch)
        }
        return out
    }

    /// Cuts text to `width` columns, ending with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        if of(text) <= width { return text }
        if width <= 0 { return "" }
        return prefix(text, fitting: width - 1) + "…"
    }

    /// Pads with spaces on the right to exactly `width` columns (cutting when longer).
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// Breaks text into lines of at most `width` columns, at spaces where it can; a word longer than a line is split.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        switch shape(text, width: width) {
        case .fits: return [text]
        case .ascii: return wrapASCII(text, width: width)
        case .other: return wrapAny(text, width: width)
        }
    }

    /// Whether the text is one line of plain ASCII that fits the width: then it is its own wrap.
    static func fitsOneLine(_ text: String, width: Int) -> Bool { width > 0 && shape(text, width: width) == .fits }

    private enum Shape { case fits, ascii, other }

    /// One look at the bytes: one line of plain ASCII that fits (the most common case of all: it is its own
    /// wrap), plain ASCII to wrap on its bytes (the same lines, without breaking the text into characters), or
    /// anything else. A carriage return is left to the general way ("\r\n" is one character).
    private static func shape(_ text: String, width: Int) -> Shape {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Shape in
            if printableASCII(bytes) { return bytes.count <= width ? .fits : .ascii }
            var columns = 0, newline = false
            for b in bytes {
                guard b < 0x80, b != 0x0D else { return .other }
                if b == 0x0A { newline = true } else if b >= 0x20 && b < 0x7F { columns += 1 }
            }
            return !newline && columns <= width ? .fits : .ascii
        } ?? (text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? .ascii : .other)
    }

    static func wrapASCII(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        @inline(__always) func columns(_ bytes: ArraySlice<UInt8>) -> Int {
            var n = 0
            for b in bytes where b >= 0x20 && b < 0x7F { n += 1 }
            return n
        }
        let bytes = ContiguousArray(text.utf8)
        var lines: [String] = []
        for paragraph in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if columns(paragraph) <= width {
                lines.append(String(decoding: paragraph, as: UTF8.self))
                continue
            }
            var line: [UInt8] = []
            var lineWidth = 0
            for piece in paragraph.split(separator: 0x20, omittingEmptySubsequences: true) {
                var word = piece
                var w = columns(word)
                if lineWidth > 0 && lineWidth + 1 + w <= width {
                    line.append(0x20)
                    line.append(contentsOf: word)
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line = []
                    lineWidth = 0
                }
                while w > width {
                    // The longest head that fits, as `prefix(_:fitting:)` takes it.
                    var used = 0, end = word.startIndex
                    while end < word.endIndex {
                        let c = word[end] >= 0x20 && word[end] < 0x7F ? 1 : 0
                        if used + c > width { break }
                        used += c
                        end += 1
                    }
                    lines.append(String(decoding: word[..<end], as: UTF8.self))
                    word = word[end...]
                    w -= used
                }
                line = Array(word)
                lineWidth = w
            }
            lines.append(String(decoding: line, as: UTF8.self))
        }
        return lines
    }

    static func wrapAny(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if of(paragraph) <= width {
                lines.append(String(paragraph)) // fits: keep its spacing as it is
                continue
            }
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = of(word)
                if lineWidth > 0 && lineWidth + 1 + w <= width {
                    line += " " + word
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                // A character wider than the whole line (an emoji on a line one column wide) goes on a line of its
                // own, cut at the edge when drawn, so the text always moves on.
                while w > width, word.count > 1 {
                    var head = prefix(word, fitting: width)
                    if head.isEmpty, let first = word.first { head = String(first) }
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                    w = of(word)
                }
                line = word
                lineWidth = w
            }
            lines.append(line)
        }
        return lines
    }
}
