import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// A statement the engine runs for many rows: its text, and a number that finds it in `HotStatements`.
struct HotSQL: Sendable {
    let text: String
    let number: Int

    private static let numbers = Atomic<Int>(0)

    init(_ text: String) {
        self.text = text
        number = Self.numbers.add(1, ordering: .relaxed).oldValue
    }
}

/// The hot statements of one transaction, each taken from GRDB's statement cache once: a lookup there hashes and
/// compares the statement's whole text (~2 % of a bulk's CPU, looked up for every row).
final class HotStatements {
    let db: Database
    private var statements: [Statement?] = []

    init(_ db: Database) {
        self.db = db
    }

    /// Runs `sql` with the values `bind` adds (`Database.executeHot`); returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: HotSQL, _ bind: (inout HotBindings) throws -> Void) throws -> Int {
        if sql.number >= statements.count {
            statements += Array(repeating: nil, count: sql.number + 1 - statements.count)
        }
        let statement: Statement
        if let cached = statements[sql.number] {
            statement = cached
        } else {
            statement = try db.cachedStatement(sql: sql.text)
            statements[sql.number] = statement
        }
        return try db.executeHot(statement, bind)
    }
}

/// Binds values straight into a cached statement's SQLite handle, in parameter order, without GRDB's boxing.
struct HotBindings {
    fileprivate let handle: OpaquePointer
    fileprivate var index: Int32 = 0

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func add(_ value: String?) {
        index += 1
        guard var text = value else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { bytes in bindText(bytes) }
    }

    mutating func add(_ value: [UInt8]) {
        index += 1
        value.withUnsafeBufferPointer { bytes in bindText(bytes) }
    }

    /// Binds `value` as a BLOB.
    mutating func add(blob value: [UInt8]) {
        index += 1
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    /// Binds UTF-8 text at the current index (an empty buffer binds `''`, never NULL).
    private func bindText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            sqlite3_bind_text(handle, index, "", 0, Self.transient)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
            _ = sqlite3_bind_text(handle, index, characters, Int32(bytes.count), Self.transient)
        }
    }

    mutating func add(_ value: Int64?) {
        index += 1
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, value)
    }

    mutating func add(_ value: Int?) {
        add(value.map(Int64.init))
    }

    mutating func add(_ value: Bool) {
        add(Int64(value ? 1 : 0))
    }

    /// A date as the store keeps it: seconds since 1970.
    mutating func add(_ value: Date?) {
        index += 1
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_double(handle, index, value.timeIntervalSince1970)
    }
}

extension Database {
    /// Runs `statement` (an INSERT, UPDATE or DELETE) with the values `bind` adds; returns the number of rows it
    /// changed. For the engine's hot writes, which run inside a transaction GRDB opened.
    @discardableResult
    func executeHot(_ statement: Statement, _ bind: (inout HotBindings) throws -> Void) throws -> Int {
        let handle = statement.sqliteStatement
        // No `sqlite3_clear_bindings`: every parameter is bound again below (checked), and a text parameter's
        // previous buffer is then reused instead of freed and allocated anew.
        defer { sqlite3_reset(handle) }
        var bindings = HotBindings(handle: handle)
        try bind(&bindings)
        let expected = sqlite3_bind_parameter_count(handle)
        guard bindings.index == expected else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE, message: "bound \(bindings.index) of \(expected) values", sql: statement.sql)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqliteConnection))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        return Int(sqlite3_changes(sqliteConnection))
    }
}
