import Foundation

/// What every view renderer needs besides the state: the glyph set.
public struct RenderContext: Sendable {
    public var glyphs: GlyphSet

    public init(glyphs: GlyphSet) {
        self.glyphs = glyphs
    }
}
