import Foundation

/// Typing into the command line, the filter line and dialog fields.
extension ConsoleReducer {
    /// `:` commands and their aliases.
    public static let commands: [String: ViewKind] = [
        "runs": .runs, "run": .runs, "r": .runs, "failures": .failures, "fail": .failures, "f": .failures,
        "approvals": .approvals, "approval": .approvals, "ap": .approvals, "employees": .employees, "emp": .employees,
        "e": .employees, "systems": .systems, "sys": .systems, "s": .systems, "events": .events, "ev": .events,
        "audit": .audit, "au": .audit, "help": .help, "h": .help,
    ]

    static func insert(_ state: inout ConsoleState, _ text: String) {
        if var dialog = state.dialog {
            switch dialog.stage {
            case .reason: dialog.reason += text
            case .typeName: dialog.typed += text
            case .confirm: return
            }
            dialog.problem = nil
            state.dialog = dialog
            return
        }
        switch state.mode {
        case .command(let line): state.mode = .command(line + text)
        case .filter(let line):
            state.mode = .filter(line + text)
            state.filters[state.kind] = line + text
            followAll(&state)
        case .normal: break
        }
    }

    static func deleteBackward(_ state: inout ConsoleState) {
        if var dialog = state.dialog {
            switch dialog.stage {
            case .reason: if !dialog.reason.isEmpty { dialog.reason.removeLast() }
            case .typeName: if !dialog.typed.isEmpty { dialog.typed.removeLast() }
            case .confirm: return
            }
            state.dialog = dialog
            return
        }
        switch state.mode {
        case .command(let line): state.mode = .command(String(line.dropLast()))
        case .filter(let line):
            let shorter = String(line.dropLast())
            state.mode = .filter(shorter)
            state.filters[state.kind] = shorter.isEmpty ? nil : shorter
            followAll(&state)
        case .normal: break
        }
    }

    static func submit(_ state: inout ConsoleState) -> [Effect] {
        if state.dialog != nil { return submitDialog(&state) }
        switch state.mode {
        case .command(let line):
            state.mode = .normal
            let name = line.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "q" || name == "quit" { return reduce(&state, .quit) }
            guard let kind = commands[name] else {
                state.flash = .error("unknown command :\(name); try :runs :failures :approvals :employees :systems :events :audit")
                return []
            }
            return show(&state, kind)
        case .filter(let line):
            state.mode = .normal
            let unknown = ListFilter(line).fieldTerms.map(\.key).filter { !(filterKeys[state.kind] ?? []).contains($0) }
            if let key = unknown.first {
                let known = (filterKeys[state.kind] ?? []).map { "\($0):" }.joined(separator: " ")
                state.flash = .error("unknown filter key \(key): in \(state.kind.title); known: \(known.isEmpty ? "none" : known)")
            }
            return []
        case .normal:
            return []
        }
    }

    static func cancel(_ state: inout ConsoleState) {
        if state.dialog != nil {
            closeDialog(&state)
            state.flash = Flash("cancelled")
            return
        }
        if case .filter = state.mode {
            state.filters[state.kind] = nil
            followAll(&state)
        }
        state.mode = .normal
    }

    /// `key:` filter terms each list understands.
    public static let filterKeys: [ViewKind: [String]] = [
        .runs: ["state", "kind", "employee"], .failures: ["system", "employee", "critical"],
        .approvals: ["risk", "policy", "employee"], .employees: ["status", "department", "dept"], .systems: ["health"],
        .events: ["status", "state", "source", "type"], .audit: ["system", "result"],
    ]
}
