import Benchmark
import Foundation
import KeycardCore
import KeycardPolicy

/// The policy engine on the shared birthright workload: 500 rules, 10,000 employees.
let benchmarks: @Sendable () -> Void = {
    let workload: PolicyWorkload
    let policies: PolicySet
    do {
        workload = try PolicyWorkload.load(directory: try PolicyWorkload.locate())
        policies = try PolicySet(files: workload.policyFiles)
    } catch {
        fatalError("policy workload: \(error)")
    }
    let mismatches = workload.mismatches(policies)
    guard mismatches.isEmpty else {
        fatalError("the first 200 employees do not match expected.json:\n" + mismatches.prefix(10).joined(separator: "\n"))
    }
    let employees = workload.employees

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3, maxDuration: .seconds(5), maxIterations: 1_000_000)

    Benchmark("evaluate one employee (all grants, round robin over 10,000)", configuration: .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds)) { benchmark in
        var next = 0
        for _ in benchmark.scaledIterations {
            blackHole(policies.evaluate(employees[next]))
            next = next == employees.count - 1 ? 0 : next + 1
        }
    }

    Benchmark("evaluate all 10,000 employees", configuration: .init(maxIterations: 30)) { _ in
        for employee in employees { blackHole(policies.evaluate(employee)) }
    }

    Benchmark("compile 500 policies (YAML parse, check, index)", configuration: .init(maxIterations: 50)) { _ in
        blackHole(try PolicySet(files: workload.policyFiles))
    }

    let proposedFiles = workload.policyFiles.map { file in
        (file.path, file.text.replacingOccurrences(of: "employee.level >= 6", with: "employee.level >= 5"))
    }
    let proposed = try? PolicySet(files: proposedFiles)
    Benchmark("whatif over 10,000 employees (500 rules, 15 changed)", configuration: .init(maxIterations: 20)) { _ in
        blackHole(PolicySet.whatif(current: policies, proposed: proposed ?? policies, employees: employees))
    }
}
