import Foundation
import Content
import Markdown

/// Mistakes inside a body that hurt readers: images without text alternatives, headings that skip
/// levels, links that say nothing, raw HTML that will show as text.
public enum BodyChecks {
    static let vagueLinkTexts: Set<String> = ["klicka här", "här", "läs mer", "länk", "click here", "here"]
    /// The most scalars a text equal to one of `vagueLinkTexts` can have: its canonical decomposition's
    /// (Strings compare canonically, and no equivalent spelling has more scalars than the decomposed one).
    static let longestVagueText = vagueLinkTexts.map(\.decomposedStringWithCanonicalMapping.unicodeScalars.count).max() ?? 0

    /// Whether a link text, in lower case, is one of `vagueLinkTexts`. Lower-casing maps each scalar to one
    /// or more, never to none, so a text of more scalars than `longestVagueText` (most link texts) cannot be
    /// one: no lowercased copy of it is made. Scalars are counted as the bytes that start one.
    static func isVague(_ text: String) -> Bool {
        var scalars = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 {
            scalars += 1
            if scalars > longestVagueText { return false }
        }
        return vagueLinkTexts.contains(text.lowercased())
    }

    public static func check(_ parsed: ParsedDocument, unsafeHTML: Bool) -> [Diagnostic] {
        check(parsed, links: parsed.markdown.links, unsafeHTML: unsafeHTML)
    }

    /// `links` with their texts: the parse drops them before it packs the links (nothing later reads them).
    public static func check(_ parsed: ParsedDocument, links: [RenderedMarkdown.Link], unsafeHTML: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let md = parsed.markdown
        // The page title is the only h1: the body starts at level 2.
        var previous = 1
        for heading in md.headings {
            let position = parsed.position(bodyLine: heading.line, column: 1)
            if heading.level == 1 {
                out.append(.warning("a heading of level 1 in the body: the page title is already the main heading", at: position,
                                    hint: "start body headings with '##'"))
            } else if heading.text.trimmingWhitespace(newlines: true).isEmpty {
                out.append(.warning("a heading without text", at: position,
                                    hint: "write the heading after the '#' signs, or remove the line: screen readers list headings to move around a page"))
            } else if heading.level > previous + 1 {
                out.append(.warning("heading level skips from \(previous) to \(heading.level)", at: position,
                                    hint: "use \(String(repeating: "#", count: previous + 1)) here so screen readers can follow the outline"))
            }
            previous = max(heading.level, 1)
        }
        for link in links {
            let position = parsed.position(bodyLine: link.line, column: link.column)
            let text = link.text.trimmingWhitespace(newlines: true)
            if link.isImage {
                if text.isEmpty {
                    out.append(.error("image without alt text", at: position,
                                      hint: "describe the image between the brackets: ![Deltagare vid dialogmötet](bild.jpg)"))
                }
            } else if text.isEmpty {
                out.append(.warning("link without text", at: position, hint: "write what the link leads to between the brackets"))
            } else if isVague(text) {
                out.append(.warning("link text '\(text)' does not say where it leads", at: position,
                                    hint: "name the target instead, e.g. [anmälan till dialogmötet](…)"))
            }
        }
        for line in md.uncaptionedTables {
            out.append(.warning("table without a caption", at: parsed.position(bodyLine: line, column: 1),
                                hint: "write a paragraph 'Tabell: what the table shows' right before the table"))
        }
        if !unsafeHTML {
            for raw in md.escapedHTML {
                out.append(.warning("raw HTML is shown as text", at: parsed.position(bodyLine: raw.line, column: raw.column),
                                    hint: "write it in Markdown, or set 'unsafe_html: true' in site.yml"))
            }
        }
        return out
    }
}
