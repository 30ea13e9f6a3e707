import Foundation

/// Finds the repository's `fixtures/` from the test sources, wherever the package is checked out.
public enum FixturePaths {
    /// The directory holding `Package.swift`, found by walking up from this file.
    public static let repositoryRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// `fixtures/<relativePath>`.
    public static func fixture(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent("fixtures").appendingPathComponent(relativePath)
    }

    /// The bytes of `fixtures/<relativePath>`.
    public static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: fixture(relativePath))
    }

    /// The regular files directly in `fixtures/<directory>`, sorted by name (hidden files left out).
    public static func files(in directory: String) throws -> [URL] {
        try FileManager.default
            .contentsOfDirectory(at: fixture(directory), includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            .filter { !$0.hasDirectoryPath }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
