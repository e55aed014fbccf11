import Foundation

/// Page ids are file names that must survive URLs, every file system and case-insensitive disks:
/// lower-case ASCII letters, digits and single hyphens.
public enum Identifier {
    public static func problem(_ id: String) -> String? {
        if id.isEmpty { return "an id cannot be empty" }
        let allowed = id.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
        if !allowed { return "ids may only contain a–z, 0–9 and '-'" }
        if id.hasPrefix("-") || id.hasSuffix("-") || id.contains("--") { return "an id cannot start or end with '-' or contain '--'" }
        return nil
    }

    /// A valid id made from any text: `Möte i Borås` → `mote-i-boras`.
    public static func slug(_ text: String) -> String {
        let folded = text.precomposedStringWithCanonicalMapping
            .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? text.lowercased()
        var out = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "sida" : out
    }
}
