import Foundation
import KeycardConsole
import KeycardTestSupport
import Testing

/// Theme files, the loader's errors, and when colour is turned off.
@Suite("Themes")
struct ThemeTests {
    static let themesDirectory = FixturePaths.repositoryRoot.appendingPathComponent("themes")

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func shippedThemeLoads(name: String) throws {
        let theme = try ThemeLoader.load(contentsOf: Self.themesDirectory.appendingPathComponent("\(name).yaml"))
        #expect(theme.name == name)
        #expect(theme.styles.count == StyleRole.allCases.count)
        #expect(theme.isMonochrome == (name == "monochrome"))
    }

    @Test func builtInDefaultMatchesTheFile() throws {
        let file = try ThemeLoader.load(contentsOf: Self.themesDirectory.appendingPathComponent("default.yaml"))
        let builtIn = try ThemeResolver.resolve(name: "default", directories: [], environment: [:], terminalHasColors: true)
        #expect(file.styles == builtIn.styles)
    }

    @Test func monochromeFileMatchesTheBuiltInFallback() throws {
        let file = try ThemeLoader.load(contentsOf: Self.themesDirectory.appendingPathComponent("monochrome.yaml"))
        #expect(file.styles == Theme.monochrome.styles)
    }

    @Test func colours() {
        #expect(ThemeColor(parsing: "default") == .terminalDefault)
        #expect(ThemeColor(parsing: "dodgerblue") == .index(33))
        #expect(ThemeColor(parsing: "#ff0000") == .index(9))
        #expect(ThemeColor(parsing: "#5f87af") == .index(67))
        #expect(ThemeColor(parsing: "208") == .index(208))
        #expect(ThemeColor(parsing: "dodgrblue") == nil)
        #expect(ThemeColor.index(214).index(forPaletteSize: 8) == 3)
    }

    @Test func unknownColourNamesFileLineAndField() {
        let yaml = "keycard:\n  body: { fgColor: default }\n  frame:\n    border: { fgColor: dodgrblue }\n"
        #expect(throws: ThemeError(file: "bad.yaml", line: 4, column: 24, message: "unknown colour `dodgrblue` for frame.border.fgColor; use default, a name like red or dodgerblue, a number 0-255, or #rrggbb")) {
            try ThemeLoader.parse(yaml, name: "bad", file: "bad.yaml")
        }
    }

    @Test func unknownKeyAndSyntaxErrorsHaveLines() {
        do {
            _ = try ThemeLoader.parse("keycard:\n  bodee: { fgColor: red }\n", name: "x", file: "x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("x.yaml:2:"))
            #expect(error.description.contains("unknown key `bodee`"))
        }
        do {
            _ = try ThemeLoader.parse("keycard:\n  body: { fgColor: red\n", name: "x", file: "x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("x.yaml:3:"))
            #expect(error.description.contains("YAML syntax"))
        }
    }

    @Test func missingRoleIsAnError() {
        #expect(throws: ThemeError.self) {
            try ThemeLoader.parse("keycard:\n  body: { fgColor: red }\n", name: "x", file: "x.yaml")
        }
    }

    @Test func noColorOrAColourlessTerminalGivesMonochrome() throws {
        let directories = [Self.themesDirectory]
        #expect(try ThemeResolver.resolve(name: "light", directories: directories, environment: ["NO_COLOR": "1"], terminalHasColors: true) == .monochrome)
        #expect(try ThemeResolver.resolve(name: "light", directories: directories, environment: [:], terminalHasColors: false) == .monochrome)
        #expect(try ThemeResolver.resolve(name: "light", directories: directories, environment: ["NO_COLOR": ""], terminalHasColors: true).name == "light")
    }

    @Test func unknownThemeListsTheAvailableOnes() {
        do {
            _ = try ThemeResolver.resolve(name: "solarized", directories: [Self.themesDirectory], environment: [:], terminalHasColors: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("available: default, high-contrast, light, monochrome"))
        }
    }
}
