import Foundation
import Content
import Mustache

/// The compiled templates of a theme. Parse errors become diagnostics naming the template file and line.
public struct ThemeTemplates: Sendable {
    public let library: MustacheLibrary
    public let names: Set<String>
    /// The library compiled once: pages render from it (the same text as `library` renders, in less time).
    let compiled: MustacheCompiledLibrary
    /// The ids each template's pages carry (`TemplateIDs`): a body heading gives way to them.
    let ids: [String: Set<String>]

    init(library: MustacheLibrary, names: Set<String>, ids: [String: Set<String>], constants: [String: Any] = [:]) {
        self.library = library
        self.names = names
        self.ids = ids
        self.compiled = MustacheCompiledLibrary(library, constants: constants)
    }

    /// The same templates compiled for renders whose root objects all hold `constants` (see
    /// `MustacheCompiledLibrary`): a build's strings and site settings, the same on every page.
    func specialised(for constants: [String: Any]) -> ThemeTemplates {
        ThemeTemplates(library: library, names: names, ids: ids, constants: constants)
    }

    /// Every page kind renders through one of these; a theme that lacks one cannot build.
    public static let required = ["base", "home", "list", "page", "meeting", "organisation", "person", "group", "plan", "report", "news", "404"]

    /// `sources` maps a template's name (`meeting`) to its path from the site root and its text.
    public static func compile(_ sources: [String: (path: String, text: String)], diagnostics: inout [Diagnostic]) -> ThemeTemplates? {
        var library = MustacheLibrary()
        var failed = false
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                failed = true
                diagnostics.append(.error("template error: \(describe(error.error))",
                                          at: SourcePosition(file: source.path, line: error.context.lineNumber, column: error.context.columnNumber + 1),
                                          hint: "check that every {{#section}} is closed by {{/section}} with the same name"))
            } catch {
                failed = true
                diagnostics.append(.error("template error: \(error)", at: .file(source.path)))
            }
        }
        for name in sources.keys.sorted() {
            // Mustache renders an unknown partial as nothing: a misspelt name would silently drop a part of every page.
            for partial in partials(in: sources[name]!.text) where sources[partial.name] == nil {
                failed = true
                diagnostics.append(.error("template error: unknown partial '{{\(partial.sigil)\(partial.name)}}': there is no template '\(partial.name)'",
                                          at: SourcePosition(file: sources[name]!.path, line: partial.line, column: partial.column),
                                          hint: Closest.hint(partial.name, in: sources.keys.sorted()) ?? "a partial names another file of theme/templates/"))
            }
        }
        for name in required where sources[name] == nil {
            failed = true
            diagnostics.append(.error("the theme has no template '\(name)'", at: .file("theme/templates/\(name).mustache"),
                                      hint: "add theme/templates/\(name).mustache or remove the site's override folder"))
        }
        return failed ? nil : ThemeTemplates(library: library, names: Set(sources.keys), ids: TemplateIDs.reachable(sources.mapValues(\.text)))
    }

    /// The `{{>name}}` and `{{<name}}` tags of a template, with the line and column of their `{{`.
    static func partials(in text: String) -> [(sigil: Character, name: String, line: Int, column: Int)] {
        var found: [(sigil: Character, name: String, line: Int, column: Int)] = []
        for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = lineText[...]
            while let open = rest.range(of: "{{") {
                let column = lineText.distance(from: lineText.startIndex, to: open.lowerBound) + 1
                let tag = rest[open.upperBound...]
                guard let sigil = tag.first, sigil == ">" || sigil == "<", let close = tag.range(of: "}}") else {
                    rest = tag
                    continue
                }
                let name = tag[tag.index(after: tag.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                found.append((sigil, name, index + 1, column))
                rest = tag[close.upperBound...]
            }
        }
        return found
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not finished with '}}'"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid delimiter change"
        default: return "\(error)"
        }
    }

    public func render(_ context: [String: Any], template: String) -> String {
        compiled.render(context, withTemplate: template) ?? ""
    }
}
