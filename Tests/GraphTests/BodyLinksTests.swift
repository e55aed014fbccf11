import Testing
@testable import Content
import Markdown
@testable import Graph

/// A page's links packed into one buffer read back as they were, and damaged bytes are refused.
@Suite struct BodyLinksTests {
    static let links = [
        RenderedMarkdown.Link(url: "../meetings/2024-08-19-ros.md#beslut", text: "dialogmötet", line: 3, column: 4, isImage: false),
        RenderedMarkdown.Link(url: "bild.png", text: "", line: 120_000, column: 1, isImage: true),
        RenderedMarkdown.Link(url: "https://www.vregion.se/", text: "Västra Götaland", line: 5, column: 17, isImage: false),
        RenderedMarkdown.Link(url: "../meetings/2024-08-19-ros.md#beslut", text: "igen", line: 9, column: 2, isImage: false),
        RenderedMarkdown.Link(url: "#", text: "x", line: 10, column: 1, isImage: false),
        RenderedMarkdown.Link(url: "saknas.md", text: "ö", line: 11, column: 1, isImage: false),
    ]
    static let targets: [String: Routes.Target] = [
        "../meetings/2024-08-19-ros.md#beslut": .page(key: "meeting/2024-08-19-ros", anchor: "beslut"),
        "bild.png": .file("filer/bild.png"),
        "https://www.vregion.se/": .external,
        "#": .sameDocument(anchor: ""),
        "saknas.md": .missing("no page content/saknas.md"),
        "om.md": .page(key: "page/om", anchor: nil),
    ]

    @Test func packedLinksUnpackAsTheyWere() throws {
        let packed = BodyLinks(links: Self.links, targets: Self.targets)
        let (links, targets) = try packed.unpacked()
        #expect(links == Self.links)
        #expect(targets.map(\.url) == Self.targets.keys.sorted())
        #expect(Dictionary(uniqueKeysWithValues: targets.map { ($0.url, $0.target) }) == Self.targets)
        #expect(try BodyLinks(validating: packed.bytes) == packed)
        #expect(packed.bytes.capacity < packed.bytes.count + 16)
        #expect(try BodyLinks.none.unpacked().links.isEmpty && BodyLinks.none.targets.isEmpty)
    }

    @Test func damagedBytesAreRefused() {
        let bytes = BodyLinks(links: Self.links, targets: Self.targets).bytes
        for length in 0..<bytes.count {
            #expect(throws: BinaryReader.Corrupt.self, "cut at \(length)") { try BodyLinks(validating: Array(bytes.prefix(length))) }
        }
        #expect(throws: BinaryReader.Corrupt.self) { try BodyLinks(validating: bytes + [0]) }
        // A target tag that does not exist.
        var writer = BinaryWriter()
        writer.writeCount(0)
        writer.writeCount(1)
        writer.write("a.md")
        writer.write(9)
        #expect(throws: BinaryReader.Corrupt.self) { try BodyLinks(validating: writer.bytes) }
    }

    /// The check that makes no strings refuses exactly what unpacking refuses: every byte of the packed
    /// links set to every value.
    @Test func validationAgreesWithUnpacking() {
        let bytes = BodyLinks(links: Self.links, targets: Self.targets).bytes
        var refused = 0
        for index in bytes.indices {
            for value in [0, 1, 2, 3, 4, 5, 9, 0x7F, 0x80, 0xFF] as [UInt8] {
                var damaged = bytes
                damaged[index] = value
                let packed = BodyLinks(bytesForTesting: damaged)
                let validates = (try? packed.validate()) != nil
                let unpacks = (try? packed.unpacked()) != nil
                #expect(validates == unpacks, "byte \(index) set to \(value)")
                if !validates { refused += 1 }
            }
        }
        #expect(refused > 0)
    }
}
