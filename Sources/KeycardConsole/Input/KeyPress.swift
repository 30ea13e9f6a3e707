/// A key as the console understands it, independent of curses key codes.
public enum KeyPress: Sendable, Hashable {
    case character(Character)
    case control(Character)
    case enter, escape, backspace, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end

    /// How the key is written in hints, help and docs.
    public var label: String {
        switch self {
        case .character(let character): return String(character)
        case .control(let character): return "ctrl-\(character)"
        case .enter: return "enter"
        case .escape: return "esc"
        case .backspace: return "bksp"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        }
    }
}

/// Something the terminal reports: a key, a mouse click at a cell, or a new size.
public enum InputEvent: Sendable, Hashable {
    case key(KeyPress)
    case mouseClick(x: Int, y: Int)
    case scroll(up: Bool)
    case resize(width: Int, height: Int)
}
