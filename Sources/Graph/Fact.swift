import Content

/// One thing a rendered file read from the graph. The render stage records the facts each output
/// file read; an incremental build compares every fact's value with the previous build and renders
/// a file again only when one of its facts changed (Build/FactHasher.swift gives each its value).
///
/// Facts compose: a list fact (`.kind`, `.members`, …) stands for which documents are listed and in
/// which order, while what is shown of each listed document is its own `.document` fact, recorded
/// by the same lookup. The site's configuration, glossary, strings and templates are not facts:
/// a change to any of them renders every file again.
public enum Fact: Hashable, Sendable {
    /// A document's front matter and headings (everything but its body), or that it does not exist.
    case document(String)
    /// A document's rendered body.
    case body(String)
    /// Which documents of a kind exist, in graph order.
    case kind(Kind)
    /// How many documents of a kind exist.
    case kindCount(Kind)
    /// Whether any document of a kind exists (the menu shows a section only then).
    case kindIsEmpty(Kind)
    /// The pages that point at a document, with why.
    case backlinks(String)
    /// Organisations whose parent is the organisation id.
    case members(String)
    /// People who succeeded the person id.
    case successors(String)
    /// Tasks owned by the person key.
    case ownedActions(String)
    /// The decisions register and the follow-up tracker: which entries, in which order, resolved to what.
    case decisions
    case actions
    /// What is linked to a plan area (`plan#area`).
    case area(String)
    /// What a written area reference resolves to (a bare id depends on every plan's areas).
    case areaReference(String, plan: String?)
    /// Which person an id or initials resolve to.
    case personReference(String)
    /// Organisations in a category or subregion.
    case category(String)
    case subregion(String)
    /// Every match, or those of one organisation.
    case matches
    case organisationMatches(String)
    /// The pages in the main menu, in menu order.
    case menu
    /// A document's title alone: the menu on every page shows nothing else of the pages in it, so a
    /// change to their headings or other front matter does not render the whole site again.
    case title(String)
    /// The build's clock.
    case now
    /// The paths of every output file (the sitemap lists them).
    case outputPaths
}
