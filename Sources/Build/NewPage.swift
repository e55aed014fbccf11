import Content

/// `okc new KIND ID`: writes a page with the kind's front matter scaffolded, never over an existing file.
public enum NewPage {
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Returns the path written, from the site root (`content/meetings/2026-11-25-mote.md`).
    public static func create(kind: Kind, id: String?, siteRoot: String, now: Day) throws -> String {
        let root = FileSystem.absolute(siteRoot)
        guard FileSystem.type(root + "/" + SiteConfig.path) == .file else {
            throw Refusal(description: "no site.yml in \(root): run okc new in the site's folder or pass --site DIR")
        }
        guard let id = id ?? Scaffold.proposedID(kind: kind, now: now) else {
            throw Refusal(description: "give the new page's id, e.g. okc new \(kind.rawValue) \(exampleID(kind))")
        }
        if let problem = Identifier.problem(id) {
            throw Refusal(description: "'\(id)' cannot be a page id: \(problem); try '\(Identifier.slug(id))'")
        }
        let relative = "content/\(kind.folder)/\(id).md"
        if FileSystem.exists(root + "/" + relative) {
            throw Refusal(description: "\(relative) already exists; okc new never overwrites a page")
        }
        try FileSystem.makeDirectory(root + "/content")
        try FileSystem.makeDirectory(root + "/content/" + kind.folder)
        try FileSystem.create(Array(Scaffold.text(kind: kind, now: now).utf8), at: root + "/" + relative)
        return relative
    }

    static func exampleID(_ kind: Kind) -> String {
        switch kind {
        case .person: "anna-andersson"
        case .organisation: "famna-vast"
        case .group: "ros"
        case .plan: "handlingsplan-2026-2028"
        case .report: "slutrapport-2026"
        case .meeting, .news: "2026-11-25-dialogmote"
        case .page: "om"
        }
    }
}
