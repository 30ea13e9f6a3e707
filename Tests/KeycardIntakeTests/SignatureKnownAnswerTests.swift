import Foundation
import KeycardIntake
import Testing

/// The known answers of `peers/samples/hris-webhooks.json` (computed by the peers' `hris_webhook_sign.py`), copied here.
@Suite("Signature known answers")
struct SignatureKnownAnswerTests {
    static let jsonBody = Data(#"{"type":"employee.created","data":{"id":"42"}}"#.utf8)
    static let sampleTime = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("BambooHR: hex HMAC-SHA256 of body + timestamp")
    func bambooHR() {
        let headers = [
            "X-BambooHR-Timestamp": "1700000000",
            "X-BambooHR-Signature": "0b4db0ddbf4f0cf830da8c226a8639ed69c794fe00142c1f4be2c6afbe3d109f",
        ]
        let verifier = SignatureVerifiers.verifier(for: .bamboohr, secret: "test-secret")
        #expect(verifier.verify(headers: headers, body: Self.jsonBody, now: Self.sampleTime.addingTimeInterval(60)) == .valid)
        #expect(WebhookSigner.headers(for: .bamboohr, secret: "test-secret", body: Self.jsonBody, now: Self.sampleTime)["X-BambooHR-Signature"]
            == headers["X-BambooHR-Signature"])
    }

    @Test("Merge: base64url HMAC-SHA256 of the raw body")
    func merge() {
        let signature = "C6sYnTE9P3pHO1WpTS4kDP3VVnp0n6iJJgwO_dBLVCM="
        let verifier = SignatureVerifiers.verifier(for: .merge, secret: "test-secret")
        #expect(verifier.verify(headers: ["X-Merge-Webhook-Signature": signature], body: Self.jsonBody, now: .now) == .valid)
        #expect(verifier.verify(headers: ["X-Merge-Webhook-Signature": String(signature.dropLast())], body: Self.jsonBody, now: .now) == .valid)
        #expect(WebhookSigner.headers(for: .merge, secret: "test-secret", body: Self.jsonBody, now: .now)["X-Merge-Webhook-Signature"] == signature)
    }

    @Test("HiBob: base64 HMAC-SHA512 of the raw body")
    func hiBob() {
        let signature = "i9WwYERUCVZ0BWXOm08KD0xZUklz3d6pb4tSyElNuofTUc0LxgZuDP4s9RZVgCsb+lrOi/6wHNwgPJ1iFHBhhA=="
        let verifier = SignatureVerifiers.verifier(for: .hibob, secret: "test-secret")
        #expect(verifier.verify(headers: ["Bob-Signature": signature], body: Self.jsonBody, now: .now) == .valid)
        #expect(WebhookSigner.headers(for: .hibob, secret: "test-secret", body: Self.jsonBody, now: .now)["Bob-Signature"] == signature)
    }

    @Test("Rippling: Bearer token")
    func rippling() {
        let body = Data("event=employee.created&employee_id=42".utf8)
        let headers = ["Content-Type": "application/x-www-form-urlencoded", "Authorization": "Bearer rip-token"]
        #expect(SignatureVerifiers.verifier(for: .rippling, secret: "rip-token").verify(headers: headers, body: body, now: .now) == .valid)
        #expect(WebhookSigner.headers(for: .rippling, secret: "rip-token", body: body, now: .now)["Authorization"] == "Bearer rip-token")
    }

    @Test("Workday: HTTP Basic user:password")
    func workday() {
        let headers = ["Authorization": "Basic aXN1X2tleWNhcmQ6cGE1NQ=="]
        let body = Data("<wd:Notification/>".utf8)
        #expect(SignatureVerifiers.verifier(for: .workday, secret: "isu_keycard:pa55").verify(headers: headers, body: body, now: .now) == .valid)
        #expect(WebhookSigner.headers(for: .workday, secret: "isu_keycard:pa55", body: body, now: .now)["Authorization"] == headers["Authorization"])
    }

    @Test("Keycard: t=UNIX,v1=hex HMAC-SHA256 of \"t.body\" (value computed independently with Python's hmac)")
    func keycard() {
        let signed = WebhookSigner.headers(for: .canonical, secret: "test-secret", body: Self.jsonBody, now: Self.sampleTime)
        #expect(signed["X-Keycard-Signature"] == "t=1700000000,v1=09ec9355f647ae69aff576363f514e22c171450c9ab091d6622b1fe727f5a340")
        #expect(SignatureVerifiers.verifier(for: .canonical, secret: "test-secret")
            .verify(headers: signed, body: Self.jsonBody, now: Self.sampleTime) == .valid)
    }
}
