/// A plain page (about, principles); `menu` puts it in the main menu at that place.
public struct Page: Sendable, Hashable {
    public static let keys = ["title", "menu"]
    public var menu: Int?

    static func decode(_ f: inout Fields) -> Page {
        Page(menu: f.count("menu")?.value)
    }
}
