import CMark
import Content
#if canImport(Glibc)
import Glibc
#endif

/// Marks the first use of each glossary abbreviation on a page with `<abbr title="…">`, as WCAG's
/// technique for abbreviations asks. Runs after the walk: it splits text nodes, which the iterator must not see.
struct AbbreviationMarker {
    let abbreviations: [MarkdownOptions.Abbreviation]
    /// Longest first, then alphabetical: the order every text node is searched in. `needle`: the bytes of
    /// an abbreviation that `isSimple`, decided once instead of per text node.
    private let order: [(abbreviation: String, expansion: String, needle: [UInt8]?)]
    /// Which of `order` are marked already (by position: no hashing per text node and abbreviation).
    private var marked: [Bool]
    private var unmarkedCount: Int
    private var pending: [(node: OpaquePointer, text: String, hits: [(range: Range<String.Index>, expansion: String)])] = []

    init(_ abbreviations: [MarkdownOptions.Abbreviation]) {
        self.abbreviations = abbreviations
        var map: [String: String] = [:]
        for a in abbreviations where !a.abbreviation.isEmpty { map[a.abbreviation] = a.expansion }
        order = map.sorted { $0.key.count > $1.key.count || ($0.key.count == $1.key.count && $0.key < $1.key) }
            .map { ($0.key, $0.value, AbbreviationMarker.isSimple($0.key) ? Array($0.key.utf8) : nil) }
        marked = Array(repeating: false, count: order.count)
        unmarkedCount = order.count
    }

    var isDone: Bool { unmarkedCount == 0 }

    /// `visit(_:text:)` for a text node's literal as cmark holds it: simple bytes in which no unmarked
    /// abbreviation (all of them simple) stands are passed over without making a string of them, which
    /// is most text of most pages.
    mutating func visit(_ node: OpaquePointer, literal: UnsafePointer<CChar>) {
        guard unmarkedCount > 0 else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        if AbbreviationMarker.isSimple(bytes) {
            let mayHit = order.indices.contains { index in
                guard !marked[index] else { return false }
                guard let needle = order[index].needle else { return true }
                return AbbreviationMarker.simpleFirstWord(needle, in: bytes) != nil
            }
            if !mayHit { return }
        }
        visit(node, text: String(cString: literal))
    }

    /// Looks for unmarked abbreviations in a text node; remembers where to split it.
    mutating func visit(_ node: OpaquePointer, text: String) {
        guard unmarkedCount > 0 else { return }
        var hits: [(range: Range<String.Index>, expansion: String)] = []
        let simple = AbbreviationMarker.isSimple(text)
        for index in order.indices where !marked[index] {
            let (abbreviation, expansion, needle) = order[index]
            let found = if simple, let needle { AbbreviationMarker.simpleFirstWord(needle, in: text) }
                        else { AbbreviationMarker.firstWord(abbreviation, in: text) }
            guard let range = found, !hits.contains(where: { $0.range.overlaps(range) }) else { continue }
            hits.append((range, expansion))
            marked[index] = true
            unmarkedCount -= 1
        }
        if !hits.isEmpty { pending.append((node, text, hits.sorted { $0.range.lowerBound < $1.range.lowerBound })) }
    }

    /// The first occurrence of `word` that stands alone: no letter or digit right before or after it.
    static func firstWord(_ word: String, in text: String) -> Range<String.Index>? {
        if isSimple(word), isSimple(text) { return simpleFirstWord(word, in: text) }
        var start = text.startIndex
        while let range = text.range(of: word, range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false), !(before?.isNumber ?? false), !(after?.isLetter ?? false), !(after?.isNumber ?? false) {
                return range
            }
            start = text.index(after: range.lowerBound)
        }
        return nil
    }

    mutating func apply() {
        for item in pending {
            var cursor = item.text.startIndex
            for hit in item.hits {
                insertText(String(item.text[cursor..<hit.range.lowerBound]), before: item.node)
                if let abbr = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
                    cmark_node_set_on_enter(abbr, "<abbr title=\"\(Escape.xml(hit.expansion))\">")
                    cmark_node_set_on_exit(abbr, "</abbr>")
                    if let inner = textNode(String(item.text[hit.range])) { cmark_node_append_child(abbr, inner) }
                    cmark_node_insert_before(item.node, abbr)
                }
                cursor = hit.range.upperBound
            }
            insertText(String(item.text[cursor...]), before: item.node)
            cmark_node_free(item.node)
        }
        pending = []
    }

    private func insertText(_ text: String, before node: OpaquePointer) {
        guard !text.isEmpty, let new = textNode(text) else { return }
        cmark_node_insert_before(node, new)
    }

    private func textNode(_ text: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, text)
        return node
    }
}

extension AbbreviationMarker {
    /// Text made only of scalars below U+0300 (ASCII, Latin letters with their accents precomposed,
    /// no combining marks) is in canonical form and has one scalar per Character. There Foundation's
    /// canonical-equivalence search finds exactly the byte matches, so they can be searched as bytes.
    static func isSimple(_ text: String) -> Bool {
        // Below U+0300 in UTF-8 is one byte, or two with a lead byte below 0xCC.
        text.utf8.withContiguousStorageIfAvailable(isSimple) ?? text.utf8.allSatisfy { $0 < 0xCC }
    }

    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0xCC } }

    /// `firstWord` for simple text: a byte search instead of a Foundation search that converts the
    /// whole text to UTF-16 for every abbreviation and text node.
    static func simpleFirstWord(_ word: String, in text: String) -> Range<String.Index>? {
        simpleFirstWord(Array(word.utf8), in: text)
    }

    static func simpleFirstWord(_ needle: [UInt8], in text: String) -> Range<String.Index>? {
        // On the contiguous bytes (native strings): the same search by offsets, without the view's indices.
        if let found = text.utf8.withContiguousStorageIfAvailable({ simpleFirstWord(needle, in: $0) }) {
            guard let (lower, upper) = found else { return nil }
            let start = text.utf8.startIndex
            return text.utf8.index(start, offsetBy: lower)..<text.utf8.index(start, offsetBy: upper)
        }
        return simpleFirstWordInView(needle, in: text)
    }

    /// Offsets of the first standalone `needle` in the bytes of simple text (see `isSimple`): every byte
    /// is below 0xCC, so a scalar is one byte, or a lead byte and one continuation byte.
    static func simpleFirstWord(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        guard let first = needle.first else { return nil }
        let count = bytes.count, length = needle.count
        func scalar(at offset: Int) -> Unicode.Scalar? {
            let lead = bytes[offset]
            if lead < 0x80 { return Unicode.Scalar(lead) }
            guard offset + 1 < count else { return nil }
            return Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F))
        }
        func scalar(endingAt end: Int) -> Unicode.Scalar? {
            let last = bytes[end - 1]
            if last < 0x80 { return Unicode.Scalar(last) }
            guard end >= 2 else { return nil }
            return scalar(at: end - 2)
        }
        var start = 0
        while start < count, let candidate = bytes[start...].firstIndex(of: first) {
            let end = candidate + length
            guard end <= count else { return nil }
            if bytes[candidate..<end].elementsEqual(needle) {
                let before = candidate == 0 ? nil : scalar(endingAt: candidate)
                let after = end == count ? nil : scalar(at: end)
                if !isWordCharacter(before), !isWordCharacter(after) { return (candidate, end) }
            }
            start = candidate + 1
        }
        return nil
    }

    static func simpleFirstWordInView(_ needle: [UInt8], in text: String) -> Range<String.Index>? {
        guard let first = needle.first else { return nil }
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let candidate = utf8[start...].firstIndex(of: first) {
            guard let end = utf8.index(candidate, offsetBy: needle.count, limitedBy: utf8.endIndex) else { return nil }
            if utf8[candidate..<end].elementsEqual(needle) {
                let before = candidate == utf8.startIndex ? nil : text.unicodeScalars[text.unicodeScalars.index(before: candidate)]
                let after = end == utf8.endIndex ? nil : text.unicodeScalars[end]
                if !isWordCharacter(before), !isWordCharacter(after) { return candidate..<end }
            }
            start = utf8.index(after: candidate)
        }
        return nil
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        let character = Character(scalar)
        return character.isLetter || character.isNumber
    }
}
