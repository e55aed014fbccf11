import Content

/// A file's fact numbers (positions in the manifest's fact table), ascending and each once, as LEB128
/// varints of the gaps between them: a page reads ~100 facts, and two bytes a number instead of eight
/// is most of the manifest's memory at 100,000 pages.
struct FactList: Sendable, Equatable, Sequence {
    let encoded: ArraySlice<UInt8>

    init(encoded: ArraySlice<UInt8> = []) { self.encoded = encoded }

    /// `numbers` ascending, without repeats.
    init<S: Sequence>(_ numbers: S) where S.Element == Int {
        var bytes: [UInt8] = []
        FactList.append(numbers, to: &bytes)
        encoded = bytes[...]
    }

    /// The encoding of `numbers` (ascending, without repeats) added to `bytes`.
    static func append<S: Sequence>(_ numbers: S, to bytes: inout [UInt8]) where S.Element == Int {
        var writer = BinaryWriter(capacity: 0, sharesStrings: false)
        var previous = -1
        for number in numbers {
            precondition(number > previous, "fact numbers must ascend")
            writer.write(UInt64(number - previous - 1))
            previous = number
        }
        bytes.append(contentsOf: writer.bytes)
    }

    /// Throws unless the bytes are whole varints and every number is below `bound`.
    func validate(below bound: Int) throws {
        var reader = BinaryReader(Array(encoded))
        var previous = -1
        while !reader.isAtEnd {
            let gap = try reader.readUInt64()
            guard gap < UInt64(bound), previous + 1 + Int(gap) < bound else { throw BinaryReader.Corrupt() }
            previous += 1 + Int(gap)
        }
    }

    struct Iterator: IteratorProtocol {
        let bytes: ArraySlice<UInt8>
        var offset: Int
        var previous = -1

        /// The bytes were validated when read (or written here): no check is repeated per number.
        mutating func next() -> Int? {
            guard offset < bytes.endIndex else { return nil }
            var gap = 0
            var shift = 0
            while true {
                let byte = bytes[offset]
                offset += 1
                gap |= Int(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            previous += 1 + gap
            return previous
        }
    }

    func makeIterator() -> Iterator { Iterator(bytes: encoded, offset: encoded.startIndex) }

    static func == (a: FactList, b: FactList) -> Bool { a.encoded.elementsEqual(b.encoded) }
}
