import Foundation
import Testing
import TestSupport

@Suite struct SchemaCommandTests {
    @Test func writesOneSchemaPerKindPlusSiteAndGlossary() throws {
        let site = try FixtureSite([:])
        let result = try OKCProcess.run(["schema"], in: site.root)
        #expect(result.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root + "/schema").sorted()
        #expect(names == ["glossary", "group", "meeting", "news", "organisation", "page", "person", "plan", "report", "site"].map { $0 + ".schema.json" })
        let meeting = try #require(site.read("schema/meeting.schema.json"))
        #expect(meeting.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"))
        // Deterministic: a second run writes the same bytes.
        #expect(try OKCProcess.run(["schema", "--output", "schema"], in: site.root).status == 0)
        #expect(site.read("schema/meeting.schema.json") == meeting)
    }
}
