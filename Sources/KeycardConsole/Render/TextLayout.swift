/// Fitting text into a number of columns: truncation with an ellipsis and padding, by display width.
public enum TextLayout {
    /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard width > ellipsisWidth else { return String(repeating: ".", count: width) }
        var result = ""
        var used = 0
        for character in text {
            let next = DisplayWidth.of(character)
            if used + next > width - ellipsisWidth { break }
            result.append(character)
            used += next
        }
        return result + ellipsis
    }

    /// `text` truncated and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        switch alignment {
        case .left: return cut + pad
        case .right: return pad + cut
        }
    }

    /// Horizontal placement of text in a column.
    public enum Alignment: Sendable, Hashable {
        case left, right
    }
}
