#!/usr/bin/env python3
"""Writes a benchmark corpus: the same pages as an okc site and as a Hugo site.

    benchmarks/generate.py --pages 10000 --out /dev/shm/okc-bench/10k

gives <out>/okc (site.yml, content/, glossary) and <out>/hugo (hugo.toml, content/, minimal layouts).
Both hold the same Markdown bodies; the front matter differs only where Hugo needs it (`title` for
organisations, people and groups, `weight` instead of okc's `menu`). The corpus is deterministic
(a seeded generator): the same arguments give the same bytes, so runs on different days compare.

Shape, per 10,000 pages: ~3,500 meetings with attendees, guests, decisions, follow-up tasks with owners
and plan areas; ~3,000 organisations (categories, subregions, umbrellas; offers and seeks on some of the first 3,000); ~2,500 people
with roles over time; groups, plans with areas, reports with chapters, news and plain pages. Every body
is ~4 KB of Swedish text with headings, lists, a table, emphasis, strikethrough, an autolink, glossary
abbreviations and relative links to other pages' .md files (some with anchors), so every okc stage works.
"""

import argparse
import os
import random
import shutil

WORDS = (
    "samverkan civilsamhället regionen föreningar dialog möten arbete utveckling kunskap finansiering "
    "organisationer överenskommelsen ideella verksamhet stöd insatser folkhälsa kultur idrott unga äldre "
    "demokrati delaktighet inflytande samhället tillsammans gemensamt långsiktigt planering uppföljning "
    "beslut rapport förslag erfarenheter utbildning nätverk partnerskap ansvar resurser villkor mötesplatser "
    "lokaler projekt ansökan bidrag medlemmar styrelse ordförande kommunen länet delregion hälsa vård "
    "omsorg integration jämlikhet tillit öppenhet struktur process grupp träffar workshop seminarium"
).split()

NOUNS = (
    "lokaler utbildning mentorer volontärer transporter tolkar handledning nätverk lokal kontakter "
    "material kurser ekonomi juridik kommunikation marknadsföring webb språkstöd läxhjälp idrottshall "
    "samlingslokal kök scen musikutrustning fotografering filmning mötesrum ledarskap styrelsearbete "
    "bokföring ansökningar rekrytering friluftsliv simundervisning körsång teater dans konst hantverk "
    "trädgård odling cykelverkstad datorer skrivare projektledning utvärdering statistik forskning"
).split()

FIRST = ("Anna Erik Karin Lars Maria Johan Sara Per Eva Anders Lena Mikael Emma Olof Ida Karl Sofia Nils "
         "Elin Jonas Hanna Gustav Maja Oskar Linnea Ahmed Fatima Mohammed Amira Ali Leila Omar Zeynep "
         "Björn Åsa Örjan Ängla").split()
LAST = ("Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
        "Pettersson Jonsson Jansson Hansson Bengtsson Lindberg Lindqvist Berg Lund Holm Åberg Öberg "
        "Ekström Sandberg Hosseini Yilmaz Ali Haddad Nordin Strand").split()

SUBREGIONS = {"fyrbodal": "Fyrbodal", "goteborgsregionen": "Göteborgsregionen", "sjuharad": "Sjuhärad",
              "skaraborg": "Skaraborg"}
CATEGORIES = {"brukar": "Brukar- och patientorganisationer", "social-ekonomi": "Social ekonomi",
              "folkbildning": "Folkbildning", "idrott": "Idrottsrörelsen", "trossamfund": "Trossamfund",
              "kultur": "Kulturföreningar", "barn-och-unga": "Barn- och ungdomsorganisationer",
              "etniska": "Etniska föreningar"}
MEETING_TYPES = ["ros", "dialog", "seminar", "conference", "training", "visit", "other"]
SIDES = ["civil_society", "political", "process_leader", "official", "guest"]
AREAS = ["dialog", "kunskap", "finansiering", "halsa", "kultur-och-idrott", "regional-utveckling"]


class Corpus:
    def __init__(self, pages, seed):
        self.r = random.Random(seed)
        n = pages
        self.n_groups = max(3, min(40, n // 500))
        self.n_plans = max(1, n // 2000)
        self.n_pages = 8 if n >= 100 else 2
        self.n_reports = max(1, n // 100)
        self.n_news = max(1, n * 6 // 100)
        rest = n - self.n_groups - self.n_plans - self.n_pages - self.n_reports - self.n_news
        self.n_people = max(10, rest * 25 // 88)
        self.n_orgs = max(5, rest * 30 // 88)
        self.n_meetings = max(1, rest - self.n_people - self.n_orgs)
        self.groups = [f"grupp-{i:03d}" for i in range(self.n_groups)]
        self.plans = [f"handlingsplan-{2000 + 3 * i}-{2002 + 3 * i}" for i in range(self.n_plans)]
        self.people = [f"person-{i:06d}" for i in range(self.n_people)]
        self.orgs = [f"forening-{i:06d}" for i in range(self.n_orgs)]
        self.federations = self.orgs[: max(1, self.n_orgs // 20)]
        self.meetings = []
        for i in range(self.n_meetings):
            year = 2010 + (i * 17) // max(1, self.n_meetings)
            day = 1 + (i * 7) % 28
            month = 1 + (i * 5) % 12
            self.meetings.append(f"{year}-{month:02d}-{day:02d}-mote-{i:06d}")
        self.reports = [f"rapport-{i:05d}" for i in range(self.n_reports)]
        self.news = [f"nyhet-{i:06d}" for i in range(self.n_news)]
        self.plain = ["om", "principer", "kontakt", "webbplatsen", "historik", "vanliga-fragor", "press",
                      "arkiv"][: self.n_pages]

    # Text -------------------------------------------------------------------------------------------
    def sentence(self, words=12):
        ws = [self.r.choice(WORDS) for _ in range(words)]
        ws[0] = ws[0].capitalize()
        return " ".join(ws) + "."

    def paragraph(self, sentences=4):
        return " ".join(self.sentence(self.r.randint(8, 16)) for _ in range(sentences))

    def link(self):
        kind = self.r.random()
        if kind < 0.35:
            target = f"../meetings/{self.r.choice(self.meetings)}.md"
        elif kind < 0.6:
            target = f"../people/{self.r.choice(self.people)}.md"
        elif kind < 0.85:
            target = f"../organisations/{self.r.choice(self.orgs)}.md"
        else:
            target = f"../groups/{self.r.choice(self.groups)}.md"
        if self.r.random() < 0.3:
            target += "#bakgrund"
        return f"[{self.r.choice(WORDS)} {self.r.choice(WORDS)}]({target})"

    def body(self, target=3900):
        r = self.r
        parts = ["## Bakgrund", "", self.paragraph(4) + " RÖS och VGR deltog.", "",
                 f"Läs mer hos {self.link()} och {self.link()}. Se även www.example.se för ~~gammal~~ ny information.", "",
                 "## Diskussion", ""]
        parts += [f"- **{r.choice(WORDS).capitalize()}**: {self.sentence(10)} {self.link()}" for _ in range(4)]
        parts += ["", "| Område | Antal | Kommentar |", "|:-------|------:|-----------|"]
        parts += [f"| {r.choice(WORDS)} | {r.randint(1, 400)} | {self.sentence(6)} |" for _ in range(4)]
        parts += ["", "### Synpunkter", "", "*" + self.sentence(10) + "* " + self.paragraph(3) + " Ett IOP nämndes.", "",
                  "## Vidare arbete", ""]
        text = "\n".join(parts)
        while len(text.encode()) < target:
            text += "\n" + self.paragraph(r.randint(3, 5)) + " " + self.link() + "\n"
        return text + "\n"

    # Front matter ------------------------------------------------------------------------------------
    def meeting(self, i, mid):
        r = self.r
        date = mid[:10]
        attendees = r.sample(self.people, min(len(self.people), r.randint(4, 9)))
        lines = [f"title: Möte {i} i {r.choice(self.groups)}", f"date: {date}", f"type: {r.choice(MEETING_TYPES)}",
                 'start: "09:30"', 'end: "15:00"', f"location: {r.choice(WORDS).capitalize()}huset",
                 f"group: {r.choice(self.groups)}", "attendees:"]
        lines += [f"  - {{person: {p}, role: {r.choice(['ordförande', 'ledamot', 'sekreterare'])}}}" if k == 0 else f"  - {p}"
                  for k, p in enumerate(attendees)]
        guest = r.choice(self.people)
        while guest in attendees:  # a draw, not a filtered list: large corpora stay linear
            guest = r.choice(self.people)
        lines += [f"guests: [{{person: {guest}, role: föreläsare}}]", f"participants: {r.randint(5, 80)}",
                  f"organisations: {r.randint(2, 40)}", "decisions:"]
        for _ in range(r.randint(1, 3)):
            lines.append(f"  - {{text: {self.sentence(8)[:-1]}, area: {r.choice(self.plans)}#{r.choice(AREAS)}}}")
        lines.append("actions:")
        for _ in range(r.randint(1, 3)):
            status = r.choice(["open", "done", "cancelled", "open"])
            due = f"{int(date[:4]) + r.randint(0, 1)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            lines.append(f"  - {{text: {self.sentence(6)[:-1]}, owner: {r.choice(attendees)}, due: {due}, status: {status}, "
                         f"area: {r.choice(self.plans)}#{r.choice(AREAS)}}}")
        lines += [f"recorded_by: {attendees[0]}", f"approved_by: [{attendees[1]}]",
                  f"summary: {self.sentence(14)}"]
        return lines

    def organisation(self, i, oid):
        r = self.r
        name = f"{r.choice(WORDS).capitalize()}föreningen {i}"
        lines = [f"name: {name}", f"summary: Vi arbetar med {r.choice(WORDS)} och {r.choice(WORDS)} för {r.choice(WORDS)}.",
                 f"categories: [{', '.join(r.sample(list(CATEGORIES), r.randint(1, 2)))}]"]
        if r.random() < 0.2:
            lines.append("subregions: all")
        else:
            lines.append(f"subregions: [{', '.join(r.sample(list(SUBREGIONS), r.randint(1, 2)))}]")
        if oid in self.federations:
            lines += ["federation: true", f"member_organisations: {r.randint(5, 80)}"]
        elif r.random() < 0.5:
            lines.append(f"parent: {r.choice(self.federations)}")
        lines += [f"website: https://{oid}.example.org/", f"signed: {2010 + i % 14}-{1 + i % 12:02d}-{1 + i % 28:02d}"]
        # Offers and seeks on ~8% of the first 3,000 organisations: matchmaking pairs every need with every
        # offer sharing a word, so beyond a region's few hundred it would grow with the square of the site.
        if r.random() < 0.08 and i < 3000:
            lines.append(f"offers: [{r.choice(NOUNS)} och {r.choice(NOUNS)}]")
        if r.random() < 0.08 and i < 3000:
            lines.append(f"seeks: [{r.choice(NOUNS)} för {r.choice(WORDS)}]")
        return lines

    def person(self, i, pid):
        r = self.r
        lines = [f"name: {r.choice(FIRST)} {r.choice(LAST)}"]
        if i < 400:  # initials must tell people apart: only a few hundred have them
            lines.append(f"initials: P{i:03d}")
        lines += [f"side: {r.choice(SIDES)}", f"title: {r.choice(WORDS).capitalize()}samordnare",
                  f"organisation: {r.choice(self.orgs)}", "roles:"]
        for k in range(r.randint(1, 2)):
            year = 2012 + r.randint(0, 10)
            lines.append(f"  - {{group: {r.choice(self.groups)}, role: {r.choice(['ledamot', 'ersättare', 'ordförande'])}, "
                         f"from: {year}-{r.randint(1, 12):02d}, to: {year + 2}, organisation: {r.choice(self.orgs)}}}")
        if i > 0 and r.random() < 0.1:
            lines.append(f"succeeded: {self.people[r.randrange(i)]}")
        return lines

    def group(self, i, gid):
        return [f"name: Grupp {i}", f"abbreviation: G{i}", f"summary: {self.sentence(10)}"]

    def plan(self, i, pid):
        lines = [f"title: Handlingsplan {pid[-9:]}", f"period: {{from: {2000 + 3 * i}, to: {2002 + 3 * i}}}", "status: completed",
                 "decided: RS 2019-01844", "areas:"]
        lines += [f"  - {{id: {a}, title: {a.replace('-', ' ').capitalize()}, kind: {'priority' if k > 1 else 'cross_cutting'}}}"
                  for k, a in enumerate(AREAS)]
        return lines

    def report(self, i, rid):
        r = self.r
        plan = r.choice(self.plans)
        return [f"title: Rapport {i}", f"date: {2012 + i % 12}-06-{1 + i % 28:02d}", f"diarienummer: RS {2012 + i % 12}-{i:05d}",
                f"responsible: {r.choice(self.groups)}", f"officer: {r.choice(self.people)}", f"plan: {plan}",
                "chapters:", f"  - {{heading: bakgrund, area: {plan}#{r.choice(AREAS)}}}",
                f"  - {{heading: diskussion, area: {plan}#{r.choice(AREAS)}}}", f"summary: {self.sentence(12)}"]

    def news_item(self, i, nid):
        return [f"title: Nyhet {i} om {self.sentence(5)[:-1].lower()}", f"date: {2012 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                f"summary: {self.sentence(12)}"]

    def page(self, i, pid):
        return [f"title: {pid.replace('-', ' ').capitalize()}", f"menu: {i + 1}", f"summary: {self.sentence(10)}"]

    def documents(self):
        """(folder, id, front matter lines, title key) for every page, in a fixed order."""
        for folder, ids, make, title_key in [
            ("groups", self.groups, self.group, "name"), ("plans", self.plans, self.plan, "title"),
            ("people", self.people, self.person, "name"), ("organisations", self.orgs, self.organisation, "name"),
            ("meetings", self.meetings, self.meeting, "title"), ("reports", self.reports, self.report, "title"),
            ("news", self.news, self.news_item, "title"), ("pages", self.plain, self.page, "title"),
        ]:
            for i, ident in enumerate(ids):
                yield folder, ident, make(i, ident), title_key


SITE_YML = """title: Benchmarkplatsen
base_url: https://example.org/okc/
language: sv
organisation: Benchmarkregionen
description: En genererad plats för att mäta byggtider.
subregions:
{subregions}
categories:
{categories}
contact:
  name: Kansliet
  url: https://example.org/kontakt
"""

GLOSSARY = """- abbr: VGR
  expansion: Västra Götalandsregionen
- abbr: RÖS
  expansion: Den regionala överenskommelsegruppen
- abbr: IOP
  expansion: Idéburet offentligt partnerskap
"""

HUGO_TOML = """baseURL = "https://example.org/hugo/"
languageCode = "sv"
title = "Benchmarkplatsen"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title></head>
<body>
<nav><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>{{ range .Site.Sections }} <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ if not .Date.IsZero }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
{{ .Content }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>{{ end }}
""",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--out", required=True, help="folder that receives okc/ and hugo/ (replaced)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-hugo", action="store_true", help="write only the okc site")
    args = parser.parse_args()

    corpus = Corpus(args.pages, args.seed)
    okc = os.path.join(args.out, "okc")
    hugo = os.path.join(args.out, "hugo")
    for folder in (okc, hugo):
        shutil.rmtree(folder, ignore_errors=True)
    write(os.path.join(okc, "site.yml"), SITE_YML.format(
        subregions="\n".join(f"  {k}: {v}" for k, v in SUBREGIONS.items()),
        categories="\n".join(f"  {k}: {v}" for k, v in CATEGORIES.items())))
    write(os.path.join(okc, "content", "glossary.yml"), GLOSSARY)
    if not args.no_hugo:
        write(os.path.join(hugo, "hugo.toml"), HUGO_TOML)
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(hugo, "layouts", name), text)

    count = 0
    total = 0
    for folder, ident, lines, title_key in corpus.documents():
        body = corpus.body()
        text = "---\n" + "\n".join(lines) + "\n---\n" + body
        write(os.path.join(okc, "content", folder, ident + ".md"), text)
        total += len(text.encode())
        count += 1
        if not args.no_hugo:
            # Hugo needs `title` and reads `menu` as a menu definition: the rest stays as written.
            hugo_lines = [("title" + line[len(title_key):]) if line.startswith(title_key + ":") else line for line in lines]
            hugo_lines = [("weight" + line[4:]) if line.startswith("menu:") else line for line in hugo_lines]
            write(os.path.join(hugo, "content", folder, ident + ".md"), "---\n" + "\n".join(hugo_lines) + "\n---\n" + body)
    print(f"{count} pages, {total / count / 1024:.1f} KB on average, in {args.out}")


if __name__ == "__main__":
    main()
