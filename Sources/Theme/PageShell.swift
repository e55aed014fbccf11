import Content
import Graph

/// The parts of every page around its main content: site, menu, breadcrumbs, strings.
enum PageShell {
    static func context(_ view: ViewContext, title: String, template: String, crumbs: [(String, String)] = [],
                        summary: String? = nil, extra: [String: Any]) -> [String: Any] {
        let config = view.config
        var menu: [[String: Any]] = []
        for kind in [Kind.meeting, .organisation, .plan, .report, .news] where view.hasDocuments(of: kind) {
            let folder = view.routes.sectionFolder(kind)
            menu.append(["title": view.strings["section_\(kind.rawValue)"], "url": view.url(toFolder: folder),
                         "current": view.folder.hasPrefix(folder)])
        }
        for page in view.menuPages {
            let folder = view.routes.folder(ofKey: page.key) ?? ""
            menu.append(["title": page.title, "url": view.url(toFolder: folder), "current": view.folder == folder])
        }
        var context: [String: Any] = [
            "t": view.strings.table,
            "lang": config.language,
            "site": [
                "title": config.title,
                "organisation": config.organisation ?? "",
                "description": config.description ?? "",
                "contact": contact(config.contact),
            ] as [String: Any],
            "root": view.url(toFolder: ""),
            "canonical": view.routes.absoluteURL(view.folder),
            "title": title,
            "isHome": view.folder.isEmpty,
            "menu": menu,
            "breadcrumbs": crumbs.map { ["title": $0.0, "url": $0.1] },
            "template": template,
        ]
        if let summary { context["summary"] = summary }
        for (key, value) in extra { context[key] = value }
        return context
    }

    static func contact(_ contact: SiteConfig.Contact?) -> [String: Any] {
        guard let contact else { return [:] }
        var out: [String: Any] = [:]
        if let v = contact.name { out["name"] = v }
        if let v = contact.email { out["email"] = v }
        if let v = contact.phone { out["phone"] = v }
        if let v = contact.address { out["address"] = v }
        if let v = contact.url { out["url"] = v }
        return out
    }

    /// Breadcrumbs from the home page through a section.
    static func crumbs(_ view: ViewContext, section kind: Kind?) -> [(String, String)] {
        var crumbs = [(view.strings["home"], view.url(toFolder: ""))]
        if let kind, kind != .page {
            crumbs.append((view.strings["section_\(kind.rawValue)"], view.url(toFolder: view.routes.sectionFolder(kind))))
        }
        return crumbs
    }
}
