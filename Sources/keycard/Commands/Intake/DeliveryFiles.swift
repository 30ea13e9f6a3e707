import ArgumentParser
import Foundation

/// The deliveries named on the command line: one file, every file of a folder, or stdin.
enum DeliveryFiles {
    struct File {
        var name: String
        var body: Data
    }

    static func read(_ path: String) throws -> [File] {
        if path == "-" {
            return [File(name: "stdin", body: FileHandle.standardInput.readDataToEndOfFile())]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("no such file or folder: \(path)")
        }
        if !isDirectory.boolValue {
            return [File(name: path, body: try Data(contentsOf: URL(fileURLWithPath: path)))]
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        return try names.compactMap { name in
            let full = (path as NSString).appendingPathComponent(name)
            var nestedIsDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &nestedIsDirectory)
            if nestedIsDirectory.boolValue { return nil }
            return File(name: full, body: try Data(contentsOf: URL(fileURLWithPath: full)))
        }
    }
}
