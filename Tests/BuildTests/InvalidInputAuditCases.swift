import TestSupport

/// The bad-input classes of issue 8 that the first table did not cover, grouped by class. Each runs
/// through `InvalidInputTests.reportsTheExactDiagnosticAndKeepsThePreviousSite`.
extension InvalidInputTests {
    static let auditCases: [Case] = yamlSyntaxCases + wrongTypeCases + missingKeyCases + textCases + identityCases
        + unsafeURLCases + referenceCases + themeCases

    static let yamlSyntaxCases: [Case] = [
        Case(name: "unclosed single quote", files: ["content/pages/a.md": "---\ntitle: 'A\nmenu: 1\n---\n"],
             expected: ["content/pages/a.md:2:8: error: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"]),
        Case(name: "quotes that do not match", files: ["content/pages/a.md": "---\ntitle: \"A'\nmenu: 1\n---\n"],
             expected: ["content/pages/a.md:2:8: error: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"]),
        Case(name: "text after a closing quote", files: ["content/pages/a.md": "---\ntitle: \"A\" och B\n---\n"],
             expected: ["content/pages/a.md:2:12: error: YAML syntax error: text after the closing quote"]),
        Case(name: "a quote inside single quotes", files: ["content/pages/a.md": "---\ntitle: 'Vi's möte'\n---\n"],
             expected: ["content/pages/a.md:2:12: error: YAML syntax error: text after the closing quote"]),
        Case(name: "list item indented less than its key", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\ndecisions:\n  - text: A\n - text: B\n---\n"],
             expected: ["content/meetings/m.md:6:2: error: YAML syntax error: did not find expected key (while parsing a block mapping)"]),
        Case(name: "unclosed bracket", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nattendees: [anna-andersson\n---\n"],
             expected: ["content/meetings/m.md:4:12: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        Case(name: "flow list that ends with the front matter", files: ["content/pages/a.md": "---\ntitle: A\nx: [a, ---,\n---\n"],
             expected: ["content/pages/a.md:3:12: error: YAML syntax error: did not find expected node content (while parsing a flow node)"]),
        Case(name: "line separators inside a title", files: ["content/pages/a.md": "---\ntitle: Rad\u{2028}ett\u{2028}två\nmenu: x\ntitle: B\n---\n"],
             expected: ["content/pages/a.md:2:16: error: YAML syntax error: could not find expected ':' (while scanning a simple key)"]),
        Case(name: "block nesting too deep", files: ["content/pages/a.md": "---\ntitle: A\nx:\n" + String(repeating: "- ", count: 2000) + "y\n---\n"],
             expected: ["content/pages/a.md:4:1999: error: front matter is nested more than 48 levels deep"]),
        Case(name: "alias to an anchor never set", files: ["content/pages/a.md": "---\ntitle: *namn\n---\n"],
             expected: ["content/pages/a.md:2:8: error: YAML syntax error: found undefined alias"]),
    ]

    static let wrongTypeCases: [Case] = [
        Case(name: "bool that is not true or false", files: ["content/pages/a.md": "---\ntitle: A\ndraft: kanske\n---\n"],
             expected: ["content/pages/a.md:3:8: error: 'draft' must be true or false, not 'kanske'"]),
        Case(name: "list where a bool is expected", files: ["content/organisations/o.md": "---\nname: O\nsummary: S\nfederation: [ja]\n---\n"],
             expected: ["content/organisations/o.md:4:13: error: 'federation' must be true or false, not a list"]),
        Case(name: "group of keys where a list is expected", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nattendees: {anna-andersson: ordförande}\n---\n"],
             expected: ["content/meetings/m.md:4:12: error: 'attendees' must be a list (lines starting with '- ')"]),
        Case(name: "text where a group of keys is expected", files: ["content/plans/p.md": "---\ntitle: P\nperiod: 2020-2022\nareas: [{id: a, title: A}]\n---\n"],
             expected: ["content/plans/p.md:3:9: error: 'period' must be a group of 'key: value' lines, not a single value"]),
        Case(name: "group of keys where text is expected", files: ["content/pages/a.md": "---\ntitle: {sv: A}\n---\n"],
             expected: ["content/pages/a.md:2:8: error: 'title' must be text, not a group of keys"]),
        Case(name: "list where a date is expected", files: ["content/news/a.md": "---\ntitle: A\ndate: [2024-01-01]\n---\n"],
             expected: ["content/news/a.md:3:7: error: 'date' must be a date (YYYY-MM-DD), not a list"]),
        Case(name: "negative count", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nparticipants: -3\n---\n"],
             expected: ["content/meetings/m.md:4:15: error: 'participants' must be a whole number ≥ 0, not '-3'"]),
        Case(name: "list item that is a group where an id is expected", files: ["content/organisations/o.md": "---\nname: O\nsummary: S\ncategories: [{kultur: ja}]\n---\n"],
             expected: ["content/organisations/o.md:4:14: error: each item of 'categories' must be a single value, not a group of keys"]),
        Case(name: "score value that is not a number", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nscores:\n  - {option: A, values: [3, tre]}\n---\n"],
             expected: ["content/meetings/m.md:5:29: error: each of 'values' must be a number, not 'tre'"]),
        Case(name: "front matter that is a list", files: ["content/pages/a.md": "---\n- title: A\n---\n"],
             expected: ["content/pages/a.md:2:1: error: front matter must be a group of 'key: value' lines, not a list"]),
        Case(name: "site.yml contact that is text", files: ["site.yml": FixtureSite.siteYML + "\ncontact: kansliet@example.org\n"],
             expected: ["site.yml:10:10: error: 'contact' must be a group of 'key: value' lines, not a single value"]),
        Case(name: "site.yml unsafe_html that is not a bool", files: ["site.yml": FixtureSite.siteYML + "\nunsafe_html: ibland\n"],
             expected: ["site.yml:10:14: error: 'unsafe_html' must be true or false, not 'ibland'"]),
    ]

    static let missingKeyCases: [Case] = [
        Case(name: "organisation without summary", files: ["content/organisations/o.md": "---\nname: O\n---\n"],
             expected: ["content/organisations/o.md:2:1: error: missing required key 'summary'"]),
        Case(name: "plan without period and areas", files: ["content/plans/p.md": "---\ntitle: P\n---\n"],
             expected: ["content/plans/p.md:2:1: error: missing required key 'areas'", "content/plans/p.md:2:1: error: missing required key 'period'"]),
        Case(name: "decision without text", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\ndecisions:\n  - {area: plan#dialog}\n---\n"],
             expected: ["content/meetings/m.md:5:5: error: missing required key 'text'"]),
        Case(name: "empty title", files: ["content/pages/a.md": "---\ntitle: \"  \"\n---\n"],
             expected: ["content/pages/a.md:2:8: error: 'title' is empty"]),
        Case(name: "front matter that is only null", files: ["content/pages/a.md": "---\nnull\n---\nText\n"],
             expected: ["content/pages/a.md:2:1: error: missing required key 'title'"]),
        Case(name: "front matter that is only an anchor", files: ["content/news/a.md": "---\n&a\n---\nText\n"],
             expected: ["content/news/a.md:2:1: error: missing required key 'date'", "content/news/a.md:2:1: error: missing required key 'title'"]),
        Case(name: "empty front matter", files: ["content/pages/a.md": "---\n---\nText\n"],
             expected: ["content/pages/a.md:2:1: error: missing required key 'title'"]),
    ]

    static let textCases: [Case] = [
        Case(name: "only blank lines", files: ["content/pages/a.md": "\n  \n\n"],
             expected: ["content/pages/a.md: error: empty file"]),
        Case(name: "impossible date in a nested key", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nactions:\n  - {text: T, due: 2024-04-31}\n---\n"],
             expected: ["content/meetings/m.md:5:20: error: impossible date '2024-04-31'"]),
        Case(name: "February 29th of a common year", files: ["content/news/a.md": "---\ntitle: A\ndate: 2023-02-29\n---\n"],
             expected: ["content/news/a.md:3:7: error: impossible date '2023-02-29'"]),
    ]

    static let identityCases: [Case] = [
        Case(name: "ids that differ only by case", files: ["content/pages/Om.md": "---\ntitle: Om igen\n---\n"],
             expected: ["content/pages/Om.md: error: file name 'Om.md' differs from content/pages/om.md only by case: on macOS and Windows they are one file"]),
        Case(name: "ids that differ only by Unicode normalisation", files: [:], expected: ["content/pages/möte.md: error: file name 'möte.md' cannot be a page id: ids may only contain a–z, 0–9 and '-'", "content/pages/möte.md: error: file name 'möte.md' differs from content/pages/möte.md only by Unicode normalisation (one is written decomposed, as macOS does): on macOS and Windows they are one file"], orderedFiles: [
            ("content/pages/m\u{F6}te.md", "---\ntitle: Möte\n---\n"),
            ("content/pages/mo\u{308}te.md", "---\ntitle: Möte (macOS)\n---\n"),
        ]),
        Case(name: "duplicate id across nested subfolders", files: [
            "content/meetings/a/x.md": "---\ntitle: X\ndate: 2024-01-01\n---\n",
            "content/meetings/b/x.md": "---\ntitle: X\ndate: 2024-02-01\n---\n",
        ], expected: ["content/meetings/b/x.md: error: duplicate id 'x': content/meetings/a/x.md has the same id"]),
        Case(name: "folder name a URL cannot carry", files: ["content/reports/Mina bilagor/a.pdf": "%PDF"],
             expected: ["content/reports/Mina bilagor: error: folder name 'Mina bilagor' has characters a web address cannot carry (use a–z, 0–9, '-', '_' and '.')"]),
        Case(name: "section renamed to a path that climbs out", files: ["site.yml": FixtureSite.siteYML + "\nsections:\n  news: ../../ut\n"],
             expected: ["site.yml:11:9: error: 'sections': '../../ut': ids may only contain a–z, 0–9 and '-'"]),
        Case(name: "page id that is a section's folder", files: [
            "content/pages/personer.md": "---\ntitle: Personer\n---\n",
        ], expected: ["content/pages/personer.md: error: two sources would write the same file 'personer/index.html'"]),
        Case(name: "id with a double hyphen", files: ["content/pages/om--oss.md": "---\ntitle: Om\n---\n"],
             expected: ["content/pages/om--oss.md: error: file name 'om--oss.md' cannot be a page id: an id cannot start or end with '-' or contain '--'"]),
    ]

    static let unsafeURLCases: [Case] = [
        Case(name: "data link in body", files: ["content/pages/a.md": "---\ntitle: A\n---\n[x](data:text/html;base64,PHNjcmlwdD4=)\n"],
             expected: ["content/pages/a.md:4:1: error: links with 'data:' are not allowed"]),
        Case(name: "vbscript link in body", files: ["content/pages/a.md": "---\ntitle: A\n---\n[x](vbscript:msgbox(1))\n"],
             expected: ["content/pages/a.md:4:1: error: links with 'vbscript:' are not allowed"]),
        Case(name: "javascript image", files: ["content/pages/a.md": "---\ntitle: A\n---\n![bild](javascript:alert(1))\n"],
             expected: ["content/pages/a.md:4:1: error: links with 'javascript:' are not allowed"]),
        Case(name: "javascript reference link", files: ["content/pages/a.md": "---\ntitle: A\n---\n[x][j]\n\n[j]: javascript:alert(1)\n"],
             expected: ["content/pages/a.md:4:1: error: links with 'javascript:' are not allowed"]),
        Case(name: "javascript written with an entity", files: ["content/pages/a.md": "---\ntitle: A\n---\n[x](&#106;avascript:alert(1))\n"],
             expected: ["content/pages/a.md:4:1: error: links with 'javascript:' are not allowed"]),
        Case(name: "javascript autolink", files: ["content/pages/a.md": "---\ntitle: A\n---\n<javascript:alert(1)>\n"],
             expected: ["content/pages/a.md:4:1: error: links with 'javascript:' are not allowed"]),
        Case(name: "javascript registration", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nregistration: JavaScript:alert(1)\n---\n"],
             expected: ["content/meetings/m.md:4:15: error: 'registration': the address scheme 'javascript:' is not allowed (only https, http, mailto and tel)"]),
        Case(name: "data website", files: ["content/organisations/o.md": "---\nname: O\nsummary: S\nwebsite: data:text/html,<script>x</script>\n---\n"],
             expected: ["content/organisations/o.md:4:10: error: 'website': the address scheme 'data:' is not allowed (only https, http, mailto and tel)"]),
        Case(name: "vbscript contact url", files: ["site.yml": FixtureSite.siteYML + "\ncontact:\n  url: vbscript:msgbox(1)\n"],
             expected: ["site.yml:11:8: error: 'url': the address scheme 'vbscript:' is not allowed (only https, http, mailto and tel)"]),
        Case(name: "javascript base_url", files: ["site.yml": "title: X\nbase_url: javascript:alert(1)//\n"],
             expected: ["site.yml:2:11: error: 'base_url': the address scheme 'javascript:' is not allowed (only https, http, mailto and tel)"]),
        Case(name: "javascript digg url", files: ["site.yml": FixtureSite.siteYML + "\naccessibility:\n  digg_url: \" javascript:alert(1)\"\n"],
             expected: ["site.yml:11:13: error: 'digg_url': the address scheme 'javascript:' is not allowed (only https, http, mailto and tel)"]),
    ]

    static let referenceCases: [Case] = [
        Case(name: "unknown subregion", files: ["content/organisations/o.md": "---\nname: O\nsummary: S\nsubregions: [nord]\n---\n"],
             expected: ["content/organisations/o.md:4:14: error: unknown subregion 'nord'"]),
        Case(name: "unknown parent organisation", files: ["content/organisations/o.md": "---\nname: O\nsummary: S\nparent: paraplyet\n---\n"],
             expected: ["content/organisations/o.md:4:9: error: unknown organisation 'paraplyet'"]),
        Case(name: "unknown role group", files: ["content/people/b.md": "---\nname: B\nroles:\n  - {group: rs, role: ledamot}\n---\n"],
             expected: ["content/people/b.md:4:13: error: unknown group 'rs'"]),
        Case(name: "broken link after non-ASCII letters", files: ["content/pages/a.md": "---\ntitle: A\n---\nÅrets möte: [x](saknas.md) och ![Öl](öl.png)\n"],
             expected: ["content/pages/a.md:4:13: error: broken link 'saknas.md': no page or file 'content/pages/saknas.md'",
                        "content/pages/a.md:4:32: error: broken link 'öl.png': no page or file 'content/pages/öl.png'"]),
        Case(name: "anchor on a page without headings", files: ["content/pages/a.md": "---\ntitle: A\n---\n[g](../groups/ros.md#mal)\n"],
             expected: ["content/pages/a.md:4:1: error: no heading '#mal' in content/groups/ros.md"]),
        Case(name: "area that exists in no plan", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nactions:\n  - {text: T, area: halsa}\n---\n"],
             expected: ["content/meetings/m.md:5:21: error: unknown plan area 'halsa'"]),
        // Converting the mean for the message to an Int stopped okc check.
        Case(name: "written mean no Int holds", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nscores:\n  - {option: A, values: [1, 2], mean: 99999999999999999999}\n---\n"],
             expected: ["content/meetings/m.md:5:39: error: the written mean 1e+20 of 'A' disagrees with its values (mean 1,5)"]),
        Case(name: "written mean that disagrees, decimal comma", files: ["content/meetings/m.md": "---\ntitle: M\ndate: 2024-01-01\nscores:\n  - option: A\n    values: [1, 2]\n    mean: \"1,0\"\n---\n"],
             expected: ["content/meetings/m.md:7:11: error: the written mean 1 of 'A' disagrees with its values (mean 1,5)"]),
    ]

    static let themeCases: [Case] = [
        Case(name: "template section closed with another name", files: ["theme/templates/page.mustache": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n{{#body}}\n{{/main}}{{/base}}\n"],
             expected: ["theme/templates/page.mustache:4:5: error: template error: a section is closed with another name than it was opened with"]),
        Case(name: "template tag never finished", files: ["theme/templates/news.mustache": "{{<base}}{{$main}}\n<h1>{{title}</h1>\n{{/main}}{{/base}}\n"],
             expected: ["theme/templates/news.mustache:2:13: error: template error: a tag is not finished with '}}'"]),
        Case(name: "template section never closed", files: ["theme/templates/group.mustache": "{{<base}}{{$main}}\n{{#abbreviation}}\n<p>{{abbreviation}}</p>\n{{/main}}{{/base}}\n"],
             expected: ["theme/templates/group.mustache:4:5: error: template error: a section is closed with another name than it was opened with"]),
        Case(name: "template with an unknown partial", files: ["theme/templates/page.mustache": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n  {{>sammanfattning}}\n{{/main}}{{/base}}\n"],
             expected: ["theme/templates/page.mustache:3:3: error: template error: unknown partial '{{>sammanfattning}}': there is no template 'sammanfattning'"]),
        Case(name: "strings file with a YAML error", files: ["theme/strings.yml": "home: \"Hem\n"],
             expected: ["theme/strings.yml:1:7: error: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"]),
    ]
}
