import Content
import Graph

/// Needs paired with offers that share words with them, computed in the graph.
enum MatchmakingView {
    static func context(_ view: ViewContext) -> [String: Any] {
        let matches = view.matches
        var needs: [[String: Any]] = []
        var current: (String, String)?
        for match in matches {
            guard let seeker = view.document(key: match.seeker), let offerer = view.document(key: match.offerer) else { continue }
            let offer: [String: Any] = ["organisation": view.link(offerer), "offer": match.offer, "words": match.sharedWords.joined(separator: ", ")]
            if let current, current == (match.seeker, match.need) {
                var last = needs.removeLast()
                last["offers"] = (last["offers"] as? [[String: Any]] ?? []) + [offer]
                needs.append(last)
            } else {
                needs.append(["organisation": view.link(seeker), "need": match.need, "offers": [offer]])
            }
            current = (match.seeker, match.need)
        }
        let matched = Set(matches.map { [$0.seeker, $0.need] })
        let unmatched = view.documents(of: .organisation).flatMap { org in
            (org.organisation?.seeks ?? []).filter { need in !matched.contains([org.key, need]) }
                .map { ["organisation": view.link(org), "need": $0] as [String: Any] }
        }
        // Keys made once per organisation, not twice per comparison (the same stable order as `less`).
        let organisations = SwedishOrder.sorted(view.documents(of: .organisation), by: \.title)
        let offers = organisations.flatMap { org in
            (org.organisation?.offers ?? []).map { ["organisation": view.link(org), "offer": $0] as [String: Any] }
        }
        return ["needs": needs, "unmatched": unmatched, "offers": offers, "noNeeds": needs.isEmpty && unmatched.isEmpty]
    }

    /// For one organisation's page: who offers what it seeks, and who seeks what it offers.
    static func forOrganisation(_ view: ViewContext, _ doc: Document) -> [String: Any] {
        let offered = view.matches(seeker: doc.key).compactMap { m -> [String: Any]? in
            guard let other = view.document(key: m.offerer) else { return nil }
            return ["organisation": view.link(other), "need": m.need, "offer": m.offer]
        }
        let sought = view.matches(offerer: doc.key).compactMap { m -> [String: Any]? in
            guard let other = view.document(key: m.seeker) else { return nil }
            return ["organisation": view.link(other), "need": m.need, "offer": m.offer]
        }
        return ["matchesForNeeds": offered, "matchesForOffers": sought]
    }
}
