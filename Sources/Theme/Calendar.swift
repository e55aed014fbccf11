import Foundation
import Content
import Graph

/// The iCalendar feed of all meetings (RFC 5545): stable UIDs, local times in Europe/Stockholm with
/// a VTIMEZONE, CRLF lines folded at 75 octets. Nothing in it depends on when it was built.
enum CalendarFeed {
    static let timeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Stockholm", "X-LIC-LOCATION:Europe/Stockholm",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    ]

    static func text(_ view: ViewContext) -> String {
        let strings = view.strings
        let config = view.config
        let host = hostName(config.baseURL)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//okc//\(escape(config.title))//SV", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(config.title))", "X-WR-TIMEZONE:Europe/Stockholm"]
        lines += timeZone
        let meetings = view.documents(of: .meeting).sorted(by: Document.isEarlier)
        for doc in meetings {
            guard let m = doc.meeting, let date = doc.date else { continue }
            let url = view.routes.absoluteURL(view.routes.folder(ofKey: doc.key) ?? "")
            lines += ["BEGIN:VEVENT", "UID:\(doc.id)@\(host)", "DTSTAMP:\(compact(doc.updated ?? m.recordedOn ?? date))T000000Z"]
            if let start = m.start {
                lines.append("DTSTART;TZID=Europe/Stockholm:\(compact(date))T\(start.filter { $0 != ":" })00")
                if let end = m.end { lines.append("DTEND;TZID=Europe/Stockholm:\(compact(date))T\(end.filter { $0 != ":" })00") }
            } else {
                lines.append("DTSTART;VALUE=DATE:\(compact(date))")
                // After 9999-12-31 (a date okc only warns about) there is no next day; without DTEND a
                // day's event lasts that day (RFC 5545, 3.6.1).
                if let next = Day(daysSinceEpoch: date.daysSinceEpoch + 1) { lines.append("DTEND;VALUE=DATE:\(compact(next))") }
            }
            lines.append("SUMMARY:\(escape(doc.title))")
            if let location = m.location { lines.append("LOCATION:\(escape(location))") }
            if let type = m.type { lines.append("CATEGORIES:\(escape(strings["meeting_type_\(type)"]))") }
            lines.append("URL:\(url)")
            lines.append("DESCRIPTION:\(escape([doc.summary, url].compactMap { $0 }.joined(separator: "\n")))")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20240819`: the ISO date without its dashes.
    static func compact(_ day: Day) -> String { Digits.four(day.year) + Digits.two(day.month) + Digits.two(day.day) }

    static func hostName(_ url: String) -> String {
        guard let start = url.range(of: "://") else { return "okc" }
        return String(url[start.upperBound...].prefix { $0 != "/" && $0 != ":" })
    }

    /// TEXT values escape backslash, semicolon, comma and newline.
    static func escape(_ text: String) -> String {
        // Most texts have nothing to escape: no walk over their Characters.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",")
                                          || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else { return text }
        // By byte, not by Character: "\r\n" is one Character, which matched neither case and kept its line break.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds a content line into lines of at most 75 octets without splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var parts: [String] = []
        var current = ""
        var size = 0
        for scalar in line.unicodeScalars {
            let width = scalar.utf8.count
            let limit = parts.isEmpty ? 75 : 74
            if size + width > limit {
                parts.append(current)
                current = ""
                size = 0
            }
            current.unicodeScalars.append(scalar)
            size += width
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}

extension Day {
    /// The day a number of days after 1970-01-01 (Howard Hinnant's civil_from_days); nil outside the
    /// years a `Day` holds (1–9999).
    init?(daysSinceEpoch days: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        guard let day = Day(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d) else { return nil }
        self = day
    }
}
