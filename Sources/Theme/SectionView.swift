import Content
import Graph

/// The list page of a section: meetings by upcoming and year, signatories A–Ö, the rest by date or name.
enum SectionView {
    static func context(_ view: ViewContext, kind: Kind) -> [String: Any] {
        let docs = view.documents(of: kind)
        // Every list key is present, empty or not: swift-mustache renders {{^empty(x)}} when x is missing.
        var c: [String: Any] = ["kind": kind.rawValue, "profileCount": String(docs.count),
                                "profileWords": view.strings.words("directory_count", count: docs.count), "upcoming": [Any](), "years": [Any](),
                                "letters": [Any](), "items": [Any](), "browse": [Any]()]
        switch kind {
        case .meeting:
            let upcoming = upcomingMeetings(view, docs)
            let past = docs.filter { !view.isUpcoming($0) }.sorted(by: Document.isNewer)
            c["upcoming"] = upcoming.map { meetingItem(view, $0) }
            var years: [(Int, [Document])] = []
            for doc in past {
                if years.last?.0 == doc.date!.year { years[years.count - 1].1.append(doc) } else { years.append((doc.date!.year, [doc])) }
            }
            c["years"] = years.map { ["year": String($0.0), "items": $0.1.map { meetingItem(view, $0) }] }
            let paths = SitePaths(view.strings)
            c["browse"] = [
                ["title": view.strings["decisions_title"], "url": view.url(toFolder: paths.decisions)],
                ["title": view.strings["actions_title"], "url": view.url(toFolder: paths.actions)],
                ["title": view.strings["calendar_title"], "url": view.url(toFolder: paths.calendar)],
            ]
        case .organisation:
            let sorted = SwedishOrder.sorted(docs, by: \.title)
            var letters: [(String, [Document])] = []
            for doc in sorted {
                let letter = SwedishOrder.initial(doc.title)
                if letters.last?.0 == letter { letters[letters.count - 1].1.append(doc) } else { letters.append((letter, [doc])) }
            }
            c["letters"] = letters.map { ["letter": $0.0, "count": String($0.1.count), "items": $0.1.map(view.link)] }
            let paths = SitePaths(view.strings)
            c["browse"] = [
                ["title": view.strings["categories_title"], "url": view.url(toFolder: paths.categories)],
                ["title": view.strings["subregions_title"], "url": view.url(toFolder: paths.subregions)],
                ["title": view.strings["matchmaking_title"], "url": view.url(toFolder: paths.matchmaking)],
                ["title": view.strings["open_data_title"], "url": view.url(toFolder: paths.openData)],
            ]
            if let reported = view.config.signatoriesReported {
                var shown: [String: Any] = ["count": String(reported.count), "date": view.strings.date(reported.date)]
                if let source = reported.source { shown["source"] = source }
                c["reported"] = shown
            }
        case .news, .report:
            c["items"] = docs.sorted(by: Document.isNewer).map(view.link)
        default:
            c["items"] = SwedishOrder.sorted(docs, by: \.title).map(view.link)
        }
        return c
    }

    /// The meetings on or after the build's day, the nearest first (the list page, the home page and the calendar).
    static func upcomingMeetings(_ view: ViewContext, _ meetings: [Document]? = nil) -> [Document] {
        (meetings ?? view.documents(of: .meeting)).filter { view.isUpcoming($0) }.sorted(by: Document.isEarlier)
    }

    static func meetingItem(_ view: ViewContext, _ doc: Document) -> [String: Any] {
        var item = view.link(doc)
        if let type = doc.meeting?.type { item["type"] = view.strings["meeting_type_\(type)"] }
        if let location = doc.meeting?.location { item["location"] = location }
        if let start = doc.meeting?.start { item["time"] = doc.meeting?.end.map { "\(start)–\($0)" } ?? start }
        return item
    }
}
