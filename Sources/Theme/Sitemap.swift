import Content
import Graph

/// `sitemap.xml` (sitemaps.org 0.9): every HTML page by its absolute URL, sorted.
enum Sitemap {
    static func text(_ view: ViewContext, paths: [String]) -> String {
        view.log.record(.outputPaths)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() where path.hasSuffix("index.html") {
            let folder = String(path.dropLast("index.html".count))
            xml += "  <url><loc>\(Escape.xml(view.routes.absoluteURL(folder)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
