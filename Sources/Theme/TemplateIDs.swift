import Foundation

/// The element ids a theme writes into each page template, itself or through its partials and the
/// template it extends, so that a body heading can give way to them (see `BodyAnchors`).
///
/// Only ids written out in full count (`id="beslut"`); ids made from a value (`id="{{anchor}}"`) are
/// the views' to keep apart, as the plan's area anchors are by their prefix.
enum TemplateIDs {
    /// `texts` maps a template's name to its text; the result maps it to every id its page can carry.
    static func reachable(_ texts: [String: String]) -> [String: Set<String>] {
        let own = texts.mapValues(literalIDs)
        let uses = texts.mapValues { Set(ThemeTemplates.partials(in: $0).map(\.name)) }
        var result: [String: Set<String>] = [:]
        for name in texts.keys {
            var ids: Set<String> = []
            var seen: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                ids.formUnion(own[next] ?? [])
                for used in uses[next] ?? [] where seen.insert(used).inserted { pending.append(used) }
            }
            result[name] = ids
        }
        return result
    }

    /// The values of `id="…"` attributes that hold no Mustache tag.
    static func literalIDs(in text: String) -> Set<String> {
        var ids: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: " id=\"") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = rest[..<close]
            if !value.isEmpty, !value.contains("{{") { ids.insert(String(value)) }
            rest = rest[close...]
        }
        return ids
    }
}
