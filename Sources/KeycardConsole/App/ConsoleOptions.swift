import Foundation
import KeycardCore

/// How the console starts: theme, read-only, who acts, where logs go.
public struct ConsoleOptions: Sendable {
    /// Theme name (`default`, `light`, `high-contrast`, `monochrome`) or a path to a `.yaml` skin.
    public var themeName: String?
    public var themeDirectories: [URL]?
    public var readOnly: Bool
    /// Who approves and acts (`--as`); defaults to `$USER`.
    public var actor: String
    /// Log file; the console never logs to the screen.
    public var logPath: String?
    public var environment: [String: String]
    public var timeZone: TimeZone
    /// "Now" for durations and ages; `PreviewSample.clock` for the preview.
    public var clock: any KeycardClock

    public init(
        themeName: String? = nil, themeDirectories: [URL]? = nil, readOnly: Bool = false, actor: String? = nil,
        logPath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment, timeZone: TimeZone = .current,
        clock: any KeycardClock = SystemClock()
    ) {
        self.clock = clock
        self.themeName = themeName
        self.themeDirectories = themeDirectories
        self.readOnly = readOnly
        self.actor = actor ?? environment["USER"] ?? "operator"
        self.logPath = logPath
        self.environment = environment
        self.timeZone = timeZone
    }
}
