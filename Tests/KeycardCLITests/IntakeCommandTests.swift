import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KeycardTestSupport
import Testing

@Suite("keycard ingest / events / serve, run as a user runs them")
struct IntakeCommandTests {
    @Test("ingest of the fixture folder accepts everything and exits 0; again, everything is a duplicate")
    func ingestFixtures() async throws {
        let directory = TemporaryDirectory()
        let db = directory.path("k.sqlite")
        let first = try await KeycardBinary.run(["ingest", "fixtures/events/", "--db", db])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout.contains("0 rejected"))
        #expect(!first.stdout.contains(" 0 accepted"))
        let second = try await KeycardBinary.run(["ingest", "fixtures/events/", "--db", db, "--json"])
        #expect(second.exitCode == 0)
        let report = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
        #expect(report?["accepted"] as? Int == 0)
        #expect((report?["duplicate"] as? Int ?? 0) >= 3)
    }

    @Test("a bad payload exits 1, names the field, lands in dead letters, and is replayable with a fix")
    func badPayloadRoundTrip() async throws {
        let directory = TemporaryDirectory()
        let db = directory.path("k.sqlite")
        let bad = #"{"event_type":"employee.hired","event_id":"cli-1","timestamp":"2024-01-15T09:00:00Z","data":{"employee_id":"CLI1","email":"nope"}}"#
        let result = try await KeycardBinary.run(["ingest", "-", "--db", db], stdin: Data(bad.utf8))
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("data.email"))
        let list = try await KeycardBinary.run(["events", "list", "--dead", "--db", db, "--json"])
        let letters = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        let id = try #require(letters.first?["id"] as? Int)
        let fixedFile = directory.path("fixed.json")
        try Data(#"""
            {"event_type":"employee.hired","event_id":"cli-1","timestamp":"2024-01-15T09:00:00Z","data":{"employee_id":"CLI1",
             "email":"cli1@company.com","first_name":"C","last_name":"L","job_title":"Analyst","department":"Finance",
             "employment_type":"full_time","start_date":"2024-02-01"}}
            """#.utf8).write(to: URL(fileURLWithPath: fixedFile))
        let replay = try await KeycardBinary.run(["events", "replay", String(id), "--file", fixedFile, "--db", db])
        #expect(replay.exitCode == 0, "\(replay.stdout)\(replay.stderr)")
        let show = try await KeycardBinary.run(["events", "show", "cli-1", "--db", db])
        #expect(show.stdout.contains("cli1@company.com"))
        let discardAgain = try await KeycardBinary.run(["events", "discard", String(id), "--reason", "x", "--db", db])
        #expect(discardAgain.exitCode != 0)
        #expect(discardAgain.stderr.contains("already replayed"))
    }

    @Test("every command has --help")
    func helpEverywhere() async throws {
        for command in [["ingest"], ["events", "list"], ["events", "show"], ["events", "replay"], ["events", "discard"], ["serve"]] {
            let result = try await KeycardBinary.run(command + ["--help"])
            #expect(result.exitCode == 0, "\(command)")
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }

    @Test("serve accepts a signed webhook and shuts down cleanly on SIGTERM with the event stored")
    func serveAndShutdown() async throws {
        let directory = TemporaryDirectory()
        let db = directory.path("k.sqlite")
        let secret = "cli-secret"
        let process = try KeycardBinary.makeProcess(
            ["serve", "--intake-only", "--listen", "127.0.0.1:0", "--db", db], environment: ["KEYCARD_WEBHOOK_SECRET_CANONICAL": secret])
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let port = try #require(Self.readPort(from: errors.fileHandleForReading))
        let body = Data(#"{"event_type":"employee.hired","event_id":"srv-1","timestamp":"2024-01-15T09:00:00Z","data":{"employee_id":"S1","email":"s1@company.com","first_name":"S","last_name":"One","job_title":"Analyst","department":"Finance","employment_type":"full_time","start_date":"2024-02-01"}}"#.utf8)
        #expect(try await SigningForTests.postCanonical(body, port: port, secret: secret) == 202)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let show = try await KeycardBinary.run(["events", "show", "srv-1", "--db", db])
        #expect(show.exitCode == 0)
    }

    /// Reads stderr until the "listening on http://host:PORT" line.
    static func readPort(from handle: FileHandle) -> Int? {
        var buffer = ""
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer += String(decoding: chunk, as: UTF8.self)
            if let range = buffer.range(of: #"listening on http://[^:]+:(\d+)"#, options: .regularExpression) {
                return Int(buffer[range].split(separator: ":").last ?? "")
            }
        }
    }
}
