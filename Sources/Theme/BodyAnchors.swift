import Foundation
import Markdown

/// A body heading whose anchor the theme already writes on the same page (`## Beslut` on a meeting
/// with decisions, `## Uppgifter` on a person with tasks) takes the next free number on the site, as a second
/// heading of the same text does, so that no page has two elements with one id (WCAG 4.1.1).
///
/// The theme keeps its ids: its sections are what the anchor names on the site, and what a link to it
/// from another page finds there; on GitHub, where the theme is absent, the heading keeps the anchor.
struct BodyAnchors {
    /// The heading's anchor as the parse stage made it → its anchor on the site; empty in most pages.
    let renamed: [String: String]

    init(_ headings: [RenderedMarkdown.Heading], taken: Set<String>) {
        var renamed: [String: String] = [:]
        guard headings.contains(where: { taken.contains($0.anchor) }) else {
            self.renamed = renamed
            return
        }
        var used = taken.union(headings.map(\.anchor))
        for heading in headings where taken.contains(heading.anchor) {
            var n = 1
            while used.contains("\(heading.anchor)-\(n)") { n += 1 }
            let anchor = "\(heading.anchor)-\(n)"
            used.insert(anchor)
            renamed[heading.anchor] = anchor
        }
        self.renamed = renamed
    }

    func anchor(_ anchor: String) -> String { renamed[anchor] ?? anchor }

    /// The body with each renamed heading's opening tag rewritten.
    func apply(to html: String, headings: [RenderedMarkdown.Heading]) -> String {
        guard !renamed.isEmpty else { return html }
        var html = html
        for heading in headings {
            guard let anchor = renamed[heading.anchor],
                  let range = html.range(of: RenderedMarkdown.Heading.openingTag(level: heading.level, anchor: heading.anchor)) else { continue }
            html.replaceSubrange(range, with: RenderedMarkdown.Heading.openingTag(level: heading.level, anchor: anchor))
        }
        return html
    }
}
