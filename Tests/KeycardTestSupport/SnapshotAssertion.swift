import Foundation
import Testing

/// Compares `actual` with the stored snapshot `__Snapshots__/<name>` next to the calling test file,
/// like swift-argument-parser's `assertSnapshot`: with `RECORD_SNAPSHOTS=1`, or when the snapshot is
/// missing, it writes the file and FAILS, so every new or changed snapshot is looked at once.
public func assertSnapshot(
    _ actual: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent(name)
    let recording = !(ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] ?? "").isEmpty
    let expected = try? String(contentsOf: file, encoding: .utf8)
    if recording || expected == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
            return
        }
        let why = expected == nil ? "no snapshot existed" : "RECORD_SNAPSHOTS is set"
        Issue.record("recorded snapshot \(file.path) (\(why)); read it, then run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected, expected != actual else { return }
    Issue.record(
        "snapshot \(name) differs (RECORD_SNAPSHOTS=1 to re-record):\n\(lineDiff(expected: expected, actual: actual))",
        sourceLocation: sourceLocation)
}

/// The lines that differ, as `-expected` / `+actual` pairs with line numbers.
func lineDiff(expected: String, actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    var lines: [String] = []
    for index in 0..<max(old.count, new.count) {
        let before = index < old.count ? old[index] : nil
        let after = index < new.count ? new[index] : nil
        if before != after {
            if let before { lines.append("\(index + 1)- \(before)") }
            if let after { lines.append("\(index + 1)+ \(after)") }
        }
    }
    return lines.prefix(40).joined(separator: "\n")
}
