/// A small site that uses every key of the content format (docs/content-format.md), so one build
/// proves that all of them decode, resolve and land where the format says.
public enum CompleteFixture {
    public static let siteYML = """
        title: Testplatsen
        base_url: https://example.org/okc/
        language: sv
        organisation: Testregionen
        description: En plats för tester.
        subregions:
          norr: Norra delen
          soder: Södra delen
        categories:
          idrott: Idrott
          kultur: Kultur
        contact:
          name: Kansliet
          email: kansliet@example.org
          phone: 010-123 45 67
          address: Storgatan 1, 111 11 Staden
          url: https://example.org/kontakt
        signatories_reported:
          count: 120
          date: 2024-08-19
          source: Minnesanteckningar
        accessibility:
          status: partial
          assessed_on: 2026-11-01
          method: Självskattning
          known_problems: [Gamla PDF-filer är inte tillgängliga]
          digg_url: https://www.digg.se/tdosanmalan
        unsafe_html: false
        sections:
          news: aktuellt
        """

    public static let files: [String: String] = [
        "site.yml": siteYML,
        "content/glossary.yml": """
            - abbr: RÖS
              expansion: Regionala överenskommelsegruppen
              group: ros
            - abbr: IOP
              expansion: Idéburet offentligt partnerskap
            """,
        "content/groups/ros.md": """
            ---
            name: RÖS-gruppen
            abbreviation: RÖS
            summary: Gruppen som leder arbetet.
            ---
            Gruppen träffas tio gånger per år.
            """,
        "content/people/anna-andersson.md": """
            ---
            name: Anna Andersson
            initials: AA
            side: civil_society
            title: Samordnare
            organisation: paraply
            roles:
              - {group: ros, role: ordförande, from: 2024-05, to: 2025, organisation: paraply}
            succeeded: bertil-berg
            ---
            """,
        "content/people/bertil-berg.md": """
            ---
            name: Bertil Berg
            initials: BB
            side: political
            roles:
              - {group: ros, role: ledamot, from: 2020, to: 2024-05}
            ---
            """,
        "content/people/cecilia-ceder.md": """
            ---
            name: Cecilia Ceder
            side: guest
            ---
            """,
        "content/organisations/paraply.md": """
            ---
            name: Paraplyet
            summary: Vi samlar föreningar i hela länet.
            categories: [kultur]
            subregions: all
            federation: true
            member_organisations: 40
            website: https://paraply.example.org/
            signed: 2014-11-25
            offers: [utbildning om IOP]
            seeks: [lokaler för möten]
            ---
            """,
        "content/organisations/medlem.md": """
            ---
            name: Medlemsföreningen
            summary: Vi ordnar idrott för unga.
            categories: [idrott, kultur]
            subregions: [norr, soder]
            parent: paraply
            seeks: [utbildning om ansökningar]
            ---
            """,
        "content/plans/plan-2020-2022.md": """
            ---
            title: Handlingsplan 2020–2022
            period: {from: 2020, to: 2022}
            areas:
              - {id: dialog, title: Dialog, kind: cross_cutting, summary: Möten som bär.}
              - {id: halsa, title: Hälsa, kind: priority}
            decided: RS 2019-01844 § 77
            status: completed
            organisation: Testregionen
            ---
            ## Bakgrund
            """,
        "content/reports/slutrapport.md": """
            ---
            title: Slutrapport
            date: 2022-06-23
            diarienummer: RS 2019-01844
            responsible: ros
            officer: anna-andersson
            plan: plan-2020-2022
            chapters:
              - {heading: dialogen, area: plan-2020-2022#dialog}
              - {heading: hälsan, area: halsa}
            summary: Så gick det.
            updated: 2022-07-01
            ---
            ## Dialogen

            Se [planen](../plans/plan-2020-2022.md#bakgrund) och [bilagan](bilaga.pdf).

            ## Hälsan
            """,
        "content/reports/bilaga.pdf": "%PDF-1.4 test\n",
        "content/meetings/2024-08-19-ros.md": """
            ---
            title: RÖS-möte 19 augusti 2024
            date: 2024-08-19
            type: ros
            start: "09:30"
            end: "15:30"
            location: Regionens hus
            group: ros
            attendees:
              - {person: anna-andersson, role: ordförande}
              - bertil-berg
            guests: [{person: cecilia-ceder, role: föreläsare}]
            participants: 12
            organisations: 8
            decisions:
              - {text: Gruppen tar fram ett förslag., area: plan-2020-2022#dialog}
            actions:
              - {text: Skriva förslaget, owner: AA, due: 2024-09-30, status: open, area: halsa}
              - {text: Boka lokal, owner: bertil-berg, status: done}
            scores:
              - {option: Dialog, values: [3, 2, 3], mean: 2.7}
              - {option: Kunskap, values: [1, 1, 2]}
            scores_best: high
            recorded_by: AA
            recorded_on: 2024-08-21
            approved_by: [AA, bertil-berg]
            registration: https://example.org/anmalan
            summary: Gruppen planerade hösten.
            ---
            ## Beslut

            Mötet följde [planen](../plans/plan-2020-2022.md).
            """,
        "content/meetings/2027-01-10-dialog.md": """
            ---
            title: Dialogmöte januari 2027
            date: 2027-01-10
            type: dialog
            ---
            """,
        "content/news/2024-08-20-nyhet.md": """
            ---
            title: Ny ordförande
            date: 2024-08-20
            summary: Anna Andersson är ny ordförande.
            ---
            Läs [anteckningarna](../meetings/2024-08-19-ros.md#beslut).
            """,
        "content/pages/om.md": """
            ---
            title: Om överenskommelsen
            menu: 1
            summary: Kort om arbetet.
            updated: 2026-01-01
            ---
            ## Syfte
            """,
        "content/pages/utkast.md": """
            ---
            title: Utkast
            draft: true
            ---
            """,
    ]

    /// Where the content format says each page lands.
    public static let expectedPages = [
        "index.html", "404.html", "sitemap.xml", "robots.txt", "static/style.css",
        "moten/index.html", "moten/2024-08-19-ros/index.html", "moten/2027-01-10-dialog/index.html",
        "underskrivare/index.html", "underskrivare/paraply/index.html", "underskrivare/medlem/index.html",
        "personer/index.html", "personer/anna-andersson/index.html", "personer/bertil-berg/index.html", "personer/cecilia-ceder/index.html",
        "grupper/index.html", "grupper/ros/index.html",
        "handlingsplaner/index.html", "handlingsplaner/plan-2020-2022/index.html",
        "rapporter/index.html", "rapporter/slutrapport/index.html",
        "aktuellt/index.html", "aktuellt/2024-08-20-nyhet/index.html",
        "om/index.html", "filer/reports/bilaga.pdf",
    ]
}
