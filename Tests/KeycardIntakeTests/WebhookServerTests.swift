import Foundation
import KeycardCore
import KeycardIntake
import KeycardStore
import KeycardTestSupport
import Testing

@Suite("Webhook server over real HTTP on 127.0.0.1")
struct WebhookServerTests {
    static func hireBody(_ employeeID: String, eventID: String? = nil) -> Data {
        Data("""
            {"event_type":"employee.hired","event_id":"\(eventID ?? "evt-\(employeeID)")","timestamp":"2024-01-15T09:00:00Z",
             "data":{"employee_id":"\(employeeID)","email":"\(employeeID.lowercased())@company.com","first_name":"Ada",
             "last_name":"Lovelace","job_title":"Sales Engineer","department":"Sales","team":"Enterprise Sales",
             "employment_type":"full_time","start_date":"2024-02-01","manager_email":"mike.johnson@company.com",
             "location":"San Francisco, CA","work_arrangement":"hybrid"}}
            """.utf8)
    }

    @Test("GET /healthz answers 200")
    func health() async throws {
        let server = try await WebhookTestServer.start()
        #expect(try await server.get("/healthz") == 200)
        await server.stop()
    }

    @Test("a signed hire is accepted with 202 after it is committed; the same again is a 200 duplicate")
    func acceptedThenDuplicate() async throws {
        let server = try await WebhookTestServer.start()
        let first = try await server.postSigned(.canonical, body: Self.hireBody("E100"))
        #expect(first.status == 202)
        #expect(first.json["status"] as? String == "accepted")
        #expect(try server.database.employee(id: "E100") != nil)
        let second = try await server.postSigned(.canonical, body: Self.hireBody("E100"))
        #expect(second.status == 200)
        #expect(second.json["status"] as? String == "duplicate")
        #expect(try server.database.events().count == 1)
        await server.stop()
    }

    @Test("a bad or missing signature is 401, nothing is stored, and the rejection is counted")
    func badSignature() async throws {
        let server = try await WebhookTestServer.start()
        let wrong = try await server.postSigned(.canonical, body: Self.hireBody("E101"), secret: "not-the-secret")
        #expect(wrong.status == 401)
        let unsigned = try await server.post("/webhooks/merge", body: Self.hireBody("E101"), headers: [:])
        #expect(unsigned.status == 401)
        #expect((unsigned.json["message"] as? String)?.contains("X-Merge-Webhook-Signature") == true)
        #expect(try server.database.intakeCounts().deliveries == 0)
        #expect(try server.database.rejectionCounts() == ["canonical": 1, "merge": 1])
        await server.stop()
    }

    @Test("a signature older than five minutes is refused as stale")
    func staleTimestamp() async throws {
        let server = try await WebhookTestServer.start()
        let stale = try await server.postSigned(.bamboohr, body: Self.hireBody("E102"), at: server.clock.now.addingTimeInterval(-301))
        #expect(stale.status == 401)
        #expect(try server.database.intakeCounts().deliveries == 0)
        await server.stop()
    }

    @Test("a source without a configured secret refuses everything")
    func noSecretConfigured() async throws {
        let server = try await WebhookTestServer.start(secrets: WebhookSecrets())
        let response = try await server.postSigned(.canonical, body: Self.hireBody("E103"))
        #expect(response.status == 401)
        #expect((response.json["message"] as? String)?.contains("KEYCARD_WEBHOOK_SECRET_CANONICAL") == true)
        await server.stop()
    }

    @Test("a body over the limit is 413 and not stored")
    func oversizeBody() async throws {
        let server = try await WebhookTestServer.start(maxBodyBytes: 4096)
        let body = Data(repeating: UInt8(ascii: "x"), count: 10_000)
        let response = try await server.postSigned(.canonical, body: body)
        #expect(response.status == 413)
        #expect(try server.database.intakeCounts().deliveries == 0)
        await server.stop()
    }

    @Test("signed garbage is 400 with field errors, and the delivery is kept as a dead letter")
    func garbageIsDeadLettered() async throws {
        let server = try await WebhookTestServer.start()
        let garbage = Data([0xff, 0x00, 0x7b, 0x22, 0xfe])
        let response = try await server.postSigned(.canonical, body: garbage)
        #expect(response.status == 400)
        let items = try #require(response.json["items"] as? [[String: Any]])
        #expect((items.first?["errors"] as? [[String: Any]])?.isEmpty == false)
        let letters = try server.database.deadLetters(status: .open)
        #expect(letters.count == 1)
        #expect(letters.first?.body == garbage)
        await server.stop()
    }

    @Test("an invalid event is 400 naming every bad field")
    func invalidEventNamesFields() async throws {
        let server = try await WebhookTestServer.start()
        let body = Data(#"{"event_type":"employee.hired","event_id":"bad-1","timestamp":"2024-01-15T09:00:00Z","data":{"employee_id":"E104","email":"not-an-email","start_date":"2024-02-30"}}"#.utf8)
        let response = try await server.postSigned(.canonical, body: body)
        #expect(response.status == 400)
        let errors = (response.json["items"] as? [[String: Any]])?.first?["errors"] as? [[String: Any]] ?? []
        let paths = Set(errors.compactMap { $0["path"] as? String })
        #expect(paths.contains("data.email"))
        #expect(paths.contains("data.start_date"))
        #expect(paths.contains("data.first_name"))
        await server.stop()
    }

    @Test("an unknown source is 404 naming the known ones")
    func unknownSource() async throws {
        let server = try await WebhookTestServer.start()
        let response = try await server.post("/webhooks/peoplesoft", body: Data("{}".utf8), headers: [:])
        #expect(response.status == 404)
        #expect((response.json["message"] as? String)?.contains("bamboohr") == true)
        await server.stop()
    }

    @Test("many concurrent deliveries are all acknowledged and all stored (group commit)")
    func concurrentDeliveries() async throws {
        let server = try await WebhookTestServer.start()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask { try await server.postSigned(.canonical, body: Self.hireBody("C\(index)")).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == 202 })
        #expect(try server.database.intakeCounts().employees == 200)
        await server.stop()
    }
}
