#!/usr/bin/env python3
"""Runs axe-core in headless Chromium on one page of every kind, at a desktop and a mobile width.

Usage: a11y.py SITE_DIR [SCREENSHOT_DIR]. Fails on any axe violation and on horizontal scrolling at 320 px.
Pages are served over loopback HTTP so relative links and styles load as on the real site.
"""
import functools
import http.server
import json
import pathlib
import sys
import threading

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

AXE = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WIDTHS = {"desktop": 1280, "mobile": 375}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def pages(site):
    """One page of every kind: the first page found in each folder, plus the generated views."""
    chosen = ["index.html", "404.html"]
    for folder in sorted(p for p in site.iterdir() if p.is_dir() and p.name not in ("static", "data", "pagefind", "filer")):
        chosen.append(f"{folder.name}/index.html")
        children = sorted(c for c in folder.iterdir() if (c / "index.html").exists())
        if children:
            chosen.append(f"{folder.name}/{children[0].name}/index.html")
    return [p for p in chosen if (site / p).exists()]


def serve(site):
    handler = type("QuietHandler", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *args: None})
    handler = functools.partial(handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def driver():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    site = pathlib.Path(sys.argv[1]).resolve()
    shots = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    browser = driver()
    browser.set_page_load_timeout(30)
    failures = 0
    checked = 0
    try:
        for page in pages(site):
            for name, width in WIDTHS.items():
                browser.set_window_size(width, 900)
                browser.get(base + page)
                browser.execute_script(AXE)
                result = browser.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {runOnly: {type: 'tag', values: %s}}).then(r => done(r.violations));" % json.dumps(TAGS))
                checked += 1
                for violation in result:
                    failures += 1
                    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                    print(f"a11y: {page} ({name}): {violation['id']}: {violation['help']} at {targets}", file=sys.stderr)
                if name == "mobile":
                    browser.set_window_size(320, 900)
                    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                    if overflow > 0:
                        failures += 1
                        print(f"a11y: {page}: scrolls sideways by {overflow}px at 320 px", file=sys.stderr)
                    browser.set_window_size(width, 900)
                if shots:
                    height = browser.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
                    browser.set_window_size(width, height)
                    browser.save_screenshot(str(shots / f"{page.replace('/', '_').replace('.html', '')}-{width}.png"))
    finally:
        browser.quit()
        server.shutdown()
    if failures:
        print(f"a11y: {failures} problem(s) on {checked} page views", file=sys.stderr)
        sys.exit(1)
    print(f"a11y: {site}: {checked} page views, 0 axe violations")


if __name__ == "__main__":
    main()
