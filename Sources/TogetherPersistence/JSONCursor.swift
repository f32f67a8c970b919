import Foundation
import TogetherCore

/// JSON for the quick readers (the session's and the tally's), a byte at a time: whitespace, strings, numbers,
/// objects and arrays, with anything unusual refused so the careful decoder can say what it is.
package struct JSONCursor {
    package let b: UnsafeBufferPointer<UInt8>
    package var i = 0
    /// How many objects and arrays the cursor is inside: a file nested deeper than any session is is left to the
    /// careful decoder (which refuses it), never followed down until the stack runs out.
    package var depth = 0
    package static let deepest = 64

    @inlinable package init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// "Not here": the careful decoder reads the file instead, and names what is wrong if anything is.
    package struct Refused: Error {
        @inlinable package init() {}
    }

    @inlinable @inline(__always)
    package mutating func ws() {
        // On a local copy of the place, so it stays in a register (stores through `self` would be made each byte).
        var j = i
        let end = b.count
        while j < end {
            let c = b[j]
            if c != 0x20, c != 0x0A, c != 0x0D, c != 0x09 { break }
            j += 1
        }
        i = j
    }

    @inlinable @inline(__always)
    package mutating func byte() throws -> UInt8 {
        ws()
        guard i < b.count else { throw Refused() }
        return b[i]
    }

    @inlinable @inline(__always)
    package mutating func expect(_ c: UInt8) throws {
        guard try byte() == c else { throw Refused() }
        i += 1
    }

    /// Consumes `null` if it is next.
    @inlinable @inline(__always)
    package mutating func null() -> Bool {
        ws()
        if i + 4 <= b.count, b[i] == 0x6E, b[i + 1] == 0x75, b[i + 2] == 0x6C, b[i + 3] == 0x6C {
            i += 4
            return true
        }
        return false
    }

    /// Calls `body` for each key of an object, with the scanner at the key's value; the body must consume it.
    @inlinable @inline(__always)
    package mutating func object(_ body: (inout JSONCursor, Key) throws -> Void) throws {
        try expect(0x7B)
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.deepest else { throw Refused() }
        if try byte() == 0x7D { i += 1; return }
        while true {
            guard try byte() == 0x22 else { throw Refused() }
            let key = try keyBytes()
            try expect(0x3A)
            try body(&self, key)
            let c = try byte()
            i += 1
            if c == 0x7D { return }
            guard c == 0x2C else { throw Refused() }
        }
    }

    @inlinable @inline(__always)
    package mutating func array<T>(_ element: (inout JSONCursor) throws -> T) throws -> [T] {
        if null() { return [] }
        try expect(0x5B)
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.deepest else { throw Refused() }
        var out: [T] = []
        if try byte() == 0x5D { i += 1; return out }
        while true {
            out.append(try element(&self))
            let c = try byte()
            i += 1
            if c == 0x5D { return out }
            guard c == 0x2C else { throw Refused() }
        }
    }

    package struct Key {
        package let bytes: UnsafeBufferPointer<UInt8>
        @inlinable package init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
        @inlinable package static func == (key: Key, name: StaticString) -> Bool {
            key.bytes.count == name.utf8CodeUnitCount
                && memcmp(key.bytes.baseAddress!, name.utf8Start, key.bytes.count) == 0
        }
        @inlinable package static func ~= (name: StaticString, key: Key) -> Bool { key == name }
    }

    /// A key's raw bytes (keys with escapes are refused: no session key has one).
    @inlinable @inline(__always)
    package mutating func keyBytes() throws -> Key {
        let start = i + 1
        var j = start
        let end = b.count
        // Plain bytes eight at a time to the quote; anything else byte by byte.
        let (at, quote) = plainRun(from: start)
        if quote {
            i = at + 1
            return Key(bytes: UnsafeBufferPointer(rebasing: b[start..<at]))
        }
        j = at
        while j < end {
            let c = b[j]
            if c == 0x22 { break }
            // No session key has an escape or a letter outside ASCII: anything else is for the careful decoder.
            if c == 0x5C || c < 0x20 || c >= 0x80 { throw Refused() }
            j += 1
        }
        guard j < end else { throw Refused() }
        i = j + 1
        return Key(bytes: UnsafeBufferPointer(rebasing: b[start..<j]))
    }

    /// From `start`, past plain bytes (printable ASCII other than a quote and a backslash) eight at a time: where
    /// the first other byte is, and whether it is a quote; or where fewer than eight bytes are left (not a quote).
    @inlinable @inline(__always)
    package func plainRun(from start: Int) -> (at: Int, quote: Bool) {
        var j = start
        while j + 8 <= b.count {
            let (quote, bad) = Self.stops(UnsafeRawPointer(b.baseAddress! + j).loadUnaligned(as: UInt64.self))
            let stop = quote | bad
            if stop == 0 { j += 8; continue }
            return (j + stop.trailingZeroBitCount / 8, bad & stop & (0 &- stop) == 0)
        }
        return (j, false)
    }

    /// In eight bytes, the high bit of each quote, and of each backslash, control or byte outside ASCII. The
    /// lowest bit set in either is exact (a test may also mark a byte above one it rightly marks, never below),
    /// so the first byte that is not plain is found exactly, and whether it is a quote.
    @inlinable @inline(__always)
    package static func stops(_ w: UInt64) -> (quote: UInt64, bad: UInt64) {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let q = w ^ (ones &* 0x22), s = w ^ (ones &* 0x5C)
        let quote = (q &- ones) & ~q & high
        let slash = (s &- ones) & ~s & high
        let control = (w &- ones &* 0x20) & ~w & high
        return (quote, slash | control | (w & high))
    }

    @inlinable @inline(__always)
    package mutating func optionalString() throws -> String? { null() ? nil : try string() }

    @inlinable
    package mutating func optionalBool() throws -> Bool? {
        if null() { return nil }
        ws()
        if i + 4 <= b.count, b[i] == 0x74, b[i + 1] == 0x72, b[i + 2] == 0x75, b[i + 3] == 0x65 { i += 4; return true }
        if i + 5 <= b.count, b[i] == 0x66, b[i + 1] == 0x61, b[i + 2] == 0x6C, b[i + 3] == 0x73, b[i + 4] == 0x65 {
            i += 5
            return false
        }
        throw Refused()
    }

    /// A string, checked as UTF-8, with its escapes undone.
    @inlinable
    package mutating func string() throws -> String {
        guard try byte() == 0x22 else { throw Refused() }
        i += 1
        let start = i
        // Plain bytes eight at a time; from the first other byte (the closing quote, usually), byte by byte.
        var j = plainRun(from: i).at
        let end = b.count
        var wide = false
        while j < end {
            let c = b[j]
            if c == 0x22 || c == 0x5C || c < 0x20 { break }
            if c >= 0x80 { wide = true }
            j += 1
        }
        i = j
        guard i < b.count else { throw Refused() }
        if b[i] == 0x22 {
            defer { i += 1 }
            let bytes = UnsafeBufferPointer(rebasing: b[start..<i])
            // Plain ASCII needs no checking (and most words are): the general check is a generic call per string.
            if !wide { return String(decoding: bytes, as: UTF8.self) }
            guard let s = String(validating: bytes, as: UTF8.self) else { throw Refused() }
            return s
        }
        var out = Array(b[start..<i])
        while true {
            guard i < b.count else { throw Refused() }
            let c = b[i]
            if c == 0x22 { i += 1; break }
            if c < 0x20 { throw Refused() }
            if c != 0x5C { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { throw Refused() }
            let e = b[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { throw Refused() }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw Refused() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw Refused()
                }
                guard let u = Unicode.Scalar(scalar) else { throw Refused() }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw Refused()
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw Refused() }
        return s
    }

    @inlinable
    package mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw Refused() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw Refused()
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    /// A date as the session codec writes it: `2026-03-14T10:00:00Z` (or with an offset).
    @inlinable @discardableResult
    package mutating func date() throws -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[try checkDate()]), as: UTF8.self)
    }

    /// Checks a date where it is in the file, with no string made (most dates are only checked); where its
    /// bytes are. Only the form the codec writes, `2026-03-14T10:00:00Z`, is taken here, in one look at its bytes
    /// and closing quote: any other (an offset, a fraction of a second) goes to the careful decoder, which alone
    /// decides whether it is a time, so the two never disagree about a file.
    @inlinable @discardableResult
    package mutating func checkDate() throws -> Range<Int> {
        guard try byte() == 0x22 else { throw Refused() }
        let start = i + 1
        guard start + 20 < b.count, b[start + 20] == 0x22, Self.isMoment(b.baseAddress! + start) else { throw Refused() }
        i = start + 21
        return start..<(start + 20)
    }

    /// Whether the 20 bytes at `p` are a real moment written `YYYY-MM-DDTHH:MM:SSZ`, by the same rules as
    /// `Gregorian.moment` (which it is tested against).
    @inlinable @inline(__always)
    package static func isMoment(_ p: UnsafePointer<UInt8>) -> Bool {
        guard p[4] == 0x2D, p[7] == 0x2D, p[10] == 0x54, p[13] == 0x3A, p[16] == 0x3A, p[19] == 0x5A else { return false }
        // Every other place before the Z is a digit: bit k of the mask is place k.
        var digits: UInt32 = 0b0110_1101_1011_0110_1111
        var k = 0
        while digits != 0 {
            if digits & 1 == 1, p[k] &- 0x30 >= 10 { return false }
            digits >>= 1
            k += 1
        }
        @inline(__always) func two(_ at: Int) -> Int { Int(p[at] &- 0x30) * 10 + Int(p[at + 1] &- 0x30) }
        let year = two(0) * 100 + two(2), month = two(5), day = two(8)
        return month >= 1 && month <= 12 && day >= 1 && day <= Gregorian.days(inMonth: month, year: year)
            && two(11) < 24 && two(14) < 60 && two(17) < 61
    }

    /// A whole number in the range the session rules allow; anything else is for the careful reader to name.
    @inlinable @inline(__always) @discardableResult
    package mutating func within(_ range: ClosedRange<Int>) throws -> Int {
        let n = try int()
        guard range.contains(n) else { throw Refused() }
        return n
    }

    /// A whole number written without a fraction or exponent.
    @inlinable
    package mutating func int() throws -> Int {
        ws()
        var negative = false
        if i < b.count, b[i] == 0x2D { negative = true; i += 1 }
        let start = i
        var v = 0
        while i < b.count, (0x30...0x39).contains(b[i]) {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(b[i] - 0x30))
            guard !o1, !o2 else { throw Refused() }
            v = a
            i += 1
        }
        guard i > start, !(b[start] == 0x30 && i - start > 1) else { throw Refused() }
        if i < b.count, b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { throw Refused() }
        return negative ? -v : v
    }

    /// Skips any value, checking that it is well-formed JSON.
    @inlinable
    package mutating func skip() throws {
        let c = try byte()
        switch c {
        case 0x22: try skipString()
        case 0x7B: try object { scan, _ in try scan.skip() }
        case 0x5B: _ = try array { try $0.skip() }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: try number()
        }
    }

    @inlinable
    package mutating func skipString() throws {
        i += 1
        let start = i
        // Plain bytes eight at a time, as in `string()`; the rest byte by byte.
        let (at, quote) = plainRun(from: i)
        i = at
        if quote { i += 1; return }
        var wide = false
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                // Skipped text is still checked as UTF-8, so a file with broken bytes is never counted quietly.
                if wide, String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) == nil {
                    throw Refused()
                }
                i += 1
                return
            }
            if c >= 0x80 { wide = true }
            if c < 0x20 { throw Refused() }
            if c == 0x5C {
                guard i + 1 < b.count else { throw Refused() }
                let e = b[i + 1]
                if e == 0x75 {
                    i += 2
                    _ = try hex4()
                    continue
                }
                guard [0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74].contains(e) else { throw Refused() }
                i += 2
                continue
            }
            i += 1
        }
        throw Refused()
    }

    @inlinable
    package mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, word.utf8Start, n) == 0 else { throw Refused() }
        i += n
    }

    @inlinable
    package mutating func number() throws {
        if i < b.count, b[i] == 0x2D { i += 1 }
        func digits(_ scan: inout JSONCursor) -> Int {
            let start = scan.i
            while scan.i < scan.b.count, (0x30...0x39).contains(scan.b[scan.i]) { scan.i += 1 }
            return scan.i - start
        }
        let start = i
        guard digits(&self) > 0, !(b[start] == 0x30 && i - start > 1) else { throw Refused() }
        if i < b.count, b[i] == 0x2E {
            i += 1
            guard digits(&self) > 0 else { throw Refused() }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard digits(&self) > 0 else { throw Refused() }
        }
    }
}
