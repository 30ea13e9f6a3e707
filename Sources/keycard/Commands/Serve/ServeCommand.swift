import ArgumentParser
import Foundation
import Hummingbird
import KeycardEngine
import KeycardIntake

/// `keycard serve`: the webhook listener HR systems post lifecycle events to.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Receive signed HRIS webhooks on POST /webhooks/{source} and run the engine on what they bring.",
        discussion: """
            Secrets come from keycard.yaml (intake.sources.<source>.secret_env / secret_file) or from \
            KEYCARD_WEBHOOK_SECRET_<SOURCE> (or ..._FILE). Each accepted event becomes a run (policies and \
            systems from keycard.yaml) executed when due; --intake-only only receives. GET /healthz for checks. \
            SIGINT/SIGTERM stop after in-flight requests and steps finish.
            """)

    @OptionGroup var options: EngineOptions

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Flag(help: "Only receive and store events; run no engine.")
    var intakeOnly = false

    func run() async throws {
        let (host, port) = try Self.parseListen(listen)
        let runtime = try options.runtime(purpose: intakeOnly ? .operatorCommands : .worker)
        let settings = runtime.config
        let server = WebhookServer(
            configuration: .init(host: host, port: port, secrets: try settings.webhookSecrets(),
                                 maxBodyBytes: settings.intake.maxBodyBytes ?? (1 << 20)),
            pipeline: IntakePipeline(database: runtime.database))
        let app = server.application { port in
            FileHandle.standardError.write(Data("keycard: listening on http://\(host):\(port)\n".utf8))
        }
        guard !intakeOnly else {
            try await app.runService()
            return
        }
        let provisioner = try runtime.provisioner()
        await runtime.engine.start()
        let provisioning = Task { await ProvisioningLoop.run(provisioner, every: settings.engine.pollInterval) }
        defer { provisioning.cancel() }
        do {
            try await app.runService()
        } catch {
            provisioning.cancel()
            await runtime.engine.stop()
            throw error
        }
        provisioning.cancel()
        await runtime.engine.stop()
    }

    static func parseListen(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port)
        else {
            throw ValidationError("--listen must be host:port, e.g. 127.0.0.1:8080 (got \(text))")
        }
        return (String(text[..<colon]), port)
    }
}
