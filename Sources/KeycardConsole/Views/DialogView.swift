/// A dialog centred over the view: its lines, a text field or the buttons, Cancel focused first.
enum DialogView {
    static func draw(_ grid: inout CellGrid, dialog: Dialog, context: RenderContext) {
        let glyphs = context.glyphs
        let width = min(68, grid.width - 4)
        var body: [[Span]] = dialog.lines.map { [Span($0, .dialog)] }
        body.append([])
        switch dialog.stage {
        case .reason:
            body.append([Span("Reason: ", .dialog, .bold)])
            body.append(field(dialog.reason, width: width - 6, glyphs: glyphs))
        case .typeName:
            body.append([Span("High-risk grant. Type ", .dialog), Span(dialog.requiredName ?? "", .dialog, .bold), Span(" to continue:", .dialog)])
            body.append(field(dialog.typed, width: width - 6, glyphs: glyphs))
        case .confirm:
            if dialog.needsReason { body.append([Span("Reason: ", .dialog, .bold), Span("\"\(dialog.reason)\"", .dialog)]) }
            body.append([])
            body.append(buttons(dialog))
        }
        body.append([Span(dialog.problem.map { "\(glyphs.failed) \($0)" } ?? "", .flashError, .bold)])
        let height = body.count + 3
        let rect = Rect(x: (grid.width - width) / 2, y: max(0, (grid.height - height) / 2), width: width, height: height)
        grid.fill(rect, style: CellStyle(.dialog))
        grid.box(rect, glyphs: glyphs, style: CellStyle(.dialog, .bold), title: [Span(dialog.title, .dialog, .bold)])
        for (offset, line) in body.enumerated() {
            grid.put(spans: line, x: rect.x + 3, y: rect.y + 2 + offset, maxWidth: width - 6, ellipsis: glyphs.ellipsis)
        }
    }

    static func field(_ text: String, width: Int, glyphs: GlyphSet) -> [Span] {
        let cursor = glyphs.isUnicode ? "▏" : "_"
        let shown = String(text.suffix(max(1, width - 3)))
        let padding = String(repeating: " ", count: max(0, width - 3 - DisplayWidth.of(shown)))
        return [Span("[", .dialog), Span(shown + cursor + padding, .dialog, .underline), Span("]", .dialog)]
    }

    static func buttons(_ dialog: Dialog) -> [Span] {
        let cancel = dialog.focus == .cancel ? CellStyle(.dialog, [.reverse, .bold]) : CellStyle(.dialog)
        let confirm = dialog.focus == .confirm ? CellStyle(.dialog, [.reverse, .bold]) : CellStyle(.dialog)
        return [Span("[ Cancel ]", style: cancel), Span("   ", .dialog), Span("[ \(dialog.confirmLabel) ]", style: confirm)]
    }
}
