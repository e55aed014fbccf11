/// A date known to the year, the month or the day (`2024`, `2024-05`, `2024-05-13`): roles often
/// start "in May 2024", and writing a day nobody knows would invent a fact.
public struct FuzzyDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: String) {
        if let full = Day(iso: text) {
            year = full.year; month = full.month; day = full.day
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]), y > 0 else { return nil }
        year = y
        day = nil
        if parts.count == 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        } else {
            month = nil
        }
    }

    public var description: String {
        var text = Digits.four(year)
        if let month { text += "-" + Digits.two(month) }
        if let day { text += "-" + Digits.two(day) }
        return text
    }

    /// The first day the value can mean, for ordering.
    public var earliest: Day { Day(year: year, month: month ?? 1, day: day ?? 1)! }

    public static func < (lhs: FuzzyDay, rhs: FuzzyDay) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}

extension Fields {
    public mutating func fuzzyDay(_ key: String) -> Located<FuzzyDay>? {
        shape.note(key, .fuzzyDate)
        guard let node = node(key) else { return nil }
        if let text = node.scalar, let value = FuzzyDay(text) { return Located(value, at: node.position) }
        diagnostics.append(.error("'\(key)' must be a date (2024-05-13), a month (2024-05) or a year (2024), not \(node.scalar.map { "'\($0)'" } ?? node.kindName)",
                                  at: node.position))
        return nil
    }
}
