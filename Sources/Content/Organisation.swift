/// A signatory of the agreement: its short pitch, where it works and what it offers or seeks.
public struct Organisation: Sendable, Hashable {
    public static let keys = ["name", "categories", "subregions", "federation", "member_organisations", "website",
                              "signed", "parent", "offers", "seeks"]

    public var categories: [Located<String>] = []
    /// Empty with `allSubregions` true when the editor wrote `subregions: all`.
    public var subregions: [Located<String>] = []
    public var allSubregions = false
    public var federation = false
    public var memberOrganisations: Int?
    public var website: String?
    public var signed: Day?
    public var parent: Located<String>?
    public var offers: [String] = []
    public var seeks: [String] = []

    static func decode(_ f: inout Fields) -> Organisation {
        var o = Organisation()
        o.categories = f.texts("categories")
        let regions = f.texts("subregions")
        if regions.count == 1, regions[0].value == "all" {
            o.allSubregions = true
        } else {
            o.subregions = regions
        }
        o.federation = f.bool("federation") ?? false
        o.memberOrganisations = f.count("member_organisations")?.value
        o.website = f.url("website")?.value
        o.signed = f.day("signed")?.value
        o.parent = f.text("parent")
        o.offers = f.texts("offers").map(\.value)
        o.seeks = f.texts("seeks").map(\.value)
        return o
    }
}
