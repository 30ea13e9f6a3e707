import Foundation
import KeycardConsole
import KeycardCore

/// Drives the pure console like the app does, headless: keys → binding table → reducer → effects;
/// `.reload` effects are answered at once from `PreviewSample`, engine commands are collected.
struct ConsoleHarness {
    var state: ConsoleState
    var commands: [EngineCommand] = []
    var quit = false
    var glyphs: GlyphSet = .unicode

    init(width: Int = 80, height: Int = 24, readOnly: Bool = false, actor: String = "dana.kim@acme.example") {
        state = ConsoleState(
            snapshot: .empty, readOnly: readOnly, actor: actor, now: PreviewSample.now, width: width, height: height,
            logPath: "~/.keycard/console.log")
        send(.snapshotLoaded(PreviewSample.snapshot()))
    }

    mutating func send(_ action: ConsoleAction) {
        let effects = ConsoleReducer.reduce(&state, action)
        for effect in effects {
            switch effect {
            case .reload(let focus): send(.snapshotLoaded(PreviewSample.snapshot(focus: focus)))
            case .engine(let command): commands.append(command)
            case .quit: quit = true
            }
        }
    }

    mutating func send(_ event: InputEvent) {
        if let action = KeyMap.action(for: event, in: state) { send(action) }
    }

    /// Types keys: plain characters, or `<enter>`, `<esc>`, `<tab>`, `<bksp>`, `<up>`, `<down>`, `<left>`, `<right>`, `<pgdn>`, `<pgup>`, `<ctrl-r>`.
    mutating func press(_ keys: String) {
        var rest = Substring(keys)
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">"), rest.index(after: rest.startIndex) != close {
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
                send(.key(Self.special(name)))
            } else {
                rest = rest.dropFirst()
                send(.key(.character(first)))
            }
        }
    }

    static func special(_ name: String) -> KeyPress {
        switch name {
        case "enter": return .enter
        case "esc": return .escape
        case "tab": return .tab
        case "bksp": return .backspace
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "pgdn": return .pageDown
        case "pgup": return .pageUp
        case let control where control.hasPrefix("ctrl-"): return .control(control.last!)
        default: return .character(name.first ?? " ")
        }
    }

    var grid: CellGrid { ConsoleRenderer.render(state, context: RenderContext(glyphs: glyphs)) }
    var screen: String { GridSerializer.plainText(grid) }
    var tagged: String { GridSerializer.taggedText(grid) }
    var flash: String? { state.flash?.text }
}
