import Content
import Graph

/// Reader-facing words, all from the theme's strings file: Swift code holds no Swedish.
public struct Strings: Sendable {
    public let table: [String: String]

    /// Keys the Swift side of the theme asks for; templates may use any other key through `t`.
    public static let required: [String] =
        (1...12).map { "month_\($0)" } + Kind.allCases.map { "section_\($0.rawValue)" } + Kind.allCases.map { "kind_\($0.rawValue)" }
        + Meeting.types.map { "meeting_type_\($0)" } + Meeting.Status.allCases.map { "status_\($0.rawValue)" }
        + Person.sides.map { "side_\($0)" } + Relation.allCases.map { "relation_\($0.rawValue)" }
        + Plan.statuses.map { "plan_status_\($0)" } + Plan.areaKinds.map { "area_kind_\($0)" }
        + ["home", "not_found_title", "all_subregions", "decisions_title", "actions_title", "calendar_title", "glossary_title",
           "open_data_title", "categories_title", "subregions_title", "matchmaking_title", "coverage_title",
           "accessibility_title", "search_title", "accessibility_status_full", "accessibility_status_partial", "accessibility_status_none"]
        + SitePaths.keys
        + ["organisations_json", "organisations_csv", "meetings_json", "decisions_json", "actions_json", "people_json"]
            .flatMap { ["data_\($0)", "data_\($0)_description"] }

    /// `month_1` … `month_12`, looked up once: every date on every page needs one.
    private let months: [String]
    /// `section_<kind>` by position in `Kind.allCases`: every page's backlinks and menu name sections.
    private let sections: [String]
    /// `kind_<kind>` likewise, named on every page.
    private let kindNames: [String]

    public init(_ table: [String: String]) {
        self.table = table
        months = (1...12).map { table["month_\($0)"] ?? "month_\($0)" }
        sections = Kind.allCases.map { table["section_\($0.rawValue)"] ?? "section_\($0.rawValue)" }
        kindNames = Kind.allCases.map { table["kind_\($0.rawValue)"] ?? "kind_\($0.rawValue)" }
    }

    /// `self["kind_<kind>"]` without building the key.
    func kindName(_ kind: Kind) -> String { kindNames[Kind.allCases.firstIndex(of: kind)!] }

    /// `self["section_<kind>"]` without building the key.
    func section(_ kind: Kind) -> String { sections[Kind.allCases.firstIndex(of: kind)!] }

    /// Keys the theme's Swift code needs but the strings file lacks.
    public var missing: [String] { Strings.required.filter { table[$0] == nil } }

    public subscript(_ key: String) -> String { table[key] ?? key }

    /// The words after a count: `<key>_one` when there is one and the file has it, else `<key>`
    /// ("1 uppgift är försenad", "2 uppgifter är försenade").
    public func words(_ key: String, count: Int) -> String {
        if count == 1, let one = table[key + "_one"] { return one }
        return self[key]
    }

    /// `19 augusti 2024`.
    public func date(_ day: Day) -> String {
        // Written straight into one string: joining four pieces made a string per piece, on every link with a date.
        var month = months[day.month - 1]
        return month.withUTF8 { name in
            let d = day.day, y = day.year
            let dayDigits = d >= 10 ? 2 : 1
            let yearDigits = y >= 1000 ? 4 : y >= 100 ? 3 : y >= 10 ? 2 : 1
            let length = dayDigits + 1 + name.count + 1 + yearDigits
            return String(unsafeUninitializedCapacity: length) { out in
                var k = 0
                if dayDigits == 2 { out[k] = 0x30 + UInt8(d / 10); k += 1 }
                out[k] = 0x30 + UInt8(d % 10); k += 1
                out[k] = 0x20; k += 1
                for byte in name { out[k] = byte; k += 1 }
                out[k] = 0x20
                var rest = y
                for position in stride(from: length - 1, to: k, by: -1) {
                    out[position] = 0x30 + UInt8(rest % 10)
                    rest /= 10
                }
                return length
            }
        }
    }

    /// `maj 2024`, `2024` or a full date, as precise as the source.
    public func date(_ day: FuzzyDay) -> String {
        if let d = day.day, let m = day.month, let full = Day(year: day.year, month: m, day: d) { return date(full) }
        if let m = day.month { return "\(self["month_\(m)"]) \(day.year)" }
        return "\(day.year)"
    }
}

