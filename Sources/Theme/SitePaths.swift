/// Where the generated views and files live. The path segments are Swedish words readers see in the
/// address bar, so they come from the strings file like every other word.
public struct SitePaths: Sendable {
    public static let keys = ["path_decisions", "path_actions", "path_categories", "path_subregions", "path_matchmaking",
                              "path_glossary", "path_calendar", "path_open_data", "path_accessibility", "path_search", "file_calendar", "file_feed",
                              "file_organisations_json", "file_organisations_csv", "file_meetings_json", "file_decisions_json",
                              "file_actions_json", "file_people_json"]

    let strings: Strings

    init(_ strings: Strings) { self.strings = strings }

    func folder(_ key: String) -> String { strings[key] + "/" }
    func file(_ key: String) -> String { strings[key] }

    var decisions: String { folder("path_decisions") }
    var actions: String { folder("path_actions") }
    var categories: String { folder("path_categories") }
    var subregions: String { folder("path_subregions") }
    var matchmaking: String { folder("path_matchmaking") }
    var glossary: String { folder("path_glossary") }
    var calendar: String { folder("path_calendar") }
    var openData: String { folder("path_open_data") }
    var accessibility: String { folder("path_accessibility") }
    var search: String { folder("path_search") }
    var calendarFile: String { file("file_calendar") }
    var feedFile: String { file("file_feed") }

    func category(_ id: String) -> String { categories + id + "/" }
    func subregion(_ id: String) -> String { subregions + id + "/" }
}
