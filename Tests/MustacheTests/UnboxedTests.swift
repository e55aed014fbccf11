import Testing
@testable import Mustache

/// The compiled templates' fast paths are taken only if `unboxed` sees the type inside an `Any` (an
/// existential passed to it must be opened); were it not, every value would quietly take the slow path.
@Suite struct UnboxedTests {
    @Test func findsTheExactTypeInsideAnAny() {
        let text: Any = "text", flag: Any = true, number: Any = 7, items: Any = [["a": 1]] as [[String: Any]]
        #expect(unboxed(text, as: String.self) == "text")
        #expect(unboxed(flag, as: Bool.self) == true)
        #expect(unboxed(number, as: Int.self) == 7)
        #expect(unboxed(items, as: [[String: Any]].self)?.count == 1)
        #expect(unboxed(number, as: String.self) == nil)
        #expect(unboxed(flag, as: Int.self) == nil)
        #expect(unboxed(text, as: Substring.self) == nil)
    }
}
