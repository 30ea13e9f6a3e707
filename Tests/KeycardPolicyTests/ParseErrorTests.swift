@testable import KeycardPolicy
import Testing

@Suite("Parse errors and limits")
struct ParseErrorTests {
    @Test("an error gives line, column, caret and what was expected")
    func positions() throws {
        let error = try #require(conditionError("employee.department ==\n  && true"))
        #expect(error.line == 2)
        #expect(error.column == 3)
        #expect(error.message.contains("expected a value"))
        #expect(error.sourceLine == "  && true")
        #expect(error.caretLine == "  ^")
        #expect(error.description.contains("line 2, column 3"))
    }

    @Test("common mistakes are named", arguments: [
        ("employee.a = \"x\"", "use '=='", 12), ("employee.a == \"x", "unterminated string", 15),
        ("employee.a & true", "use '&&'", 12), ("(employee.a == 1", "expected ')'", 17),
        ("employee.a == 1 2", "expected an operator", 17), ("user.a == 1", "unknown name 'user'", 1),
        ("employee == 1", "attribute name after 'employee'", 9), ("employee.a.lower()", "unknown method 'lower'", 12),
        ("1 < 2 < 3", "do not chain", 7), ("employee.a in [1, 2", "expected ']'", 20),
        ("has(\"a\")", "has() takes an attribute", 5), ("employee.a == #", "unexpected character", 15),
        ("", "found end of condition", 1), ("99999999999999999999999 == 1", "too large", 1),
    ])
    func mistakes(text: String, message: String, column: Int) throws {
        let error = try #require(conditionError(text))
        #expect(error.message.contains(message), "\(error)")
        #expect(error.column == column, "\(error)")
    }

    @Test("deep nesting is rejected with a message, not a stack overflow")
    func deepNesting() throws {
        for text in [String(repeating: "(", count: 100_000) + "true" + String(repeating: ")", count: 100_000),
                     String(repeating: "!", count: 100_000) + "true",
                     String(repeating: "[", count: 50_000)] {
            let limits = ExpressionLimits(maxExpressionLength: 1_000_000)
            let error = try #require(conditionError(text, limits: limits))
            #expect(error.message.contains("nests deeper than 32"))
        }
        #expect(conditionError(String(repeating: "(", count: 30) + "true" + String(repeating: ")", count: 30)) == nil)
    }

    @Test("huge literals, lists and conditions are rejected")
    func sizes() throws {
        let longString = "employee.a == \"" + String(repeating: "x", count: 2000) + "\""
        #expect(try #require(conditionError(longString)).message.contains("longer than 1024"))
        let longList = "employee.a in [" + Array(repeating: "1", count: 1500).joined(separator: ",") + "]"
        #expect(try #require(conditionError(longList)).message.contains("more than 1000 elements"))
        let longCondition = Array(repeating: "true", count: 2000).joined(separator: " && ")
        #expect(try #require(conditionError(longCondition)).message.contains("the limit is 4096"))
    }

    @Test("long flat && chains are fine (iterative, not recursive)")
    func longChains() throws {
        let text = Array(repeating: "true", count: 500).joined(separator: " && ")
        #expect(try evaluateCondition(text))
    }
}
