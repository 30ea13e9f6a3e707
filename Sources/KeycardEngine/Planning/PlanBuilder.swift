import KeycardCore

/// The mutable work of one planning pass: steps, their stages, and the problems found on the way.
struct PlanBuilder {
    let catalog: CapabilityCatalog
    let employee: Employee
    private(set) var steps: [PlannedStep] = []
    private(set) var stages: [PlanStage] = []
    private(set) var problems: [PlanningError.Problem] = []
    /// The steps adding each action (revocations excluded), in step order: what a requirement depends on.
    private var providersByAction: [ActionRef: [Int]] = [:]

    init(catalog: CapabilityCatalog, employee: Employee) {
        self.catalog = catalog
        self.employee = employee
    }

    // MARK: Adding access

    /// Adds one step per distinct grant, then the account steps they need; returns how many steps there are now.
    mutating func addGrants(_ grants: [Grant], kept: Set<ActionRef>) -> Int {
        for grant in merge(grants) {
            guard let capability = validate(grant) else { continue }
            append(PlannedStep(
                index: steps.count, system: grant.system, action: grant.action, parameters: grant.parameters,
                kind: capability.kind, purpose: .grant, compensation: capability.compensation,
                critical: grant.critical, approval: grant.approval, justifications: grant.justifications),
                stage: PlanStage(adding: capability.kind))
        }
        var next = 0
        while next < steps.count {
            resolveRequirements(of: next, kept: kept)
            next += 1
        }
        return steps.count
    }

    private mutating func resolveRequirements(of index: Int, kept: Set<ActionRef>) {
        let step = steps[index]
        guard let capability = catalog.action(system: step.system, action: step.action) else { return }
        for requirement in capability.requires {
            let needed = ActionRef(requirement: requirement, in: step.system)
            guard let neededCapability = catalog.action(system: needed.system, action: needed.action) else {
                problems.append(.unknownRequirement(step: step.label, requirement: needed.description))
                continue
            }
            if let providers = providersByAction[needed] {
                steps[index].dependencies += providers
            } else if kept.contains(needed) {
                continue
            } else if !neededCapability.requiredParameters.isEmpty {
                problems.append(.requirementNeedsParameters(
                    step: step.label, requirement: needed.description, parameters: neededCapability.requiredParameters))
            } else {
                let implied = steps.count
                append(PlannedStep(
                    index: implied, system: needed.system, action: needed.action, parameters: [:],
                    kind: neededCapability.kind, purpose: .implied, compensation: neededCapability.compensation,
                    critical: step.critical && step.kind == .identity, justifications: step.justifications),
                    stage: PlanStage(adding: neededCapability.kind))
                steps[index].dependencies.append(implied)
            }
        }
    }

    /// Devices wait for the identity; notifications wait for the identity and the accounts they point to.
    mutating func orderDevicesAndNotifications(addSteps: Range<Int>) {
        let identity = addSteps.filter { steps[$0].kind == .identity }
        let accounts = addSteps.filter { steps[$0].kind == .account }
        for index in addSteps {
            switch steps[index].kind {
            case .device: steps[index].dependencies += identity
            case .notification: steps[index].dependencies += identity + accounts
            default: break
            }
        }
    }

    // MARK: Taking access away

    /// Revokes memberships first, then (after any ownership transfer) closes accounts, identity accounts last.
    mutating func addRevocations(_ grants: [Grant], expandAccounts: Bool, transferOwnership: Bool, after addSteps: [Int]) {
        var targets: [(grant: Grant, capability: ActionCapability)] = []
        var seen = Set<GrantKey>()
        for grant in merge(grants) {
            guard let capability = validate(grant) else { continue }
            targets.append((grant, capability))
            seen.insert(grant.key)
        }
        if expandAccounts {
            for (grant, capability) in targets {
                for requirement in capability.requires {
                    let needed = ActionRef(requirement: requirement, in: grant.system)
                    guard let neededCapability = catalog.action(system: needed.system, action: needed.action),
                          neededCapability.requiredParameters.isEmpty,
                          neededCapability.kind == .identity || neededCapability.kind == .account
                    else { continue }
                    let implied = Grant(system: needed.system, action: needed.action)
                    if seen.insert(implied.key).inserted { targets.append((implied, neededCapability)) }
                }
            }
        }
        var revokes: [Int] = []
        var transfers: [String: Int] = [:]
        var accountClosures: [Int] = []
        var identityClosures: [Int] = []
        for (grant, capability) in targets {
            guard capability.kind != .device, capability.kind != .notification,
                  let undo = capability.compensation else { continue }
            guard let undoCapability = catalog.action(system: grant.system, action: undo) else {
                problems.append(.unknownRequirement(step: grant.key.description, requirement: "\(grant.system):\(undo)"))
                continue
            }
            let closesAccount = capability.kind == .identity || capability.kind == .account
            let stage: PlanStage = !closesAccount ? .revokeAccess
                : capability.kind == .identity ? .deprovisionIdentity : .deprovisionAccounts
            let index = steps.count
            append(PlannedStep(
                index: index, system: grant.system, action: undo, parameters: grant.parameters,
                kind: undoCapability.kind, purpose: closesAccount ? .deprovision : .revoke,
                compensation: undoCapability.compensation, justifications: grant.justifications),
                stage: stage)
            steps[index].dependencies += addSteps
            switch stage {
            case .revokeAccess: revokes.append(index)
            case .deprovisionIdentity: identityClosures.append(index)
            default: accountClosures.append(index)
            }
            if closesAccount, transferOwnership, transfers[grant.system] == nil,
               let transfer = catalog.action(system: grant.system, action: "transfer_ownership") {
                var parameters: [String: String] = [:]
                if let manager = employee.managerEmail { parameters["to"] = manager }
                transfers[grant.system] = steps.count
                append(PlannedStep(
                    index: steps.count, system: grant.system, action: transfer.name, parameters: parameters,
                    kind: transfer.kind, purpose: .transfer, compensation: transfer.compensation,
                    justifications: grant.justifications),
                    stage: .transferOwnership)
                steps[steps.count - 1].dependencies += addSteps
            }
        }
        for (system, transfer) in transfers {
            steps[transfer].dependencies += revokes.filter { steps[$0].system == system }
        }
        for index in accountClosures + identityClosures {
            let system = steps[index].system
            steps[index].dependencies += revokes.filter { steps[$0].system == system }
            if let transfer = transfers[system] { steps[index].dependencies.append(transfer) }
        }
        for index in identityClosures {
            steps[index].dependencies += revokes + Array(transfers.values) + accountClosures
        }
    }

    // MARK: Helpers

    private mutating func append(_ step: PlannedStep, stage: PlanStage) {
        if !stage.isRevocation {
            providersByAction[ActionRef(system: step.system, action: step.action), default: []].append(steps.count)
        }
        steps.append(step)
        stages.append(stage)
    }

    /// One grant per key, reasons combined; the strictest flags win.
    private func merge(_ grants: [Grant]) -> [Grant] {
        var order: [GrantKey] = []
        var merged: [GrantKey: Grant] = [:]
        for grant in grants {
            if var existing = merged[grant.key] {
                existing.justifications += grant.justifications.filter { !existing.justifications.contains($0) }
                existing.critical = existing.critical || grant.critical
                existing.approval = existing.approval ?? grant.approval
                merged[grant.key] = existing
            } else {
                order.append(grant.key)
                merged[grant.key] = grant
            }
        }
        return order.map { merged[$0]! }
    }

    private mutating func validate(_ grant: Grant) -> ActionCapability? {
        guard let system = catalog.systems[grant.system] else {
            problems.append(.unknownSystem(grant: grant.key.description, system: grant.system, known: catalog.systemNames))
            return nil
        }
        guard let capability = system.action(grant.action) else {
            problems.append(.unknownAction(
                grant: grant.key.description, system: grant.system, action: grant.action,
                known: system.actions.map(\.name)))
            return nil
        }
        for parameter in capability.requiredParameters where grant.parameters[parameter] == nil {
            problems.append(.missingParameter(grant: grant.key.description, parameter: parameter))
        }
        return capability
    }
}
