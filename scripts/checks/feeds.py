#!/usr/bin/env python3
"""Parses a built site's calendar, Atom feed and open data with independent libraries.

Usage: feeds.py SITE_DIR. Exits non-zero with a message for the first problem found.
"""
import csv
import json
import pathlib
import sys

import feedparser
import icalendar


def fail(message):
    print(f"feeds: {message}", file=sys.stderr)
    sys.exit(1)


def check_calendar(site):
    raw = (site / "kalender.ics").read_bytes()
    if b"\r\n" not in raw:
        fail("kalender.ics must use CRLF line endings")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            fail(f"kalender.ics has a line longer than 75 octets: {line[:40]!r}")
    calendar = icalendar.Calendar.from_ical(raw)
    timezones = [c for c in calendar.walk("VTIMEZONE")]
    if [str(t["TZID"]) for t in timezones] != ["Europe/Stockholm"]:
        fail("kalender.ics needs exactly one VTIMEZONE for Europe/Stockholm")
    events = calendar.walk("VEVENT")
    meetings = json.loads((site / "data" / "moten.json").read_text(encoding="utf-8"))
    if len(events) != len(meetings):
        fail(f"kalender.ics has {len(events)} events for {len(meetings)} meetings")
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        fail("kalender.ics has duplicate UIDs")
    for event in events:
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL", "DESCRIPTION"):
            if key not in event:
                fail(f"event {event.get('UID')} lacks {key}")
        start = event.decoded("DTSTART")
        if hasattr(start, "tzinfo") and start.tzinfo is not None and "Stockholm" not in str(start.tzinfo):
            fail(f"event {event['UID']} is not in Europe/Stockholm")
    return len(events)


def check_atom(site):
    feed = feedparser.parse((site / "atom.xml").read_bytes())
    if feed.bozo:
        fail(f"atom.xml does not parse: {feed.bozo_exception}")
    if feed.version != "atom10":
        fail(f"atom.xml is {feed.version!r}, expected atom10")
    for entry in feed.entries:
        if not entry.get("id") or not entry.get("link") or not entry.get("updated"):
            fail(f"atom entry {entry.get('title')!r} lacks id, link or updated")
    return len(feed.entries)


def check_open_data(site):
    data = site / "data"
    for name in ("underskrivare.json", "moten.json", "beslut.json", "uppfoljning.json", "personer.json"):
        records = json.loads((data / name).read_text(encoding="utf-8"))
        if not isinstance(records, list) or any("id" not in r for r in records):
            fail(f"{name} must be a list of records with ids")
    with open(data / "underskrivare.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    orgs = json.loads((data / "underskrivare.json").read_text(encoding="utf-8"))
    if [r["id"] for r in rows] != [o["id"] for o in orgs]:
        fail("underskrivare.csv and underskrivare.json list different organisations")


def main():
    site = pathlib.Path(sys.argv[1])
    events = check_calendar(site)
    entries = check_atom(site)
    check_open_data(site)
    print(f"feeds: {site}: {events} calendar events, {entries} feed entries, open data OK")


if __name__ == "__main__":
    main()
