import Foundation
import KeycardStore
import Testing

@Suite("Audit export")
struct AuditExportTests {
    @Test func jsonLinesParseBackAndReverify() throws {
        let fixture = try AuditFixture(count: 4)
        let text = try fixture.database.exportAudit(format: .jsonl)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        let records = try lines.map { try JSONDecoder().decode(AuditRecord.self, from: Data($0.utf8)) }
        #expect(records == (try fixture.database.auditTail(limit: 10)))
        var previous = AuditRecord.genesisHash
        for record in records {
            #expect(record.computedHash() == record.hash)
            #expect(record.prevHash == previous)
            previous = record.hash
        }
        #expect(lines.allSatisfy { $0.contains(#""hash":"#) })
    }

    @Test func sinceAndUntilSelectAHalfOpenWindow() throws {
        let fixture = try AuditFixture(count: 6)
        let since = AuditFixture.start.addingTimeInterval(2)
        let until = AuditFixture.start.addingTimeInterval(5)
        let text = try fixture.database.exportAudit(since: since, until: until, format: .jsonl)
        let sequences = try text.split(separator: "\n").map {
            try JSONDecoder().decode(AuditRecord.self, from: Data($0.utf8)).sequence
        }
        #expect(sequences == [2, 3, 4])
    }

    @Test func csvQuotesPerRFC4180AndParsesBack() throws {
        let fixture = try AuditFixture(count: 2)
        let tricky = AuditEntry(
            timestamp: AuditFixture.start.addingTimeInterval(9), action: "skip", result: "skipped",
            actor: "ops, \"night\" shift", detail: "line one\nline two")
        try fixture.database.appendAudit(tricky)
        let text = try fixture.database.exportAudit(format: .csv)
        #expect(text.hasPrefix("sequence,timestamp,run_id,step_id,employee_id,system,action,parameters,justification,"))
        #expect(text.contains("\"ops, \"\"night\"\" shift\""))
        let rows = CSVTestParser.parse(text)
        #expect(rows.count == 4)
        let header = rows[0]
        let last = Dictionary(uniqueKeysWithValues: zip(header, rows[3]))
        #expect(last["actor"] == "ops, \"night\" shift")
        #expect(last["detail"] == "line one\nline two")
        let records = try fixture.database.auditTail(limit: 10)
        #expect(last["hash"] == records[2].hash)
        let first = Dictionary(uniqueKeysWithValues: zip(header, rows[1]))
        #expect(first["parameters"] == #"{"api_token":"[REDACTED]","group":"team-1"}"#)
        #expect(first["sequence"] == "1" && first["prev_hash"] == AuditRecord.genesisHash)
    }
}

/// A strict RFC 4180 reader, to prove the export parses.
enum CSVTestParser {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !row.isEmpty || !field.isEmpty { rows.append(row + [field]) }
        return rows
    }
}
