/// Days and times written `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS`, checked and read on their bytes by the
/// Gregorian rules, with no calendar object: the one place the session readers, the tally and the workshop
/// decide whether a day or a time is real.
public enum Gregorian {
    /// Days in a month of a year.
    @inlinable
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The whole number written in ASCII digits at `range`, or nil when any byte there is not a digit.
    @inlinable
    public static func number(_ u: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.upperBound <= u.count else { return nil }
        var n = 0
        for i in range {
            guard u[i] &- 0x30 < 10 else { return nil }
            n = n * 10 + Int(u[i] &- 0x30)
        }
        return n
    }

    /// The year, month and day of `YYYY-MM-DD` at the start, when that day exists; nil otherwise.
    @inlinable
    public static func day(_ u: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D, let y = number(u, 0..<4), let m = number(u, 5..<7),
              let d = number(u, 8..<10), (1...12).contains(m), (1...days(inMonth: m, year: y)).contains(d) else { return nil }
        return (y, m, d)
    }

    /// The parts of `YYYY-MM-DDTHH:MM:SS` at the start, when that day and time exist (an hour under 24, a minute
    /// under 60, a second under 61); nil otherwise, so no reader rolls "hour 50" over into another day.
    @inlinable
    public static func moment(_ u: UnsafeBufferPointer<UInt8>)
        -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)? {
        guard let (y, mo, d) = day(u), u.count >= 19, u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A,
              let h = number(u, 11..<13), let mi = number(u, 14..<16), let se = number(u, 17..<19),
              h < 24, mi < 60, se < 61 else { return nil }
        return (y, mo, d, h, mi, se)
    }
}
