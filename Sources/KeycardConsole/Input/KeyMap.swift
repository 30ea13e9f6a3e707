/// Turns terminal input into console actions, given what is on screen (dialog, command line, view).
public enum KeyMap {
    public static func action(for event: InputEvent, in state: ConsoleState) -> ConsoleAction? {
        switch event {
        case .resize(let width, let height): return .resized(width: width, height: height)
        case .mouseClick(let x, let y): return ConsoleLayout.hitTest(state, x: x, y: y)
        case .scroll(let up): return state.dialog == nil ? .move(up ? .up : .down) : nil
        case .key(let key): return action(for: key, in: state)
        }
    }

    static func action(for key: KeyPress, in state: ConsoleState) -> ConsoleAction? {
        if let dialog = state.dialog {
            switch key {
            case .enter: return .submitInput
            case .escape: return .cancelInput
            case .backspace: return dialog.isTextEntry ? .deleteBackward : nil
            case .tab, .backTab, .left, .right: return dialog.isTextEntry ? nil : .toggleFocus
            case .character(let character):
                if dialog.isTextEntry { return .insertText(String(character)) }
                return character == "h" || character == "l" ? .toggleFocus : nil
            default: return nil
            }
        }
        switch state.mode {
        case .command, .filter:
            switch key {
            case .enter: return .submitInput
            case .escape: return .cancelInput
            case .backspace: return .deleteBackward
            case .character(let character): return .insertText(String(character))
            default: return nil
            }
        case .normal:
            return KeyBindings.binding(for: key, in: state.kind)?.action
        }
    }
}
