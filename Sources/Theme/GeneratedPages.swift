import Content
import Graph

/// Pages computed from the whole site rather than written by an editor: registers, taxonomies,
/// matchmaking, glossary, calendar and open data.
enum GeneratedPages {
    static func jobs(_ site: RenderJob.Site, templates: ThemeTemplates) -> [RenderJob] {
        let graph = site.graph, strings = site.strings
        let paths = SitePaths(strings)
        var jobs: [RenderJob] = []
        func page(_ folder: String, title: String, template: String, crumbs extraCrumbs: [(String, String)] = [],
                  _ build: @escaping @Sendable (ViewContext) -> [String: Any]) {
            jobs.append(RenderJob(path: folder + "index.html", site: site, folder: folder) { view in
                let crumbs = PageShell.crumbs(view, section: nil) + extraCrumbs.map { ($0.0, view.url(toFolder: $0.1)) }
                let context = PageShell.context(view, title: title, template: template, crumbs: crumbs, extra: build(view))
                return templates.render(context, template: template)
            })
        }

        if !graph.documents(of: .meeting).isEmpty {
            page(paths.decisions, title: strings["decisions_title"], template: "decisions", RegisterViews.decisions)
            page(paths.actions, title: strings["actions_title"], template: "actions", RegisterViews.actions)
        }
        // Every page's footer links the calendar, and kalender.ics is always written: a site whose first
        // meeting is still to come has a calendar to subscribe to as well.
        page(paths.calendar, title: strings["calendar_title"], template: "calendar") { view in
            var context: [String: Any] = [
                "feedURL": view.routes.absoluteURL(paths.calendarFile), "feedLink": view.url(toFolder: paths.calendarFile),
                "webcalURL": "webcal://" + view.routes.absoluteURL(paths.calendarFile).drop { $0 != ":" }.dropFirst(3),
                "upcoming": SectionView.upcomingMeetings(view).map { SectionView.meetingItem(view, $0) }]
            if view.hasDocuments(of: .meeting) { context["meetings"] = view.url(toFolder: view.routes.sectionFolder(.meeting)) }
            return context
        }
        let config = graph.config
        if !graph.documents(of: .organisation).isEmpty {
            let categoriesTitle = strings["categories_title"]
            page(paths.categories, title: categoriesTitle, template: "taxonomy") { view in
                ["terms": TaxonomyViews.index(view, terms: config.categories, count: { view.organisationCount(inCategory: $0) },
                                              folder: paths.category),
                 "lead": strings["categories_intro"], "termHeader": strings["category"], "items": [Any]()]
            }
            for term in config.categories {
                page(paths.category(term.id), title: term.name, template: "taxonomy", crumbs: [(categoriesTitle, paths.categories)]) { view in
                    TaxonomyViews.term(view, organisations: TaxonomyViews.organisations(view, category: term.id))
                }
            }
            let subregionsTitle = strings["subregions_title"]
            page(paths.subregions, title: subregionsTitle, template: "taxonomy") { view in
                let rows = config.subregions.map { ($0.name, view.organisationCount(inSubregion: $0.id)) }
                var context: [String: Any] = [
                    "terms": TaxonomyViews.index(view, terms: config.subregions, count: { view.organisationCount(inSubregion: $0) },
                                                 folder: paths.subregion),
                    "lead": strings["subregions_intro"], "termHeader": strings["subregion"], "items": [Any]()]
                // Bars of nothing would read as "no one works here": say instead that no profile says where.
                if rows.contains(where: { $0.1 > 0 }) {
                    context["coverage"] = TaxonomyViews.coverageSVG(rows, title: strings["coverage_title"])
                } else {
                    context["none"] = strings["subregions_none"]
                }
                return context
            }
            for term in config.subregions {
                page(paths.subregion(term.id), title: term.name, template: "taxonomy", crumbs: [(subregionsTitle, paths.subregions)]) { view in
                    TaxonomyViews.term(view, organisations: TaxonomyViews.organisations(view, subregion: term.id))
                }
            }
            page(paths.matchmaking, title: strings["matchmaking_title"], template: "matchmaking", MatchmakingView.context)
        }
        page(paths.glossary, title: strings["glossary_title"], template: "glossary") { view in
            let entries = SwedishOrder.sorted(view.glossary, by: \.abbreviation)
            return ["entries": entries.map { entry -> [String: Any] in
                var item: [String: Any] = ["abbreviation": entry.abbreviation, "expansion": entry.expansion]
                if let group = entry.group.flatMap({ view.document(.group, $0.value) }) { item["group"] = view.link(group) }
                return item
            }]
        }
        page(paths.openData, title: strings["open_data_title"], template: "opendata") { view in
            let keys = ["organisations_json", "organisations_csv", "meetings_json", "decisions_json", "actions_json", "people_json"]
            return ["datasets": keys.map { key -> [String: Any] in
                ["title": strings["data_\(key)"], "description": strings["data_\(key)_description"],
                 "url": view.url(toFolder: paths.file("file_\(key)")), "file": paths.file("file_\(key)")]
            }]
        }
        page(paths.accessibility, title: strings["accessibility_title"], template: "accessibility") { view in
            AccessibilityStatement.context(view.config, strings: strings)
        }
        page(paths.search, title: strings["search_title"], template: "search") { view in
            ["sections": SiteRenderer.sections(view), "sitemap": view.url(toFolder: "sitemap.xml")]
        }
        return jobs
    }
}
