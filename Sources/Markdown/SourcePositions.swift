import Content

/// Gives tables their captions in cmark's HTML when raw HTML passed through writes tables of its own, so
/// that `TableCaptions` cannot count them: the page is rendered with source positions
/// (`data-sourcepos="3:1-3:12"`), a table's start line finds its caption, and every position attribute is removed.
enum SourcePositions {
    static let marker = Array(" data-sourcepos=\"".utf8)

    static func apply(_ html: String, captions: [Int: String]) -> String {
        Array(html.utf8).withUnsafeBufferPointer { apply($0, captions: captions) }
    }

    /// `apply` on the bytes cmark rendered, read where they are: no String of the page to validate
    /// and copy before the one made here.
    static func apply(_ bytes: UnsafeBufferPointer<UInt8>, captions: [Int: String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var copied = 0
        // Each attribute is found by its '=' (rare in text); the text between is copied in one go. (Jumping
        // from space to space stopped at every word of the page.)
        while let found = next(in: bytes, from: i) {
            i = found
            out.append(contentsOf: bytes[copied..<i])
            let valueStart = i + marker.count
            var end = valueStart
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            let isTable = out.count >= 6 && out[(out.count - 6)...].elementsEqual("<table".utf8)
            let line = number(bytes[valueStart..<end].prefix { $0 != UInt8(ascii: ":") })
            i = end + 1
            if isTable, let line, let caption = captions[line], i < bytes.count, bytes[i] == UInt8(ascii: ">") {
                out += Array(">\n<caption>".utf8) + Array(Escape.xml(caption).utf8) + Array("</caption>".utf8)
                i += 1
            }
            copied = min(i, bytes.count)
            if i >= bytes.count { break }
        }
        if copied < bytes.count { out.append(contentsOf: bytes[copied...]) }
        return String(decoding: out, as: UTF8.self)
    }

    static let equalsOffset = marker.firstIndex(of: UInt8(ascii: "="))!

    /// The offset of the next `marker` at or after `start`: each '=' far enough in is checked as the
    /// marker's, so the first match found is the first in the text.
    private static func next(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var j = start + equalsOffset
        while j < buffer.count, let equals = buffer[j...].firstIndex(of: UInt8(ascii: "=")) {
            let candidate = equals - equalsOffset
            if candidate + marker.count <= buffer.count, buffer[candidate..<(candidate + marker.count)].elementsEqual(marker) {
                return candidate
            }
            j = equals + 1
        }
        return nil
    }

    /// `Int(String(decoding: digits, as: UTF8.self))`, without the String for plain decimal digits (what cmark writes).
    static func number<Digits: Collection<UInt8>>(_ digits: Digits) -> Int? {
        guard !digits.isEmpty, digits.count < 18, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return Int(String(decoding: digits, as: UTF8.self))
        }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
