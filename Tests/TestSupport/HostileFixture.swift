/// The complete fixture (`CompleteFixture`) with every text an editor writes replaced by markup that
/// would run or break out of an attribute if it reached a page unescaped. Each value ends with its own
/// marker (the field's name), so a test can tell that every field was rendered somewhere.
public enum HostileFixture {
    public static let payload = "<script>x</script>\"'&<img src=x onerror=1>"

    /// The value as a YAML double-quoted scalar.
    static func h(_ marker: String) -> String {
        "\"" + payload.replacingOccurrences(of: "\"", with: "\\\"") + marker + "\""
    }

    /// Markers of the values the built-in theme shows; each must appear, escaped, in some page.
    public static let shownMarkers = [
        "SITE_TITLE", "SITE_ORGANISATION", "SITE_DESCRIPTION", "CONTACT_NAME", "CONTACT_EMAIL",
        "REPORTED_SOURCE", "SUBREGION_NAME", "CATEGORY_NAME", "GROUP_NAME", "GROUP_ABBREVIATION", "GROUP_SUMMARY",
        "PERSON_NAME", "PERSON_TITLE", "ROLE_NAME", "ORGANISATION_NAME", "ORGANISATION_SUMMARY", "OFFER", "SEEK",
        "PLAN_TITLE", "AREA_TITLE", "AREA_SUMMARY", "PLAN_DECIDED",
        "REPORT_TITLE", "REPORT_DIARIENUMMER", "REPORT_SUMMARY",
        "MEETING_TITLE", "MEETING_LOCATION", "ATTENDEE_ROLE", "GUEST_ROLE", "DECISION_TEXT", "ACTION_TEXT", "SCORE_OPTION",
        "MEETING_SUMMARY", "NEWS_TITLE", "NEWS_SUMMARY", "PAGE_TITLE", "PAGE_SUMMARY",
        "CONTACT_PHONE", "CONTACT_ADDRESS", "ACCESSIBILITY_METHOD", "KNOWN_PROBLEM", "GLOSSARY_EXPANSION", "PLAN_ORGANISATION",
    ]

    public static var files: [String: String] {
        [
            "site.yml": """
                title: \(h("SITE_TITLE"))
                base_url: https://example.org/okc/
                organisation: \(h("SITE_ORGANISATION"))
                description: \(h("SITE_DESCRIPTION"))
                subregions:
                  norr: \(h("SUBREGION_NAME"))
                categories:
                  kultur: \(h("CATEGORY_NAME"))
                contact:
                  name: \(h("CONTACT_NAME"))
                  email: \(h("x@example.org CONTACT_EMAIL"))
                  phone: \(h("CONTACT_PHONE"))
                  address: \(h("CONTACT_ADDRESS"))
                  url: https://example.org/kontakt?a=1&b="2"
                signatories_reported: {count: 120, date: 2024-08-19, source: \(h("REPORTED_SOURCE"))}
                accessibility:
                  method: \(h("ACCESSIBILITY_METHOD"))
                  known_problems: [\(h("KNOWN_PROBLEM"))]
                """,
            "content/glossary.yml": "- {abbr: RÖS, expansion: \(h("GLOSSARY_EXPANSION")), group: ros}\n",
            "content/groups/ros.md": "---\nname: \(h("GROUP_NAME"))\nabbreviation: \(h("GROUP_ABBREVIATION"))\nsummary: \(h("GROUP_SUMMARY"))\n---\n",
            "content/people/anna-andersson.md": """
                ---
                name: \(h("PERSON_NAME"))
                initials: AA
                title: \(h("PERSON_TITLE"))
                organisation: paraply
                roles:
                  - {group: ros, role: \(h("ROLE_NAME")), from: 2024}
                ---
                """,
            "content/organisations/paraply.md": """
                ---
                name: \(h("ORGANISATION_NAME"))
                summary: \(h("ORGANISATION_SUMMARY"))
                categories: [kultur]
                subregions: [norr]
                website: https://paraply.example.org/?q="1"&r=<2>
                offers: [\(h("OFFER"))]
                seeks: [\(h("SEEK"))]
                ---
                """,
            "content/plans/plan.md": """
                ---
                title: \(h("PLAN_TITLE"))
                period: {from: 2020, to: 2022}
                areas:
                  - {id: dialog, title: \(h("AREA_TITLE")), summary: \(h("AREA_SUMMARY"))}
                decided: \(h("PLAN_DECIDED"))
                organisation: \(h("PLAN_ORGANISATION"))
                ---
                """,
            "content/reports/rapport.md": """
                ---
                title: \(h("REPORT_TITLE"))
                date: 2022-06-23
                diarienummer: \(h("REPORT_DIARIENUMMER"))
                responsible: ros
                plan: plan
                chapters: [{heading: dialogen, area: dialog}]
                summary: \(h("REPORT_SUMMARY"))
                ---
                ## Dialogen
                """,
            "content/meetings/2024-08-19-ros.md": """
                ---
                title: \(h("MEETING_TITLE"))
                date: 2024-08-19
                location: \(h("MEETING_LOCATION"))
                group: ros
                attendees: [{person: anna-andersson, role: \(h("ATTENDEE_ROLE"))}]
                guests: [{person: anna-andersson, role: \(h("GUEST_ROLE"))}]
                decisions: [{text: \(h("DECISION_TEXT")), area: dialog}]
                actions: [{text: \(h("ACTION_TEXT")), owner: AA, status: open}]
                scores: [{option: \(h("SCORE_OPTION")), values: [3, 2]}]
                registration: https://example.org/anmalan?a="1"&b=<2>
                summary: \(h("MEETING_SUMMARY"))
                ---
                Text med <b onclick="x">HTML</b> och [länk till mötet](https://example.org/?x="1").
                """,
            "content/news/2024-08-20-nyhet.md": "---\ntitle: \(h("NEWS_TITLE"))\ndate: 2024-08-20\nsummary: \(h("NEWS_SUMMARY"))\n---\n",
            "content/pages/om.md": "---\ntitle: \(h("PAGE_TITLE"))\nmenu: 1\nsummary: \(h("PAGE_SUMMARY"))\n---\n",
        ]
    }
}
