import ArgumentParser
import Foundation
import KeycardConsole
import KeycardCore
import KeycardEngine
import KeycardIntake
import KeycardStore

/// The console over a runtime: the engine started (unless read-only), HR changes turned into runs while it is open,
/// dead-letter replay through intake, and everything stopped again when the console quits.
struct ConsoleSession {
    let runtime: KeycardRuntime
    let dataSource: EngineDataSource
    let readOnly: Bool

    init(runtime: KeycardRuntime, actor: String, readOnly: Bool) {
        self.runtime = runtime
        self.readOnly = readOnly
        let database = runtime.database
        dataSource = EngineDataSource(
            engine: runtime.engine, organization: runtime.config.organization, policies: runtime.policies, actor: actor,
            readOnly: readOnly, replayDeadLetter: { id, _ in try Self.replay(id, database: database) }, executing: !readOnly,
            storePollInterval: .seconds(1))
    }

    /// Runs the console until the person quits; returns its exit code (0, or 128 + signal).
    func run(options: ConsoleOptions) async throws -> Int32 {
        var provisioning: Task<Void, Never>?
        if !readOnly {
            await runtime.engine.start()
            if let provisioner = try? runtime.provisioner() {
                let interval = runtime.config.engine.pollInterval
                provisioning = Task { await ProvisioningLoop.run(provisioner, every: interval) }
            }
        }
        let code: Int32
        do {
            code = try await ConsoleApp(dataSource: dataSource, options: options).run()
        } catch {
            provisioning?.cancel()
            if !readOnly { await runtime.engine.stop() }
            throw CLIError("console: \(error)")
        }
        provisioning?.cancel()
        if !readOnly { await runtime.engine.stop() }
        return code
    }

    static func replay(_ deadLetterID: Int64, database: KeycardDatabase) throws -> String {
        let outcomes: [IngestOutcome]
        do {
            outcomes = try IntakePipeline(database: database).replay(deadLetterID: deadLetterID)
        } catch let error as IntakeError {
            throw ConsoleRefusal("replay refused: \(error.description)")
        }
        let rejected = outcomes.compactMap { outcome -> String? in
            if case .rejected(let id, let errors) = outcome {
                return "dl-\(id): " + errors.map(\.description).joined(separator: "; ")
            }
            return nil
        }
        if let first = rejected.first { throw ConsoleRefusal("replay rejected again (\(first)); the dead letter stays open") }
        return "replayed dl-\(deadLetterID): \(outcomes.count) event\(outcomes.count == 1 ? "" : "s") stored"
    }

    /// `keycard.sqlite` → `keycard-console.log` in the same folder.
    static func defaultLogPath(forDatabase path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base)-console.log").path
    }

    static func exit(with code: Int32) throws {
        if code != 0 { throw ExitCode(code) }
    }
}
