import Foundation
import KeycardStore

/// A migrated Keycard database in its own temporary folder, for one test.
public struct TestDatabase: Sendable {
    public let directory: TemporaryDirectory
    public let database: KeycardDatabase

    public init(options: StoreOptions = StoreOptions()) throws {
        directory = TemporaryDirectory(prefix: "keycard-db")
        database = try KeycardDatabase.open(path: directory.path("keycard.sqlite"), options: options)
    }

    public var path: String { database.path }
}
