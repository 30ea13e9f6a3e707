import KeycardPolicy
import Testing

@Suite("Safe regex")
struct SafeRegexTests {
    @Test("matching the supported subset", arguments: [
        ("^Sales", "Sales Engineer", true), ("Engineer$", "Sales Engineer", true), ("^Engineer", "Sales Engineer", false),
        ("a|b", "xbx", true), ("^(ab)+$", "ababab", true), ("^(ab)+$", "ababa", false), ("^a?b*c$", "bbbc", true),
        ("^\\d{3}-\\d{4}$", "555-1234", true), ("^\\d{3}-\\d{4}$", "55-1234", false), ("[A-Z][a-z]+", "hello World", true),
        ("^[^0-9]+$", "abc", true), ("^[^0-9]+$", "ab3c", false), ("^.{2,3}$", "abcd", false), ("^.{2,}$", "abcd", true),
        ("\\w+@company\\.com$", "sarah.chen@company.com", true), ("\\s", "nospace", false), ("(?:x|y)z", "yz", true),
        ("", "anything", true), ("^$", "", true), ("é", "café", true),
    ])
    func matches(pattern: String, text: String, expected: Bool) throws {
        #expect(try SafeRegex(pattern).matches(text) == expected)
    }

    @Test("catastrophic patterns run in linear time")
    func catastrophic() throws {
        let text = String(repeating: "a", count: 20_000) + "!"
        #expect(try !SafeRegex("^(a+)+$").matches(text))
        #expect(try !SafeRegex("^(a|a)*$").matches(text))
        #expect(try !SafeRegex("^(a*)*b$").matches(text))
    }

    @Test("unsupported or oversized patterns are rejected", arguments: [
        "(a", "a)", "[a-", "*a", "a**", "(?=a)", "\\1", "a{1000}", "(a{100}){100}", "\\q", "[z-a]",
        String(repeating: "(", count: 20) + "a" + String(repeating: ")", count: 20), String(repeating: "a", count: 300),
    ])
    func rejected(pattern: String) {
        #expect(throws: RegexError.self) { try SafeRegex(pattern) }
    }

    @Test("a bad pattern in a condition is a type error at the pattern")
    func inCondition() throws {
        let error = try #require(conditionError("employee.a.matches(\"(x\")"))
        #expect(error.message.contains("invalid pattern"))
        #expect(error.column == 20)
    }
}
