import KeycardCore
@testable import KeycardPolicy
import KeycardTestSupport
import Testing

@Suite("Expression language under random input")
struct ExpressionFuzzTests {
    static let seeds = [
        "employee.department == \"Sales\" && employee.level >= 5",
        "employee.job_title.matches(\"^(Sales|Solutions) Eng.*$\") || !has(employee.team)",
        "employee.start_date < date(\"2024-03-01\") && employee.type in [\"a\", 'b', \"c\"]",
        "(employee.x != -3 || (employee.y.contains(\"q\") && true)) && employee.z.endsWith(\"w\")",
    ]
    static let pieces = ["(", ")", "[", "]", "\"", "'", "!", "&&", "||", "==", ".", ",", "employee", "has(", "date(",
                         "in", "-", "9999999999999999999999", "\\", "\n", "é", "matches(\"(a+)+$\")", " ", "<=", "="]

    @Test("thousands of mutated conditions either check or fail with a positioned error, never crash")
    func mutations() {
        var random = SeededRandom(seed: 42)
        let attributes: [String: AttributeValue] = [
            "department": .string("Sales"), "level": .int(5), "job_title": .string("Sales Engineer"),
            "start_date": .string("2024-02-01"), "x": .double(1.5), "y": .list([.string("q")]),
        ]
        var accepted = 0, rejected = 0
        for _ in 0..<5000 {
            var scalars = Array(Self.seeds.randomElement(using: &random)!.unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0...scalars.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: scalars.insert(contentsOf: Self.pieces.randomElement(using: &random)!.unicodeScalars, at: position)
                case 1: if position < scalars.count { scalars.remove(at: position) }
                default: if position < scalars.count { scalars[position] = Self.pieces.randomElement(using: &random)!.unicodeScalars.first! }
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let text = String(view)
            do {
                _ = try evaluateCondition(text, attributes)
                accepted += 1
            } catch let error as ExpressionError {
                #expect(error.line >= 1 && error.column >= 1, "\(text)")
                #expect(error.caretLine.hasSuffix("^"))
                rejected += 1
            } catch {
                Issue.record("unexpected error \(error) for \(text)")
            }
        }
        #expect(accepted > 100)
        #expect(rejected > 1000)
    }
}
