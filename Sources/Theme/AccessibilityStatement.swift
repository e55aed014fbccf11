import Content

/// The accessibility statement (tillgänglighetsredogörelse) that Swedish law requires, built from
/// `site.yml`: who publishes, how compliant, known problems, how it was assessed, how to reach us, DIGG.
enum AccessibilityStatement {
    static func context(_ config: SiteConfig, strings: Strings) -> [String: Any] {
        let a = config.accessibility
        var c: [String: Any] = [
            "siteTitle": config.title,
            "siteURL": config.baseURL,
            "status": strings["accessibility_status_\(a.status)"],
            "problems": a.knownProblems,
            "diggURL": a.diggURL,
            "contact": PageShell.contact(config.contact),
        ]
        if let organisation = config.organisation { c["organisation"] = organisation }
        if let method = a.method { c["method"] = method }
        if let day = a.assessedOn { c["assessedOn"] = strings.date(day); c["assessedISO"] = day.iso }
        return c
    }
}
