import Content
import Foundation

/// What the last build left: the site on disk is always the last good one; a failed build only adds
/// its diagnostics, shown over every page until the next build succeeds.
struct BuildStatus: Sendable {
    /// Counts finished builds, good or failed: a page served at an older generation reloads.
    var generation: Int
    var failed: Bool
    var diagnostics: [Diagnostic]
}

/// The script and the diagnostics overlay added to HTML as it is served. Built files never contain
/// them: what `okc build` writes is what readers get.
enum LiveReload {
    static let eventsPath = "/__okc/events"

    static func inject(into html: String, status: BuildStatus) -> String {
        let addition = (status.failed ? overlay(status.diagnostics) : "") + script(generation: status.generation)
        guard let end = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + addition }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: addition)
    }

    /// Reloads when a build finishes. The server sends the current generation as soon as the stream
    /// opens, so a build that finished while this page loaded is not missed.
    static func script(generation: Int) -> String {
        """
        <script>(function () {
          var served = "\(generation)";
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", function (event) { if (event.data !== served) { location.reload(); } });
        })();</script>

        """
    }

    /// For editors, not readers: lists what failed, every text escaped (messages quote the editor's text).
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { d in
            "<li><strong>\(escape(d.severity.rawValue))</strong> <code>\(escape(d.location))</code> \(escape(d.message))"
                + (d.hint.map { "<br><small>\(escape($0))</small>" } ?? "") + "</li>"
        }.joined(separator: "\n")
        return """
            <div id="okc-diagnostics" role="alert" style="position:fixed;top:0;left:0;right:0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff4f4;color:#1a1a1a;border-bottom:4px solid #b00020;padding:1em 1.5em;font:16px/1.45 system-ui,sans-serif;box-shadow:0 2px 10px rgba(0,0,0,.35)">
            <h2 style="margin:0 0 .4em;color:#b00020;font-size:1.2em">Sidan kunde inte byggas om</h2>
            <p style="margin:0 0 .6em">Du ser den senaste versionen som gick att bygga. Rätta felen och spara, så laddas sidan om.</p>
            <ul style="margin:0;padding-left:1.2em">
            \(items)
            </ul>
            </div>

            """
    }

    /// A whole page for when there is no page to add to (nothing built yet, or a missing page).
    static func page(title: String, status: BuildStatus) -> String {
        inject(into: "<!DOCTYPE html>\n<html lang=\"sv\">\n<head><meta charset=\"utf-8\"><title>\(escape(title))</title></head>\n<body>\n<h1>\(escape(title))</h1>\n</body>\n</html>\n",
               status: status)
    }

    static func escape(_ text: String) -> String { Escape.xml(text) }
}
