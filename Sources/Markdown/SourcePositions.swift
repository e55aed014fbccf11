import Content

/// Gives headings their anchor ids and tables their captions in cmark's HTML. cmark cannot set attributes
/// or add elements itself, so the page is rendered with source positions (`data-sourcepos="3:1-3:12"`):
/// a heading's or table's start line finds what it needs, and every position attribute is removed.
enum SourcePositions {
    static let marker = Array(" data-sourcepos=\"".utf8)

    static func apply(_ html: String, anchors: [Int: String], captions: [Int: String] = [:]) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var copied = 0
        // Attributes start with a space: jump from space to space and copy the text between in one go.
        while let space = bytes[i...].firstIndex(of: marker[0]) {
            i = space
            guard matches(bytes, at: i) else {
                i += 1
                continue
            }
            out.append(contentsOf: bytes[copied..<i])
            let valueStart = i + marker.count
            var end = valueStart
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            let isHeading = out.count >= 3 && out[out.count - 3] == UInt8(ascii: "<") && out[out.count - 2] == UInt8(ascii: "h")
                && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(out[out.count - 1])
            let isTable = out.count >= 6 && out[(out.count - 6)...].elementsEqual("<table".utf8)
            let line = Int(String(decoding: bytes[valueStart..<end].prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self))
            if isHeading, let line, let anchor = anchors[line] {
                out += Array(" id=\"".utf8) + Array(Escape.xml(anchor).utf8) + [UInt8(ascii: "\"")]
            }
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

    private static func matches(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + marker.count <= bytes.count else { return false }
        for k in 0..<marker.count where bytes[index + k] != marker[k] { return false }
        return true
    }
}
