/// The text `okc new` writes: front matter with every key the kind's decoder reads (required keys filled
/// with `Skriv …` placeholders or valid values, optional ones as comments with an example) and a
/// placeholder body. Made from `KeyShape`s, so a new key shows up here by itself.
public enum Scaffold {
    public static func text(kind: Kind, now: Day) -> String {
        var lines = ["---"]
        lines.append("# Fyll i värdena som börjar med 'Skriv'. Rader med '#' först är valfria: ta bort '# ' för att använda dem.")
        for shape in DocumentDecoder.shape(of: kind) {
            let value = example(shape, path: shape.key, kind: kind, now: now)
            let line = shape.key + ":" + (value.hasPrefix("\n") ? value : " " + value) + comment(shape)
            lines.append(shape.required ? line : commentedOut(line))
        }
        lines.append("---")
        lines.append(body(kind))
        return lines.joined(separator: "\n")
    }

    /// A proposed id when none is given: meetings are named by their day.
    public static func proposedID(kind: Kind, now: Day) -> String? {
        kind == .meeting ? "\(now)-mote" : nil
    }

    static func commentedOut(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n")
    }

    static func comment(_ shape: KeyShape) -> String {
        if case .choice(let allowed) = shape.type { return "  # " + allowed.joined(separator: ", ") }
        return ""
    }

    static func body(_ kind: Kind) -> String {
        switch kind {
        case .meeting: "## Anteckningar\n\nSkriv anteckningarna från mötet här.\n"
        case .organisation: "Skriv mer om organisationen här.\n"
        case .person: "Skriv om personens uppdrag här.\n"
        default: "Skriv texten här.\n"
        }
    }

    /// Values that explain themselves better than a type's default example.
    static let examples: [String: String] = [
        "title": "Skriv rubriken här",
        "name": "Skriv namnet här",
        "summary": "Skriv en kort sammanfattning här",
        "organisation:summary": "Skriv vad ni gör och för vem här",
        "person:title": "Skriv den offentliga titeln här",
        "plan:organisation": "Västra Götalandsregionen",
        "location": "Regionens hus, Vänersborg",
        "group": "ros",
        "attendees": "[kerstin-soderberg, jan-linde]",
        "guests": "[{person: anna-andersson, role: föreläsare}]",
        "recorded_by": "JL",
        "approved_by": "[JL, ES]",
        "owner": "JL",
        "area": "handlingsplan-2020-2022#dialog",
        "initials": "AA",
        "abbreviation": "RÖS",
        "categories": "[idrott]",
        "subregions": "all",
        "offers": "[Skriv vad ni erbjuder]",
        "seeks": "[Skriv vad ni söker]",
        "parent": "paraplyorganisationen",
        "succeeded": "foregangaren",
        "responsible": "ros",
        "officer": "kerstin-soderberg",
        "plan": "handlingsplan-2020-2022",
        "heading": "rubrikens-ankare",
        "diarienummer": "RS 2024-00001",
        "decided": "RS 2024-00001 § 1",
        "id": "omrade",
        "option": "Skriv alternativet här",
        "values": "[3, 2, 3]",
        "mean": "2.7",
        "text": "Skriv texten här",
        "role": "ledamot",
        "person": "kerstin-soderberg",
    ]

    static func example(_ shape: KeyShape, path: String, kind: Kind, now: Day) -> String {
        if path == "period" { return "{from: \(now.year), to: \(now.year + 2)}" }
        if let value = examples["\(kind.rawValue):\(shape.key)"] ?? examples[shape.key] { return value }
        switch shape.type {
        case .text, .raw: return "Skriv här"
        case .date: return now.description
        case .fuzzyDate: return String(now.year)
        case .count: return "0"
        case .bool: return shape.key == "draft" ? "true" : "false"
        case .time: return shape.key == "end" ? "\"16:00\"" : "\"09:30\""
        case .url: return "https://www.example.se/"
        case .choice(let allowed): return allowed.first ?? ""
        case .texts, .list: return "[]"
        case .objects:
            // One item written out with its required keys; the optional ones follow in a comment.
            let required = shape.children.filter(\.required)
            let optional = shape.children.filter { !$0.required }
            let item = "{" + required.map { "\($0.key): \(example($0, path: path + "." + $0.key, kind: kind, now: now))" }.joined(separator: ", ") + "}"
            let more = optional.isEmpty ? "" : "  # " + optional.map { "\($0.key): \(example($0, path: path + "." + $0.key, kind: kind, now: now))" }.joined(separator: ", ")
            return "\n  - " + item + more
        }
    }
}
