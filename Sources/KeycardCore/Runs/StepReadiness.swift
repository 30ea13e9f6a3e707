/// Which steps of a stored run are ready: the store does not record readiness, it is derived from the run's state and
/// each pending step's dependencies, by the rule the engine applies when it loads the run.
public enum StepReadiness {
    /// The steps, each pending one whose dependencies are all met marked ready, while the run is moving forward.
    public static func apply(to steps: [Step], runState: RunState) -> [Step] {
        guard runState == .running || runState == .awaitingApproval else { return steps }
        var satisfied: [StepID: Bool] = [:]
        for step in steps { satisfied[step.id] = step.satisfiesDependants }
        return steps.map { step in
            guard step.state == .pending, step.dependencies.allSatisfy({ satisfied[$0] ?? false })
            else { return step }
            var ready = step
            ready.state = .ready
            return ready
        }
    }
}
