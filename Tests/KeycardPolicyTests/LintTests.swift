import Foundation
import KeycardCore
import KeycardPolicy
import KeycardTestSupport
import Testing

@Suite("Lint")
struct LintTests {
    func lint(_ files: [String: String], known: Set<String> = []) throws -> [LintFinding] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return PolicyLinter.lint(directory: directory.path, catalog: SeedCatalog.catalog, knownAttributes: known)
    }

    @Test("the demo policies lint clean")
    func demoClean() throws {
        let findings = PolicyLinter.lint(directory: PolicyFixtures.demoPolicies, catalog: SeedCatalog.catalog, knownAttributes: [])
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test("each problem is found with its code", arguments: [
        ("- id: a\n  when: employee.departmnt == \"Sales\"\n  grants: [ { system: okta, action: create_user } ]\n", "unknown-attribute", "did you mean employee.department"),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: octa, action: create_user } ]\n", "unknown-system", "did you mean okta"),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: okta, action: make_user } ]\n", "unknown-action", "okta has no action 'make_user'"),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: okta, action: add_to_group } ]\n", "missing-parameter", "needs parameter 'group'"),
        ("- id: a\n  when: employee.department == \"Sales\" && employee.department == \"HR\"\n  grants: [ { system: okta, action: create_user } ]\n", "never-true", "can never be true"),
        ("- id: a\n  when: employee.team in [\"a\"] && employee.team != \"a\"\n  grants: [ { system: okta, action: create_user } ]\n", "never-true", ""),
        ("- id: a\n  when: has(employee.team) && !has(employee.team)\n  grants: [ { system: okta, action: create_user } ]\n", "never-true", ""),
        ("- id: a\n  when: 1 > 2 || false\n  grants: [ { system: okta, action: create_user } ]\n", "never-true", ""),
        ("- id: a\n  when: \"true\"\n  grants: []\n", "empty-policy", ""),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: okta, action: create_user } ]\n- id: a\n  when: \"true\"\n  grants: []\n", "duplicate-id", "already used at p.yaml:1"),
        ("- id: a\n  when: \"true\"\n  grants: [ { system: okta, action: create_user ]\n", "yaml", "YAML error"),
        ("- id: a\n  when: employee.x ==\n  grants: []\n", "invalid", "expected a value"),
        ("- id: d\n  effect: deny\n  bundle: nothing\n  when: \"true\"\n", "unused-bundle", "removes nothing"),
        ("""
        - id: a
          when: employee.department == "Sales" && employee.employment_type == "contractor"
          grants: [ { system: aws, action: assign_permission_set, permission_set: X, bundle: prod } ]
        - id: d
          effect: deny
          bundle: prod
          when: employee.employment_type == "contractor"
        """, "always-denied", "removed for everyone by deny rule d"),
    ])
    func finds(text: String, code: String, message: String) throws {
        let findings = try lint(["p.yaml": text])
        let finding = try #require(findings.first { $0.code == code }, "\(findings)")
        #expect(message.isEmpty || finding.message.contains(message), "\(finding)")
        #expect(finding.file == "p.yaml")
        #expect(finding.line >= 1)
    }

    @Test("attributes seen on stored employees are known")
    func knownAttributes() throws {
        let text = "- id: a\n  when: employee.cost_center == \"cc-1\"\n  grants: [ { system: okta, action: create_user } ]\n"
        #expect(try lint(["p.yaml": text]).contains { $0.code == "unknown-attribute" })
        #expect(try lint(["p.yaml": text], known: ["cost_center"]).isEmpty)
    }

    @Test("lint takes any catalog")
    func customCatalog() throws {
        let set = try PolicyFixtures.demoSet()
        let catalog = CapabilityCatalog([SystemCapabilities(system: "okta", displayName: "Okta", actions: [])])
        let findings = set.lint(catalog: catalog, knownAttributes: [])
        #expect(findings.contains { $0.code == "unknown-system" && $0.message.contains("'google'") })
        #expect(findings.contains { $0.code == "unknown-action" && $0.message.contains("'create_user'") })
    }
}
