import Content
#if canImport(Glibc)
import Glibc
#endif

/// Puts each table's caption into cmark's HTML. Unless raw HTML is passed through, every `<table>` in
/// cmark's output opens a table (text, code and attributes have their `<` escaped), and tables are
/// rendered in the order the tree walk met them: the n-th `<table>` is the n-th table.
enum TableCaptions {
    static let tag = "<table>"
    static let captionStart = "\n<caption>"
    static let captionEnd = "</caption>"

    static func apply(_ html: String, captions: [String?]) -> String {
        var html = html
        return html.withUTF8 { apply($0, captions: captions) }
    }

    static func apply(_ bytes: UnsafeBufferPointer<UInt8>, captions: [String?]) -> String {
        let inserts = captions.map { $0.map { captionStart + Escape.xml($0) + captionEnd } }
        let added = inserts.reduce(0) { $0 + ($1?.utf8.count ?? 0) }
        guard added > 0, bytes.baseAddress != nil else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count + added) { out in
            var written = 0
            var copied = 0
            func copy(_ source: UnsafeBufferPointer<UInt8>) {
                let count = min(source.count, out.count - written)
                guard count > 0 else { return }
                UnsafeMutableRawPointer(out.baseAddress! + written).copyMemory(from: source.baseAddress!, byteCount: count)
                written += count
            }
            for insert in inserts {
                // The tag is searched for even before a table without a caption: the next one is after it.
                guard let found = find(in: bytes, from: copied) else { break }
                let end = found + tagBytes.count
                copy(UnsafeBufferPointer(rebasing: bytes[copied..<end]))
                copied = end
                if var insert { insert.withUTF8 { copy($0) } }
            }
            copy(UnsafeBufferPointer(rebasing: bytes[copied...]))
            return written
        }
    }

    /// The offset of the next `<table>` at or after `start`, from one `<` to the next (memchr).
    static func find(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var i = start
        while i < bytes.count, let found = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - i) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if bytes.count - at >= tagBytes.count, memcmp(base + at, tagBytes, tagBytes.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    static let tagBytes = Array(tag.utf8)
}
