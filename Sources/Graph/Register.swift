import Content

/// Every decision and follow-up task of every meeting, with what they point at resolved:
/// the source of the decisions register, the follow-up tracker, the plan's progress and open data.
public struct DecisionEntry: Sendable {
    public var meeting: Document
    /// Position within the meeting's `decisions`, for stable ids (`2024-08-19-ros#beslut-1`).
    public var number: Int
    public var decision: Meeting.Decision
    /// `plan#area` of the resolved area, if any.
    public var area: String?

    public var id: String { "\(meeting.id)#beslut-\(number)" }
}

public struct ActionEntry: Sendable {
    public var meeting: Document
    public var number: Int
    public var action: Meeting.Action
    public var area: String?
    /// Key of the owner's person page, if the owner resolved.
    public var ownerKey: String?

    public var id: String { "\(meeting.id)#uppgift-\(number)" }

    /// Open with a due date before the build's clock.
    public func isOverdue(now: Day) -> Bool {
        guard action.status == .open, let due = action.due else { return false }
        return due < now
    }
}

extension SiteGraph {
    /// All decisions, newest meeting first, then in the order written.
    func computeDecisions(_ meetingsNewestFirst: [Document]) -> [DecisionEntry] {
        meetingsNewestFirst.flatMap { meeting in
            (meeting.meeting?.decisions ?? []).enumerated().map { index, decision in
                DecisionEntry(meeting: meeting, number: index + 1, decision: decision, area: decision.area.flatMap(areaKey))
            }
        }
    }

    /// All follow-up tasks, newest meeting first, then in the order written.
    func computeActions(_ meetingsNewestFirst: [Document]) -> [ActionEntry] {
        meetingsNewestFirst.flatMap { meeting in
            (meeting.meeting?.actions ?? []).enumerated().map { index, action in
                ActionEntry(meeting: meeting, number: index + 1, action: action, area: action.area.flatMap(areaKey),
                            ownerKey: action.owner.flatMap { personFrontMatter($0.value)?.key })
            }
        }
    }

    var meetingsNewestFirst: [Document] {
        documents(of: .meeting).map(\.document).sorted(by: Document.isNewer)
    }

    /// The canonical `plan#area` of a reference, or nil when it does not resolve.
    func areaKey(_ reference: Located<String>) -> String? {
        // Written as `plan#area` already (the usual way): the reference is its own canonical key.
        if lookup.areas[reference.value] != nil { return reference.value }
        return area(reference.value).map { "\($0.plan.document.id)#\($0.area.id.value)" }
    }
}
