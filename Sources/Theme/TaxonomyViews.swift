import Content
import Graph

/// Signatories by category and by subregion: one static page each, so the directory can be
/// browsed without JavaScript, and a coverage view of the region drawn as inline SVG.
enum TaxonomyViews {
    static func organisations(_ view: ViewContext, category id: String) -> [Document] {
        SwedishOrder.sorted(view.organisations(inCategory: id), by: \.title)
    }

    static func organisations(_ view: ViewContext, subregion id: String) -> [Document] {
        SwedishOrder.sorted(view.organisations(inSubregion: id), by: \.title)
    }

    static func index(_ view: ViewContext, terms: [SiteConfig.Named], count: (String) -> Int, folder: (String) -> String) -> [[String: Any]] {
        terms.map { ["title": $0.name, "url": view.url(toFolder: folder($0.id)), "count": String(count($0.id))] }
    }

    static func term(_ view: ViewContext, organisations: [Document]) -> [String: Any] {
        ["items": organisations.map(view.link), "count": String(organisations.count),
         "countWords": view.strings.words("organisations_count", count: organisations.count), "terms": [Any]()]
    }

    /// A horizontal bar per subregion, its length the number of signatories working there.
    /// The numbers stand as text in the drawing and in the table beside it.
    static func coverageSVG(_ rows: [(name: String, count: Int)], title: String) -> String {
        let barWidth = 360.0
        let rowHeight = 36
        let labelWidth = 200
        let height = rows.count * rowHeight + 8
        let maximum = max(1, rows.map(\.count).max() ?? 1)
        var svg = "<svg class=\"coverage\" role=\"img\" aria-labelledby=\"coverage-title\" viewBox=\"0 0 \(labelWidth + Int(barWidth) + 60) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"coverage-title\">\(Escape.xml(title))</title>"
        for (i, row) in rows.enumerated() {
            let y = i * rowHeight + 4
            let width = Int((Double(row.count) / Double(maximum) * barWidth).rounded())
            svg += "<text x=\"0\" y=\"\(y + 22)\" class=\"coverage-label\">\(Escape.xml(row.name))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(max(width, 2))\" height=\"24\" rx=\"3\" class=\"coverage-bar\"/>"
            svg += "<text x=\"\(labelWidth + max(width, 2) + 8)\" y=\"\(y + 22)\" class=\"coverage-count\">\(row.count)</text>"
        }
        return svg + "</svg>"
    }
}
