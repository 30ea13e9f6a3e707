import Foundation
import KeycardConsole
import KeycardCore

/// The console's loop without a terminal, over a real data source: keys → binding table → reducer → effects,
/// where `.reload` loads a snapshot and `.engine` performs the command and shows its outcome, as `ConsoleApp` does.
final class EngineConsoleDriver {
    let source: any ConsoleDataSource
    private(set) var state: ConsoleState
    private(set) var commands: [KeycardConsole.EngineCommand] = []

    init(source: any ConsoleDataSource, actor: String, readOnly: Bool = false, width: Int = 160, height: Int = 45) async throws {
        self.source = source
        state = ConsoleState(snapshot: .empty, readOnly: readOnly, actor: actor, now: Date(), width: width, height: height)
        try await reload()
    }

    var flash: Flash? { state.flash }
    var screen: String { GridSerializer.plainText(ConsoleRenderer.render(state, context: RenderContext(glyphs: .unicode))) }

    func reload() async throws {
        _ = ConsoleReducer.reduce(&state, .snapshotLoaded(try await source.snapshot(focus: state.focus)))
    }

    /// Types keys as `ConsoleHarness.press` does, running each effect to completion.
    func press(_ keys: String) async throws {
        var rest = Substring(keys)
        while let first = rest.first {
            let key: KeyPress
            if first == "<", let close = rest.firstIndex(of: ">"), rest.index(after: rest.startIndex) != close {
                key = ConsoleHarness.special(String(rest[rest.index(after: rest.startIndex)..<close]))
                rest = rest[rest.index(after: close)...]
            } else {
                key = .character(first)
                rest = rest.dropFirst()
            }
            if let action = KeyMap.action(for: .key(key), in: state) { try await run(action) }
        }
    }

    func run(_ action: ConsoleAction) async throws {
        for effect in ConsoleReducer.reduce(&state, action) {
            switch effect {
            case .reload: try await reload()
            case .engine(let command):
                commands.append(command)
                let outcome = await source.outcome(of: command)
                _ = ConsoleReducer.reduce(&state, outcome)
                try await reload()
            case .quit: break
            }
        }
    }
}
