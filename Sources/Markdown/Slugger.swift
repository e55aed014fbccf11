/// Heading anchors exactly as GitHub makes them, so `file.md#rubrik` works on GitHub and on the site:
/// lower case, letters and digits of any script kept, spaces to `-`, other punctuation dropped,
/// and `-1`, `-2` … appended to repeats.
public struct Slugger: Sendable {
    private var seen: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            let props = scalar.properties
            if scalar == " " {
                out += "-"
            } else if scalar == "-" || scalar == "_" || props.isAlphabetic || props.numericType != nil
                        || props.generalCategory == .nonspacingMark || props.generalCategory == .spacingMark {
                if props.isEmojiPresentation { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public mutating func anchor(for text: String) -> String {
        let base = Slugger.slug(text)
        var candidate = base
        if let count = seen[base] {
            var n = count
            repeat {
                n += 1
                candidate = "\(base)-\(n)"
            } while seen[candidate] != nil
            seen[base] = n
        }
        seen[candidate] = seen[candidate] ?? 0
        return candidate
    }
}
