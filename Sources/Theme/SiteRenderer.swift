import Content
import Graph

/// The render stage: every page, list page, the home page and the site-wide files, as bytes.
public enum SiteRenderer {
    public static func render(_ graph: SiteGraph, templates: ThemeTemplates, strings: Strings) -> [OutputFile] {
        var files: [OutputFile] = []
        for parsed in graph.documents {
            files.append(page(parsed, graph: graph, templates: templates, strings: strings))
        }
        for kind in Kind.allCases where kind != .page && !graph.documents(of: kind).isEmpty {
            files.append(section(kind, graph: graph, templates: templates, strings: strings))
        }
        files.append(home(graph, templates: templates, strings: strings))
        files.append(notFound(graph, templates: templates, strings: strings))
        files += GeneratedPages.render(graph, templates: templates, strings: strings)
        let paths = SitePaths(strings)
        files.append(CalendarFeed.file(graph, strings: strings, path: paths.calendarFile))
        files.append(AtomFeed.file(graph, strings: strings, path: paths.feedFile))
        files += OpenData.files(graph, paths: paths)
        files.append(Sitemap.file(graph, paths: files.map(\.path)))
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(graph.routes.absoluteURL("sitemap.xml"))\n"))
        return files.sorted { $0.path < $1.path }
    }

    public static func page(_ parsed: ParsedDocument, graph: SiteGraph, templates: ThemeTemplates, strings: Strings) -> OutputFile {
        let doc = parsed.document
        let folder = graph.routes.folder(ofKey: doc.key) ?? ""
        let view = ViewContext(graph: graph, strings: strings, folder: folder)
        var extra: [String: Any]
        switch doc.kind {
        case .meeting: extra = MeetingView.context(view, parsed)
        case .organisation: extra = OrganisationView.context(view, parsed)
        case .person: extra = PersonView.context(view, parsed)
        case .plan: extra = PlanView.context(view, parsed)
        case .report: extra = ReportView.context(view, parsed)
        case .group: extra = ["abbreviation": doc.group?.abbreviation as Any? ?? ""]
        case .news: extra = ["date": view.date(doc.date) ?? "", "iso": doc.date?.iso ?? ""]
        case .page: extra = [:]
        }
        extra["body"] = parsed.markdown.html
        extra["backlinks"] = view.backlinks(of: doc)
        extra["updated"] = view.date(doc.updated)
        extra["kindName"] = strings["kind_\(doc.kind.rawValue)"]
        if let jsonld = StructuredData.script(parsed, graph) { extra["jsonld"] = jsonld }
        let template = doc.kind == .page ? "page" : doc.kind.rawValue
        let context = PageShell.context(view, title: doc.title, template: template,
                                        crumbs: PageShell.crumbs(view, section: doc.kind), summary: doc.summary, extra: extra)
        return OutputFile(path: folder + "index.html", text: templates.render(context, template: template))
    }

    static func section(_ kind: Kind, graph: SiteGraph, templates: ThemeTemplates, strings: Strings) -> OutputFile {
        let folder = graph.routes.sectionFolder(kind)
        let view = ViewContext(graph: graph, strings: strings, folder: folder)
        let context = PageShell.context(view, title: strings["section_\(kind.rawValue)"], template: "list",
                                        crumbs: PageShell.crumbs(view, section: nil), extra: SectionView.context(view, kind: kind))
        return OutputFile(path: folder + "index.html", text: templates.render(context, template: "list"))
    }

    static func home(_ graph: SiteGraph, templates: ThemeTemplates, strings: Strings) -> OutputFile {
        let view = ViewContext(graph: graph, strings: strings, folder: "")
        let upcoming = graph.documents(of: .meeting).map(\.document).filter { graph.isUpcoming($0) }
            .sorted { ($0.date!, $0.id) < ($1.date!, $1.id) }
        let news = graph.documents(of: .news).map(\.document).sorted { ($0.date!, $0.id) > ($1.date!, $1.id) }
        let sections = [Kind.meeting, .organisation, .person, .group, .plan, .report, .news].compactMap { kind -> [String: Any]? in
            let count = graph.documents(of: kind).count
            guard count > 0 else { return nil }
            return ["title": strings["section_\(kind.rawValue)"], "url": view.url(toFolder: graph.routes.sectionFolder(kind)), "count": String(count)]
        }
        let paths = SitePaths(strings)
        let registers: [[String: Any]] = [
            ["title": strings["decisions_title"], "url": view.url(toFolder: paths.decisions)],
            ["title": strings["actions_title"], "url": view.url(toFolder: paths.actions)],
            ["title": strings["calendar_title"], "url": view.url(toFolder: paths.calendar)],
            ["title": strings["glossary_title"], "url": view.url(toFolder: paths.glossary)],
            ["title": strings["open_data_title"], "url": view.url(toFolder: paths.openData)],
        ]
        let context = PageShell.context(view, title: graph.config.title, template: "home", extra: [
            "upcoming": upcoming.prefix(5).map { SectionView.meetingItem(view, $0) },
            "news": news.prefix(5).map(view.link),
            "sections": sections,
            "registers": registers,
            "calendarFile": view.url(toFolder: paths.calendarFile),
            "feedFile": view.url(toFolder: paths.feedFile),
        ])
        return OutputFile(path: "index.html", text: templates.render(context, template: "home"))
    }

    /// Served for any missing address, so its links must work from anywhere: they are absolute.
    static func notFound(_ graph: SiteGraph, templates: ThemeTemplates, strings: Strings) -> OutputFile {
        let view = ViewContext(graph: graph, strings: strings, folder: "")
        var context = PageShell.context(view, title: strings["not_found_title"], template: "404", extra: [:])
        context["root"] = graph.config.basePath
        if var menu = context["menu"] as? [[String: Any]] {
            for i in menu.indices { menu[i]["url"] = graph.config.basePath + ((menu[i]["url"] as? String) ?? "") }
            context["menu"] = menu
        }
        return OutputFile(path: "404.html", text: templates.render(context, template: "404"))
    }
}
