/// Escaping for text placed in HTML or XML, in element content and in quoted attributes alike.
public enum Escape {
    public static func xml(_ text: String) -> String {
        // Most texts have nothing to escape; ASCII texts are escaped byte by byte, where bytes and
        // Characters are the same. Other texts take the Character loop: a '&' followed by a combining
        // mark is another Character and stays as it is.
        guard text.utf8.contains(where: isSpecial) else { return text }
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return characters(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// `xml` by Characters, for any text.
    static func characters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
