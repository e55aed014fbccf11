/// Which outside links a page may carry. Anything that could run script in a reader's browser is refused.
public enum URLCheck {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The scheme of an absolute URL (lower-cased), or nil for a relative one.
    public static func scheme(of url: String) -> String? {
        // Browsers ignore ASCII control characters and whitespace inside a scheme: "java\tscript:" runs.
        // Skipped in place: filtering first would copy every URL, and most stop at their first character.
        var scheme = ""
        for scalar in url.unicodeScalars where scalar.value > 0x20 && scalar.value != 0x7F {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            guard scalar.isASCII, CharacterSetCheck.isSchemeCharacter(scalar) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Why an absolute outside URL is not acceptable, or nil when it is.
    public static func problem(_ url: String) -> String? {
        guard let scheme = scheme(of: url) else {
            return "'\(url)' is not an absolute address (it must start with https://)"
        }
        guard allowedSchemes.contains(scheme) else {
            return "the address scheme '\(scheme):' is not allowed (only https, http, mailto and tel)"
        }
        if scheme.hasPrefix("http"), !url.lowercased().hasPrefix(scheme + "://") || url.count <= scheme.count + 3 {
            return "'\(url)' is not a complete web address"
        }
        if url.contains(where: { $0.isWhitespace }) {
            return "'\(url)' contains spaces"
        }
        return nil
    }

    /// True for links inside a body that may stay as written: relative ones and allowed schemes.
    public static func isSafeInBody(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return allowedSchemes.contains(scheme)
    }
}

enum CharacterSetCheck {
    static func isSchemeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "+", "-", ".": return true
        default: return false
        }
    }
}
