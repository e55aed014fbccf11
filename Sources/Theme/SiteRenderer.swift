import Content
import Graph

/// The render stage: every page, list page, the home page and the site-wide files, as bytes.
public enum SiteRenderer {
    /// Where a page's rendered body comes from: the parsed document, or an incremental build's cache.
    public typealias BodySource = @Sendable (ParsedDocument) -> String

    /// The body as the parse stage rendered it.
    public static let parsedBody: BodySource = { $0.markdown.html }

    /// Every file the site consists of, in no particular order; paths are unique unless two sources clash.
    public static func jobs(_ graph: SiteGraph, templates: ThemeTemplates, strings: Strings,
                            body: @escaping BodySource = parsedBody) -> [RenderJob] {
        // Every page's strings and site settings written into the templates once, not looked up per page.
        let templates = templates.specialised(for: PageShell.constants(config: graph.config, strings: strings))
        var jobs: [RenderJob] = []
        jobs.reserveCapacity(graph.documents.count + 64)
        let site = RenderJob.Site(graph: graph, strings: strings)
        for (index, parsed) in graph.documents.enumerated() {
            let folder = graph.routes.folder(ofKey: parsed.document.key) ?? ""
            // The page by its position in the graph the job renders from: a closure holding the document
            // itself, the templates and the body source was ~100 bytes more a page.
            jobs.append(RenderJob(path: folder + "index.html", documentKey: parsed.document.key, site: site, folder: folder) { view in
                page(site.graph.documents[index], view: view, templates: templates, body: body)
            })
        }
        for kind in Kind.allCases where kind != .page && !graph.documents(of: kind).isEmpty {
            let folder = graph.routes.sectionFolder(kind)
            jobs.append(RenderJob(path: folder + "index.html", site: site, folder: folder) { view in
                section(kind, view: view, templates: templates)
            })
        }
        jobs.append(RenderJob(path: "index.html", site: site, folder: "") { home($0, templates: templates) })
        jobs.append(RenderJob(path: "404.html", site: site, folder: "") { notFound($0, templates: templates) })
        jobs += GeneratedPages.jobs(site, templates: templates)
        let paths = SitePaths(strings)
        func file(_ path: String, _ make: @escaping @Sendable (ViewContext) -> String) {
            jobs.append(RenderJob(path: path, site: site, folder: "", make: make))
        }
        file(paths.calendarFile) { CalendarFeed.text($0) }
        file(paths.feedFile) { AtomFeed.text($0, path: paths.feedFile) }
        for dataset in OpenData.datasets(paths) {
            file(dataset.path, dataset.make)
        }
        // The sitemap lists the pages rendered so far, as it always has: not itself, robots.txt or copied files.
        let listed = jobs.map(\.path)
        file("sitemap.xml") { Sitemap.text($0, paths: listed) }
        file("robots.txt") { "User-agent: *\nAllow: /\nSitemap: \($0.routes.absoluteURL("sitemap.xml"))\n" }
        return jobs
    }

    static func page(_ parsed: ParsedDocument, view: ViewContext, templates: ThemeTemplates, body: BodySource) -> String {
        let doc = parsed.document
        let strings = view.strings
        let template = doc.kind == .page ? "page" : doc.kind.rawValue
        let headings = parsed.markdown.headings
        let anchors = BodyAnchors(headings, taken: (templates.ids[template] ?? []).union(PlanView.anchors(parsed)))
        var extra: [String: Any]
        switch doc.kind {
        case .meeting: extra = MeetingView.context(view, parsed)
        case .organisation: extra = OrganisationView.context(view, parsed)
        case .person: extra = PersonView.context(view, parsed)
        case .plan: extra = PlanView.context(view, parsed)
        case .report: extra = ReportView.context(view, parsed, anchors: anchors)
        // Left out when absent: the template's section would render for an empty text too.
        case .group: extra = doc.group?.abbreviation.map { ["abbreviation": $0] } ?? [:]
        case .news: extra = ["date": view.date(doc.date) ?? "", "iso": doc.date?.iso ?? ""]
        case .page: extra = [:]
        }
        // The page shows its own front matter and body.
        view.recordPage(doc)
        extra["body"] = anchors.apply(to: body(parsed), headings: headings)
        extra["backlinks"] = view.backlinks(of: doc)
        extra["updated"] = view.date(doc.updated)
        extra["kindName"] = strings.kindName(doc.kind)
        if let jsonld = StructuredData.script(parsed, view) { extra["jsonld"] = jsonld }
        let context = PageShell.context(view, title: doc.title, template: template, section: doc.kind, summary: doc.summary, extra: extra)
        return templates.render(context, template: template)
    }

    static func section(_ kind: Kind, view: ViewContext, templates: ThemeTemplates) -> String {
        let context = PageShell.context(view, title: view.strings.section(kind), template: "list",
                                        section: nil, extra: SectionView.context(view, kind: kind))
        return templates.render(context, template: "list")
    }

    static func home(_ view: ViewContext, templates: ThemeTemplates) -> String {
        let strings = view.strings
        let upcoming = SectionView.upcomingMeetings(view)
        let news = view.documents(of: .news).sorted(by: Document.isNewer)
        let paths = SitePaths(strings)
        // The registers of decisions and tasks exist only once there are meetings to make them from.
        let registers: [[String: Any]] = (view.hasDocuments(of: .meeting) ? [
            ["title": strings["decisions_title"], "url": view.url(toFolder: paths.decisions)],
            ["title": strings["actions_title"], "url": view.url(toFolder: paths.actions)],
        ] : []) + [
            ["title": strings["calendar_title"], "url": view.url(toFolder: paths.calendar)],
            ["title": strings["glossary_title"], "url": view.url(toFolder: paths.glossary)],
            ["title": strings["open_data_title"], "url": view.url(toFolder: paths.openData)],
        ]
        let context = PageShell.context(view, title: view.config.title, template: "home", extra: [
            "upcoming": upcoming.prefix(5).map { SectionView.meetingItem(view, $0) },
            "news": news.prefix(5).map(view.link),
            "sections": sections(view),
            "registers": registers,
            "calendarFile": view.url(toFolder: paths.calendarFile),
            "feedFile": view.url(toFolder: paths.feedFile),
        ])
        return templates.render(context, template: "home")
    }

    /// The sections that have pages, with their counts (the home page and the search page's fallback).
    static func sections(_ view: ViewContext) -> [[String: Any]] {
        [Kind.meeting, .organisation, .person, .group, .plan, .report, .news].compactMap { kind -> [String: Any]? in
            let count = view.count(of: kind)
            guard count > 0 else { return nil }
            return ["title": view.strings.section(kind), "url": view.url(toFolder: view.routes.sectionFolder(kind)), "count": String(count)]
        }
    }

    /// Served for any missing address, so its links must work from anywhere: they are absolute.
    static func notFound(_ view: ViewContext, templates: ThemeTemplates) -> String {
        var context = PageShell.context(view, title: view.strings["not_found_title"], template: "404", extra: [:])
        let basePath = view.config.basePath
        context["root"] = basePath
        if var menu = context["menu"] as? [[String: Any]] {
            for i in menu.indices { menu[i]["url"] = basePath + ((menu[i]["url"] as? String) ?? "") }
            context["menu"] = menu
        }
        return templates.render(context, template: "404")
    }
}
