import KeycardConsole
import Testing

/// Cells, widths, truncation, boxes and table layout.
@Suite("Render primitives")
struct RenderPrimitiveTests {
    @Test(arguments: [("a", 1), ("田", 2), ("😀", 2), ("é", 1), ("e\u{301}", 1), ("✓", 1), ("⚠️", 2), ("\u{200B}", 0)])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test("durations keep their precision: ms under a second, tenths under ten seconds", arguments: [
        (0.0, "0ms"), (0.3504, "350ms"), (0.999, "999ms"), (1.0, "1s"), (4.27, "4.2s"), (9.99, "9.9s"), (10.0, "10s"),
        (45.9, "45s"), (724.0, "12m04s"), (11_100.0, "3h05m"), (187_200.0, "2d04h"),
    ])
    func durations(seconds: Double, text: String) {
        #expect(Format.duration(seconds) == text)
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = CellGrid(width: 6, height: 1)
        let used = grid.put("田中ab", x: 0, y: 0)
        #expect(used == 6)
        #expect(grid[0, 0].width == 2)
        #expect(grid[1, 0].isContinuation)
        #expect(grid.rowText(0) == "田中ab")
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var grid = CellGrid(width: 3, height: 1)
        grid.put("ab田", x: 0, y: 0)
        #expect(grid.rowText(0) == "ab ")
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("田中", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.rowText(0) == " x中")
    }

    @Test func truncationCountsColumnsAndAddsAnEllipsis() {
        #expect(TextLayout.truncate("Aiko Tanaka 田中愛子", to: 15) == "Aiko Tanaka 田…")
        #expect(TextLayout.truncate("Aiko Tanaka 田中愛子", to: 14) == "Aiko Tanaka …")
        #expect(TextLayout.truncate("short", to: 10) == "short")
        #expect(TextLayout.fit("ab", to: 4, alignment: .right) == "  ab")
        #expect(TextLayout.truncate("abcdef", to: 4, ellipsis: "~") == "abc~")
    }

    @Test func boxInUnicodeAndASCII() {
        var grid = CellGrid(width: 12, height: 3)
        grid.box(grid.bounds, glyphs: .unicode, title: [Span("Runs")])
        #expect(GridSerializer.plainText(grid) == "┌── Runs ──┐\n│          │\n└──────────┘\n")
        var ascii = CellGrid(width: 12, height: 3)
        ascii.box(ascii.bounds, glyphs: .ascii, title: [Span("Runs")])
        #expect(GridSerializer.plainText(ascii) == "+-- Runs --+\n|          |\n+----------+\n")
    }

    @Test func progressBarUsesEighths() {
        var grid = CellGrid(width: 4, height: 1)
        grid.progressBar(x: 0, y: 0, width: 4, fraction: 0.5625, glyphs: .unicode, filled: CellStyle(.statusRunning))
        #expect(grid.rowText(0) == "██▎·")
    }

    @Test func tableLayoutHidesLowPriorityColumnsFirst() {
        let columns = [TableColumn("A", min: 10, priority: 9), TableColumn("B", min: 10, priority: 1), TableColumn("C", min: 10, priority: 5)]
        #expect(TableLayout.widths(for: columns, contentWidths: [10, 10, 10], available: 25, gap: 2) == [12, nil, 11] || TableLayout.widths(for: columns, contentWidths: [10, 10, 10], available: 25, gap: 2) == [13, nil, 10])
        #expect(TableLayout.widths(for: columns, contentWidths: [10, 10, 10], available: 34, gap: 2) == [10, 10, 10].map { Optional($0) })
    }

    @Test func taggedSerializationMarksStyleChanges() {
        var grid = CellGrid(width: 12, height: 1)
        grid.put("✗ failed", x: 0, y: 0, style: CellStyle(.statusFailed, .bold))
        #expect(GridSerializer.taggedText(grid) == "{statusFailed+bold}✗ failed\n")
    }

    @Test func localeDecidesGlyphs() {
        #expect(GlyphSet.forEnvironment(["LANG": "C.UTF-8"]) == .unicode)
        #expect(GlyphSet.forEnvironment(["LC_ALL": "en_US.utf8", "LANG": "C"]) == .unicode)
        #expect(GlyphSet.forEnvironment(["LANG": "C"]) == .ascii)
        #expect(GlyphSet.forEnvironment([:]) == .ascii)
    }
}
