/// Words as they may be kept and shown: no control characters. Typed text, imported text and everything
/// published go through this one place, so a NUL, a C1 control or a terminal escape sequence never reaches a
/// file or a screen.
public enum PlainText {
    /// C0 controls (all of them, or all but tab and line breaks), DEL, C1 controls, and the bidirectional
    /// overrides that can make text read differently from how it is stored.
    public static func isControl(_ u: Unicode.Scalar, allowingLayout: Bool = false) -> Bool {
        switch u.value {
        case 0x09, 0x0A, 0x0D: !allowingLayout
        case 0x00..<0x20, 0x7F..<0xA0: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The text without control characters; with `allowingLayout`, tabs and line breaks stay.
    public static func withoutControls(_ text: String, allowingLayout: Bool = false) -> String {
        // Plain printable ASCII (most text) has none: looked at byte by byte, with no scalars decoded.
        let printable = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        }
        if printable == true { return text }
        guard text.unicodeScalars.contains(where: { isControl($0, allowingLayout: allowingLayout) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for u in text.unicodeScalars where !isControl(u, allowingLayout: allowingLayout) { scalars.append(u) }
        return String(scalars)
    }
}
