/// THE binding table: the hint line, the `?` help screen, docs/console-keys.md and key dispatch all read it.
public enum KeyBindings {
    static let stepViews: [ViewKind] = [.run, .step]

    public static let all: [KeyBinding] = [
        KeyBinding([.character("?")], "Help", action: .openHelp),
        KeyBinding([.character(":")], "Command (:runs :failures :approvals …)", action: .beginCommand),
        KeyBinding([.character("/")], "Filter (text, state:failed, kind:leaver)", action: .beginFilter),
        KeyBinding([.enter], "Open", scopes: [.runs, .failures, .approvals, .employees, .events, .audit, .run, .employee], action: .drillDown),
        KeyBinding([.enter], "Failures of system", scopes: [.systems], action: .drillDown),
        KeyBinding([.escape], "Back", action: .back),
        KeyBinding([.character("a")], "Approve", scopes: [.approvals] + stepViews, dangerous: true, mutates: true, action: .approve),
        KeyBinding([.character("d")], "Deny", scopes: [.approvals] + stepViews, dangerous: true, mutates: true, action: .deny),
        KeyBinding([.character("r")], "Retry", scopes: [.failures] + stepViews, mutates: true, action: .retry),
        KeyBinding([.character("s")], "Skip", scopes: [.failures] + stepViews, dangerous: true, mutates: true, action: .skip),
        KeyBinding([.character("R")], "Retry all of system", scopes: [.failures], dangerous: true, mutates: true, action: .retryAllFailedForSystem),
        KeyBinding([.character("x")], "Rollback", scopes: [.runs, .failures] + stepViews, dangerous: true, mutates: true, action: .rollback),
        KeyBinding([.character("r")], "Retry failed", scopes: [.runs], mutates: true, action: .retry),
        KeyBinding([.character("r")], "Replay", scopes: [.events], mutates: true, action: .replay),
        KeyBinding([.character("x")], "Discard", scopes: [.events], dangerous: true, mutates: true, action: .discard),
        KeyBinding([.character("t")], "Timeline", scopes: [.run], action: .toggleTimeline),
        KeyBinding([.character("o")], "Sort", scopes: [.runs, .failures, .approvals, .employees, .systems, .events], action: .cycleSort),
        KeyBinding([.character("O")], "Reverse sort", scopes: [.runs, .failures, .approvals, .employees, .systems, .events], hint: false, action: .reverseSort),
        KeyBinding([.character("p")], "Pause/resume engine", dangerous: true, mutates: true, action: .togglePause),
        KeyBinding([.character("j"), .down], "Down", hint: false, action: .move(.down)),
        KeyBinding([.character("k"), .up], "Up", hint: false, action: .move(.up)),
        KeyBinding([.character("h"), .left], "Previous tier", scopes: [.run], hint: false, action: .move(.left)),
        KeyBinding([.character("l"), .right], "Next tier", scopes: [.run], hint: false, action: .move(.right)),
        KeyBinding([.character("g"), .home], "Top", hint: false, action: .move(.top)),
        KeyBinding([.character("G"), .end], "Bottom", hint: false, action: .move(.bottom)),
        KeyBinding([.pageUp, .control("b")], "Page up", hint: false, action: .move(.pageUp)),
        KeyBinding([.pageDown, .control("f")], "Page down", hint: false, action: .move(.pageDown)),
        KeyBinding([.control("r")], "Refresh", hint: false, action: .refresh),
        KeyBinding([.character("q")], "Quit", action: .quit),
    ]

    /// The binding a key triggers in a view: a view's own binding wins over a global one.
    public static func binding(for key: KeyPress, in kind: ViewKind) -> KeyBinding? {
        let matching = all.filter { $0.keys.contains(key) && $0.applies(to: kind) }
        return matching.first { !$0.isGlobal } ?? matching.first
    }

    /// Bindings the hint line shows in this state: visible, applicable, and not removed by `--readonly`.
    public static func hints(for state: ConsoleState) -> [KeyBinding] {
        all.filter { $0.visibleInHints && $0.applies(to: state.kind) && !(state.readOnly && $0.mutates) }
    }
}
