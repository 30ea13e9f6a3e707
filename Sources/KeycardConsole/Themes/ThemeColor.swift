/// A colour in a theme: the terminal's default, or an xterm-256 palette index.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case index(Int)

    /// Parses `default`, a colour name (`red`, `dodgerblue`), a palette number `0`–`255`, or `#rrggbb`.
    public init?(parsing text: String) {
        let name = text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
        if name == "default" || name.isEmpty {
            self = .terminalDefault
        } else if let number = Int(name), (0...255).contains(number) {
            self = .index(number)
        } else if name.hasPrefix("#"), name.count == 7, let value = Int(name.dropFirst(), radix: 16) {
            self = .index(Self.nearestIndex(red: (value >> 16) & 0xFF, green: (value >> 8) & 0xFF, blue: value & 0xFF))
        } else if let index = Self.names[name] {
            self = .index(index)
        } else {
            return nil
        }
    }

    /// Names a theme may use: the 16 ANSI colours and common k9s skin names, as xterm-256 indexes.
    public static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "gray": 8, "grey": 8, "brightred": 9, "brightgreen": 10, "brightyellow": 11, "brightblue": 12,
        "brightmagenta": 13, "brightcyan": 14, "brightwhite": 15,
        "navy": 17, "darkblue": 18, "teal": 30, "seagreen": 29, "dodgerblue": 33, "deepskyblue": 39,
        "lime": 46, "aqua": 51, "steelblue": 67, "slategray": 66, "olive": 100, "skyblue": 117,
        "crimson": 161, "orangered": 202, "darkorange": 208, "orange": 214, "pink": 218, "gold": 220,
        "lightyellow": 230, "darkgray": 240, "dimgray": 242, "silver": 250, "lightgray": 252, "whitesmoke": 255,
        "purple": 93, "violet": 177, "lightskyblue": 153, "palegreen": 120, "salmon": 209,
    ]

    /// The red, green, blue components of an xterm-256 index.
    public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[max(0, index)] }
        if index < 232 {
            let cube = index - 16
            let level = { (value: Int) in value == 0 ? 0 : 55 + value * 40 }
            return (level(cube / 36), level((cube / 6) % 6), level(cube % 6))
        }
        let gray = 8 + (index - 232) * 10
        return (gray, gray, gray)
    }

    /// The closest index among the first `count` palette entries (8 or 16 on basic terminals, 256 otherwise).
    public static func nearestIndex(red: Int, green: Int, blue: Int, paletteSize count: Int = 256) -> Int {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<min(256, max(1, count)) {
            let (r, g, b) = rgb(ofIndex: index)
            let distance = (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// This colour for a terminal with `paletteSize` colours: `nil` for the default colour.
    public func index(forPaletteSize paletteSize: Int) -> Int? {
        switch self {
        case .terminalDefault: return nil
        case .index(let index) where index < paletteSize: return index
        case .index(let index):
            let (r, g, b) = Self.rgb(ofIndex: index)
            return Self.nearestIndex(red: r, green: g, blue: b, paletteSize: paletteSize)
        }
    }
}
