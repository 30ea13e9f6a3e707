import KeycardCore

extension SandboxConfiguration {
    /// Every problem in this configuration against the systems of `catalog`, each naming its field.
    public func problems(against catalog: CapabilityCatalog) -> [String] {
        let known = catalog.systemNames.joined(separator: ", ")
        var problems = behaviorProblems(defaults, at: "sandbox.defaults")
        for (system, behavior) in systems.sorted(by: { $0.key < $1.key }) {
            if catalog.systems[system] == nil {
                problems.append("sandbox.systems.\(system): unknown system (known: \(known))")
            }
            problems += behaviorProblems(behavior, at: "sandbox.systems.\(system)")
        }
        for (index, fault) in faults.enumerated() {
            let path = "sandbox.faults[\(index)]"
            guard let capabilities = catalog.systems[fault.system] else {
                problems.append("\(path).system: unknown system '\(fault.system)' (known: \(known))")
                continue
            }
            if let action = fault.action, capabilities.action(action) == nil {
                let actions = capabilities.actions.map(\.name).joined(separator: ", ")
                problems.append("\(path).action: \(fault.system) has no action '\(action)' (known: \(actions))")
            }
            if fault.call != nil, fault.times != nil {
                problems.append("\(path): give either `call` (the Nth call) or `times` (the first N calls), not both")
            }
            if let call = fault.call, call < 1 { problems.append("\(path).call: must be 1 or more, got \(call)") }
            if let times = fault.times, times < 1 { problems.append("\(path).times: must be 1 or more, got \(times)") }
        }
        return problems
    }

    private func behaviorProblems(_ behavior: SystemBehavior, at path: String) -> [String] {
        var problems = (behavior.latencyMs?.problems ?? []).map { "\(path).latency_ms: \($0)" }
        if let rate = behavior.errorRate, !(0...1).contains(rate) {
            problems.append("\(path).error_rate: must be between 0 and 1, got \(rate)")
        }
        if let timeout = behavior.timeoutMs, !(timeout > 0) {
            problems.append("\(path).timeout_ms: must be above 0, got \(timeout)")
        }
        if let limit = behavior.rateLimit {
            if !(limit.perSecond > 0) { problems.append("\(path).rate_limit.per_second: must be above 0, got \(limit.perSecond)") }
            if limit.burst < 1 { problems.append("\(path).rate_limit.burst: must be 1 or more, got \(limit.burst)") }
        }
        return problems
    }
}
