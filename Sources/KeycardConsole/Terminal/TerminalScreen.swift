import CNcursesw
import Foundation
import Synchronization

/// Set from the SIGINT/SIGTERM/SIGHUP handler; the input loop sees it within one poll and restores the terminal.
let terminationSignal = Atomic<Int32>(0)

/// The only code that talks to ncurses: set-up and restore, colour pairs from the theme, blitting a
/// grid (only the cells that changed), and reading keys, mouse and resizes. Main actor only: curses is not thread-safe.
@MainActor
public final class TerminalScreen {
    private var previous: CellGrid?
    private var theme = Theme.monochrome
    private var started = false
    private var colorEnabled = false

    public init() {}

    /// Whether the terminal can show colours (valid after `start`).
    public private(set) var hasColors = false

    public var size: (width: Int, height: Int) { (Int(keycard_cols()), Int(keycard_lines())) }

    /// Enters curses mode. Never call it from tests: `initscr()` exits the process when TERM is unset.
    public func start() {
        setlocale(LC_ALL, "")
        _ = initscr()
        started = true
        cbreak()
        noecho()
        nonl()
        keypad(keycard_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(keycard_stdscr(), 250)
        mousemask(keycard_all_mouse_events(), nil)
        mouseinterval(0)
        hasColors = has_colors()
        installSignalHandlers()
    }

    /// Applies a theme: one colour pair per style role (none for a monochrome theme).
    public func apply(_ theme: Theme) {
        self.theme = theme
        colorEnabled = hasColors && !theme.isMonochrome
        if colorEnabled {
            start_color()
            use_default_colors()
            let palette = Int(keycard_colors())
            for (index, role) in StyleRole.allCases.enumerated() {
                let style = theme.style(for: role)
                let foreground = style.foreground.index(forPaletteSize: palette).map(Int16.init) ?? -1
                let background = style.background.index(forPaletteSize: palette).map(Int16.init) ?? -1
                init_pair(Int16(index + 1), foreground, background)
            }
        }
        previous = nil
    }

    /// Leaves curses mode and gives the terminal back as it was.
    public func stop() {
        guard started else { return }
        started = false
        endwin()
    }

    /// Writes the cells that differ from the last frame, then refreshes once.
    public func draw(_ grid: CellGrid) {
        let full = previous == nil || previous!.width != grid.width || previous!.height != grid.height
        if full { werase(keycard_stdscr()) }
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                if !full, let previous, previous[x, y] == cell, !cell.isContinuation {
                    x += 1
                    continue
                }
                if cell.isContinuation {
                    x += 1
                    continue
                }
                // Extend to a run of changed cells with the same style, written in one call.
                var text = String(cell.grapheme)
                var end = x + Int(max(1, cell.width))
                while end < grid.width {
                    let next = grid[end, y]
                    if next.style != cell.style || next.isContinuation { break }
                    if !full, let previous, previous[end, y] == next { break }
                    text.append(next.grapheme)
                    end += Int(max(1, next.width))
                }
                write(text, x: x, y: y, style: cell.style, lastColumn: end >= grid.width && y == grid.height - 1)
                x = end
            }
        }
        previous = grid
        wrefresh(keycard_stdscr())
    }

    /// Forgets the last frame so the next draw repaints everything (after a resize).
    public func invalidate() {
        previous = nil
    }

    private func write(_ text: String, x: Int, y: Int, style: CellStyle, lastColumn: Bool) {
        let roleIndex = StyleRole.allCases.firstIndex(of: style.role) ?? 0
        let attributes = style.attributes.union(theme.style(for: style.role).attributes)
        var attrs = keycard_a_normal()
        if attributes.contains(.bold) { attrs |= keycard_a_bold() }
        if attributes.contains(.reverse) { attrs |= keycard_a_reverse() }
        if attributes.contains(.dim) { attrs |= keycard_a_dim() }
        if attributes.contains(.underline) { attrs |= keycard_a_underline() }
        if !colorEnabled && style.role == .tableCursor { attrs |= keycard_a_reverse() }
        let pair = colorEnabled ? Int16(roleIndex + 1) : 0
        _ = keycard_put(Int32(y), Int32(x), text, attrs, pair)
    }

    /// Waits up to the curses timeout (250 ms) for input; `nil` when nothing came.
    public func nextEvent() -> InputEvent? {
        var character: wint_t = 0
        let status = wget_wch(keycard_stdscr(), &character)
        if status == ERR { return nil }
        if status == KEY_CODE_YES { return functionKey(Int32(character)) }
        return TerminalKeys.event(forCharacter: UInt32(character))
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            previous = nil
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var x: Int32 = 0
            var y: Int32 = 0
            var buttons: mmask_t = 0
            guard keycard_mouse(&x, &y, &buttons) == 0 else { return nil }
            if buttons & keycard_wheel_up() != 0 { return .scroll(up: true) }
            if keycard_wheel_down() != 0 && buttons & keycard_wheel_down() != 0 { return .scroll(up: false) }
            if buttons & keycard_button1_clicked() != 0 { return .mouseClick(x: Int(x), y: Int(y)) }
            return nil
        default:
            return TerminalKeys.event(forKeyCode: code)
        }
    }

    private func installSignalHandlers() {
        signal(SIGINT) { signal in terminationSignal.store(signal, ordering: .relaxed) }
        signal(SIGTERM) { signal in terminationSignal.store(signal, ordering: .relaxed) }
        signal(SIGHUP) { signal in terminationSignal.store(signal, ordering: .relaxed) }
    }

    /// The signal that asked us to stop, or 0.
    public var pendingTerminationSignal: Int32 { terminationSignal.load(ordering: .relaxed) }
}
