import Testing
@testable import Content

@Suite struct DiagnosticFormatTests {
    static let diagnostics = [
        Diagnostic(file: "content/pages/a,b.md", line: 4, column: 2, severity: .error, message: "100% fel\r\noch mer", hint: "gör: så"),
        Diagnostic(file: "site.yml", line: 0, column: 0, severity: .warning, message: "hela filen"),
    ]

    @Test func githubEscapesDataAndPropertiesByTheWorkflowCommandRules() {
        #expect(DiagnosticFormat.github.render(DiagnosticFormatTests.diagnostics, pathPrefix: "site:x/") == """
            ::error file=site%3Ax/content/pages/a%2Cb.md,line=4,col=2,title=okc::100%25 fel%0D%0Aoch mer%0Ahint: gör: så
            ::warning file=site%3Ax/site.yml,title=okc::hela filen

            """)
    }

    @Test func jsonKeepsEveryFieldWithNullForNoHint() {
        #expect(DiagnosticFormat.json.render(DiagnosticFormatTests.diagnostics) == #"""
            [
              {
                "file": "content/pages/a,b.md",
                "line": 4,
                "column": 2,
                "severity": "error",
                "message": "100% fel\r\noch mer",
                "hint": "gör: så"
              },
              {
                "file": "site.yml",
                "line": 0,
                "column": 0,
                "severity": "warning",
                "message": "hela filen",
                "hint": null
              }
            ]

            """#)
        #expect(DiagnosticFormat.json.render([]) == "[]\n")
    }

    @Test func textIsTheCompilerForm() {
        #expect(DiagnosticFormat.text.render(DiagnosticFormatTests.diagnostics) == "content/pages/a,b.md:4:2: error: 100% fel\r\noch mer\n  hint: gör: så\nsite.yml: warning: hela filen\n")
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.quoted("a\"b\\c\u{1}") == #""a\"b\\c\u0001""#)
    }
}
