import Foundation
import Testing
import TestSupport

/// Every text an editor writes reaches the pages escaped: in element content and in attributes.
@Suite struct EscapingTests {
    @Test func everyTemplateFieldIsEscaped() throws {
        let site = try FixtureSite(HostileFixture.files)
        let result = site.build()
        // The same warning each time: two listings of one person, raw HTML shown as text.
        #expect(!result.failed, "\(result.lines)")
        let pages = site.snapshot().compactMapValues { String(data: $0, encoding: .utf8) }
        #expect(pages.count > 15)
        // CSV and iCalendar hold the text as written: they are data, served as text/csv and text/calendar
        // with nosniff, never parsed as HTML. Every HTML, XML and JSON file must be escaped.
        for (path, text) in pages.sorted(by: { $0.key < $1.key }) where !path.hasSuffix(".csv") && !path.hasSuffix(".ics") {
            // Element content: no tag an editor wrote survives.
            #expect(!text.contains("<script>x"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("<b onclick"), "\(path)")
            // Attribute content: a value cannot end a double-quoted attribute and start another.
            #expect(!text.contains("&gt;\"'"), "\(path)")
            #expect(!text.contains("x=\"1\""), "\(path)")
            #expect(!text.contains("=<2>"), "\(path)")
        }
        // Every field is shown somewhere, and shown escaped, so the assertions above saw it.
        let all = pages.values.joined(separator: "\n")
        #expect(HostileFixture.shownMarkers.filter { !all.contains($0) } == [])
        #expect(all.contains("&lt;script&gt;x&lt;/script&gt;&quot;"))
    }
}
