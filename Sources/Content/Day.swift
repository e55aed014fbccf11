/// A calendar date without time or zone: what front matter means by `2024-08-19`.
/// Kept apart from `Foundation.Date` so that no time zone or clock can change a page.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the triple names a real day of the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The first day there is: where a page without a valid date sorts.
    public static let earliest = Day(year: 1, month: 1, day: 1)!

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String {
        // Views write a date on every link that has one: the common case as ten bytes, not five strings joined.
        guard (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            return Digits.four(year) + "-" + Digits.two(month) + "-" + Digits.two(day)
        }
        let (y, m, d) = (year, month, day)
        return String(unsafeUninitializedCapacity: 10) { out in
            out[0] = 0x30 + UInt8(y / 1000); out[1] = 0x30 + UInt8(y / 100 % 10)
            out[2] = 0x30 + UInt8(y / 10 % 10); out[3] = 0x30 + UInt8(y % 10)
            out[4] = 0x2D; out[5] = 0x30 + UInt8(m / 10); out[6] = 0x30 + UInt8(m % 10)
            out[7] = 0x2D; out[8] = 0x30 + UInt8(d / 10); out[9] = 0x30 + UInt8(d % 10)
            return 10
        }
    }

    public var description: String { iso }

    /// Days since 1970-01-01 (negative before), for weekday and interval arithmetic.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int {
        let d = (daysSinceEpoch + 3) % 7
        return (d < 0 ? d + 7 : d) + 1
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Zero-padded decimal digits, without Foundation's locale-dependent formatting.
public enum Digits {
    public static func two(_ value: Int) -> String { value < 10 && value >= 0 ? "0" + String(value) : String(value) }
    public static func four(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
