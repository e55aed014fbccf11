import Content
import Graph

/// An Atom feed (RFC 4287) of news and of the notes of meetings that have taken place, newest first.
enum AtomFeed {
    static let limit = 50

    static func text(_ view: ViewContext, path: String) -> String {
        let strings = view.strings
        let news = view.documents(of: .news)
        let notes = view.documents(of: .meeting).filter { !view.isUpcoming($0) && hasNotes($0) }
        let entries = (news + notes).sorted { (stamp($0), $0.key) > (stamp($1), $1.key) }.prefix(limit)
        let config = view.config
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(Escape.xml(config.language))\">\n"
        xml += "  <title>\(Escape.xml(config.title))</title>\n"
        if let description = config.description { xml += "  <subtitle>\(Escape.xml(description))</subtitle>\n" }
        xml += "  <id>\(Escape.xml(config.baseURL))</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.xml(config.baseURL))\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Escape.xml(view.routes.absoluteURL(path)))\"/>\n"
        let newest = entries.first.map(stamp) ?? Day(year: 2000, month: 1, day: 1)!
        xml += "  <updated>\(newest.iso)T00:00:00Z</updated>\n"
        xml += "  <author><name>\(Escape.xml(config.organisation ?? config.title))</name></author>\n"
        for doc in entries {
            let url = view.routes.absoluteURL(view.routes.folder(ofKey: doc.key) ?? "")
            xml += "  <entry>\n"
            xml += "    <title>\(Escape.xml(doc.title))</title>\n"
            xml += "    <id>\(Escape.xml(url))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.xml(url))\"/>\n"
            if let date = doc.date { xml += "    <published>\(date.iso)T00:00:00Z</published>\n" }
            xml += "    <updated>\(stamp(doc).iso)T00:00:00Z</updated>\n"
            xml += "    <category term=\"\(doc.kind.rawValue)\" label=\"\(Escape.xml(strings.kindName(doc.kind)))\"/>\n"
            if let summary = doc.summary { xml += "    <summary>\(Escape.xml(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    /// A meeting that took place and whose notes say something: recorded, approved or with decisions.
    static func hasNotes(_ doc: Document) -> Bool {
        guard let m = doc.meeting else { return false }
        return m.recordedBy != nil || !m.approvedBy.isEmpty || !m.decisions.isEmpty || !m.actions.isEmpty
    }

    static func stamp(_ doc: Document) -> Day { doc.updated ?? doc.meeting?.recordedOn ?? doc.date ?? Day(year: 2000, month: 1, day: 1)! }
}
