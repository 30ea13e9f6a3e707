import KeycardStore
import Testing

@Suite("Audit redaction")
struct AuditRedactionTests {
    @Test("names containing a secret word in any case are secrets; others are not", arguments: [
        ("api_key", true), ("ClientSecret", true), ("PASSWORD", true), ("refresh-Token", true), ("aws_credentials", true),
        ("keycard_team", true), ("email", false), ("group", false), ("passwd", false), ("", false), ("ke", false),
        ("\u{212A}EY", true), ("Пароль_token", true), ("équipe", false),
    ])
    func secretNames(name: String, secret: Bool) {
        #expect(AuditRedaction.isSecret(name) == secret, "\(name)")
    }

    @Test("only secret values are replaced")
    func redactsValues() {
        let parameters = ["email": "sarah@example.com", "api_token": "t0k3n", "group": "sales"]
        #expect(AuditRedaction.redact(parameters) == [
            "email": "sarah@example.com", "api_token": AuditRedaction.placeholder, "group": "sales",
        ])
        #expect(AuditRedaction.redact(["group": "sales"]) == ["group": "sales"])
    }
}
