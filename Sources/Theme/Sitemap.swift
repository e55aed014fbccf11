import Graph

/// `sitemap.xml` (sitemaps.org 0.9): every HTML page by its absolute URL, sorted.
enum Sitemap {
    static func text(_ view: ViewContext, paths: [String]) -> String {
        view.log.record(.outputPaths)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() where path.hasSuffix("index.html") {
            let folder = String(path.dropLast("index.html".count))
            xml += "  <url><loc>\(XML.escape(view.routes.absoluteURL(folder)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}

enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}
