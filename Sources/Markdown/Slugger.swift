/// Heading anchors exactly as GitHub makes them, so `file.md#rubrik` works on GitHub and on the site:
/// lower case, letters and digits of any script kept, spaces to `-`, other punctuation dropped,
/// and `-1`, `-2` … appended to repeats.
public struct Slugger: Sendable {
    private var seen: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            // ASCII decided without Unicode's property tables (what `keeps` answers for it): every
            // heading of every page is slugged, and most are ASCII or nearly so.
            if scalar.isASCII {
                switch scalar {
                case " ": out += "-"
                case "-", "_", "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
                default: continue
                }
            } else if keeps(scalar) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether GitHub keeps a scalar other than a space in an anchor: letters, digits, marks, `-`, `_`.
    static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        let props = scalar.properties
        guard scalar == "-" || scalar == "_" || props.isAlphabetic || props.numericType != nil
                || props.generalCategory == .nonspacingMark || props.generalCategory == .spacingMark else { return false }
        return !props.isEmojiPresentation
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
