import Foundation
@testable import KeycardIntake
import Testing

@Suite("Signature verifiers")
struct SignatureVerifierTests {
    static let secret = "s3cret-for-tests"
    static let body = Data(#"{"event_type":"employee.updated"}"#.utf8)
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    func check(_ source: IntakeSource, _ headers: [String: String], body: Data = body, now: Date = now, secret: String = secret) -> SignatureCheck {
        SignatureVerifiers.verifier(for: source, secret: secret).verify(headers: headers, body: body, now: now)
    }

    func signed(_ source: IntakeSource, at time: Date = now) -> [String: String] {
        WebhookSigner.headers(for: source, secret: Self.secret, body: Self.body, now: time)
    }

    func reason(_ check: SignatureCheck) -> String {
        if case .invalid(let reason) = check { return reason }
        return "valid"
    }

    @Test("what the signer signs, the verifier accepts, for every source", arguments: IntakeSource.allCases)
    func roundTrip(source: IntakeSource) {
        #expect(check(source, signed(source)) == .valid)
    }

    @Test("header names are matched case-insensitively", arguments: IntakeSource.allCases)
    func caseInsensitive(source: IntakeSource) {
        let lowered = Dictionary(uniqueKeysWithValues: signed(source).map { ($0.key.lowercased(), $0.value) })
        #expect(check(source, lowered) == .valid)
    }

    @Test("a missing signature header is named", arguments: [
        (IntakeSource.canonical, "X-Keycard-Signature"), (.bamboohr, "X-BambooHR-Signature"), (.hibob, "Bob-Signature"),
        (.merge, "X-Merge-Webhook-Signature"), (.rippling, "Authorization"), (.workday, "Authorization"),
    ])
    func missing(source: IntakeSource, header: String) {
        let text = reason(check(source, ["Content-Type": "application/json"]))
        #expect(text.hasPrefix(header + " is missing"), "\(text)")
    }

    @Test("a body changed after signing is a mismatch", arguments: [IntakeSource.canonical, .bamboohr, .hibob, .merge])
    func tamperedBody(source: IntakeSource) {
        let text = reason(check(source, signed(source), body: Data(#"{"event_type":"employee.hired"}"#.utf8)))
        #expect(text.contains("mismatch"), "\(text)")
    }

    @Test("a different secret is a mismatch", arguments: IntakeSource.allCases)
    func wrongSecret(source: IntakeSource) {
        let text = reason(check(source, signed(source), secret: "another-secret"))
        #expect(text.contains("mismatch"), "\(text)")
    }

    @Test("stale and future timestamps are refused beyond five minutes, accepted within", arguments: [IntakeSource.canonical, .bamboohr])
    func tolerance(source: IntakeSource) {
        let headers = signed(source)
        #expect(check(source, headers, now: Self.now.addingTimeInterval(299)) == .valid)
        #expect(check(source, headers, now: Self.now.addingTimeInterval(-299)) == .valid)
        let old = reason(check(source, headers, now: Self.now.addingTimeInterval(301)))
        #expect(old.contains("stale") && old.contains("old"), "\(old)")
        let future = reason(check(source, headers, now: Self.now.addingTimeInterval(-301)))
        #expect(future.contains("stale") && future.contains("in the future"), "\(future)")
    }

    @Test("a re-signed timestamp without the matching MAC is a mismatch (BambooHR signs the timestamp too)")
    func bambooTimestampIsSigned() {
        var headers = signed(.bamboohr)
        headers["X-BambooHR-Timestamp"] = String(Int(Self.now.timeIntervalSince1970) + 1)
        #expect(reason(check(.bamboohr, headers)).contains("mismatch"))
    }

    @Test("malformed signatures are named as malformed", arguments: [
        (IntakeSource.canonical, "X-Keycard-Signature", "v1=abc"),
        (.canonical, "X-Keycard-Signature", "t=1750000000,v1=zz"),
        (.canonical, "X-Keycard-Signature", "t=yesterday,v1=00"),
        (.bamboohr, "X-BambooHR-Signature", "not-hex"),
        (.bamboohr, "X-BambooHR-Signature", "abcd"),
        (.hibob, "Bob-Signature", "***"),
        (.merge, "X-Merge-Webhook-Signature", "c2hvcnQ"),
        (.rippling, "Authorization", "Token abc"),
        (.workday, "Authorization", "Bearer abc"),
    ])
    func malformed(source: IntakeSource, header: String, value: String) {
        var headers = signed(source)
        headers[header] = value
        let text = reason(check(source, headers))
        #expect(text.hasPrefix(header) && text.contains("malformed"), "\(text)")
    }

    @Test("the Keycard header accepts any of several v1 signatures (secret rotation)")
    func rotation() {
        let good = signed(.canonical)["X-Keycard-Signature"]!
        let rotated = good.replacingOccurrences(of: ",v1=", with: ",v1=\(String(repeating: "0", count: 64)),v1=")
        #expect(check(.canonical, ["X-Keycard-Signature": rotated]) == .valid)
    }

    @Test("a missing BambooHR timestamp is named")
    func bambooMissingTimestamp() {
        var headers = signed(.bamboohr)
        headers["X-BambooHR-Timestamp"] = nil
        #expect(reason(check(.bamboohr, headers)) == "X-BambooHR-Timestamp is missing")
    }

    @Test("a source without a configured secret refuses everything", arguments: IntakeSource.allCases)
    func noSecret(source: IntakeSource) {
        let headers = WebhookSigner.headers(for: source, secret: "", body: Self.body, now: Self.now)
        #expect(reason(check(source, headers, secret: "")).contains("no webhook secret"))
    }

    @Test("constant-time comparison compares every byte and the length")
    func constantTime() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
        #expect(ConstantTime.equalSecrets("token", "token"))
        #expect(!ConstantTime.equalSecrets("token", "token2"))
    }

    @Test("hex and base64 decoding accept both cases and both alphabets")
    func encodings() {
        #expect(SignatureEncoding.bytes(fromHex: "0aFF") == [0x0A, 0xFF])
        #expect(SignatureEncoding.bytes(fromHex: "0aF") == nil)
        #expect(SignatureEncoding.bytes(fromBase64: "-_8") == [0xFB, 0xFF])
        #expect(SignatureEncoding.bytes(fromBase64: "+/8=") == [0xFB, 0xFF])
        #expect(SignatureEncoding.bytes(fromBase64: "") == nil)
    }
}
