import Foundation
import TogetherContent
import TogetherPublishing
import TogetherCore

/// What keeps names and stray bytes out of everything the tally publishes.
enum Privacy {
    /// What a person's label becomes in any published words.
    static let placeholder = "[name]"

    /// The words of `text` with every label of a person in the session (a made-up name or initials, as a whole
    /// word or words, ignoring capitals and accents) replaced by "[name]".
    static func redact(_ text: String, labels: [String]) -> String {
        redact(text, Labels(labels))
    }

    /// Labels made ready once per session: each as its folded words, and the set of first words to look for.
    struct Labels {
        var wanted: [[String]]
        /// The first ASCII word of each label's folded first word ("o'neil" → "o", "zára" → "zara"), as lower-case
        /// bytes, each once: what to look for inside plain ASCII text.
        var firstBytes: [[UInt8]]
        init(_ labels: [String]) {
            wanted = labels.compactMap { label in
                let words = Privacy.words(label).map(\.folded)
                return words.isEmpty ? nil : words
            }
            var firsts: [[UInt8]] = []
            for label in wanted {
                guard let first = ContentPacks.words(of: label[0]).first else { continue }
                let bytes = Array(first.utf8)
                if !firsts.contains(bytes) { firsts.append(bytes) }
            }
            firstBytes = firsts
        }

        /// For plain ASCII text: whether no word of it (letters and digits, ignoring capitals) is a label's first
        /// word, in one pass over the bytes with nothing made; then no label can be there. Nil when the text is not
        /// plain ASCII (false may come first: it only sends the text to the careful pass).
        func surelyAbsent(from text: String) -> Bool? {
            text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
                Self.kinds.withUnsafeBufferPointer { kinds -> Bool? in
                    var start = -1
                    for i in 0..<bytes.count {
                        switch kinds[Int(bytes[i])] {
                        case 1: if start < 0 { start = i }
                        case 0:
                            if start >= 0 {
                                if isFirstWord(bytes, start, i) { return false }
                                start = -1
                            }
                        default: return nil
                        }
                    }
                    return !(start >= 0 && isFirstWord(bytes, start, bytes.count)) // the last word, at the end
                }
            } ?? nil
        }

        /// What each byte is in plain ASCII text: 1 a letter or digit (part of a word), 0 anything else in ASCII,
        /// 2 a byte outside ASCII.
        static let kinds: [UInt8] = (0...255).map { b in b >= 0x80 ? 2 : ContentPacks.isWordByte(UInt8(b)) ? 1 : 0 }

        private func isFirstWord(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
            words: for word in firstBytes where word.count == to - from {
                for k in 0..<word.count {
                    let b = bytes[from + k]
                    if ContentPacks.lowered(b) != word[k] { continue words }
                }
                return true
            }
            return false
        }
    }

    static func redact(_ text: String, _ labels: Labels) -> String {
        let wanted = labels.wanted
        guard !wanted.isEmpty else { return text }
        // Most words hold no label: for plain ASCII text, look for a first word cheaply before the careful pass.
        if labels.surelyAbsent(from: text) == true { return text }
        return redactCarefully(text, labels)
    }

    /// The careful pass alone, word by word (tests compare the quick answers with it).
    static func redactCarefully(_ text: String, _ labels: Labels) -> String {
        let wanted = labels.wanted
        let found = words(text)
        guard !found.isEmpty else { return text }
        var replace: [Range<String.Index>] = []
        var i = 0
        /// A word with a possessive ending ("Zara's", "Zara’s") is the name and its ending: the ending stays.
        func owner(_ word: Word) -> String? {
            for ending in ["'s", "’s"] where word.folded.hasSuffix(ending) { return String(word.folded.dropLast(2)) }
            return nil
        }
        while i < found.count {
            let match = wanted.filter { label in
                i + label.count <= found.count && zip(label, found[i..<(i + label.count)]).enumerated().allSatisfy { k, pair in
                    pair.0 == pair.1.folded || (k == label.count - 1 && owner(pair.1) == pair.0)
                }
            }.max { $0.count < $1.count }
            if let match {
                let last = found[i + match.count - 1]
                let end = last.folded == match.last! ? last.range.upperBound : text.index(last.range.upperBound, offsetBy: -2)
                replace.append(found[i].range.lowerBound..<end)
                i += match.count
            } else {
                i += 1
            }
        }
        var out = text
        for range in replace.reversed() { out.replaceSubrange(range, with: placeholder) }
        return out
    }

    struct Word { var range: Range<String.Index>; var folded: String }

    /// The words of a text (letters and digits, joined by an apostrophe inside a word), with where they are.
    static func words(_ text: String) -> [Word] {
        asciiWords(text) ?? wordsGenerally(text)
    }

    /// The same for plain ASCII, on the bytes (letters and digits are the only wordy characters there, and
    /// folding is lower-casing); nil for anything else.
    static func asciiWords(_ text: String) -> [Word]? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { b -> [Word]? in
            if b.contains(where: { $0 >= 0x80 }) { return nil }
            var out: [Word] = []
            var start = -1
            func word(_ from: Int, _ to: Int) {
                let folded = String(unsafeUninitializedCapacity: to - from) { out in
                    for k in from..<to { out[k - from] = ContentPacks.lowered(b[k]) }
                    return to - from
                }
                out.append(Word(range: utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to),
                                folded: folded))
            }
            for i in 0..<b.count {
                if ContentPacks.isWordByte(b[i]) {
                    if start < 0 { start = i }
                } else if start >= 0, !(b[i] == 0x27 && i + 1 < b.count && ContentPacks.isWordByte(b[i + 1])) {
                    word(start, i)
                    start = -1
                }
            }
            if start >= 0 { word(start, b.count) }
            return out
        } ?? nil
    }

    /// The words of a text the general way, character by character (the quick way is tested against it).
    static func wordsGenerally(_ text: String) -> [Word] {
        var out: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        func isWordy(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while index < text.endIndex {
            let c = text[index]
            if isWordy(c) {
                if start == nil { start = index }
            } else if let s = start {
                let next = text.index(after: index)
                let inside = (c == "'" || c == "’") && next < text.endIndex && isWordy(text[next])
                if !inside {
                    out.append(Word(range: s..<index, folded: fold(text[s..<index])))
                    start = nil
                }
            }
            index = text.index(after: index)
        }
        if let s = start { out.append(Word(range: s..<text.endIndex, folded: fold(text[s..<text.endIndex]))) }
        return out
    }

    static func fold(_ s: Substring) -> String {
        // On plain ASCII, folding is lower-casing.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Text safe to publish in any format: no control character (so no terminal escape sequence) and no
    /// bidirectional override; tabs and line breaks stay (the formats need them).
    /// Text with the placeholder for a name in the report's language ("[enw]" in Welsh); Markdown's escaped form too.
    static func localiseName(_ text: String, _ w: TallyWords) -> String {
        let local = w(placeholder)
        guard local != placeholder else { return text }
        let inner = local.dropFirst().dropLast()
        return text.replacingOccurrences(of: placeholder, with: local)
            .replacingOccurrences(of: "\\[name\\]", with: "\\[\(inner)\\]")
    }

    static func clean(_ text: String) -> String { PlainText.withoutControls(text, allowingLayout: true) }
}
