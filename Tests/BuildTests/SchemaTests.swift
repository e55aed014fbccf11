import Content
import Foundation
import Testing
import TestSupport
@testable import Build

/// The JSON Schemas for editors: every key a decoder reads is in its schema (and nothing else), and the
/// real content validates against them with Python's `jsonschema`, an implementation okc does not share.
@Suite struct SchemaTests {
    static let decoders: [(String, [KeyShape])] = Kind.allCases.map { (JSONSchema.fileName(for: $0), DocumentDecoder.shape(of: $0)) }
        + [("site.schema.json", SiteConfig.shape), ("glossary.schema.json", GlossaryDecoder.entryShape)]

    @Test(arguments: decoders.map(\.0))
    func everyDecoderKeyIsInItsSchemaAndNoOtherKey(_ file: String) throws {
        let decoderPaths = SchemaTests.decoders.first { $0.0 == file }!.1.paths
        let schema = try #require(JSONSchema.all.first { $0.file == file }?.schema)
        let json = try JSONSerialization.jsonObject(with: Data(schema.rendered().utf8)) as! [String: Any]
        #expect(Set(SchemaTests.propertyPaths(json)) == Set(decoderPaths))
        #expect(!decoderPaths.isEmpty)
    }

    @Test func requiredKeysAreRequired() throws {
        let meeting = try JSONSerialization.jsonObject(with: Data(JSONSchema.forKind(.meeting).rendered().utf8)) as! [String: Any]
        #expect(meeting["required"] as? [String] == ["title", "date"])
        let organisation = try JSONSerialization.jsonObject(with: Data(JSONSchema.forKind(.organisation).rendered().utf8)) as! [String: Any]
        #expect(organisation["required"] as? [String] == ["name", "summary"])
    }

    @Test func realContentAndTheCompleteFixtureValidate() throws {
        let schemas = try FixtureSite([:], siteYML: nil)
        let written = try SchemaWriter.write(to: schemas.root + "/schema")
        #expect(written.count == Kind.allCases.count + 2)
        let complete = try FixtureSite(CompleteFixture.files)
        let repository = FixtureSite.repositoryRoot
        let result = try OKCProcess.run(executable: repository + "/scripts/validate-front-matter",
                                        [schemas.root + "/schema", repository, repository + "/examples/ostergotland", complete.root], in: repository)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix(" problem(s)\n") && result.stdout.contains(", 0 problem(s)"))
    }

    @Test func mistakesFailValidation() throws {
        let schemas = try FixtureSite([:], siteYML: nil)
        _ = try SchemaWriter.write(to: schemas.root + "/schema")
        let site = try FixtureSite(["content/meetings/m.md": "---\ntitle: M\ndate: 19/8 2024\nstart: 9.30\nsumary: x\n---\n"])
        let repository = FixtureSite.repositoryRoot
        let result = try OKCProcess.run(executable: repository + "/scripts/validate-front-matter", [schemas.root + "/schema", site.root], in: repository)
        #expect(result.status == 1)
        #expect(result.stdout.contains("m.md: date: '19/8 2024' does not match"))
        #expect(result.stdout.contains("m.md: (top): Additional properties are not allowed ('sumary' was unexpected)"))
        #expect(result.stdout.contains("m.md: start: 9.3 is not of type 'string'"))
    }

    /// Paths of every property a schema describes, nested ones as `parent.child`.
    static func propertyPaths(_ schema: [String: Any], prefix: String = "") -> [String] {
        var paths: [String] = []
        for node in groups(schema) {
            for (key, value) in (node["properties"] as? [String: Any]) ?? [:] {
                paths.append(prefix + key)
                if let child = value as? [String: Any] { paths += propertyPaths(child, prefix: prefix + key + ".") }
            }
        }
        return Array(Set(paths))
    }

    /// The schema and every schema its value may take: list items and `anyOf` alternatives.
    static func groups(_ schema: [String: Any]) -> [[String: Any]] {
        var result = [schema]
        if let items = schema["items"] as? [String: Any] { result += groups(items) }
        for alternative in (schema["anyOf"] as? [[String: Any]]) ?? [] { result += groups(alternative) }
        return result
    }
}
