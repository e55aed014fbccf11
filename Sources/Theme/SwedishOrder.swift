/// Alphabetical order as Swedish readers expect it: å, ä and ö come after z; case does not matter.
enum SwedishOrder {
    static func key(_ text: String) -> [UInt32] {
        text.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "å": return 0x7B0
            case "ä", "æ": return 0x7B1
            case "ö", "ø": return 0x7B2
            case "é", "è": return UInt32(("e" as Unicode.Scalar).value) * 16 + 1
            case "ü": return UInt32(("y" as Unicode.Scalar).value) * 16 + 1
            default: return scalar.value * 16
            }
        }
    }

    static func less(_ a: String, _ b: String) -> Bool {
        let (ka, kb) = (key(a), key(b))
        return ka.lexicographicallyPrecedes(kb) || (ka == kb && a < b)
    }

    /// Sorted by `less` on each item's text, with every key made once instead of twice per comparison.
    static func sorted<T>(_ items: some Sequence<T>, by text: (T) -> String) -> [T] {
        items.map { (key: key(text($0)), text: text($0), item: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.text < $1.text) }
            .map(\.item)
    }

    /// The letter a name is filed under in an A–Ö directory.
    static func initial(_ text: String) -> String {
        guard let first = text.trimmingPrefix(while: { !$0.isLetter && !$0.isNumber }).first else { return "#" }
        return first.isLetter ? String(first).uppercased() : "0–9"
    }
}

extension Substring {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        var s = self
        while let c = s.first, predicate(c) { s = s.dropFirst() }
        return s
    }
}

extension String {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring { self[...].trimmingPrefix(while: predicate) }
}
