/// `site.yml`: the site's name, address, the region's parts, the signatory categories and the facts
/// the theme needs. Maps keep the order the editor wrote them in.
public struct SiteConfig: Sendable, Hashable {
    public struct Named: Sendable, Hashable {
        public var id: String
        public var name: String
    }

    public struct Contact: Sendable, Hashable {
        public var name: String?
        public var email: String?
        public var phone: String?
        public var address: String?
        public var url: String?
    }

    public struct Reported: Sendable, Hashable {
        public var count: Int
        public var date: Day
        public var source: String?
    }

    public struct Accessibility: Sendable, Hashable {
        public var status: String
        public var assessedOn: Day?
        public var method: String?
        public var knownProblems: [String]
        public var diggURL: String
    }

    public static let path = "site.yml"
    public static let keys = ["title", "base_url", "language", "organisation", "description", "subregions", "categories",
                              "contact", "signatories_reported", "accessibility", "unsafe_html", "sections"]

    public var title: String
    /// Absolute, ending in `/`.
    public var baseURL: String
    public var language: String
    public var organisation: String?
    public var description: String?
    public var subregions: [Named]
    public var categories: [Named]
    public var contact: Contact?
    public var signatoriesReported: Reported?
    public var accessibility: Accessibility
    public var unsafeHTML: Bool
    /// Section path segment per kind (defaults from `Kind.defaultSection`, renamed by `sections`).
    public var sections: [Kind: String]

    /// The path from the site's root on the server (`/okc/`), for links that must not depend on the page.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    public func section(_ kind: Kind) -> String { sections[kind] ?? kind.defaultSection }

    public static func decode(_ text: String, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        guard let root = YAMLTree.parse(text, path: SiteConfig.path, firstLine: 1, diagnostics: &diagnostics) else { return nil }
        var f = Fields(root, path: SiteConfig.path, what: "site.yml")
        let config = read(&f)
        diagnostics += f.diagnostics
        return config
    }

    /// The keys of site.yml as its reader reads them (for the JSON Schema).
    public static var shape: [KeyShape] { KeyShape.collect { _ = read(&$0) } }

    static func read(_ f: inout Fields) -> SiteConfig? {
        let path = SiteConfig.path
        let title = f.requiredText("title", example: "Överenskommelsen")
        var baseURL = f.requiredText("base_url", example: "https://www.example.se/okc/")
        if let url = baseURL {
            if let problem = URLCheck.problem(url.value) ?? (url.value.lowercased().hasPrefix("http") ? nil : "base_url must start with https://") {
                f.diagnostics.append(.error("'base_url': \(problem)", at: url.position))
                baseURL = nil
            } else if !url.value.hasSuffix("/") {
                baseURL = Located(url.value + "/", at: url.position)
            }
        }
        let language = f.text("language")?.value ?? "sv"
        let organisation = f.text("organisation")?.value
        let description = f.text("description")?.value
        let subregions = named(&f, "subregions")
        let categories = named(&f, "categories")
        var contact: Contact?
        if let node = f.node("contact") {
            var c = Fields(node, path: path, what: "'contact'")
            contact = Contact(name: c.text("name")?.value, email: c.text("email")?.value, phone: c.text("phone")?.value,
                              address: c.text("address")?.value, url: c.url("url")?.value)
            if let email = contact?.email, !email.contains("@") {
                c.diagnostics.append(.error("'email' is not an e-mail address: '\(email)'", at: c.keyPosition("email") ?? node.position))
            }
            c.warnUnknown()
            f.adopt(c, under: "contact")
        }
        var reported: Reported?
        if let node = f.node("signatories_reported") {
            var r = Fields(node, path: path, what: "'signatories_reported'")
            let count = r.count("count")
            let date = r.requiredDay("date")
            if count == nil, !r.has("count") { r.missing("count", example: "120") }
            let source = r.text("source")?.value
            r.warnUnknown()
            f.adopt(r, under: "signatories_reported")
            if let count, let date { reported = Reported(count: count.value, date: date.value, source: source) }
        }
        var accessibility = Accessibility(status: "partial", assessedOn: nil, method: nil, knownProblems: [],
                                          diggURL: "https://www.digg.se/tdosanmalan")
        if let node = f.node("accessibility") {
            var a = Fields(node, path: path, what: "'accessibility'")
            accessibility.status = a.choice("status", ["full", "partial", "none"])?.value ?? "partial"
            accessibility.assessedOn = a.day("assessed_on")?.value
            accessibility.method = a.text("method")?.value
            accessibility.knownProblems = a.texts("known_problems").map(\.value)
            accessibility.diggURL = a.url("digg_url")?.value ?? accessibility.diggURL
            a.warnUnknown()
            f.adopt(a, under: "accessibility")
        }
        let unsafe = f.bool("unsafe_html") ?? false
        var sections: [Kind: String] = [:]
        for (entry, keyPosition, valuePosition) in locatedNamed(&f, "sections") {
            guard let kind = Kind.allCases.first(where: { $0.rawValue == entry.id || $0.folder == entry.id }), kind != .page else {
                f.diagnostics.append(.error("'sections': unknown kind '\(entry.id)'", at: keyPosition,
                                            hint: Closest.hint(entry.id, in: Kind.allCases.map(\.rawValue))))
                continue
            }
            if let problem = Identifier.problem(entry.name) {
                f.diagnostics.append(.error("'sections': '\(entry.name)': \(problem)", at: valuePosition))
                continue
            }
            sections[kind] = entry.name
        }
        f.warnUnknown()
        guard let title, let baseURL else { return nil }
        return SiteConfig(title: title.value, baseURL: baseURL.value, language: language, organisation: organisation,
                          description: description, subregions: subregions, categories: categories, contact: contact,
                          signatoriesReported: reported, accessibility: accessibility, unsafeHTML: unsafe, sections: sections)
    }

    static func named(_ f: inout Fields, _ key: String) -> [Named] {
        locatedNamed(&f, key).map(\.named)
    }

    /// The entries of an `id: name` map with where each id and name was written.
    static func locatedNamed(_ f: inout Fields, _ key: String) -> [(named: Named, key: SourcePosition, value: SourcePosition)] {
        guard let node = f.node(key) else { return [] }
        guard case .mapping(let pairs) = node.value else {
            f.diagnostics.append(.error("'\(key)' must be a group of 'id: name' lines", at: node.position))
            return []
        }
        var result: [(named: Named, key: SourcePosition, value: SourcePosition)] = []
        for pair in pairs {
            guard let id = pair.key.scalar, let name = pair.value.scalar else {
                f.diagnostics.append(.error("each entry of '\(key)' must be 'id: name'", at: pair.key.position))
                continue
            }
            if let problem = Identifier.problem(id) {
                f.diagnostics.append(.error("'\(key)': '\(id)': \(problem)", at: pair.key.position, hint: "try '\(Identifier.slug(id))'"))
                continue
            }
            if result.contains(where: { $0.named.id == id }) {
                f.diagnostics.append(.error("'\(key)': duplicate id '\(id)'", at: pair.key.position))
                continue
            }
            result.append((Named(id: id, name: name), pair.key.position, pair.value.position))
        }
        return result
    }
}
