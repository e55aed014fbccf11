#if canImport(Glibc)
import Glibc
#endif

/// Maps a request path to a file inside the served folder, and to nothing else: `..` (plain or
/// percent-encoded), hidden files and symbolic links that lead out are refused.
enum SafePath {
    enum Resolution: Equatable {
        case file(String)
        /// A folder asked for without its trailing slash: relative links in its page need the slash.
        case redirect(String)
        case notFound
        case badRequest
    }

    static func resolve(_ rawPath: String, in root: String) -> Resolution {
        guard let decoded = percentDecoded(rawPath), !decoded.contains("\0"), !decoded.contains("\\") else { return .badRequest }
        let segments = decoded.split(separator: "/")
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .badRequest }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        guard let realRoot = realPath(root) else { return .notFound }
        var path = realRoot + (segments.isEmpty ? "" : "/" + segments.joined(separator: "/"))
        if isDirectory(path) {
            guard rawPath.hasSuffix("/") else {
                // Rebuilt from the parts, so `//host` cannot turn into a redirect to another site.
                return .redirect("/" + rawPath.split(separator: "/").joined(separator: "/") + "/")
            }
            path += "/index.html"
        }
        // The real path must still be inside the root: a symbolic link may point anywhere.
        guard let real = realPath(path), real.hasPrefix(realRoot + "/"), isRegularFile(real) else { return .notFound }
        return .file(real)
    }

    /// nil when an escape is malformed or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool { mode(path) == S_IFDIR }
    static func isRegularFile(_ path: String) -> Bool { mode(path) == S_IFREG }

    private static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}
