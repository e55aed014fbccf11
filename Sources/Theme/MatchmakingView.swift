import Content
import Graph

/// Needs paired with offers that share words with them, computed in the graph.
enum MatchmakingView {
    static func context(_ view: ViewContext) -> [String: Any] {
        let graph = view.graph
        var needs: [[String: Any]] = []
        var current: (String, String)?
        for match in graph.matches {
            guard let seeker = graph.document(match.seeker)?.document, let offerer = graph.document(match.offerer)?.document else { continue }
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
        let unmatched = graph.documents(of: .organisation).flatMap { org in
            (org.document.organisation?.seeks ?? []).filter { need in !graph.matches.contains { $0.seeker == org.document.key && $0.need == need } }
                .map { ["organisation": view.link(org.document), "need": $0] as [String: Any] }
        }
        let organisations = graph.documents(of: .organisation).map(\.document).sorted { SwedishOrder.less($0.title, $1.title) }
        let offers = organisations.flatMap { org in
            (org.organisation?.offers ?? []).map { ["organisation": view.link(org), "offer": $0] as [String: Any] }
        }
        return ["needs": needs, "unmatched": unmatched, "offers": offers, "noNeeds": needs.isEmpty && unmatched.isEmpty]
    }

    /// For one organisation's page: who offers what it seeks, and who seeks what it offers.
    static func forOrganisation(_ view: ViewContext, _ doc: Document) -> [String: Any] {
        let graph = view.graph
        let offered = graph.matches.filter { $0.seeker == doc.key }.compactMap { m -> [String: Any]? in
            guard let other = graph.document(m.offerer)?.document else { return nil }
            return ["organisation": view.link(other), "need": m.need, "offer": m.offer]
        }
        let sought = graph.matches.filter { $0.offerer == doc.key }.compactMap { m -> [String: Any]? in
            guard let other = graph.document(m.seeker)?.document else { return nil }
            return ["organisation": view.link(other), "need": m.need, "offer": m.offer]
        }
        return ["matchesForNeeds": offered, "matchesForOffers": sought]
    }
}
