/// A 64-bit hash that is the same in every process and on every machine (Swift's `Hasher` is seeded
/// per process), for the incremental build's cache: content of source files, rendered bodies, the
/// facts an output file read, and checksums of the cache's own files. Not for adversarial input.
public struct StableHasher {
    // Four lanes, word i going to lane i % 4: long inputs (every output file and source is hashed)
    // mix four independent chains at once instead of waiting on one multiply after another.
    private var lane0: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var lane1: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var lane2: UInt64 = 0x1656_67B1_9E37_79F9
    private var lane3: UInt64 = 0x85EB_CA77_C2B2_AE63
    /// Words mixed so far (the next one's lane).
    private var words: UInt64 = 0
    private var length: UInt64 = 0

    public init() {}

    private static let k1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let k2: UInt64 = 0x4CF5_AD43_2745_937F

    @inline(__always)
    private static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var k = word &* k1
        k = (k << 31) | (k >> 33)
        let mixed = state ^ (k &* k2)
        return ((mixed << 27) | (mixed >> 37)) &* 5 &+ 0x52DC_E729
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        switch words & 3 {
        case 0: lane0 = Self.step(lane0, word)
        case 1: lane1 = Self.step(lane1, word)
        case 2: lane2 = Self.step(lane2, word)
        default: lane3 = Self.step(lane3, word)
        }
        words &+= 1
    }

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var i = 0
        @inline(__always) func word(_ offset: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian }
        while words & 3 != 0, i + 8 <= bytes.count {
            mix(word(i))
            i += 8
        }
        if i + 32 <= bytes.count {
            var (a, b, c, d) = (lane0, lane1, lane2, lane3)
            let start = i
            while i + 32 <= bytes.count {
                a = Self.step(a, word(i))
                b = Self.step(b, word(i + 8))
                c = Self.step(c, word(i + 16))
                d = Self.step(d, word(i + 24))
                i += 32
            }
            (lane0, lane1, lane2, lane3) = (a, b, c, d)
            words &+= UInt64((i - start) / 8)
        }
        while i + 8 <= bytes.count {
            mix(word(i))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[i...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            mix(tail ^ 0xFF00_0000_0000_0000)
        }
    }

    public mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine(bytes: $0) } }

    public mutating func combine(_ value: UInt64) {
        length &+= 8
        mix(value)
    }

    public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    /// The text's bytes and its length, so ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
        combine(text.utf8.count)
    }

    public mutating func combine(_ text: String?) {
        if let text { combine(1); combine(text) } else { combine(0) }
    }

    public func finalize() -> UInt64 {
        // The lanes folded into one, then MurmurHash3's finaliser: every input bit reaches every output bit.
        var h = Self.step(Self.step(Self.step(lane0, lane1), lane2), lane3) ^ length ^ (words << 32)
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }

    public static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// The hash of a text's UTF-8 bytes alone (equal to `hash(Array(text.utf8))`).
    public static func hashUTF8(_ text: String) -> UInt64 {
        var text = text
        var hasher = StableHasher()
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }

    public static func hash(_ text: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }
}

extension StableHasher {
    /// The hash of bytes that arrive in pieces: equal to `StableHasher.hash` of all of them at once
    /// (whole 8-byte words are mixed as they come; the last piece's tail waits for the next).
    public struct Streaming {
        private var hasher = StableHasher()
        private var tail: [UInt8] = []

        public init() {}

        public mutating func combine(bytes: UnsafeRawBufferPointer) {
            var rest = bytes[...]
            if !tail.isEmpty {
                let taken = min(8 - tail.count, rest.count)
                tail.append(contentsOf: rest.prefix(taken))
                rest = rest.dropFirst(taken)
                guard tail.count == 8 else { return }
                tail.withUnsafeBytes { hasher.combine(bytes: $0) }
                tail.removeAll(keepingCapacity: true)
            }
            let whole = rest.count / 8 * 8
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: rest.prefix(whole)))
            tail.append(contentsOf: rest.dropFirst(whole))
        }

        public mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine(bytes: $0) } }

        public func finalize() -> UInt64 {
            var last = hasher
            if !tail.isEmpty { tail.withUnsafeBytes { last.combine(bytes: $0) } }
            return last.finalize()
        }
    }
}
