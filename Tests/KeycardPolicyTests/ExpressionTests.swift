import KeycardCore
@testable import KeycardPolicy
import Testing

/// Evaluates a condition against attributes through the public pipeline (parse, check, lower, run).
func evaluateCondition(_ text: String, _ attributes: [String: AttributeValue] = [:]) throws -> Bool {
    let expression = try Parser.parse(text)
    try TypeChecker.check(expression, source: text)
    var names: [String] = []
    let program = ConditionProgram.lower(expression) { name in
        if let index = names.firstIndex(of: name) { return index }
        names.append(name)
        return names.count - 1
    }
    let slots = names.map { attributes[$0].map(PolicyValue.init) ?? .null }
    return program.holds(slots)
}

func conditionError(_ text: String, limits: ExpressionLimits = .standard) -> ExpressionError? {
    do {
        let expression = try Parser.parse(text, limits: limits)
        try TypeChecker.check(expression, source: text, limits: limits)
        return nil
    } catch {
        return error
    }
}

@Suite("Expression language")
struct ExpressionTests {
    let sarah: [String: AttributeValue] = [
        "job_title": .string("Sales Engineer"), "department": .string("Sales"), "level": .int(5),
        "start_date": .string("2024-02-01"), "is_manager": .bool(false), "score": .double(2.5),
    ]

    @Test("comparison operators", arguments: [
        ("employee.level == 5", true), ("employee.level != 5", false), ("employee.level < 6", true),
        ("employee.level <= 5", true), ("employee.level > 5", false), ("employee.level >= 5", true),
        ("employee.department == \"Sales\"", true), ("employee.department != 'Sales'", false),
        ("employee.department < \"Support\"", true), ("employee.score > 2", true), ("employee.level == 5.0", true),
        ("employee.level > -1", true),
    ])
    func comparisons(text: String, expected: Bool) throws {
        #expect(try evaluateCondition(text, sarah) == expected)
    }

    @Test("boolean operators, in, has and string methods", arguments: [
        ("employee.department in [\"Sales\", \"Support\"]", true), ("employee.level in [1, 2]", false),
        ("true && false", false), ("true || false", true), ("!false", true), ("!(employee.level == 5)", false),
        ("has(employee.level)", true), ("has(employee.nickname)", false), ("!has(employee.nickname)", true),
        ("employee.job_title.contains(\"Engineer\")", true), ("employee.job_title.startsWith(\"Sales\")", true),
        ("employee.job_title.endsWith(\"Sales\")", false), ("employee.job_title.matches(\"^Sales (Eng|Ops)\")", true),
        ("employee.job_title.matches(\"^Engineer\")", false), ("employee.is_manager == false", true),
        ("employee.start_date < date(\"2024-03-01\")", true), ("employee.start_date >= date(\"2024-02-01\")", true),
        ("date(employee.start_date) == date(\"2024-02-01\")", true), ("date(\"2024-01-01\") < date(\"2023-12-31\")", false),
    ])
    func operators(text: String, expected: Bool) throws {
        #expect(try evaluateCondition(text, sarah) == expected)
    }

    @Test("precedence: ! binds tighter than ==, == than &&, && than ||")
    func precedence() throws {
        #expect(try evaluateCondition("true || false && false"))
        #expect(try !evaluateCondition("(true || false) && false"))
        #expect(try evaluateCondition("!false == true"))
        #expect(try evaluateCondition("employee.level == 5 && employee.department == 'Sales' || false", sarah))
    }

    @Test("missing attributes make comparisons false, != true")
    func missingAttributes() throws {
        #expect(try !evaluateCondition("employee.team == \"x\""))
        #expect(try evaluateCondition("employee.team != \"x\""))
        #expect(try !evaluateCondition("employee.team.contains(\"x\")"))
        #expect(try !evaluateCondition("employee.level > 3"))
        #expect(try !evaluateCondition("!employee.flag"))
    }

    @Test("type errors are reported at the offending operand", arguments: [
        ("\"a\" < 3", "cannot order a string and a int"), ("!\"x\"", "'!' expects true or false"),
        ("1 && true", "'&&' expects true or false"), ("\"a\" in \"abc\"", "'in' expects a list"),
        ("1 == \"1\"", "cannot compare a int with a string"), ("employee.x.contains(1)", "takes a string argument"),
        ("(3).contains(\"a\")", "is a string method"), ("employee.level", ""), ("42", "must be true or false"),
        ("date(\"2024-02-30\") < date(\"2024-01-01\")", "is not a date"),
        ("employee.start_date < \"2024\" && \"2024\" < date(\"2024-01-01\")", "write the date as date"),
        ("employee.x.matches(employee.y)", "string literal pattern"), ("1 in [\"a\"]", "'in' looks for a int"),
    ])
    func typeErrors(text: String, message: String) {
        let error = conditionError(text)
        if message.isEmpty {
            #expect(error == nil)
        } else {
            #expect(error?.message.contains(message) == true, "\(text): \(String(describing: error))")
        }
    }
}
