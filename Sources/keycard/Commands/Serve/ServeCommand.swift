import ArgumentParser
import Foundation
import Hummingbird
import KeycardIntake

/// `keycard serve`: the webhook listener HR systems post lifecycle events to.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Receive signed HRIS webhooks on POST /webhooks/{source} (GET /healthz for checks).",
        discussion: """
            Secrets come from keycard.yaml (intake.sources.<source>.secret_env / secret_file) or from \
            KEYCARD_WEBHOOK_SECRET_<SOURCE> (or ..._FILE). SIGINT/SIGTERM stop after in-flight requests finish.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Address to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("Config file (default ./keycard.yaml or $KEYCARD_CONFIG).", valueName: "path"))
    var config: String?

    func run() async throws {
        let (host, port) = try Self.parseListen(listen)
        let settings = try KeycardConfig.load(path: config)
        let database = try global.openDatabase()
        let server = WebhookServer(
            configuration: .init(host: host, port: port, secrets: try settings.webhookSecrets(),
                                 maxBodyBytes: settings.intake.maxBodyBytes ?? (1 << 20)),
            pipeline: IntakePipeline(database: database))
        let app = server.application { port in
            FileHandle.standardError.write(Data("keycard: listening on http://\(host):\(port)\n".utf8))
        }
        try await app.runService()
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
